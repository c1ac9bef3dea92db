/**
 * Measuring the recogniser on the corpus of real clauses (test/corpus/clauses/*.json): every clause
 * with a hand-written `kp` is recognised, and the reading is judged against the hand-written one.
 *
 * Equivalence: both are parsed by core's parser as the rule of a minimal catalogue (the clause's
 * indicator with its points, or its 加分/减分 section) and their ASTs compared with spans removed and
 * category names replaced by their position — the names of 「中央」 4、「省」 3 are the author's words,
 * the amounts and their order are the meaning; likewise the names of modifier conditions — and step words by their direction only (每低 = 每少).  Each clause is given, as `siblings`, the other
 * clauses of its indicator (the corpus keeps indicators, not cells).  Everything else (unit words, amounts, caps, bands and
 * their inclusivity, kinds) must be identical.  A reading written otherwise is `correct` only when it
 * scores exactly as the hand encoding does — the same facts asked for and the same scores on a grid of
 * facts around every number either writes (score-equivalence.ts; `equivalent` marks it) —, else `wrong`;
 * a to-do is `todo`.
 */
import { parseKp } from "@kaoping/core";
import { scoreEquivalent } from "./score-equivalence.js";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface CorpusClause {
  id: string;
  indicator: string;
  points: number | null;
  /** The points the clause's row shows in the points column (given to the recogniser as `rowPoints`). */
  rowPoints?: string;
  section?: "加分" | "减分";
  text: string;
  /** The item's requirement when the rulebook states it apart from the clause (given to the recogniser as `item`). */
  item?: string;
  /** The header of the clause's table column (given to the recogniser as `header`). */
  header?: string;
  /** The rulebook's notes on scoring that cover the clause (given to the recogniser as `notes`). */
  notes?: string[];
  kp?: string | string[];
  scope?: "header";
}
export interface CorpusBook {
  id: string;
  title: string;
  heldOut?: boolean;
  /** The session from which the recogniser was tuned on this held-out book (it is held out no longer). */
  tunedSince?: number;
  clauses: CorpusClause[];
}

export type Verdict = "correct" | "wrong" | "todo";
export interface Judged {
  book: string;
  clause: CorpusClause;
  verdict: Verdict;
  got: readonly string[] | string;
  /** Correct by its scores, not its syntax (score-equivalence.ts). */
  equivalent?: true;
}

export function loadBooks(dir: string): CorpusBook[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusBook);
}

/** The rule body's AST in a minimal catalogue, normalised for comparison; undefined if it does not parse. */
export function normalisedBody(
  body: string,
  c: { points: number | string | null; section?: "加分" | "减分" | undefined },
  options: { withoutApplies?: boolean } = {},
): string | undefined {
  const owner = c.section ? `${c.section} 「项」 上限 ${c.points ?? 10} {` : `指标 「项」 ${c.points ?? 10}分 {`;
  const text = `细则 「比较」\n对象 「单位」\n总分 ${c.points ?? 10}分\n${owner}\n  规则 「甲」 「条文」 ${body}\n}\n`;
  const r = parseKp(text, "cmp.kp");
  if (r.diagnostics.some((d) => d.severity === "error")) return undefined;
  const item = r.ast.items.find((i) => i.kind === "Indicator" || i.kind === "BonusSection" || i.kind === "PenaltySection") as unknown as { items: { kind: string; body?: unknown; modifiers?: unknown }[] };
  const rule = item?.items.find((i) => i.kind === "Rule");
  if (!rule) return undefined;
  let cat = 0;
  const modifiers = options.withoutApplies ? (rule.modifiers as { kind: string }[]).filter((m) => m.kind !== "Applies") : rule.modifiers;
  return JSON.stringify({ body: rule.body, modifiers }, (key, value: unknown) => {
    if (key === "span") return undefined;
    // 每低 and 每少 (每高, 每超, 每多 …) are the same step: only the direction is the meaning
    if (key === "word" && typeof value === "string" && /^每/.test(value)) return undefined;
    if (key === "name" && value && typeof value === "object" && (value as { kind?: string }).kind === "String") return `#${cat++}`;
    // the condition of 加倍/减半/免扣/可减免/其中 and the fact of 按 … 平均 are named in the author's words
    // too (「确因上级政策调整」 or 「上级政策调整」): the modifier, its kind and its place are the meaning
    if ((key === "flag" || key === "condition" || key === "fact") && value && typeof value === "object" && (value as { kind?: string }).kind === "String") return "#label";
    return value;
  });
}

/**
 * What the recogniser is told about a corpus clause's place, as kp import tells it: the item (name, points, section),
 * the other clauses of its indicator as siblings, and what the corpus records of the document around it (the item's
 * requirement, the row's points, the column's header, the notes on scoring).
 */
export function contextOf(book: CorpusBook, c: CorpusClause): ClauseContext {
  const siblings = book.clauses.filter((x) => x !== c && x.indicator === c.indicator && x.section === c.section).map((x) => x.text);
  return {
    indicator: c.indicator,
    points: c.points === null ? null : String(c.points),
    section: c.section ?? null,
    siblings,
    ...(c.item !== undefined ? { item: c.item } : {}),
    ...(c.rowPoints !== undefined ? { rowPoints: c.rowPoints } : {}),
    ...(c.header !== undefined ? { header: c.header } : {}),
    ...(c.notes !== undefined ? { notes: c.notes } : {}),
  };
}

/** A clause reader (the recogniser, or one of its readers alone: recognise-compose.test.ts). */
export type ClauseReader = typeof recogniseClause;

export function judge(books: readonly CorpusBook[], read: ClauseReader = recogniseClause): Judged[] {
  const out: Judged[] = [];
  for (const b of books) {
    for (const c of b.clauses) {
      if (c.kp === undefined) continue;
      const r = read(c.text, contextOf(b, c));
      if (r.kind === "todo") {
        out.push({ book: b.id, clause: c, verdict: "todo", got: r.reason });
        continue;
      }
      const want = Array.isArray(c.kp) ? c.kp : [c.kp];
      const same =
        c.scope !== "header" &&
        want.length === r.bodies.length &&
        want.every((w, i) => {
          const x = normalisedBody(w, c);
          return x !== undefined && x === normalisedBody(r.bodies[i]!, c);
        });
      // a reading written otherwise that scores exactly as the hand encoding does is correct (score-equivalence.ts)
      const equivalent = !same && c.scope !== "header" && scoreEquivalent(want, r.bodies, c);
      out.push({ book: b.id, clause: c, verdict: same || equivalent ? "correct" : "wrong", got: r.bodies, ...(equivalent ? { equivalent: true as const } : {}) });
    }
  }
  return out;
}

export interface Figures {
  clauses: number;
  correct: number;
  wrong: number;
  todo: number;
}
export function figures(js: readonly Judged[]): Figures {
  return {
    clauses: js.length,
    correct: js.filter((j) => j.verdict === "correct").length,
    wrong: js.filter((j) => j.verdict === "wrong").length,
    todo: js.filter((j) => j.verdict === "todo").length,
  };
}
export const pct = (n: number, d: number): string => (d === 0 ? "—" : `${((n * 1000) / d / 10).toFixed(1)}%`);

