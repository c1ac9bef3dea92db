/**
 * The recogniser under meaning-changing perturbations (issue 13, a generalisation measure; session 27): every clause
 * of a book that is not blind, read correctly, is changed in one place whose effect on its reading is known, and read
 * again with the same context (perturbations.ts). Per kind: clauses perturbed, changed as required, refused (to-do),
 * and SILENT — the same reading, or another that ignores the change. The silent counts are a ratchet: later work on
 * the recogniser may only lower them (lower the numbers here when it does). The details, clause by clause:
 * `npx tsx scripts/probe-recogniser.ts` (test/corpus/README.md 「Session 27: perturbations」).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { judge, loadBooks, type CorpusClause } from "./corpus-measure.js";
import { blind, describeProbe, figuresTable, kindFigures, KINDS, perturb, probe, type Kind } from "./perturbations.js";

const DIR = fileURLToPath(new URL("../../../test/corpus/clauses", import.meta.url));

/**
 * Silent readings per kind measured at the start of session 27 (whole corpus 2,538 / 9 / 387; 2,446 clauses of the
 * books that are not blind read correctly). drop-verb: 51, a fault priced with no verb read as an award (得) — one-shot
 * among siblings that deduct (lc-07, wutq-09), counted with no siblings (fs-04, xdhw-01), a shortfall band (jsj-04,
 * wsmb-13); cap: 1, jz-02 「…扣1分，最多扣2分」 read as two classes (「群眾反映強烈」 1、「最多」 2).
 * After session 27's defaults and coverage work merged (whole corpus 2,626 / 12 / 451): drop-verb 24. After the
 * eighteenth set's wrong readings were stopped at their classes (a fault described is never an award by default:
 * stated-direction.ts FAULT_DESCRIBED; an item named 「…扣分」 counts as deducting context): drop-verb 2 (pasq-04
 * 「有黑恶势力团伙3分」, mq-15 「有沿街自制坡道,20分」: a bad thing had, which no word but the noun says). New kinds for
 * the eighteenth set's classes: dash-lost (a range run together in a copy that shows the loss) and period-count
 * (「每月次」): 0 silent each (40 and 103 refused; with no guard, 23 and 100 silent). cap: 0 (jz-02's 「最多扣2分」 is
 * no class of conduct: classes.ts occurrenceByConduct, read `每次 扣 1 上限 2`).
 * Session 28: blind is the corpus's marks alone (perturbations.ts `blind`), so the eighteenth set (360–377, released
 * as tunedSince 27) came in — 297 → 315 books, 2,463 → 2,557 clauses read correctly: silent per kind unchanged
 * (drop-verb 2 → 2, the same pasq-04 and mq-15; every other kind 0 → 0); dash-lost 40 → 54 refused. The
 * clauses' context is corpus-measure.ts's (the column's header and the notes on scoring too, as kp import passes
 * them) and the document's direction counts as deducting context (statedDirection): drop-verb 2 → 1 (mq-15).
 * Session 29 released the sixteenth, nineteenth and twentieth sets (they came in by the marks): drop-verb 1 → 3 —
 * babx-09 「发现从事保安工作有法律禁止性规定的,每人1分」 read as an award (违反 and 禁止性 now describe a fault:
 * stated-direction.ts FAULT_STATED) and gss-02, read 扣 beside a sibling that zeroes the item (「出现一次该项得分为0分」,
 * which the probe's contextDeducts now counts as deducting) — back to 1 (mq-15). Then the twenty-first set was
 * released at the session's end: drop-verb 1 → 8 — 「有下列情形之一的,10分」 ×5 and 「如发现有环境害虫2分」 read as awards
 * (有下列情形/行为 and 发现有 now describe a fault: FAULT_STATED) → 2: mq-15 and ljgw-01 「…誘騙游客與其交易的給予10分」,
 * where dropping 扣 from 「給予扣10分」 leaves 給予, itself an award verb (the next session's to look at).
 */
