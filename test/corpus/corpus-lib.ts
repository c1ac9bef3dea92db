/**
 * The corpus of real clauses (issue 11): rulebooks under `test/corpus/clauses/*.json`, their faithful
 * encodings rendered to `test/corpus/kp/<rulebook>.kp`, deliberate mis-encodings in
 * `test/corpus/misencodings.json`, and the figures the team tracks (`test/corpus/figures.json`).
 *
 * A clause is encoded either by `kp` (the scoring part of one rule, or several rules sharing the
 * clause) or not at all, with `needs` (the constructs of issue 11 §1, numbered 1–16, it would need;
 * empty when none of them would do) and `why`.  The catalogue of a rulebook is rendered from its JSON
 * so that a mis-encoding is the same catalogue with one rule's code replaced.
 *
 * Used by `scripts/corpus-figures.ts` (prints and writes the figures, and regenerates the .kp and the
 * mis-encodings with `--write`) and by `test/corpus/corpus.test.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeFiles, perUnits, type Analysis, type Diagnostic, type SourceHost } from "@kaoping/core";
import { lintAnalysis } from "@kaoping/lint";

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));
export const CLAUSES_DIR = join(CORPUS_DIR, "clauses");
export const KP_DIR = join(CORPUS_DIR, "kp");
export const MIS_FILE = join(CORPUS_DIR, "misencodings.json");
export const FIGURES_FILE = join(CORPUS_DIR, "figures.json");

export interface Clause {
  /** Unique over the corpus; also the rule name in the catalogue. */
  id: string;
  /** The indicator (or 加分/减分 section) the clause belongs to, as the rulebook names it. */
  indicator: string;
  /** The indicator's points (the section's cap for 加分/减分); null when the page does not state them. */
  points: number | null;
  /**
   * The points the clause's own row shows in the points column (标准分/分值), decimal text, when the item has
   * several rows each with its points and the clause is its row's only one (or the item is one row); absent
   * when the copy does not show them for that row.
   */
  rowPoints?: string;
  /** `加分` or `减分` when the clause sits in such a section rather than in an indicator. */
  section?: "加分" | "减分";
  /** A group the clause's rules sit in, e.g. `合计 上限 2` or `就高`: consecutive clauses with the same group share it. */
  group?: string;
  /** The clause, verbatim as found (masks and typos kept). */
  text: string;
  /** The item's requirement when the rulebook states it apart from the clause (「人民调解卷宗全年不少于50件、…」), verbatim. */
  item?: string;
  /**
   * The header of the table column the clause is in, verbatim (「扣分标准」), when the copy shows a table with a header
   * (session 28). The recogniser gets it as `ClauseContext.header`: a header naming one direction states the direction
   * of an amount written with no verb.
   */
  header?: string;
  /**
   * The rulebook's notes on scoring as a whole that cover the clause (its 说明/注/备注, 「本项考评…,分项无基准分值,实行累计扣减。」),
   * verbatim (session 28). The recogniser gets them as `ClauseContext.notes`.
   */
  notes?: string[];
  /** The faithful encoding: the scoring part of one rule, or of several rules sharing the clause. */
  kp?: string | string[];
  /**
   * `header`: the clause is about the whole catalogue and `kp` is a header item (「最终得分以满分100分进行折算」:
   * `总分 100分 折算`), written in the catalogue's header with the clause as a comment; it has no rule.
   */
  scope?: "header";
  /** Constructs of issue 11 §1 (1–16) the clause needs to be written exactly; [] = none of them. */
  needs?: number[];
  /** Why the clause cannot be written exactly today (with `needs`), or a remark on the encoding. */
  why?: string;
}

export interface Rulebook {
  id: string;
  title: string;
  issuer: string;
  year: number | null;
  source: string;
  /** How the text was found (search corpus and query), and anything to know about the copy. */
  found: string;
  notes?: string;
  /** Unit classes the encodings use (其中, 适用), declared as 类别. */
  classes?: string[];
  clauses: Clause[];
}

export interface MisEncoding {
  clause: string;
  kind: MutationKind;
  /** The faithful code and the mutated code of the clause's (first) rule. */
  from: string;
  code: string;
}

