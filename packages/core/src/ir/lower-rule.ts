/**
 * A checked rule → its scoring block (rule-block.ts): every body kind's meaning, trace included, is
 * said here once — rules counting occurrences (lower-counted.ts: 每次 with one noun and its 其中
 * occurrences, 复合计次 每村 每次 with per-item counts, counts by category), one-shot 扣/得 (with 否则,
 * and an award given as a value), assessed scores, rates, the assessment group's score, shortfalls
 * (至少 … 每少), 不得分, bands (分段), rated outcomes (评为), vetoes (一票否决/一票否优), the cross-unit
 * kinds 按比例 and 排名 (by a fact, by an indicator's score, by the total before bonuses), linear rules
 * (每低/每超: a base that is a number, the unit's target or a value across units; two sides; a
 * cut-off), and 酌情 (once, or 每起: the amounts given, a list-valued fact) — with the adjustments every
 * rule ends with (block-builder.ts).  就高 groups have their own block (lower-groups.ts).
 * lower.ts folds a block into the SQL's value (`blockValue`); compile/emit-js prints it.
 */
import type * as M from "../model.js";
import { Builder, add, and, andAll, applicable, c, cmp, dec, fmt, iff, indicatorApplies, int, lit, mul, ref, sub, type BlockNames } from "./block-builder.js";
import { countedBlock } from "./lower-counted.js";
import { BEFORE, COMPUTED, CURRENT, type RuleBlock, type Shown, type Text } from "./rule-block.js";
import type { ColumnType, Cond, Expr } from "./types.js";

/** The facts-table column type of a fact (undefined: a fact type no column holds). */
export function columnType(t: M.FactType): ColumnType | undefined {
  switch (t.type) {
    case "count":
    case "flag":
    case "amounts":
    case "items":
      return t.type;
    case "outcome":
      return "text";
    case "award":
    case "value":
    case "score":
    case "rate":
    case "amount":
    case "committee":
    case "reduce":
      return t.type === "value" && t.signed ? "signed" : "decimal";
    default:
      return undefined;
  }
}

/** `amount` per `step` over `diff` (> 0) with a 不足一档 mode. */
export function stepValue(mode: "proportional" | "floor" | "ceil" | "round", amount: number, step: number, diff: Expr): Expr {
  if (mode === "proportional") return { k: "mulDiv", a: diff, b: c(amount), c: step };
  if (mode === "round") return mul(c(amount), { k: "mulDiv", a: diff, b: c(1), c: step });
  return mul(c(amount), { k: "steps", diff, step, ceil: mode === "ceil" });
}


const MODE_WORDS: Record<M.BandStepsModel["mode"], string> = { proportional: "", floor: "（不足一档不计）", ceil: "（不足一档按一档计）", round: "（不足一档四舍五入）" };

/** The number of steps over `diff` as shown: a decimal (按比例), whole steps, or a decimal rounded to whole steps. */
function stepsText(mode: M.BandStepsModel["mode"], step: number, diff: Expr): Text[] {
  const exact: Expr = { k: "mulDiv", a: diff, b: c(1_000_000), c: step };
  if (mode === "proportional") return [dec(exact)];
  if (mode === "round") return [dec(exact), lit(" → "), int({ k: "mulDiv", a: diff, b: c(1), c: step })];
  return [int({ k: "steps", diff, step, ceil: mode === "ceil" })];
}

