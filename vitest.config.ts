import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Unit and integration tests import the workspace packages from source; tests that run a real
// process (CLI, language server, VS Code) use the built dist/, which `pnpm test` builds first.
export default defineConfig({
  resolve: {
    alias: {
      "@kaoping/core/trace-text": src("./packages/core/src/explain/trace-text.ts"),
      "@kaoping/core": src("./packages/core/src/index.ts"),
      "@kaoping/facts": src("./packages/facts/src/index.ts"),
      "@kaoping/lint": src("./packages/lint/src/index.ts"),
      "@kaoping/lsp": src("./packages/lsp/src/index.ts"),
      "@kaoping/import": src("./packages/import/src/index.ts"),
      "@kaoping/template": src("./packages/template/src/index.ts"),
      "@kaoping/report": src("./packages/report/src/index.ts"),
      "@kaoping/engines": src("./packages/engines/src/index.ts"),
      "prettier-plugin-kp": src("./packages/prettier-plugin-kp/src/index.ts"),
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts", "bench/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