export type MutationKind =
  | "number"
  | "category-swap"
  | "amount-cap-swap"
  | "cap-to-clause-number"
  | "band-inclusivity"
  | "kind"
  | "direction"
  | "per-occurrence-dropped";

export function loadRulebooks(dir = CLAUSES_DIR): Rulebook[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Rulebook);
}

/**
 * The kinds issue 11 §2 sets its false-negative target on (numbers, swaps, inclusivity, kinds); the
 * others are measured and printed but kept out of the headline figure.
 */
export const TARGET_KINDS: readonly MutationKind[] = [
  "number",
  "category-swap",
  "amount-cap-swap",
  "cap-to-clause-number",
  "band-inclusivity",
  "kind",
];

export function loadMisEncodings(file = MIS_FILE): MisEncoding[] {
  return JSON.parse(readFileSync(file, "utf8")) as MisEncoding[];
}

/**
 * What is wrong with a rulebook's row points (`rowPoints`): each is decimal text, only on a clause of an
 * item (a 加分/减分 section's points are a cap), and an item's rows never show more than its points.
 */
export function rowPointsProblems(book: Rulebook): string[] {
  const out: string[] = [];
  // exact: decimal text as integer millionths (no binary floating point on points)
  const millionths = (s: string): bigint => {
    const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(s);
    return m ? BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? "").padEnd(6, "0")) : 0n;
  };
  const sums = new Map<string, { points: number | null; sum: bigint }>();
  for (const c of book.clauses) {
    if (c.rowPoints === undefined) continue;
    if (!/^\d+(?:\.\d{1,6})?$/.test(c.rowPoints)) out.push(`${c.id}: rowPoints 「${c.rowPoints}」 is not decimal text`);
    if (c.section !== undefined) out.push(`${c.id}: rowPoints in a ${c.section} section`);
    const s = sums.get(c.indicator) ?? { points: c.points, sum: 0n };
    s.sum += millionths(c.rowPoints);
    sums.set(c.indicator, s);
  }
  for (const [indicator, s] of sums) if (s.points !== null && s.sum > millionths(String(s.points))) out.push(`${indicator}: its rows show more than its ${s.points} points`);
  return out;
}

/** The rules of a clause: [rule name, code] pairs (`a`, `a-2`, … when several rules share it). */
export function rulesOf(c: Clause): [string, string][] {
  if (c.kp === undefined || c.scope === "header") return [];
  const codes = Array.isArray(c.kp) ? c.kp : [c.kp];
  return codes.map((code, i) => [i === 0 ? c.id : `${c.id}-${i + 1}`, code]);
}

export const isEncoded = (c: Clause): boolean => c.kp !== undefined;

/** Notional points for an indicator whose points the page does not state (only so the catalogue checks). */
const NOTIONAL = 10;

/**
 * Renders a rulebook's faithful catalogue; `override` replaces the code of one rule (a mis-encoding).
 * Clauses without an encoding are kept as comments, with what they need.
 */
