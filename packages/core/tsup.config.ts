import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "trace-text": "src/explain/trace-text.ts" },
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // Chevrotain pulls in lodash-es as hundreds of small ES modules: loading them took ~300 ms of
  // every `kp` start.  Bundled into core they load in ~10 ms.
  noExternal: ["chevrotain", /^@chevrotain\//, "lodash-es"],
});
