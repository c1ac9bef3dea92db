// The item's own text beside a clause (its name, and its requirement when the document states one
// apart from the scoring clause): the bounds it sets on a thing counted (「人民调解卷宗全年不少于50件、
// 大调解卷宗全年不少于20件」), so a clause that counts what is missing (「人民调解卷宗每少一件扣0.5分」)
// is read from its bound (`至少 50件 每少 1件 扣 0.5`), or is a to-do when the bound cannot be placed; a clause that
// only says the standard was not met (「达不到标准扣 2 分」, session 24) is the band below the item's one bound.
import type { ClauseContext } from "./index.js";
import { normalise, NUM, numberText, rxg } from "./normalise.js";
import { measureWords } from "@kaoping/core";

export interface ItemBound {
  /** The phrase as the item writes it (normalised): 「人民调解卷宗全年不少于50件」. */
  readonly text: string;
  /** What the phrase is about, the words before the bound: 「人民调解卷宗全年」. */
  readonly subject: string;
  readonly value: string;
  readonly noun: string;
  /** A bound per period (「每季度报送信息不少于4篇」): not the year's total, never read into the rule. */
  readonly perPeriod: boolean;
}

/** The language's measure words, longest first (件次 before 件). */
const MEASURES = [...measureWords].sort((a, b) => b.length - a.length);

const BOUND = rxg`(?:不得少于|不应少于|不少于|不低于|至少)${NUM}([\\u4e00-\\u9fa5]{1,3})`;

/** The bounds on a counted thing the item's name and requirement state, in order. */
export function itemBounds(ctx: ClauseContext): ItemBound[] {
  const out: ItemBound[] = [];
  for (const source of [ctx.indicator, ctx.item ?? ""]) {
    for (const part of normalise(source).split(/[、,;。:]/)) {
      for (const m of part.matchAll(BOUND)) {
        const value = numberText(m[1]!);
        // the noun is the longest measure word the bound is followed by (件, 人次, 个百分点 …)
        const noun = MEASURES.find((w) => m[2]!.startsWith(w));
        if (value === undefined || noun === undefined || noun === "分") continue;
        const subject = part.slice(0, m.index!);
        out.push({ text: part.slice(0, m.index! + m[0].length - m[2]!.length + noun.length), subject, value, noun, perPeriod: /每(?:季度?|月|周|半年|学期)/.test(subject) });
      }
    }
  }
  return out;
}

/**
 * 「人民调解卷宗每少一件扣0.5分」 read `每件 扣 0.5` under an item requiring 「人民调解卷宗全年不少于50件」:
 * the reading from the bound, when exactly one bound of the item is on that noun and about the clause's
 * subject (the words before 每少), with the item's phrase it took (kp import reports it, KP5055); otherwise
 * the body unchanged (the item-bound guard then decides).
 */
export function withItemBound(body: string, clause: string, ctx: ClauseContext): { body: string; from?: string } {
  const m = /^每(\S+) 扣 (\d+(?:\.\d+)?)$/.exec(body);
  const t = normalise(clause);
  // 「走访看望少一次」「通报缺少一次」 (session 24): the count short, as 每少
  const at = t.search(/每(?:少|缺)|(?<![不至每])(?:缺少|少)(?=[1一])/);
  if (!m || at < 0) return itemStandardBand(body, clause, ctx) ?? { body };
  const noun = m[1]!;
  const subject = t.slice(0, at).split(/[,;。:]/).pop()!.replace(/^(?:\(\d+\)|\d+[.、])/, "");
  const onNoun = itemBounds(ctx).filter((b) => b.noun === noun);
  const about = onNoun.filter((b) => (subject === "" ? onNoun.length === 1 : b.subject.replace(/^(?:每年|全年|年内)/, "").startsWith(subject)));
  if (about.length !== 1 || about[0]!.perPeriod) return { body };
  return { body: `至少 ${about[0]!.value}${noun} 每少 1${noun} 扣 ${m[2]}`, from: about[0]!.text };
}

// The item's standard beside a clause that only says it was not met (session 24, from the ninth fresh
// set): 「达不到标准扣 2 分」 under an item requiring 「单位全年经费不低于 2000 元」 is the band below the
// bound, `分段 { < 2000元 扣 2 }` — never a one-shot deduction whose fact forgets the bound.  Read only when
// the item states exactly one bound (not one per period) and the clause names no number of its own.

/** 「达不到标准」「未达到要求」「未达标」: the standard not met, with no number of the clause's own. */
const NOT_MET = /^(?:[\u4e00-\u9fa5]{0,8}?)(?:未达到|达不到|没有?达到|不达|未达)(?:标准|要求|规定)?(?:的)?,?扣\d+(?:\.\d+)?分[。;,]?$|^(?:[\u4e00-\u9fa5]{0,8}?)未达标(?:的)?,?扣\d+(?:\.\d+)?分[。;,]?$/;

/** The band under the item's one bound, or undefined when the clause is not 「未达到标准扣N分」 or the bound is not one. */
export function itemStandardBand(body: string, clause: string, ctx: ClauseContext): { body: string; from: string } | undefined {
  const m = /^扣 (\d+(?:\.\d+)?)$/.exec(body);
  const t = normalise(clause);
  if (!m || !NOT_MET.test(t) || /\d+(?:\.\d+)?(?!(?:\.\d+)?分)/.test(t.replace(/扣\d+(?:\.\d+)?分/, ""))) return undefined;
  const bounds = itemBounds(ctx);
  if (bounds.length !== 1 || bounds[0]!.perPeriod) return undefined;
  const b = bounds[0]!;
  return { body: `分段 { < ${b.value}${b.noun} 扣 ${m[1]} }`, from: b.text };
}