export function renderCatalogue(book: Rulebook, override?: { rule: string; code: string }): string {
  const out: string[] = [];
  out.push(`// ${book.title}`);
  out.push(`// 来源：${book.source}`);
  out.push(`// 由 test/corpus/clauses/${book.id}.json 生成（npx tsx scripts/corpus-figures.ts --write），不要手改。`);
  out.push("");
  out.push(`细则 「${book.title}」`);
  if (book.year !== null) out.push(`年度 ${book.year}`);
  out.push(`对象 「${book.issuer}的考核对象」`);
  if (book.classes?.length) out.push(`类别 ${book.classes.map((c) => `「${c}」`).join("、")}`);
  type Group = { section?: "加分" | "减分"; name: string; points: number | null; clauses: Clause[] };
  const groups: Group[] = [];
  for (const c of book.clauses) {
    if (c.scope === "header") continue;
    let g = groups.find((x) => x.name === c.indicator && x.section === c.section);
    if (!g) groups.push((g = { section: c.section, name: c.indicator, points: c.points, clauses: [] }));
    g.clauses.push(c);
  }
  // A list of vetoes whose page states no points is written without points (a veto-only list, §1.14).
  const vetoOnly = (g: Group): boolean =>
    g.section === undefined &&
    g.points === null &&
    g.clauses.some(isEncoded) &&
    g.clauses.every((c) => rulesOf(c).every(([, code]) => /^一票否[决优]$/.test(code.trim())));
  const total = groups
    .filter((g) => g.section === undefined && g.clauses.some(isEncoded) && !vetoOnly(g))
    .reduce((s, g) => s + (g.points ?? NOTIONAL) * 1_000_000, 0);
  // A rulebook whose clauses here are all bonuses still needs an indicator to check.
  const placeholder = total === 0;
  // A header clause (总分 … 折算) takes the place of the 总分 line, its clause kept as a comment.
  const header = book.clauses.filter((c) => c.scope === "header" && typeof c.kp === "string");
  const totalLine = header.find((c) => (c.kp as string).startsWith("总分"));
  for (const c of header) out.push(`// ${c.id}：${c.text}`);
  for (const c of header) if (c !== totalLine) out.push(c.kp as string);
  out.push(totalLine ? (totalLine.kp as string) : `总分 ${placeholder ? 1 : total / 1_000_000}分`);
  if (placeholder) {
    out.push("");
    out.push("指标 「（本细则的其余指标未收录）」 1分 {");
    out.push("  注 「只为能检查而设」");
    out.push("}");
  }
  for (const g of groups) {
    out.push("");
    const body: string[] = [];
    // The item's requirement, stated apart from its clauses, kept as a note of the indicator (as `kp import`
    // keeps a requirement written in a level column): the bound or base a clause leaves to its item.
    for (const item of new Set(g.clauses.flatMap((c) => (c.item !== undefined ? [c.item] : [])))) body.push(`  注 「${item}」`);
    let open: string | undefined;
    for (const c of g.clauses) {
      const rules = rulesOf(c);
      if (rules.length === 0) {
        body.push(`  // ${c.id} 未编码（需要第 ${c.needs?.length ? c.needs.join("、") : "—"} 项）：${c.text}`);
        continue;
      }
      if (open !== c.group) {
        if (open !== undefined) body.push("  }");
        if (c.group !== undefined) body.push(`  ${c.group} {`);
        open = c.group;
      }
      const pad = open !== undefined ? "  " : "";
      for (const [name, code] of rules) {
        const written = override && override.rule === name ? override.code : code;
        body.push(`${pad}  规则 「${name}」 「${c.text}」`);
        body.push(`${pad}    ${written}`);
      }
    }
    if (open !== undefined) body.push("  }");
    if (!g.clauses.some(isEncoded)) {
      out.push(`// ${g.section ?? "指标"} 「${g.name}」：条文都未能编码`);
      out.push(...body.map((l) => `//${l}`));
      continue;
    }
    if (g.section) out.push(`${g.section} 「${g.name}」${g.points !== null ? ` 上限 ${g.points}` : ""} {`);
    else if (vetoOnly(g)) out.push(`指标 「${g.name}」 {`);
    else {
      out.push(`指标 「${g.name}」 ${g.points ?? NOTIONAL}分 {`);
      if (g.points === null) out.push(`  注 「所见文本未列明本项分值，取${NOTIONAL}分只为能检查」`);
    }
    out.push(...body);
    out.push("}");
  }
  return out.join("\n") + "\n";
}

/** Analyses one rendered catalogue in memory (a corpus catalogue is one file with no 引入). */
export function analyse(path: string, text: string): Analysis {
  const host: SourceHost = {
    read: (p) => (p === path ? { ok: true, text } : { ok: false, code: "KP0001", args: [] }),
    resolve: (_from, target) => target,
    isDirectory: () => false,
  };
  return analyzeFiles([path], host)[0]!;
}

export const errorsOf = (a: Analysis): Diagnostic[] => a.diagnostics.filter((d) => d.severity === "error");

/** The rule a diagnostic is about: the rule whose lines contain its start. */
export function ruleAt(text: string, offset: number): string | undefined {
  const before = text.slice(0, offset);
  const m = [...before.matchAll(/规则 「([^」]+)」/g)].pop();
  return m?.[1];
}

// ---- mutations

const NUM = /\d+(?:\.\d+)?%?/g;

const changeNumber = (n: string): string => {
  const pct = n.endsWith("%");
  const v = Number(pct ? n.slice(0, -1) : n);
  // Doubling keeps every kind of number valid (amounts > 0, caps, bounds); 0 becomes 1.
  const w = v === 0 ? 1 : v * 2;
  return `${Number(w.toFixed(6))}${pct ? "%" : ""}`;
};

