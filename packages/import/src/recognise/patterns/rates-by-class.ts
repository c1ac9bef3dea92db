// A rate required of several classes of unit, each its own percentage, with one step for all (session 29, helper
// rates):
//   「申报率,要求企业达到98%、个体95%每差1%,扣10分」 → 基准 98% 每低 1% 扣 10 · 基准 95% 每低 1% 扣 10
//   「发票领购率有证个体户85%、企业100%(新办户…不列入考核)每差1%,扣2分」 → 基准 85% … · 基准 100% …
// One rate named once, then a list of classes (企业, 个体 …) each with its required percentage: each class is measured
// from its own requirement, so the step makes one rule per class, in the clause's order (as 分别 does in
// percent-points.ts's severalRates). Only a plain list — a class named with a number of its own (「月纳税为500万元以上
// 企业92%」: a bound that defines the class) or any other number is not read here.
import { numberText } from "../normalise.js";

/** The requirements of the classes in the order written, or undefined when the head is not such a list. */
export function ratesByClass(head: string): string[] | undefined {
  // a list label and remarks in brackets without a number (「(新办户、筹建户等特殊企业不列入考核)」) say nothing of the bases
  const h = head.replace(/^(?:\(\d+\)|\d+[、.](?!\d)|[①-⑳])/, "").replace(/\([^()\d%]*\)/g, "").replace(/[,;。]$/, "");
  const m = /^([^\d%,;。、]*?率)[,:：]?(?:要求)?(.+)$/.exec(h);
  if (!m) return undefined;
  const items = m[2]!.split(/[、,]/);
  if (items.length < 2) return undefined;
  const classes: string[] = [];
  const bases: string[] = [];
  for (const item of items) {
    const x = /^([^\d%,;。]{1,10}?)(?:达到|达|为|不低于)?(\d+(?:\.\d+)?)%$/.exec(item);
    if (!x || /以上|以下|以内|低于|高于|超过|不足/.test(x[1]!)) return undefined;
    const v = numberText(x[2]!);
    if (v === undefined) return undefined;
    classes.push(x[1]!);
    bases.push(v);
  }
  if (new Set(classes).size !== classes.length) return undefined;
  return bases;
}
