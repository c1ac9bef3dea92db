/**
 * The core under measurement, imported from its TypeScript source (run through tsx), so the figures
 * always describe the current code — no stale dist/, no build step before `pnpm bench`.  The CLI and
 * language-server figures, which spawn real processes, use their built dist/ instead.
 */
export * from "../../packages/core/src/index.js";
