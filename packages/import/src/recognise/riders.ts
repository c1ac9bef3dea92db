// Deductions a clause takes from a person rather than from the assessed unit (语言参考 has no person
// beside the unit): 「每次扣3分、首席代表扣1分」 — the rider 「首席代表扣1分」 is another person's score, so the
// unit's rule is 每次 扣 3; 「扣当事人3分」「一件扣部门负责人及当事人30分」 in a book that assesses its staff
// name whom the deduction is taken from — the amount is the rule's. A rider is taken out only after an
// amount of the unit's own (a clause whose only amount is a person's stays a to-do).

/** The people a rider names. */
const PERSON = "(?:窗口)?首席代表|窗口负责人|直接责任人|主要责任人|责任人|当事人|分管领导|分管负责人|部门负责人|科室负责人";

/** 「、首席代表扣1分」「,首席代表扣L5分」 (the copy's slips inside the amount go with the rider). */
const RIDER = new RegExp(`[,、;]?(?:对)?(?:${PERSON})(?:另)?(?:扣|减)[^,;。、分]{1,5}分`, "g");
/** 「扣当事人3分」「扣部门负责人及当事人30分」: the person between the verb and the amount. */
const NAMED = new RegExp(`(扣|减)(?:${PERSON})(?:(?:及|和|、)(?:${PERSON}))*(?=\\d|[一二两三四五六七八九十])`, "g");
/** A person's deduction left after the riders were taken. */
const PERSON_DEDUCTION = new RegExp(`(?:${PERSON})(?:另)?(?:扣|减)`);

export interface RiderReading {
  /** The clause without its riders, the person words out of 扣当事人N分. */
  readonly rest: string;
  /** The riders taken out, as written (for the import report). */
  readonly riders: readonly string[];
}

/** Takes the person riders out of a normalised clause; `unsure` when a rider is the clause's only amount. */
export function takeRiders(t: string): RiderReading | { unsure: string } {
  const riders: string[] = [];
  let rest = t.replace(NAMED, "$1");
  rest = rest.replace(RIDER, (m, at: number) => {
    // only after an amount of the unit's own, in the same sentence
    if (!/\d分|[一二两三四五六七八九十]分/.test(rest.slice(0, at).split("。").pop()!)) return m;
    riders.push(m.replace(/^[,、;]/, ""));
    return "";
  });
  if (PERSON_DEDUCTION.test(rest)) {
    return { unsure: "条文的扣分是对个人（如首席代表、当事人）的，未能确定单位的计分" };
  }
  return { rest, riders };
}
