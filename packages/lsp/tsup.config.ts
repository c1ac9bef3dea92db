import { defineConfig } from "tsup";

// dist/index.js (the library: startServer, createServer, the service) and dist/main.js (the stdio
// entry: `node dist/main.js --stdio`).  Workspace packages stay external: the CLI shares one core.
export default defineConfig({
  entry: ["src/index.ts", "src/main.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "node20",
});