/** Numbers written in a clause (half-width digits; 「0 5」-style OCR splits are not numbers). */
const clauseNumbers = (text: string): string[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);

/** A rule that counts: its code starts with a count word of the language (core's table, so a new word counts too). */
const COUNT_WORD = new RegExp(`^(${perUnits.flatMap((u) => [u.text, ...(u.aliases ?? [])]).join("|")}) `);

/**
 * The mutations that apply to a rule's code, in a fixed order: each is a plausible slip an author
 * makes when encoding the clause (issue 11 §2 lists the kinds lint should catch).
 */
export function mutationsOf(code: string, clause = ""): { kind: MutationKind; code: string }[] {
  const out: { kind: MutationKind; code: string }[] = [];
  if (/一票否决/.test(code)) out.push({ kind: "kind", code: code.replace("一票否决", "一票否优") });
  else if (/一票否优/.test(code)) out.push({ kind: "kind", code: code.replace("一票否优", "一票否决") });
  if (/按比率/.test(code)) out.push({ kind: "kind", code: code.replace("按比率", "按评价") });
  else if (/按评价/.test(code)) out.push({ kind: "kind", code: code.replace("按评价", "按比率") });
  if (/按排名/.test(code)) {
    out.push({ kind: "direction", code: / 越低越好/.test(code) ? code.replace(" 越低越好", "") : `${code} 越低越好` });
  }
  // 每次 扣 X written as a one-shot 扣 X (the count word forgotten).
  if (COUNT_WORD.test(code) && !/「/.test(code)) out.push({ kind: "per-occurrence-dropped", code: code.replace(COUNT_WORD, "") });
  // Amounts of the first two categories swapped (only when they differ).
  const cat = /「([^」]+)」 (\d+(?:\.\d+)?)、「([^」]+)」 (\d+(?:\.\d+)?)/.exec(code);
  if (cat && cat[2] !== cat[4]) {
    out.push({ kind: "category-swap", code: code.replace(cat[0], `「${cat[1]}」 ${cat[4]}、「${cat[3]}」 ${cat[2]}`) });
  }
  // Amount and cap swapped; the cap changed to another number the clause writes.
  const cap = /(扣|得) (\d+(?:\.\d+)?)(.*?)上限 (\d+(?:\.\d+)?)/.exec(code);
  if (cap && !/「/.test(cap[3]!)) {
    if (cap[2] !== cap[4]) out.push({ kind: "amount-cap-swap", code: code.replace(cap[0], `${cap[1]} ${cap[4]}${cap[3]}上限 ${cap[2]}`) });
    const other = clauseNumbers(clause).find((n) => Number(n) > 0 && Number(n) !== Number(cap[4]) && Number(n) !== Number(cap[2]));
    if (other) out.push({ kind: "cap-to-clause-number", code: code.replace(cap[0], `${cap[1]} ${cap[2]}${cap[3]}上限 ${other}`) });
  }
  // Band inclusivity flipped: the first band, and every band at once (a consistent flip).
  const flip = (b: string): string =>
    b.startsWith("[") && b.endsWith(")")
      ? `(${b.slice(1, -1)}]`
      : b.startsWith("(") && b.endsWith("]")
        ? `[${b.slice(1, -1)})`
        : b.startsWith("≥ ")
          ? `> ${b.slice(2)}`
          : b.startsWith("> ")
            ? `≥ ${b.slice(2)}`
            : b.startsWith("< ")
              ? `≤ ${b.slice(2)}`
              : b.startsWith("≤ ")
                ? `< ${b.slice(2)}`
                : b;
  const BAND = /[[(][^,\])]+, [^\])]+[\])]|[≥>≤<] [\d.]+%?/g;
  if (/^分段 /.test(code)) {
    const bands = [...code.matchAll(BAND)];
    const first = bands.find((b) => flip(b[0]) !== b[0]);
    if (first) out.push({ kind: "band-inclusivity", code: code.slice(0, first.index) + flip(first[0]) + code.slice(first.index! + first[0].length) });
    if (bands.filter((b) => flip(b[0]) !== b[0]).length > 1) out.push({ kind: "band-inclusivity", code: code.replace(BAND, flip) });
  }
  // The first number changed (not inside a 「」 name).
  const masked = code.replace(/「[^」]*」/g, (x) => "\u0000".repeat(x.length));
  NUM.lastIndex = 0;
  const m = NUM.exec(masked);
  if (m) out.push({ kind: "number", code: code.slice(0, m.index) + changeNumber(m[0]) + code.slice(m.index + m[0].length) });
  return out;
}