const SILENT_AT_MOST: Record<Kind, number> = {
  "drop-verb": 2,
  flip: 0,
  amount: 0,
  cap: 0,
  "third-outcome": 0,
  "count-word": 0,
  "count-found": 0,
  "count-swap": 0,
  bound: 0,
  "bound-side": 0,
  "bound-flip": 0,
  veto: 0,
  multiplier: 0,
  waiver: 0,
  severity: 0,
  range: 0,
  alternative: 0,
  ordinal: 0,
  "per-person": 0,
  period: 0,
  floor: 0,
  "count-once": 0,
  "flip-de": 0,
  "amount-words": 0,
  "dash-lost": 0,
  "period-count": 0,
  "ordinal-item": 0,
  "period-task": 0,
  "half-step": 0,
};
/**
 * Clauses perturbed per kind, measured in session 28 with the eighteenth set (360–377, released: tunedSince 27) in
 * (315 books that are not blind, 2,557 clauses read correctly; at the start of session 27, without 340–377: 297
 * books, 2,463 clauses, drop-verb 1,049 … dash-lost 40, period-count 103). A kind that perturbs far fewer has
 * stopped finding its sites.
 */
const PERTURBED_MEASURED: Record<Kind, number> = {
  "drop-verb": 1084,
  flip: 1176,
  amount: 1775,
  cap: 670,
  "third-outcome": 882,
  "count-word": 603,
  "count-found": 461,
  "count-swap": 206,
  bound: 96,
  "bound-side": 23,
  "bound-flip": 10,
  veto: 1613,
  multiplier: 1255,
  waiver: 512,
  severity: 325,
  range: 284,
  alternative: 284,
  ordinal: 92,
  "per-person": 95,
  period: 453,
  floor: 472,
  "count-once": 444,
  "flip-de": 455,
  "amount-words": 697,
  "dash-lost": 54,
  "period-count": 104,
  // session 29 (helper provenance): 第1项 before a one-shot deduction, 每天 before a one-shot award of a requirement
  "ordinal-item": 483,
  "period-task": 291,
  // session 29 (helper danger): 「营业时间每少半小时,」 before a one-shot deduction (476 refused, 0 silent; 474 silent without the half-step guard)
  "half-step": 476,
};

const books = loadBooks(DIR).filter((b) => !blind(b));
const correct = new Set(judge(books).filter((j) => j.verdict === "correct").map((j) => j.clause));
const probes = probe(books, recogniseClause, (_b, c) => correct.has(c));

describe("the recogniser under meaning-changing perturbations", () => {
  it("prints per kind: perturbed, changed as required, refused, silent; and every silent reading", () => {
    console.log(`${correct.size} clauses read correctly in ${books.length} books that are not blind`);
    console.log(figuresTable(probes));
    for (const p of probes.filter((x) => x.outcome === "silent")) console.log(describeProbe(p));
    expect(correct.size).toBeGreaterThan(2000);
  });

  it("never perturbs a clause of a blind book (held out and never tuned on, by the corpus's own marks)", () => {
    const all = loadBooks(DIR);
    const blindIds = new Set(all.filter(blind).map((b) => b.id));
    expect(blindIds.size).toBeGreaterThan(0);
    expect(probes.filter((p) => blindIds.has(p.book))).toEqual([]);
    // every book is in or out by its marks alone: a released set (tunedSince) is in, whatever its numbers
    const inIds = new Set(books.map((b) => b.id));
    for (const b of all) expect(inIds.has(b.id) !== blindIds.has(b.id), b.id).toBe(true);
    expect(blind({ heldOut: true })).toBe(true);
    expect(blind({ heldOut: true, tunedSince: 27 })).toBe(false);
    expect(blind({})).toBe(false);
  });

  for (const k of KINDS) {
    it(`${k}: silent readings at most ${SILENT_AT_MOST[k]} (the ratchet), and the kind still perturbs its clauses`, () => {
      const f = kindFigures(probes)[k];
      const silent = probes.filter((p) => p.kind === k && p.outcome === "silent").map(describeProbe);
      expect(f.silent, silent.join("\n")).toBeLessThanOrEqual(SILENT_AT_MOST[k]);
      expect(f.perturbed).toBeGreaterThanOrEqual(Math.floor(PERTURBED_MEASURED[k] * 0.8));
      expect(f.changed + f.refused + f.silent).toBe(f.perturbed);
    });
  }
});

