// Review signals on where a count comes from (review.ts; provenance.ts finds the places, guards-provenance.ts refuses
// the strong cases): a per-count reading whose count noun the clause writes only inside other words or names, and a
// count of things short of (or beyond) a target the clause does not state, read as the things themselves.
import type { ClauseContext } from "./index.js";
import { normalise } from "./normalise.js";
import { rewordCountWords } from "./count-words.js";
import { countInvented } from "./guards-provenance.js";
import { provenanceOf, spellingsOf, SOURCES } from "./provenance.js";
import type { ReviewSignal } from "./review-signal.js";

/** A shortfall or a step just before a count (「少1家」「未完成任务少一个」「每增加一家」「每超…引进1个」). */
const SHORT_OR_STEP = /(?:少|缺|差|不足|增加|新增|多|超过?|超出)[^,;。]{0,6}$/;

/** A target reached, missed or passed, named by a word and not by its number (「要求标准」「任务数」「目标任务」). */
const TARGET = /(?:达到|达成|达不到|完成|完不成|超)[^,;。]{0,12}?(任务数|目标任务|目标值|目标|要求标准|规定标准|标准|任务|计划)/;

/** The shortfalls and steps themselves (「少1」「每增加一」), taken out before a text is searched for a number of things. */
const SHORT_OR_STEP_NUMBER = /(?:少|缺|差|不足|增加|新增|多|超过?|超出)[^,;。]{0,6}?(?:\d+|[一两二三])(?=\S)/g;

/** The text states a number of the things counted (「办结7件」「八个文艺团体」), besides its shortfalls and steps. */
function statesCount(x: string, noun: string): boolean {
  const rest = x.replace(SHORT_OR_STEP_NUMBER, "");
  return spellingsOf(noun).some((s) => new RegExp(`(?:\\d+|[二两三四五六七八九十百]+)${s}`).test(rest));
}

/** The clause as the guards see it: count words the language lacks written as its units (count-words.ts). */
const seen = (t: string): string => rewordCountWords(t);

export const PROVENANCE_SIGNALS: readonly ReviewSignal[] = [
  {
    // 「…项目…扣1分」 read `每项 扣 1`: 项 only inside 项目 — the reading's count is written nowhere as a count
    name: "count-not-written",
    weight: 2,
    check: (t0, bodies) => {
      const t = seen(t0);
      if (countInvented(t, bodies) !== undefined) return undefined;
      const missing = provenanceOf(t, bodies).find((p) => !p.found);
      return missing ? `规则按「每${missing.noun}」计数，条文中没有把「${missing.noun}」写作计数（如「每${missing.noun}」「一${missing.noun}」）` : undefined;
    },
  },
  {
    // 「未达到要求标准的少1家企业扣2分」 read `每家 扣 2`: the firms short of a standard whose number is not stated,
    // read as every firm
    name: "target-unstated",
    weight: 2,
    check: (t0, bodies, ctx: ClauseContext, f) => {
      if (!f.counted || f.base || f.bound) return undefined;
      const t = seen(t0);
      const item = ctx.item === undefined ? "" : normalise(ctx.item);
      const target = TARGET.exec(t) ?? TARGET.exec(item);
      if (!target) return undefined;
      for (const p of provenanceOf(t, bodies)) {
        const sources = p.places.filter((x) => SOURCES.has(x.place));
        const shortfalls = sources.map((x) => SHORT_OR_STEP.exec(t.slice(0, x.at).replace(/(?:\d+|[一两二三四五六七八九十]+)$/, "")));
        if (sources.length === 0 || shortfalls.some((m) => m === null)) continue;
        // the target's number stated (「办结7件…少办一件」): a count against it is what the clause says
        if ([t, item].some((x) => statesCount(x, p.noun))) continue;
        const from = shortfalls[0]!.index - (t[shortfalls[0]!.index - 1] === "每" ? 1 : 0);
        return `条文按差额计数（「${t.slice(from, sources[0]!.at + p.noun.length)}」），所对照的「${target[1]}」没有写明数值；规则却把「每${p.noun}」当作次数计，请核对是否应从目标值起算`;
      }
      return undefined;
    },
  },
];