/** Generates the mis-encodings: every applicable mutation of every encoded clause's first rule. */
export function generateMisEncodings(books: Rulebook[]): MisEncoding[] {
  const out: MisEncoding[] = [];
  for (const b of books) {
    for (const c of b.clauses) {
      const first = rulesOf(c)[0];
      if (!first) continue;
      for (const m of mutationsOf(first[1], c.text)) out.push({ clause: c.id, kind: m.kind, from: first[1], code: m.code });
    }
  }
  return out;
}

// ---- figures

export interface Figures {
  rulebooks: number;
  clauses: number;
  encoded: number;
  /** encoded ÷ clauses, in per cent, 1 decimal. */
  writtenExactlyPct: number;
  /** How many unencoded clauses need each construct of issue 11 §1 ("0" = none of them). */
  needs: Record<string, number>;
  /** How many encoded rules use each way of scoring (for the variety of the corpus). */
  patterns: Record<string, number>;
  faithfulWithCheckErrors: string[];
  /** Encoded clauses on which lint reports KP3030 (a false positive: the encoding is faithful). */
  falsePositives: string[];
  falsePositivePct: number;
  misEncodings: number;
  caught: number;
  /** Mis-encodings lint and check stay silent on, as "clause kind". */
  falseNegatives: string[];
  /** Of the mis-encodings of TARGET_KINDS: how many, how many missed, and the share missed. */
  targetMisEncodings: number;
  targetMissed: number;
  falseNegativePct: number;
  falseNegativesByKind: Record<string, { total: number; missed: number }>;
}

/** Error diagnostics as comparable keys: code, rule, message (positions move when a rule's code changes). */
function errorKeys(text: string, diags: Diagnostic[]): string[] {
  return diags.filter((d) => d.severity === "error").map((d) => `${d.code}|${ruleAt(text, d.span.start.offset) ?? ""}|${d.message}`);
}

const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

export function computeFigures(books: Rulebook[], mis: MisEncoding[]): Figures {
  const clauses = books.flatMap((b) => b.clauses);
  const encoded = clauses.filter(isEncoded);
  const needs: Record<string, number> = {};
  for (const c of clauses) {
    if (isEncoded(c)) continue;
    const ns = c.needs?.length ? c.needs : [0];
    for (const n of ns) needs[String(n)] = (needs[String(n)] ?? 0) + 1;
  }
  const patterns: Record<string, number> = {};
  for (const c of encoded) for (const [, code] of rulesOf(c)) patterns[patternOf(code)] = (patterns[patternOf(code)] ?? 0) + 1;
  const faithfulWithCheckErrors: string[] = [];
  const falsePositives = new Set<string>();
  const bookOf = new Map<string, Rulebook>();
  const clauseOfRule = new Map<string, string>();
  const faithfulErrors = new Map<string, Set<string>>();
  for (const b of books) {
    for (const c of b.clauses) {
      bookOf.set(c.id, b);
      for (const [name] of rulesOf(c)) clauseOfRule.set(name, c.id);
    }
    const path = `/corpus/${b.id}.kp`;
    const text = renderCatalogue(b);
    const a = analyse(path, text);
    for (const d of errorsOf(a)) faithfulWithCheckErrors.push(`${b.id}: ${d.code} ${d.message}`);
    const lint = lintAnalysis(a);
    faithfulErrors.set(b.id, new Set(errorKeys(text, [...errorsOf(a), ...lint])));
    for (const d of lint) {
      if (d.code !== "KP3030") continue;
      const rule = ruleAt(text, d.span.start.offset);
      const clause = rule ? clauseOfRule.get(rule) : undefined;
      if (clause) falsePositives.add(clause);
    }
  }
  const falseNegatives: string[] = [];
  const byKind: Record<string, { total: number; missed: number }> = {};
  let caught = 0;
  for (const m of mis) {
    const b = bookOf.get(m.clause);
    if (!b) throw new Error(`mis-encoding of an unknown clause: ${m.clause}`);
    const text = renderCatalogue(b, { rule: m.clause, code: m.code });
    const a = analyse(`/corpus/${b.id}.kp`, text);
    // Caught: an error (check or lint) that the faithful catalogue does not have.
    const before = faithfulErrors.get(b.id)!;
    const hit = errorKeys(text, [...errorsOf(a), ...lintAnalysis(a)]).some((k) => !before.has(k));
    const k = (byKind[m.kind] ??= { total: 0, missed: 0 });
    k.total++;
    if (hit) caught++;
    else {
      k.missed++;
      falseNegatives.push(`${m.clause} ${m.kind}`);
    }
  }
  const target = { total: 0, missed: 0 };
  for (const k of TARGET_KINDS) {
    target.total += byKind[k]?.total ?? 0;
    target.missed += byKind[k]?.missed ?? 0;
  }
  return {
    rulebooks: books.length,
    clauses: clauses.length,
    encoded: encoded.length,
    writtenExactlyPct: pct(encoded.length, clauses.length),
    needs,
    patterns,
    faithfulWithCheckErrors,
    falsePositives: [...falsePositives].sort(),
    falsePositivePct: pct(falsePositives.size, encoded.length),
    misEncodings: mis.length,
    caught,
    falseNegatives,
    targetMisEncodings: target.total,
    targetMissed: target.missed,
    falseNegativePct: pct(target.missed, target.total),
    falseNegativesByKind: byKind,
  };
}

