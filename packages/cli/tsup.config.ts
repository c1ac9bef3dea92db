import { defineConfig } from "tsup";

// Two entries: the `kp` executable (src/cli.ts keeps its shebang; tsup marks it executable) and the
// library (src/index.ts, with declarations).  Dependencies stay external: the workspace packages
// resolve to their built dist/ at run time.
export default defineConfig({
  entry: { cli: "src/cli.ts", index: "src/index.ts" },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts" } },
  sourcemap: true,
  clean: true,
  target: "node20",
});
