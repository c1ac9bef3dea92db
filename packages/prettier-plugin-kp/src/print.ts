/**
 * The `kp-ast` printer: AST → Prettier doc.  Prints from the AST only, so keyword aliases, full-width
 * characters and statement punctuation come out in their one canonical form; strings are printed
 * verbatim.  The layout is described (in Chinese, with examples) in the package README.
 */
import type * as A from "@kaoping/core";
import { doc, util, type AstPath, type Doc, type ParserOptions } from "prettier";
import { commentDoc, isStatement, printDanglingComments, printWithComments, startsLine } from "./comments.js";
import { blockItems, blockKinds, locEnd, locStart, type KpComment, type PNode } from "./parse.js";
import { visitorKeys } from "./visitor-keys.js";

const { fill, group, hardline, indent, join, line, literalline, softline } = doc.builders;

type Print = (selector?: string | number | (string | number)[]) => Doc;
type Options = ParserOptions<PNode>;

// ---------------------------------------------------------------- plain text of small nodes

/** `0.5`, `75%`, `16分`, `4 次`, `1 个百分点`: 分 is written against the number, other words after a space. */
export function numberText(n: A.NumberLit): string {
  const base = n.text + (n.percent ? "%" : "");
  if (!n.measure) return base;
  return n.measure === "分" ? base + n.measure : `${base} ${n.measure}`;
}

function stringText(s: A.StringLit): string {
  return `「${s.value}」`;
}

/** The text of a band's range, for alignment. */
function rangeText(r: A.Interval | A.MissingCase | undefined): string {
  if (!r) return "";
  if (r.kind === "Missing") return "未报送";
  if (r.form === "bracket") {
    const lower = r.lower ? minus(r.lowerNegative, r.lower) + numberText(r.lower) : "";
    const upper = r.upper ? minus(r.upperNegative, r.upper) + numberText(r.upper) : "";
    return `${r.lowerInclusive ? "[" : "("}${lower}, ${upper}${r.upperInclusive ? "]" : ")"}`;
  }
  const upperForm = r.form === "≤" || r.form === "<";
  const bound = upperForm ? r.upper : r.lower;
  return `${r.form} ${bound ? minus(upperForm ? r.upperNegative : r.lowerNegative, bound) + numberText(bound) : ""}`;
}

/** The minus sign of a negative band bound (分段 可为负), written `-`; none on a zero (`-0` is `0`). */
function minus(negative: boolean | undefined, n: A.NumberLit): string {
  return negative && !/^[0.]+$/.test(n.text) ? "-" : "";
}

const width = (s: string) => util.getStringWidth(s);

/** Widest entry of a column, cached per parent node. */
const columnWidths = new WeakMap<object, number>();
function columnWidth(owner: object, texts: () => string[]): number {
  let w = columnWidths.get(owner);
  if (w === undefined) {
    w = Math.max(0, ...texts().map(width));
    columnWidths.set(owner, w);
  }
  return w;
}

// ---------------------------------------------------------------- sequences and blocks

/** Items that always stand apart from their neighbours with a blank line. */
const spacedKinds = new Set(["Indicator", "BonusSection", "PenaltySection", "Grades"]);

/** The group of each printed rule and its content on one line. */
const ruleLayouts = new WeakMap<object, { group: Doc; flat: Doc }>();

/** How many block levels deep the items of the current node are printed. */
function depthOf(path: AstPath<PNode>): number {
  let depth = 0;
  for (const n of [path.node, ...path.ancestors]) if (blockKinds.has((n as PNode).kind)) depth++;
  return depth;
}

/**
 * The rules of one block are laid out alike: if one of them does not fit on a line, every rule of
 * the block puts its body on the next line.  A rule with a comment inside never fits.
 */