/** Rule r's block (every body kind has one). */
export function ruleBlock(names: BlockNames, r: M.RuleModel): RuleBlock {
  const b = r.body;
  const B = new Builder(names, r);
  const pre: Text = dec(ref(BEFORE));
  switch (b.kind) {
    case "per":
    case "categories":
      return countedBlock(B, r, b);
    case "once": {
      const note = B.amountNote(b.overrides);
      if (b.otherwise) {
        // one yes/no fact, two outcomes: yes → the award (positive), no → the 否则 deduction (negative;
        // its owner books it as a deduction)
        const e = b.otherwise;
        B.exit({ k: "not", c: B.flag(r.name) }, c(-e.amount), {
          kind: "deduct",
          amount: c(e.amount),
          text: [lit(`未完成，${e.overdraft ? "倒扣" : "扣"} ${fmt(e.amount)}`)],
          facts: [{ key: r.name, value: { k: "bool", v: false } }],
        });
        return B.block(B.amount(b.amount, b.overrides), [lit("已完成，得 "), pre, ...note], [{ key: r.name, value: { k: "bool", v: true } }]);
      }
      if (r.effect === "award" && names.factType(r, r.name) !== "flag") {
        // 完成 得 …: given as a value, 酌情 up to the amount (是: the whole amount)
        const x = B.let("x", B.num(r.name));
        B.exit(cmp("=", x, c(0)));
        const full = B.let("full", B.amount(b.amount, b.overrides));
        const done = cmp(">=", x, full);
        const text: Text[] = [{ k: "if", c: done, a: [lit("已完成，得 "), pre], b: [lit("酌情给分 "), pre, lit("（满分 "), dec(full), lit("）")] }];
        return B.block({ k: "min", a: x, b: full }, text, [{ key: r.name, value: { k: "text", parts: [{ k: "if", c: done, a: [lit("是")], b: [dec(x)] }] } }]);
      }
      B.exit({ k: "not", c: B.flag(r.name) });
      return B.block(B.amount(b.amount, b.overrides), [lit(r.effect === "award" ? "已完成，得 " : "发生，扣 "), pre, ...note], [{ key: r.name, value: { k: "bool", v: true } }]);
    }
    case "assessed": {
      // an assessed score (评价得分), possibly rescaled (折算自)
      const x = B.let("x", B.num(r.name));
      B.exit(cmp("=", x, c(0)));
      if (b.scale === undefined) return B.block(x, [lit("评价得分 "), pre, lit(`（满分 ${fmt(b.max)}）`)], [{ key: r.name, value: { k: "text", parts: [pre] } }]);
      const text = [lit("评价结果 "), dec(x), lit(`（满分 ${fmt(b.scale)}），按本项满分 ${fmt(b.max)} 折算：`), dec(x), lit(` × ${fmt(b.max)} ÷ ${fmt(b.scale)} = `), pre];
      return B.block({ k: "mulDiv", a: x, b: c(b.max), c: b.scale }, text, [{ key: r.name, value: { k: "text", parts: [dec(x)] } }]);
    }
    case "rate": {
      // 比率 × 满分
      const x = B.let("x", B.num(r.name));
      const v = B.let("s", { k: "mulDiv", a: c(b.max), b: x, c: 100_000_000 });
      B.exit(cmp("=", v, c(0)));
      return B.block(v, [lit("比率 "), dec(x), lit(`% × 满分 ${fmt(b.max)} = `), pre], [{ key: r.name, value: { k: "text", parts: [dec(x), lit("%")] } }]);
    }
    case "committee": {
      // the assessment group's score (考核组评议)
      const x = B.let("x", B.num(r.name));
      B.exit(cmp("=", x, c(0)));
      return B.block(x, [lit("考核组评议得 "), pre, lit(`（不超过 ${fmt(b.max)}）`)], [{ key: r.name, value: { k: "text", parts: [pre] } }]);
    }
    case "shortfall": {
      // 至少 N 次，每少 … 扣: whole steps short of the target (a value not given falls short of nothing)
      const noun = b.target.measure ?? "次";
      const col = names.col(r.name, names.factType(r, r.name));
      B.exit({ k: "missing", col });
      const x = B.let("x", { k: "num", col });
      B.exit({ k: "not", c: cmp("<", x, c(b.target.raw)) });
      const steps = B.let("steps", { k: "steps", diff: sub(c(b.target.raw), x), step: b.step.raw, ceil: false });
      B.exit(cmp("=", steps, c(0)));
      const text = [lit(`至少 ${fmt(b.target.raw)} ${noun}，实际 `), dec(x), lit(` ${noun}，少 `), dec(sub(c(b.target.raw), x)), lit(` ${noun}，`), int(steps), lit(` 档 × ${fmt(b.amount)} = `), pre];
      return B.block(mul(c(b.amount), steps), text, [{ key: r.name, value: { k: "text", parts: [dec(x)] } }]);
    }
    case "zero": {
      // 不得分: the owner's points, and the owner scores 0
      B.exit({ k: "not", c: B.flag(r.name) });
      B.zero(c(1));
      const PT = B.pointsText();
      const text = PT === undefined ? [lit("不得分：本项 "), dec(ref(CURRENT)), lit(" 分全部扣除")] : [lit(`不得分：本项 ${fmt(PT)} 分全部扣除`)];
      return B.block(B.points(), text, [{ key: r.name, value: { k: "bool", v: true } }]);
    }
    case "bands": {
      // bands of a value (分段), each an outcome, some going on per step from a bound
      const col = names.col(r.name, names.factType(r, r.name));
      const missing: Cond = { k: "missing", col };
      if (!b.missing) B.exit(missing);
      const x = B.let("x", { k: "num", col });
      const pct = b.percent ? "%" : "";
      // the chains, built from the last band: value, 不得分 (0/1), why
      let v: Expr = c(0);
      let z: Expr = c(0);
      let why: Text[] = [];
      for (const band of [...b.bands].reverse()) {
        const conds: Cond[] = [];
        if (band.lower) conds.push(cmp(band.lowerInclusive ? ">=" : ">", x, c(band.lower.raw)));
        if (band.upper) conds.push(cmp(band.upperInclusive ? "<=" : "<", x, c(band.upper.raw)));
        const inBand = conds.length === 0 ? ({ k: "true" } as Cond) : and(...conds);
        const o = B.outcome(band.outcome);
        let bv = o.v;
        let bwhy: Text[] = [lit("数值 "), dec(x), lit(`${pct} 在 ${band.text} 内，${o.word}`)];
        if (band.steps && band.outcome.kind !== "zero") {
          const st = band.steps;
          const award = band.outcome.kind === "award";
          const diff = st.direction === "below" ? sub(c(st.from.raw), x) : sub(x, c(st.from.raw));
          const w = stepValue(st.mode, st.amount, st.step.raw, diff);
          const on = award ? sub(o.v, w) : add(o.v, w);
          const unit = st.step.measure ?? (st.step.percent ? "个百分点" : "");
          const more: Text[] = [
            lit(`；比 ${st.from.text} ${st.direction === "below" ? "低" : "高"} `),
            dec(diff),
            lit(`${unit ? ` ${unit}` : ""}，`),
            ...stepsText(st.mode, st.step.raw, diff),
            lit(` 档 × ${fmt(st.amount)} = `),
            dec(w),
            lit(`${MODE_WORDS[st.mode]}，${award ? "得" : "扣"} ${fmt(band.outcome.amount)} ${award ? "−" : "+"} `),
            dec(w),
            lit(" = "),
            dec(on),
            ...(award ? [{ k: "if", c: cmp("<", on, c(0)), a: [lit("，即扣 "), dec(sub(c(0), on))], b: [] } as Text] : []),
          ];
          const goes = cmp(">", diff, c(0));
          bv = iff(goes, on, o.v);
          bwhy = [...bwhy, { k: "if", c: goes, a: more, b: [] }];
        }
        v = inBand.k === "true" ? bv : iff(inBand, bv, v);
        z = inBand.k === "true" ? o.z : iff(inBand, o.z, z);
        why = inBand.k === "true" ? bwhy : [{ k: "if", c: inBand, a: bwhy, b: why }];
      }
      if (b.missing) {
        const o = B.outcome(b.missing);
        v = iff(missing, o.v, v);
        z = iff(missing, o.z, z);
        why = [{ k: "if", c: missing, a: [lit(`未报送，${o.word}`)], b: why }];
      }
      const zeroable = [...b.bands.map((x) => x.outcome), ...(b.missing ? [b.missing] : [])].some((o) => o.kind === "zero");
      if (zeroable) B.zero(z);
      const s = B.let("s", v);
      B.exit(cmp("=", s, c(0)));
      const shown: Shown = { key: r.name, value: { k: "text", parts: [{ k: "if", c: missing, a: [lit("未报送")], b: [dec(x), lit(pct)] }] } };
      return B.block(s, why, [shown], b.mayGoNegative === true);
    }
    case "rated": {
      // 评为 「优秀」 得 …: the outcome named by the fact (a name not listed is refused by the reader)
      const col = names.col(r.name, names.factType(r, r.name));
      B.exit({ k: "missing", col });
      const word = r.effect === "award" ? "得" : "扣";
      const PT = B.pointsText();
      let v: Expr = c(0);
      let text: Text[] = [];
      let name: Text[] = [];
      for (const o of [...b.outcomes].reverse()) {
        const is: Cond = { k: "textIs", col, name: names.param(o.name) };
        const shown = o.text === String(fmt(o.amount)) ? "" : `（${o.text === "满分" ? (PT === undefined ? "满分" : `满分 ${fmt(PT)}`) : PT === undefined ? `本项分值的 ${o.text}` : `本项 ${fmt(PT)} 分的 ${o.text}`}）`;
        v = iff(is, c(o.amount), v);
        text = [{ k: "if", c: is, a: [lit(`评为「${o.name}」，${word} `), pre, lit(shown)], b: text }];
        name = [{ k: "if", c: is, a: [lit(o.name)], b: name }];
      }
      const s = B.let("s", v);
      B.exit(cmp("=", s, c(0)));
      return B.block(s, text, [{ key: r.name, value: { k: "text", parts: name } }]);
    }
    case "proportional": {
      // 按比例: the unit's value over the best value of the units the rule applies to, × 满分 (0 when
      // the best is 0); a unit it does not apply to, or without the value, gets nothing
      const among = applicable(names, r);
      B.exit({ k: "not", c: among });
      const col = names.col(r.name, names.factType(r, r.name));
      B.exit({ k: "missing", col });
      const x = B.let("x", { k: "num", col });
      const best = B.let("best", { k: "max", a: { k: "best", value: x, among }, b: c(0) });
      const text = [dec(x), lit(" ÷ 最高值 "), dec(best), lit(` × 满分 ${fmt(b.max)} = `), pre];
      return B.block(iff(cmp("=", best, c(0)), c(0), { k: "mulDiv", a: c(b.max), b: x, c: 0, by: best }), text, [{ key: r.name, value: { k: "text", parts: [dec(x)] } }]);
    }
    case "ranked": {
      // 排名: 1 + the number of units (the rule applies to; by an indicator's score: it applies to them
      // too) strictly better; ties share the better place, the next is skipped (1, 1, 3); 每后退一位
      // … or the 依次 table
      let among = applicable(names, r);
      let x: Expr;
      let what: Text[] = [];
      let shown: Shown[] = [];
      // the units ranked (their number is shown): those it applies to, with the value given
      let ranked = among;
      if (b.by.kind === "fact") {
        B.exit({ k: "not", c: among });
        const col = names.col(r.name, names.factType(r, r.name));
        B.exit({ k: "missing", col });
        ranked = andAll([among, { k: "not", c: { k: "missing", col } }]);
        x = B.let("x", { k: "num", col });
        shown = [{ key: r.name, value: { k: "text", parts: [dec(x)] } }];
      } else {
        // a score computed for every unit (the block's `computed`: each printer reads it where it is)
        if (b.by.kind === "indicator") among = andAll([among, indicatorApplies(names, b.by.indicator)]);
        B.exit({ k: "not", c: among });
        ranked = among;
        x = B.let(COMPUTED, names.computed(r));
        what = [lit(b.by.kind === "total" ? "总分（加分、减分之前）" : `「${b.by.indicator.name}」得分 `), dec(x), lit("，")];
      }
      const rank = B.let("rank", { k: "rank", value: x, among, lowerIsBetter: b.lowerIsBetter });
      let text: Text[];
      let v: Expr;
      if (b.table) {
        const rest = b.rest ?? 0;
        v = c(rest);
        for (let i = b.table.length - 1; i >= 0; i--) v = iff(cmp("=", rank, c(i + 1)), c(b.table[i]!), v);
        const count: Expr = { k: "agg", fn: "count", value: c(1), among: ranked };
        const list = b.table.map(fmt).join("、");
        const restText = b.rest === undefined ? `依次得 ${list}，第 ${b.table.length + 1} 名起不得分` : `第 ${b.table.length + 1} 名起其余得 ${fmt(rest)}`;
        text = [...what, lit("第 "), int(rank), lit(" 名（共 "), int(count), lit(" 个单位），"), { k: "if", c: cmp("<=", rank, c(b.table.length)), a: [lit(`依次得 ${list}：第 `), int(rank), lit(" 名得 "), pre], b: [lit(restText)] }];
      } else {
        const lost = B.let("lost", mul(c(b.step), sub(rank, c(1))));
        v = iff(cmp(">=", lost, c(b.max)), c(0), sub(c(b.max), lost));
        text = [...what, lit("第 "), int(rank), lit(" 名，后退 "), int(sub(rank, c(1))), lit(` 位 × ${fmt(b.step)}，得 ${fmt(b.max)} − `), dec(lost), lit(" = "), pre];
      }
      return B.block(v, text, shown);
    }
    case "linear": {
      // 每低/每超 … 扣 (or 得): per step of the value's distance from a base — a number, the unit's own
      // target (目标值) or a value across units (平均值/中位数, the block's COMPUTED) — with a 不足一档
      // mode; a cut-off beyond which an outcome holds; two sides (达到基准得本项分值: one side an award
      // above the points, the other a deduction, returned negative; no adjustments, KP2052)
      const col = names.col(r.name, names.factType(r, r.name));
      // (a value not given scores nothing)
      B.exit({ k: "missing", col });
      const x = B.let("x", { k: "num", col });
      const pct = b.base.percent ? "%" : "";
      const measure = b.base.percent ? "" : (b.base.measure ?? "");
      // the old plain deduction's words (每低 … 扣, a number base, no 四舍五入): no measure, no 「，扣 …」
      const plain = !(b.action === "award" || b.other || b.baseFrom || b.mode === "round");
      let base: Expr;
      let baseText: Text[];
      const shown: Shown[] = [{ key: r.name, value: { k: "text", parts: [dec(x), lit(pct)] } }];
      if (b.baseFrom === "average" || b.baseFrom === "median") {
        base = B.let(COMPUTED, names.computed(r));
        baseText = [lit(`基准（各单位${b.base.text}）`), dec(base), lit(pct + measure)];
        shown.push({ key: b.base.text, value: { k: "text", parts: [dec(base), lit(pct)] } });
      } else if (b.baseFrom === "target") {
        const key = `${r.name}.目标值`;
        base = B.let("base", B.num(key));
        baseText = [lit("目标值 "), dec(base), lit(pct + measure)];
        shown.push({ key, value: { k: "text", parts: [dec(base), lit(pct)] } });
      } else {
        base = c(b.base.raw);
        baseText = [lit(`基准 ${b.base.text}${plain ? "" : b.base.measure && !b.base.percent ? b.base.measure : ""}`)];
      }
      const sides: { direction: "below" | "above"; step: M.Quantity; amount: number; mode: M.BandStepsModel["mode"]; action: "deduct" | "award"; cap?: number }[] = [
        { direction: b.direction, step: b.step, amount: b.amount, mode: b.mode, action: b.action, ...(b.other && b.sideCap !== undefined ? { cap: b.sideCap } : {}) },
      ];
      if (b.other) sides.push({ direction: b.other.direction, step: b.other.step, amount: b.other.amount, mode: b.other.mode, action: b.other.action, ...(b.other.cap !== undefined ? { cap: b.other.cap } : {}) });
      // the chain, built from its last branch: value (signed for two sides), 不得分 (0/1: the cut-off's), why
      let v: Expr = c(0);
      let z: Expr = c(0);
      let why: Text[] = [];
      for (const [i, side] of [...sides.entries()].reverse()) {
        const diff = B.let(`d${i}`, side.direction === "below" ? sub(base, x) : sub(x, base));
        const unit = side.step.measure ?? (side.step.percent ? "个百分点" : "");
        // (computed only on its side: the steps of a distance ≤ 0 mean nothing)
        const w = stepValue(side.mode, side.amount, side.step.raw, diff);
        const capped = side.cap === undefined ? w : ({ k: "min", a: w, b: c(side.cap) } as Expr);
        const act = side.action === "award" ? "得" : "扣";
        const t: Text[] = [
          lit(side.direction === "below" ? "低于" : "超过"),
          ...baseText,
          lit(" "),
          dec(diff),
          lit(`${unit ? ` ${unit}` : ""}，`),
          ...stepsText(side.mode, side.step.raw, diff),
          lit(` 档 × ${fmt(side.amount)} = `),
          dec(w),
          lit(MODE_WORDS[side.mode]),
          ...(side.cap !== undefined ? [{ k: "if", c: cmp(">", w, c(side.cap)), a: [lit(`，${side.action === "award" ? "加分" : "扣分"}最多 ${fmt(side.cap)}`)], b: [] } as Text] : []),
          ...(plain ? [] : [lit(`，${act} `), dec(capped)]),
        ];
        const hit = cmp(">", diff, c(0));
        v = iff(hit, b.other && side.action === "deduct" ? sub(c(0), capped) : capped, v);
        why = [{ k: "if", c: hit, a: t, b: why }];
      }
      if (b.cutoff) {
        const cut = b.cutoff;
        const hit = cmp(cut.direction === "below" ? "<" : ">", x, c(cut.value.raw));
        const o = B.outcome(cut.outcome);
        // a cut-off's 不得分 is the owner's points; with two sides a deduction (negative)
        v = iff(hit, b.other ? sub(c(0), o.v) : o.v, v);
        z = iff(hit, o.z, z);
        why = [{ k: "if", c: hit, a: [lit("数值 "), dec(x), lit(`${pct} ${cut.direction === "below" ? "低于" : "高于"} ${cut.value.text}，${o.word}`)], b: why }];
      }
      if (b.cutoff?.outcome.kind === "zero") B.zero(z);
      const s = B.let("s", v);
      B.exit(cmp("=", s, c(0)));
      return B.block(s, why, shown, b.other !== undefined);
    }
    case "discretion": {
      // 酌情: the amount given (0: none), or 每起 酌情 the amounts given per occurrence — their sum, the
      // trace showing each (the reader checked each is in range; a 0 in the list is an amount given)
      const word = r.effect === "award" ? "酌情得" : "酌情扣";
      if (b.noun === undefined) {
        const x = B.let("x", B.num(r.name));
        B.exit(cmp("=", x, c(0)));
        return B.block(x, [lit(`${word} `), pre, lit(`（范围 ${fmt(b.min)} 至 ${fmt(b.max)}）`)], [{ key: r.name, value: { k: "text", parts: [pre] } }]);
      }
      B.body.push({ k: "list", name: "list", of: { key: r.name } }, { k: "empty", list: "list" });
      const each: Text = { k: "each", list: "list", item: "dec", sep: "、" };
      const text: Text[] = [{ k: "size", list: "list" }, lit(`${b.noun}，${word} `), each, lit(" = "), pre, lit(`（每${b.noun} ${fmt(b.min)} 至 ${fmt(b.max)}）`)];
      return B.block(B.num(r.name), text, [{ key: r.name, value: { k: "text", parts: [each] } }]);
    }
    case "veto": {
      // 一票否决/一票否优: when the fact holds the unit is vetoed; no amount, no adjustments
      B.exit({ k: "not", c: B.flag(r.name) });
      B.body.push({ k: "veto", level: b.level });
      const text = b.level === "fail" ? "一票否决：考评结果定为最低等次" : "一票否优：不能评为最高等次";
      return { body: B.body, value: c(0), adjust: [], trace: { kind: "veto", text: [lit(text)], facts: [{ key: r.name, value: { k: "bool", v: true } }] } };
    }
    default:
      throw new Error(`internal: no block for ${(b as M.RuleBodyModel).kind}`);
  }
}