/** The kinds themselves on clauses written here: the perturbed text, and the check on readings right and wrong. */
describe("the perturbations", () => {
  const clause = (text: string, points: number | null = 10): CorpusClause => ({ id: "t-01", indicator: "项", points, text, kp: "扣 1" });
  const ctx = (over: Partial<ClauseContext> = {}): ClauseContext => ({ indicator: "项", points: "10", section: null, siblings: [], ...over });
  const make = (kind: Kind, text: string, before: string[], c: ClauseContext = ctx()) => {
    const p = perturb(kind, clause(text, c.points === null ? null : Number(c.points)), before, c);
    if (!p) throw new Error(`${kind} made nothing of ${text}`);
    return p;
  };

  it("drop-verb: no verb, no context — any direction read is silent; a deducting context gives it", () => {
    const p = make("drop-verb", "未建立台账的扣2分。", ["扣 2"]);
    expect(p.text).toBe("未建立台账的2分。");
    expect(p.check(["得 2"])).toMatch(/读成了得分/);
    expect(p.check(["扣 2"])).toMatch(/上下文未说明方向/);
    const q = make("drop-verb", "未建立台账的扣2分。", ["扣 2"], ctx({ siblings: ["资料不全扣1分"] }));
    expect(q.check(["扣 2"])).toBe(true);
    expect(q.check(["得 2"])).toMatch(/读成了得分/);
    expect(perturb("drop-verb", clause("完成的得3分，未完成扣2分"), ["得 3 否则 扣 2"], ctx())).toBeUndefined();
  });

  it("flip, flip-de: the direction must turn, the amounts stay", () => {
    const p = make("flip", "每发现一处扣0.5分", ["每处 扣 0.5"]);
    expect(p.text).toBe("每发现一处加0.5分");
    expect(p.check(["每处 得 0.5"])).toBe(true);
    expect(p.check(["每处 扣 0.5"])).not.toBe(true);
    expect(p.check(["每处 得 1"])).not.toBe(true);
    expect(make("flip", "建立制度的得2分", ["得 2"]).text).toBe("建立制度的扣2分");
    const q = make("flip-de", "未建立台账的扣2分", ["扣 2"]);
    expect(q.text).toBe("未建立台账的得2分");
    expect(q.check(["得 2"])).toBe(true);
    expect(q.check(["扣 2"])).not.toBe(true);
  });

  it("amount, amount-words: the new amount read and the old one gone (exact decimals)", () => {
    const p = make("amount", "每处扣0.5分", ["每处 扣 0.5"]);
    expect(p.text).toBe("每处扣0.7分");
    expect(p.check(["每处 扣 0.7"])).toBe(true);
    expect(p.check(["每处 扣 0.5"])).not.toBe(true);
    expect(make("amount", "未建立扣2分", ["扣 2"]).text).toBe("未建立扣3分");
    const q = make("amount-words", "未建立扣2分", ["扣 2"]);
    expect(q.text).toBe("未建立扣三分");
    expect(q.check(["扣 3"])).toBe(true);
    expect(q.check(["扣 2"])).not.toBe(true);
  });

  it("cap, floor: a cap of twice the amount must be read", () => {
    const p = make("cap", "每处扣1分。", ["每处 扣 1"]);
    expect(p.text).toBe("每处扣1分，最多扣2分。");
    expect(p.check(["每处 扣 1 上限 2"])).toBe(true);
    expect(p.check(["每处 扣 「甲」 1、「最多」 2"])).not.toBe(true);
    const q = make("floor", "每处扣1分。", ["每处 扣 1"]);
    expect(q.text).toBe("每处扣1分，最低得8分。");
    expect(q.check(["每处 扣 1 上限 2"])).toBe(true);
    expect(q.check(["每处 扣 1"])).not.toBe(true);
  });

  it("third-outcome, severity, veto, multiplier, waiver: the rider must be read", () => {
    expect(make("third-outcome", "未建立扣2分", ["扣 2"]).check(["扣 2", "不得分"])).toBe(true);
    expect(make("third-outcome", "未建立扣2分", ["扣 2"]).check(["扣 2"])).not.toBe(true);
    expect(make("severity", "未建立扣2分", ["扣 2"]).text).toBe("未建立扣2分，情节严重的扣4分");
    expect(make("severity", "未建立扣2分", ["扣 2"]).check(["扣 2"])).not.toBe(true);
    expect(make("veto", "未建立扣2分", ["扣 2"]).check(["一票否决"])).toBe(true);
    expect(make("veto", "未建立扣2分", ["扣 2"]).check(["扣 2"])).not.toBe(true);
    expect(make("multiplier", "未建立扣2分", ["扣 2"]).check(["扣 2 加倍 当 「情节严重」"])).toBe(true);
    expect(make("multiplier", "未建立扣2分", ["扣 2"]).check(["扣 2"])).not.toBe(true);
    expect(make("waiver", "未建立扣2分", ["扣 2"]).check(["扣 2 免扣 当 「及时整改到位」"])).toBe(true);
    expect(make("waiver", "未建立扣2分", ["扣 2"]).check(["扣 2"])).not.toBe(true);
    // a waiver beside a counted deduction says which occurrences count (the corpus's convention): not perturbed
    expect(perturb("waiver", clause("每处扣1分"), ["每处 扣 1"], ctx())).toBeUndefined();
  });

  it("count-word, count-found, count-once, count-swap, per-person, period, ordinal: the count must be read", () => {
    expect(make("count-word", "未建立扣2分", ["扣 2"]).check(["每次 扣 2"])).toBe(true);
    expect(make("count-word", "未建立扣2分", ["扣 2"]).check(["扣 2"])).not.toBe(true);
    expect(make("count-found", "资料不全的扣2分", ["扣 2"]).text).toBe("资料不全的发现一处扣2分");
    expect(make("count-found", "资料不全的扣2分", ["扣 2"]).check(["每处 扣 2"])).toBe(true);
    expect(make("count-once", "迟报扣2分", ["扣 2"]).check(["扣 2"])).not.toBe(true);
    const s = make("count-swap", "迟报每次扣2分", ["每次 扣 2"]);
    expect(s.text).toBe("迟报每处扣2分");
    expect(s.check(["每处 扣 2"])).toBe(true);
    expect(s.check(["每次 扣 2"])).not.toBe(true);
    expect(make("per-person", "迟到每次扣1分", ["每次 扣 1"]).check(["每人次 扣 1"])).toBe(true);
    expect(make("per-person", "迟到每次扣1分", ["每次 扣 1"]).check(["每次 扣 1"])).not.toBe(true);
    expect(make("period", "未报送扣1分", ["扣 1"]).check(["每月 扣 1"])).toBe(true);
    const o = make("ordinal", "迟到每次扣1分", ["每次 扣 1"]);
    expect(o.text).toBe("迟到第二次起每次扣1分");
    expect(o.check(["每次 扣 1"])).not.toBe(true);
    expect(o.check(["基准 1次 每超 1次 扣 1"])).toBe(true);
  });

  it("bound, bound-side, bound-flip, range, alternative: the new bound, side or amounts must be read", () => {
    const b = make("bound", "签订率低于90%的扣2分", ["分段 { < 90% 扣 2 }"]);
    expect(b.text).toBe("签订率低于80%的扣2分");
    expect(b.check(["分段 { < 80% 扣 2 }"])).toBe(true);
    expect(b.check(["分段 { < 90% 扣 2 }"])).not.toBe(true);
    const s = make("bound-side", "全年开展2次以上的得1分", ["分段 { ≥ 2次 得 1 }"]);
    expect(s.text).toBe("全年开展2次以下的得1分");
    expect(s.check(["分段 { ≤ 2次 得 1 }"])).toBe(true);
    expect(s.check(["分段 { ≥ 2次 得 1 }"])).not.toBe(true);
    const f = make("bound-flip", "签订率低于90%的扣2分", ["分段 { < 90% 扣 2 }"]);
    expect(f.text).toBe("签订率高于90%的扣2分");
    expect(f.check(["分段 { > 90% 扣 2 }"])).toBe(true);
    expect(f.check(["分段 { < 90% 扣 2 }"])).not.toBe(true);
    const r = make("range", "未建立扣2分", ["扣 2"]);
    expect(r.text).toBe("未建立扣2-4分");
    expect(r.check(["酌情 扣 2 至 4"])).toBe(true);
    expect(r.check(["扣 2"])).not.toBe(true);
    const a = make("alternative", "未建立扣2分", ["扣 2"]);
    expect(a.text).toBe("未建立扣2分或4分");
    expect(a.check(["扣 2"])).not.toBe(true);
  });

  it("dash-lost: the range's dash lost in the clause and its siblings, the loss shown in the item; the run-together number is no amount", () => {
    const p = make("dash-lost", "道路未硬化处理,扣0.5-2分", ["酌情 扣 0.5 至 2"], ctx({ siblings: ["不整洁,扣0.1-0.5分"] }));
    expect(p.text).toBe("道路未硬化处理,扣0.52分");
    expect(p.ctx?.siblings).toEqual(["不整洁,扣0.10.5分"]);
    expect(p.check(["扣 0.52"])).not.toBe(true);
    expect(p.check(["酌情 扣 0.5 至 2"])).toBe(true);
    // no clause of the item shows the loss: one that does is added, as book 361's are
    const q = make("dash-lost", "未按要求扣1-3分", ["酌情 扣 1 至 3"]);
    expect(q.text).toBe("未按要求扣13分");
    expect(q.ctx?.siblings).toEqual(["其他不符合要求的,扣0.10.5分"]);
    expect(q.check(["扣 13"])).not.toBe(true);
    expect(perturb("dash-lost", clause("未按要求扣2分"), ["扣 2"], ctx())).toBeUndefined();
  });

  it("period-count: 「每月次」 counts times, never months", () => {
    const p = make("period-count", "未按时报送的每次扣1分", ["每次 扣 1"]);
    expect(p.text).toBe("未按时报送的每月次扣1分");
    expect(p.check(["每次 扣 1"])).toBe(true);
    expect(p.check(["每月 扣 1"])).not.toBe(true);
    expect(perturb("period-count", clause("每月每次扣1分"), ["每次 扣 1"], ctx())).toBeUndefined();
  });

  it("ordinal-item: 「第1项」 names an item, it is no count of 项", () => {
    const p = make("ordinal-item", "未按时上报的扣2分", ["扣 2"]);
    expect(p.text).toBe("违反第1项规定,未按时上报的扣2分");
    expect(p.check(["扣 2"])).toBe(true);
    expect(p.check(["每项 扣 2"])).not.toBe(true);
    expect(perturb("ordinal-item", clause("每缺一项扣2分"), ["每项 扣 2"], ctx())).toBeUndefined();
  });

  it("period-task: 「每天」 before a requirement is how often it holds, no count of days", () => {
    const p = make("period-task", "主动完成本岗工作,得3分", ["得 3"]);
    expect(p.text).toBe("每天主动完成本岗工作,得3分");
    expect(p.check(["得 3"])).toBe(true);
    expect(p.check(["每天 得 3"])).not.toBe(true);
    expect(perturb("period-task", clause("未完成本岗工作的,得0分"), ["得 0"], ctx())).toBeUndefined();
    expect(perturb("period-task", clause("1.完成本岗工作,得3分"), ["得 3"], ctx())).toBeUndefined();
  });

  it("half-step: 「每少半小时」 is a step of 0.5 hour, never the one deduction read before", () => {
    const p = make("half-step", "未按时上报的扣2分", ["扣 2"]);
    expect(p.text).toBe("营业时间每少半小时,未按时上报的扣2分");
    expect(p.check(["基准 3小时 每少 0.5小时 扣 2"])).toBe(true);
    expect(p.check(["扣 2"])).not.toBe(true);
    expect(perturb("half-step", clause("每缺一项扣2分"), ["每项 扣 2"], ctx())).toBeUndefined();
    expect(perturb("half-step", clause("请假半天扣2分"), ["扣 2"], ctx())).toBeUndefined();
  });
});