function layOutRules(items: PNode[], path: AstPath<PNode>, options: Options): void {
  const rules = items.filter((item) => item.kind === "Rule" && ruleLayouts.has(item));
  if (rules.length === 0) return;
  const indentWidth = depthOf(path) * options.tabWidth;
  const fits = (rule: PNode) => {
    if (hasInnerComments(rule)) return false;
    const flat = ruleLayouts.get(rule)!.flat;
    const text = doc.printer.printDocToString(flat, { printWidth: Infinity, tabWidth: options.tabWidth, useTabs: options.useTabs }).formatted;
    return !text.includes("\n") && indentWidth + width(text) <= options.printWidth;
  };
  if (rules.every(fits)) return;
  for (const rule of rules) (ruleLayouts.get(rule)!.group as { break: boolean }).break = true;
}

/** Whether a comment is attached anywhere below the node. */
function hasInnerComments(node: PNode): boolean {
  return visitorKeys(node).some((key) => {
    const v = (node as unknown as Record<string, unknown>)[key];
    return (Array.isArray(v) ? v : [v]).some((c) => c && typeof c === "object" && (((c as PNode).comments?.length ?? 0) > 0 || hasInnerComments(c as PNode)));
  });
}

/**
 * One item per line.  A blank line separates two items when either is an indicator, section or
 * 等次 block, or when the user left one (at most one is kept).
 */
function printItems(path: AstPath<PNode>, options: Options, print: Print, key: string): Doc[] {
  const items = (path.node as unknown as Record<string, PNode[]>)[key] ?? [];
  const printed = items.map((_, i) => print([key, i]));
  layOutRules(items, path, options);
  const parts: Doc[] = [];
  items.forEach((item, i) => {
    parts.push(printed[i]!);
    const next = items[i + 1];
    if (!next) return;
    parts.push(hardline);
    if (spacedKinds.has(item.kind) || spacedKinds.has(next.kind) || util.isNextLineEmpty(options.originalText, locEnd(item))) {
      parts.push(hardline);
    }
  });
  return parts;
}

/** `head {` items `}`, with comments that belong after `{` or inside an empty block. */
function printBlock(path: AstPath<PNode>, options: Options, print: Print, head: Doc, key: string): Doc {
  const open = printDanglingComments(path, "open");
  const inner = printDanglingComments(path, "inner");
  const hasItems = blockItems(path.node).length > 0;
  if (!hasItems && open.length === 0 && inner.length === 0) return [head, " {}"];

  // Comments after `{` stay on its line up to the first `//` one; later ones start the block.
  const sameLine: Doc[] = [];
  const body: Doc[] = [];
  let onOwnLine = false;
  for (const { doc: d, comment } of open) {
    if (onOwnLine) body.push(d, hardline);
    else sameLine.push(" ", d);
    if (comment.style === "line") onOwnLine = true;
  }
  if (hasItems) body.push(...printItems(path, options, print, key));
  else if (inner.length > 0) body.push(printCommentLines(inner.map((x) => x.comment), options));
  else body.pop(); // the last own-line open comment needs no line break after it
  return [head, " {", ...sameLine, body.length > 0 ? indent([hardline, ...body]) : "", hardline, "}"];
}

/** Comments on their own lines, keeping at most one blank line between them. */
function printCommentLines(comments: KpComment[], options: Options): Doc {
  const parts: Doc[] = [];
  comments.forEach((c, i) => {
    if (i > 0) {
      parts.push(hardline);
      if (util.isPreviousLineEmpty(options.originalText, c.span.start.offset)) parts.push(hardline);
    }
    parts.push(commentDoc(c));
  });
  return parts;
}

/** `「a」、「b」、「c」`, wrapping after a `、` when the line is full. */
function printList(path: AstPath<PNode>, print: Print, key: string): Doc {
  const items = path.map(() => print(), key as never) as Doc[];
  return fill(join(softline, items.map((d, i) => (i < items.length - 1 ? [d, "、"] : d))));
}

// ---------------------------------------------------------------- the printer

export function print(path: AstPath<PNode>, options: Options, print: Print): Doc {
  const node = path.node;
  let out = printNode(path, options, print);
  // Dangling comments on nodes that have no block: never expected, but never lost either.
  if (node.kind !== "File" && node.comments?.some((c) => !c.leading && !c.trailing && !c.marker)) {
    const rest = printDanglingComments(path).filter((x) => !x.comment.marker);
    out = [out, ...rest.map((x) => [" ", x.doc])];
  }
  return printWithComments(path, options, out, isStatement(node));
}

