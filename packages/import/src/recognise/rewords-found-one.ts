// One thing found, counted (session 29, helper cats): an inspection's finding of one thing written before its
// deduction is per thing found, as 「发现一起」 is 每起 (语言参考 §5.1) — rewritten 「每发现一X」 in the text the
// patterns read (never in the clause):
//   「发现1户农户未签字或按手印的扣0.5分」              → 「每发现1户农户…」 → 每户 扣 0.5
//   「土地承包清册或丈口簿,见一个组未交乡代管扣1分」      → 「…,每见一个组…」 → 每个 扣 1
// Applied before the other rewords: a measure word the language lacks (「见一棵树木」) is not yet written 个, and stays
// count-words.ts' table's and its guards' (a to-do naming 「见一棵」, recognise-accounting.test.ts).
// count.ts already counts 「发现一起/一处/一例…」; this adds the things an inspection finds by household, enterprise,
// person or village (户, 家, 人, 村, 个 after 见) and 「见一X」 at the head of a part (an inspector's 见, not 意见).
// Only when the clause has no other count (每, a second 一X), no bound (以上, 以下, 至少 …) and one deduction.
import { NOUNS } from "./units.js";

const FOUND = /(?<![每仅只])(?:(发现|查实)|(?<=^|[,;。])(见))([一1])(户|家|人|村|个|组)/g;
const NOT_PER = /每|以上|以下|以内|至少|不少于|不得少于|少于|超过|不足|累计|分别|各|否则|得|加|计|记|\d+(?:\.\d+)?%/;
const ONE_DEDUCTION = /^[^扣减]*(?:扣|减)(?:\d+(?:\.\d+)?)分(?:,?扣完为止)?[。;,]?$/;

export function rewordFoundOne(t: string): string {
  const found = [...t.matchAll(FOUND)];
  if (found.length !== 1) return t;
  const m = found[0]!;
  // the part after the finding's verb: no second count of another thing (「一户…一人」)
  const others = [...t.matchAll(new RegExp(`(?<![\\d.第])[一1二两三四五六七八九十\\d](?:${NOUNS}|组)`, "g"))].filter((x) => x.index !== m.index! + (m[1] ?? m[2])!.length);
  if (others.length > 0) return t;
  const rest = t.replace(m[0], "");
  if (NOT_PER.test(rest.replace(/扣完为止/, "")) || !ONE_DEDUCTION.test(t)) return t;
  // 「一个组」: the group is what is counted (每个); 「1户农户」 keeps its own noun
  return t.replace(m[0], `每${m[1] ?? m[2]}${m[3]}${m[4] === "组" ? "个" : m[4]}`);
}
