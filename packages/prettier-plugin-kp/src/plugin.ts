/**
 * The Prettier plugin object: the `kp` language, its parser and the `kp-ast` printer.
 */
import type { Parser, Printer, SupportLanguage, SupportOptions } from "prettier";
import { canAttachComment, handleComments, hasPrettierIgnore, isBlockComment, printComment } from "./comments.js";
import { locEnd, locStart, parse, preprocess, type KpRoot, type PNode } from "./parse.js";
import { print, printPrettierIgnored } from "./print.js";
import { visitorKeys } from "./visitor-keys.js";

/** The language Prettier formats with this plugin: `.kp` files. */
export const languages: SupportLanguage[] = [
  {
    name: "kp",
    aliases: ["kaoping", "考评细则"],
    parsers: ["kp"],
    extensions: [".kp"],
    vscodeLanguageIds: ["kp"],
  },
];

/** The `kp` parser: core's parser; text with syntax errors is refused (a {@link KpSyntaxError}). */
export const parsers: Record<"kp", Parser<KpRoot | PNode>> = {
  kp: {
    parse: (text, options) => parse(text, options as { filepath?: string }),
    preprocess: (text) => preprocess(text),
    astFormat: "kp-ast",
    locStart,
    locEnd,
  },
};

const printer: Printer<PNode> = {
  print,
  printPrettierIgnored,
  willPrintOwnComments: () => true,
  getVisitorKeys: (node) => visitorKeys(node as { kind?: string }),
  canAttachComment,
  isBlockComment: (c) => isBlockComment(c as never),
  printComment: (path) => printComment(path as never),
  handleComments,
  hasPrettierIgnore,
  massageAstNode: Object.assign(
    (original: { kind?: string }, cloned: Record<string, unknown>) => {
      delete cloned.span;
      if (original.kind === "Comment") cloned.text = String(cloned.text).trimEnd();
    },
    { ignoredProperties: new Set(["span", "value", "path", "comments"]) },
  ),
};

/** The `kp-ast` printer. */
export const printers: Record<"kp-ast", Printer<PNode>> = { "kp-ast": printer };

/**
 * No options of its own: `printWidth`, `tabWidth` and `useTabs` are Prettier's.  Everything else
 * about the layout is fixed on purpose (see the README).
 */
export const options: SupportOptions = {};

/** The plugin, as `prettier --plugin` and `prettier.format(…, { plugins })` take it. */
const plugin = { languages, parsers, printers, options };
export default plugin;
