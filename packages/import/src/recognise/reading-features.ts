// What a reading writes, as features the accounting check's vocabulary (accounting-vocabulary.ts) is
// accounted for by: the count units it counts by, a cap, a band, a bound, a base, a rate, a score the
// assessor gives, a ranking, a veto, 否则, 就高, 倒扣, 加倍/减半, 平均, classes, grades, waivers, and its
// direction (awards, deductions). A reading is one or more rule bodies as the recogniser writes them
// (`每次 扣 0.5 上限 2`, `分段 { < 95% 扣 2 }`, `得 2 否则 扣 1` …; 语言参考 §5–§6).

/** The features of a reading (its bodies joined, and what they write). */
export interface ReadingFeatures {
  /** The bodies joined by a space. */
  readonly all: string;
  readonly bodies: readonly string[];
  /** The count units (「每次」 → 次, 「每少 1件」 → 件, 「至少 4篇」 → 篇); empty for a reading that counts nothing. */
  readonly counts: readonly string[];
  /** A per-occurrence rule (每X …, not a linear step 每低/每少/每增加 …). */
  readonly counted: boolean;
  /** Every body is a one-shot amount or 不得分 (扣 N, 得 N, 得 N 否则 扣 M, 不得分), with nothing after it but a cap. */
  readonly oneShot: boolean;
  readonly cap: boolean;
  readonly band: boolean;
  /** 至少 N … 每少. */
  readonly bound: boolean;
  /** A linear rule from a base (基准 …). */
  readonly base: boolean;
  /** 按比率 / 按最高比例. */
  readonly rate: boolean;
  /** The score is the assessor's: 按评价, 评议, 酌情. */
  readonly judged: boolean;
  readonly ranking: boolean;
  readonly veto: boolean;
  readonly otherwise: boolean;
  readonly highest: boolean;
  readonly overdraft: boolean;
  /** 加倍 / 减半 (当 a condition, or 其中 … 加倍). */
  readonly multiplier: boolean;
  /** 按 … 平均, 基准 平均值. */
  readonly average: boolean;
  /** Classes of one count or amount (「甲」 N、「乙」 M, 其中 「…」). */
  readonly classes: boolean;
  /** 评为 … 分别得. */
  readonly grades: boolean;
  /** 免扣 当 / 可减免 当. */
  readonly waiver: boolean;
  /** 适用 a class of units. */
  readonly applies: boolean;
  readonly award: boolean;
  readonly deduct: boolean;
}

/** The count units of a reading (「每次」 → 次, 「每少 1件」 → 件, 「至少 4篇」 → 篇), or empty for a one-shot reading. */
export function countUnits(bodies: readonly string[]): string[] {
  const out: string[] = [];
  for (const b of bodies) {
    const tokens = b.split(/\s+/);
    tokens.forEach((tok, i) => {
      if (/^每/.test(tok) && /^\d/.test(tokens[i + 1] ?? "")) out.push((tokens[i + 1] ?? "").replace(/^[\d.]+/, ""));
      else if (/^每/.test(tok)) out.push(tok.slice(1));
      else if (tok === "至少") out.push((tokens[i + 1] ?? "").replace(/^[\d.]+/, ""));
    });
  }
  return out.filter((u) => u !== "");
}

/** The steps of a linear rule or a band's 逐档 (每低, 每少, 每增加 …): a step, not a count. */
const STEP = /^每(?:低|少|减少|下降|降低|差|高|超|超过|超出|多|增加|上升|提高|后退|前进)$/;

/** A per-occurrence count word as a rule's first tokens (「每次」「每人 每次」「每项 酌情」). */
function perOccurrence(body: string): boolean {
  const first = body.split(/\s+/)[0] ?? "";
  return /^每\S/.test(first) && !STEP.test(first);
}

const ONE_SHOT = /^(?:(?:扣|得) \d+(?:\.\d+)?(?: 否则 (?:倒扣|扣) \d+(?:\.\d+)?)?|不得分)(?: 上限 \d+(?:\.\d+)?)?$/;

export function readingFeatures(bodies: readonly string[]): ReadingFeatures {
  const all = bodies.join(" ");
  return {
    all,
    bodies,
    counts: countUnits(bodies),
    counted: bodies.some(perOccurrence),
    oneShot: bodies.length > 0 && bodies.every((b) => ONE_SHOT.test(b)),
    cap: /(?:^|\s)上限 /.test(all),
    band: /分段/.test(all),
    bound: /(?:^|\s)至少 /.test(all),
    base: /(?:^|\s)基准 /.test(all),
    rate: /按比率|按最高比例/.test(all),
    judged: /按评价|评议|酌情/.test(all),
    ranking: /排名/.test(all),
    veto: /一票否/.test(all),
    otherwise: /否则/.test(all),
    highest: /就高/.test(all),
    overdraft: /倒扣/.test(all),
    multiplier: /加倍|减半/.test(all),
    average: /平均/.test(all),
    classes: /「[^」]*」 \d|其中 「/.test(all),
    grades: /评为/.test(all),
    waiver: /免扣|可减免/.test(all),
    applies: /适用|参照/.test(all),
    award: /(?:^|\s)得(?:\s|分|$)|基准|按比率|按最高比例|评为|按排名|按评价|评议/.test(all),
    deduct: /扣|不得分|一票否/.test(all),
  };
}