/** `// prettier-ignore`: the node's text as written, with its comments around it. */
export function printPrettierIgnored(path: AstPath<PNode>, options: Options): Doc {
  const node = path.node;
  const text = options.originalText.slice(locStart(node), locEnd(node));
  return printWithComments(path, options, join(literalline, text.split("\n")), isStatement(node));
}

function printNode(path: AstPath<PNode>, options: Options, print: Print): Doc {
  const node = path.node;
  const p = (key: string) => print(key);
  const opt = (key: string, before: Doc = " ") => ((node as unknown as Record<string, unknown>)[key] ? [before, print(key)] : "");

  switch (node.kind) {
    case "File": {
      if (node.items.length === 0) {
        const comments = printDanglingComments(path).map((x) => x.comment);
        return comments.length > 0 ? [printCommentLines(comments, options), hardline] : "";
      }
      return [...printItems(path, options, print, "items"), hardline];
    }

    // ---- literals
    case "String":
      return stringText(node);
    case "Number":
      return numberText(node);
    case "Comment":
      return commentDoc(node as unknown as KpComment);

    // ---- header
    case "Title":
      return ["细则", indent(opt("title"))];
    case "Year":
      return ["年度", indent(opt("value"))];
    case "Subject":
      return ["对象", indent(opt("text"))];
    case "Classes":
      return ["类别 ", indent(printList(path, print, "names"))];
    case "Total":
      return ["总分", indent([opt("value"), node.rescale ? " 折算" : ""])];
    case "Rounding":
      return ["舍入 保留", indent(opt("places"))];
    case "Include":
      return ["引入", indent(opt("target"))];
    case "Grades":
      return printBlock(path, options, print, "等次", "grades");
    case "Grade": {
      const up = path.parent as A.GradesDecl;
      const col = columnWidth(up, () => up.grades.map((g) => (g.name ? stringText(g.name) : "")));
      const name = node.name ? stringText(node.name) : "";
      const pad = " ".repeat(Math.max(0, col - width(name)) + 1);
      const rest = node.otherwise ? "其余" : join(" 且 ", path.map(() => print(), "conditions"));
      return [node.name ? p("name") : "", indent([pad, rest])];
    }
    case "ScoreCondition":
      return [node.op, opt("value")];
    case "RankCondition":
      return ["前", opt("value")];

    // ---- indicators
    case "Indicator": {
      // points that differ by class: 5分 其中 「其他县」 3分、「园区」 2分
      const classPoints = node.classPoints ? path.map(() => print(), "classPoints") : [];
      const among = classPoints.length > 0 ? [" 其中 ", fill(join(softline, classPoints.map((d, i) => (i < classPoints.length - 1 ? [d, "、"] : d))))] : "";
      return printBlock(path, options, print, ["指标", indent([opt("name"), opt("points"), among])], "items");
    }
    case "Code":
      return ["编号", indent(opt("code"))];
    case "Departments":
      return ["考评单位 ", indent(printList(path, print, "names"))];
    case "Applies":
      return ["适用 ", indent(printList(path, print, "classes"))];
    case "Refer": {
      const taker = node.notConcerned ? " 未涉及" : opt("unitClass");
      const source = node.pool ? (node.pool === "same" ? " 同类单位" : " 各单位") : opt("unit");
      const agg = node.aggregate ? { average: " 平均分", max: " 最高分", min: " 最低分" }[node.aggregate as "average" | "max" | "min"] : "";
      return ["参照", indent([taker, " 以", source, agg, " 为准"])];
    }
    case "Note":
      return ["注", indent(opt("text"))];
    case "CapGroup":
      return printBlock(path, options, print, ["合计 上限", indent(opt("cap"))], "items");
    case "HighestGroup":
      return printBlock(path, options, print, ["就高", indent(opt("cap", " 上限 "))], "items");
    case "ChoiceGroup":
      return printBlock(path, options, print, ["择一"], "items");
    case "BonusSection":
      return printBlock(path, options, print, ["加分", indent([opt("name"), opt("cap", " 上限 ")])], "items");
    case "PenaltySection":
      return printBlock(path, options, print, ["减分", indent([opt("name"), opt("cap", " 上限 ")])], "items");

    // ---- rules
    case "Rule": {
      // `规则 「name」 「clause」` then the body: on the same line when every rule of the block
      // fits on one line, otherwise on the next line, indented (see printItems).  The clause is
      // never broken.
      // When the body and its modifiers do not fit on one line, each modifier takes its own.
      // A comment on its own line before the clause keeps the clause on the next line.
      const clauseOnOwnLine = (node.clause as PNode | undefined)?.comments?.some((c) => c.leading && c.marker !== "inline" && startsLine(c, options.originalText));
      // 待核 (a scoring the importer wrote, not yet checked) stays right after the clause.
      const head: Doc = ["规则", indent([opt("name"), opt("clause", clauseOnOwnLine ? hardline : " "), opt("review")])];
      const body: Doc = node.body ? p("body") : "";
      const modifiers = path.map(() => print(), "modifiers");
      const g = group([head, indent([line, group([body, ...modifiers.map((m) => [line, m])])])]);
      ruleLayouts.set(node, { group: g, flat: [head, " ", body, ...modifiers.map((m) => [" ", m])] });
      return g;
    }
    case "Per":
      return [join(" ", path.map(() => print(), "units")), " ", action(node.action), opt("amounts")];
    case "UnitWord":
      return node.text;
    case "OneShot":
      return [action(node.action), opt("amounts"), opt("otherwise")];
    case "Else":
      return ["否则 ", { deduct: "扣", overdraft: "倒扣", award: "得" }[node.action], opt("amount")];
    case "Rated": {
      const names = path.map(() => print(), "names");
      const values = path.map(() => print(), "values");
      return [
        "评为 ",
        indent(fill(join(softline, names.map((d, i) => (i < names.length - 1 ? [d, "、"] : d))))),
        " 分别",
        action(node.action),
        " ",
        indent(fill(join(softline, values.map((d, i) => (i < values.length - 1 ? [d, "、"] : d))))),
      ];
    }
    case "RatedValue":
      return node.full ? "满分" : node.value ? p("value") : "";
    case "Zero":
      return "不得分";
    case "Todo":
      return "待补";
    case "ReviewMark":
      return "待核";
    case "Amount": {
      if (node.overrides.length === 0) return p("value");
      const overrides = path.map(() => print(), "overrides");
      return [
        node.value ? p("value") : "",
        " 其中 ",
        indent(fill(join(softline, overrides.map((d, i) => (i < overrides.length - 1 ? [d, "、"] : d))))),
      ];
    }
    case "ClassAmount":
      return [node.unitClass ? p("unitClass") : "", opt("value")];
    case "Categories": {
      const entries = path.map(() => print(), "entries");
      return indent(fill(join(softline, entries.map((d, i) => (i < entries.length - 1 ? [d, "、"] : d)))));
    }
    case "CategoryAmount":
      return [node.name ? p("name") : "", opt("value")];
    case "Bands":
      return printBlock(path, options, print, node.signed ? "分段 可为负" : "分段", "bands");
    case "Band": {
      // Outcomes line up in one column inside a 分段 block.
      const up = path.parent as A.BandsBody;
      const col = columnWidth(up, () => up.bands.map((b) => rangeText(b.range)));
      const pad = " ".repeat(Math.max(0, col - width(rangeText(node.range))) + 1);
      return [node.range ? p("range") : "", indent([pad, node.outcome ? p("outcome") : "", opt("steps")])];
    }
    case "BandSteps": {
      const mode = node.mode ? modeWords[node.mode] : undefined;
      return [node.word, opt("step"), " ", action(node.action), opt("amount"), mode ? [" ", mode] : ""];
    }
    case "Interval": {
      if (node.form === "bracket") {
        const lo = node.lower ? [minus(node.lowerNegative, node.lower), p("lower")] : "";
        const hi = node.upper ? [minus(node.upperNegative, node.upper), p("upper")] : "";
        return [node.lowerInclusive ? "[" : "(", lo, ", ", hi, node.upperInclusive ? "]" : ")"];
      }
      const key = node.form === "≤" || node.form === "<" ? "upper" : "lower";
      const bound = node.form === "≤" || node.form === "<" ? node.upper : node.lower;
      const neg = node.form === "≤" || node.form === "<" ? node.upperNegative : node.lowerNegative;
      return [node.form, indent(bound ? [" ", minus(neg, bound), p(key)] : "")];
    }
    case "Missing":
      return "未报送";
    case "Outcome":
      return node.action === "zero" ? "不得分" : [action(node.action), opt("amount")];
    case "Linear": {
      const mode = node.mode ? modeWords[node.mode] : undefined;
      const base = node.baseFrom ? [" ", baseFromWords[node.baseFrom]] : opt("base");
      return [
        "基准",
        base,
        " ",
        node.word,
        opt("step"),
        " ",
        action(node.action),
        opt("amount"),
        mode ? [" ", mode] : "",
        opt("sideCap", " 上限 "),
        node.other ? ["，", p("other")] : "",
        opt("cutoff"),
      ];
    }
    case "LinearSide": {
      const mode = node.mode ? modeWords[node.mode] : undefined;
      return [node.word, opt("step"), " ", action(node.action), opt("amount"), mode ? [" ", mode] : "", opt("cap", " 上限 ")];
    }
    case "Cutoff":
      return [node.direction === "below" ? "低于" : "高于", opt("value"), opt("outcome")];
    case "Shortfall":
      return ["至少", opt("target"), " 每少", opt("step"), " 扣", opt("amount")];
    case "Assessed":
      return ["按评价 得分", opt("max", " 满分 "), opt("scale", " 折算自 ")];
    case "Rate":
      return ["按比率 得分", opt("max", " 满分 "), opt("scale", " 折算自 ")];
    case "Proportional":
      return ["按最高比例 得分", opt("max", " 满分 "), opt("scale", " 折算自 ")];
    case "Ranked": {
      const by = node.by === "indicator" ? ["按", opt("indicator"), " 得分 排名"] : node.by === "total" ? "按 总分 排名" : "按排名 得分";
      if (node.table) {
        const places = path.map(() => print(), "table");
        return [by, opt("max", " 满分 "), " 依次 得 ", join("、", places), opt("rest", " 其余 得 "), node.lowerIsBetter ? " 越低越好" : ""];
      }
      return [by, opt("max", " 满分 "), " 每后退一位 扣", opt("step"), node.lowerIsBetter ? " 越低越好" : ""];
    }
    case "Discretion":
      return [node.unit ? [print("unit"), " "] : "", "酌情 ", action(node.action), opt("min"), " 至", opt("max")];
    case "Committee":
      return "评议 得分";
    case "Veto":
      return node.level === "fail" ? "一票否决" : "一票否优";

    // ---- modifiers
    case "Cap":
      return ["上限", opt("value")];
    case "Overdraft":
      return "倒扣";
    case "Multiplier":
      return [node.factor === "double" ? "加倍" : "减半", " 当", opt("flag")];
    case "Waiver":
      return [node.mode === "cancel" ? "免扣" : "可减免", " 当", opt("flag")];
    case "Occurrences":
      return ["其中 ", indent(printList(path, print, "entries"))];
    case "OccurrenceFactor": {
      const word = node.factor === "double" ? " 加倍" : node.factor === "half" ? " 减半" : [node.factor === "plus" ? " 加" : " 按", opt("n"), "倍"];
      return [node.condition ? p("condition") : "", word];
    }
    case "Average":
      return ["按", opt("fact"), opt("value"), " 平均"];
  }
  return "";
}

const modeWords: Record<A.StepMode, string> = { proportional: "按比例", floor: "不足一档不计", ceil: "不足一档按一档计", round: "不足一档四舍五入" };
const baseFromWords: Record<A.BaseFrom, string> = { average: "平均值", median: "中位数", target: "目标值" };

function action(a: A.Action): string {
  return a === "award" ? "得" : "扣";
}
