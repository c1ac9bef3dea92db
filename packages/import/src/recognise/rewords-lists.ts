// The items of a 「各」 list joined by 或 (session 25, helper s25-tune14): 「未成立组织机构或未制定实施方案各扣1分」 names two
// failings, each with its own negation, and 各 deducts for each — the 「A、B各扣N分」 list (patterns/lists.ts, one rule
// per item, the corpus's nc-03/sfkp-08 convention). Rewritten with 、 in the normalised text the patterns see; only
// two failings, each beginning with 未/没(有)/不/无, right before 各扣/各减.
const EITHER = /(?<=^|[,;:。])((?:未|[没沒]有?|不|[无無])[^,;。、或]{1,16}?)或((?:未|[没沒]有?|不|[无無])[^,;。、或]{1,16}?)(?=(?:的)?各(?:扣|减)\d)/;

/** The clause with 「A或B各扣N分」 written 「A、B各扣N分」 when A and B are both failings. */
export function rewordEitherList(t: string): string {
  return t.replace(EITHER, "$1、$2");
}
