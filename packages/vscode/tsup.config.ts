import { cpSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The workspace packages are bundled from their sources (one copy of core in the server).
const alias = {
  "@kaoping/core": here("../core/src/index.ts"),
  "@kaoping/facts": here("../facts/src/index.ts"),
  "@kaoping/lint": here("../lint/src/index.ts"),
  "prettier-plugin-kp": here("../prettier-plugin-kp/src/index.ts"),
  // The server uses only the clause recogniser of @kaoping/import (根据条文生成计分方式): its module
  // alone, so the readers' dependencies (exceljs, parse5, jszip) stay out of the extension.
  "@kaoping/import": here("../import/src/recognise/index.ts"),
};

/**
 * Copies the grammar and the language configuration from grammar/ into the extension, and the
 * language reference into docs/ (hovers on keywords link to its sections: service/reference.ts).
 */
async function copyGrammar(): Promise<void> {
  mkdirSync(here("./syntaxes"), { recursive: true });
  mkdirSync(here("./docs"), { recursive: true });
  cpSync(here("../../grammar/语言参考.md"), here("./docs/语言参考.md"));
  cpSync(here("../../grammar/kp.tmLanguage.json"), here("./syntaxes/kp.tmLanguage.json"));
  cpSync(here("../../grammar/kptest.tmLanguage.json"), here("./syntaxes/kptest.tmLanguage.json"));
  cpSync(here("../../grammar/language-configuration.json"), here("./language-configuration.json"));
  cpSync(here("../../grammar/kptest-language-configuration.json"), here("./kptest-language-configuration.json"));
}

export default defineConfig([
  // The client: CommonJS, as VS Code loads extensions; `vscode` is provided by the editor.
  {
    entry: { extension: "src/extension.ts" },
    format: ["cjs"],
    outExtension: () => ({ js: ".cjs" }),
    platform: "node",
    target: "node20",
    external: ["vscode"],
    noExternal: ["vscode-languageclient", "minimatch", "semver"],
    sourcemap: true,
    clean: true,
    onSuccess: copyGrammar,
    esbuildOptions(options) {
      // core's explanation words only (no imports but types): the client does not carry core.
      options.alias = { "@kaoping/core/trace-text": here("../core/src/explain/trace-text.ts") };
    },
  },
  // The language server, self-contained (core, lint, the Prettier plugin and Prettier inside).
  {
    entry: { server: "../lsp/src/main.ts" },
    format: ["esm"],
    outExtension: () => ({ js: ".mjs" }),
    platform: "node",
    target: "node20",
    noExternal: [/.*/],
    sourcemap: false,
    clean: false,
    esbuildOptions(options) {
      options.alias = alias;
      // CommonJS dependencies (vscode-languageserver) call require() for Node built-ins.
      options.banner = {
        js: 'import { createRequire as __kpCreateRequire } from "node:module"; const require = __kpCreateRequire(import.meta.url);',
      };
    },
  },
]);
