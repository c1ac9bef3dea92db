import { defineConfig } from "tsup";

// dist/index.js with declarations.  Dependencies stay external (exceljs is imported only when an
// .xlsx file is read, so a language server that never reads one never loads it).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
