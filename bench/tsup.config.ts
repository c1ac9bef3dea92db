import { defineConfig } from "tsup";

// The bench is bundled with the same transpiler and target as the packages (esbuild via tsup), core's
// source included, so figures 1–3 measure code compiled as `pnpm build` compiles it.  (Run through tsx
// instead, every function gets a keepNames wrapper — Chevrotain rules create closures per call — which
// made parsing ~30% slower than the built package.)  Packages from node_modules stay external.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  target: "node20",
  platform: "node",
  sourcemap: true,
  clean: true,
  splitting: false,
  external: [/^[^./]/],
});