/** The way of scoring a rule's code uses, for the corpus's variety figure. */
export function patternOf(code: string): string {
  if (/^一票否/.test(code)) return "否决/否优";
  if (/^酌情/.test(code)) return "酌情";
  if (/^分段/.test(code)) return "分段";
  if (/^基准/.test(code)) return "线性";
  if (/^至少/.test(code)) return "次数不足";
  if (/^按评价|^按比率/.test(code)) return "按评价/比率";
  if (/^按最高比例|^按排名|^按 ?(「[^」]*」|总分)/.test(code)) return "单位间比较";
  if (/^不得分/.test(code)) return "不得分";
  if (/^评为/.test(code)) return "评定结果";
  if (/ 否则 /.test(code)) return "否则";
  const counted = COUNT_WORD.test(code);
  const categories = /「/.test(code.replace(/(当|其中) 「[^」]*」/g, ""));
  const award = /(^| )得 /.test(code);
  return `${counted ? (categories ? "分类" : "按次") : "一次性"}${award ? "得分" : "扣分"}`;
}

/** The figures as the script and the test print them. */
export function formatFigures(f: Figures): string {
  const needs = Object.entries(f.needs)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([n, k]) => `${n === "0" ? "其他" : `§1.${n}`}×${k}`)
    .join("、");
  const kinds = Object.entries(f.falseNegativesByKind)
    .map(([k, v]) => `${k} ${v.missed}/${v.total}${TARGET_KINDS.includes(k as MutationKind) ? "" : "（目标之外）"}`)
    .join("、");
  return [
    `语料：${f.rulebooks} 份细则，${f.clauses} 条条文`,
    `能准确写出：${f.encoded} 条（${f.writtenExactlyPct}%；目标 ≥ 95%）；写不出的需要：${needs}`,
    `写法分布（规则数）：${Object.entries(f.patterns)
      .sort((a, b) => b[1] - a[1])
      .map(([p, k]) => `${p} ${k}`)
      .join("、")}`,
    `忠实编码有检查错误：${f.faithfulWithCheckErrors.length} 条`,
    `条文不一致（KP3030）误报：${f.falsePositives.length} 条（${f.falsePositivePct}%；目标 ≤ 1%）：${f.falsePositives.join("、")}`,
    `故意写错：${f.misEncodings} 条，查出 ${f.caught} 条；其中数字、对调、含不含、种类 ${f.targetMisEncodings} 条，漏报 ${f.targetMissed} 条（${f.falseNegativePct}%；目标 ≤ 5%）`,
    `按类漏报：${kinds}`,
    "",
  ].join("\n");
}
