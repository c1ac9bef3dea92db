/**
 * prettier-plugin-kp — the canonical layout of .kp rulebooks, as a Prettier 3 plugin.
 *
 *   prettier --plugin prettier-plugin-kp 细则.kp
 *   await prettier.format(text, { parser: "kp", plugins: [plugin] })
 *   await formatKp(text, { filepath })          // what `kp fmt` and the language server call
 *
 * text ──preprocess──▶ text (trivia as spaces) ──parseKp──▶ AST ──Prettier: attach comments──▶
 *   print (doc builders) ──▶ formatted text
 */
import plugin from "./plugin.js";

export default plugin;
export { languages, parsers, printers, options } from "./plugin.js";
export { formatKp, type FormatKpOptions } from "./format.js";
export { KpSyntaxError } from "./parse.js";
