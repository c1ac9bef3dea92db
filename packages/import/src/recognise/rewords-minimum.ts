// A count's minimum or bound written in an order the band patterns do not read (session 29, issue 13). The clause is
// kept verbatim; the guards read its own words.
//   「至少2种宣传方式,否则不得分。」                         → 「宣传方式少于2项的,不得分。」   → 分段 { < 2项 不得分 }
//   「建立3个以上规范化乡镇(街道)总工会得0.5分;」            → 「规范化乡镇(街道)总工会3个以上的得0.5分;」 → 分段 { ≥ 3个 得 0.5 }
//   「到达5个及以上不计分,」                                 → 「到达5个及以上的不得分,」        → 分段 { ≥ 5个 不得分 }
// A minimum the item's points are lost below (至少 N, 否则不得分) is a band below N; a bound before the thing it counts,
// with the award right after the thing, is the same band as the thing before its bound (rewords-bound-noun.ts for
// 「…的」); 不计分 after a bound is the item's zero. 种 is counted as 项 (the corpus's convention: the language has no 种).
import { rxt } from "./normalise.js";

/** 「至少2种宣传方式,否则不得分」: the minimum, what it counts, then the item's zero. */
const MINIMUM_OR_NOTHING = rxt`^至少(\\d+|[二两三四五六七八九十]+)(种|项|个|次|件|条|篇|家|户)([^,;。\\d]{1,12}),?否则(?:该项|本项|此项)?不(?:得|计|记)分[。;,]?$`;

/** 「建立3个以上规范化乡镇(街道)总工会得0.5分」: a bound before the thing, the award right after it. */
const BOUND_BEFORE_THING = /(?<![\d.])([2-9]|[1-9]\d+)(个|项|次|件|条|篇|家|户|村)(及)?以上([^,;。\d的]{2,16}?)(?=(?:得|记|计|加)\d+(?:\.\d+)?分[。;,]?$)/;

/** 「5个及以上不计分」: the zero of a bound, written 不计分 or 不记分, with no 的. */
const ZERO_AFTER_BOUND = /(\d+(?:个|项|次|件|条|篇|家|户|人|天)(?:及)?以上)(?:的)?,?不(?:计|记)分/;

/** The clause with a count's minimum or bound written as the band patterns read it (above), else as it is. */
export function rewordMinimum(t: string): string {
  const min = MINIMUM_OR_NOTHING.exec(t);
  if (min) return `${min[3]!}少于${min[1]!}${min[2] === "种" ? "项" : min[2]!}的,不得分`;
  const bound = BOUND_BEFORE_THING.exec(t);
  if (bound && !/\d/.test(t.slice(0, bound.index))) {
    return `${t.slice(0, bound.index)}${bound[4]!}${bound[1]!}${bound[2]!}${bound[3] ?? ""}以上的${t.slice(bound.index + bound[0].length)}`;
  }
  return t.replace(ZERO_AFTER_BOUND, "$1的不得分");
}
