/**
 * Reading units' facts against the FACTS table of a compiled module, with every problem found as a
 * stable code and a Chinese message.  Part of the runtime every compiled module embeds: plain
 * functions, no module state.
 *
 * A unit is `{ name, classes?, facts }`; `facts` maps fact keys (a rule name, or `rule.sub`) to
 * values; nested objects are flattened (`{ 处分: { 轻处分: 1 } }` is `{ "处分.轻处分": 1 }`).  Values may
 * be JSON numbers, booleans, arrays of incident ids, or text as found in CSV/Excel cells ("3",
 * "87.5%", "是", "事件A、事件B", "" for nothing).
 */
import { kpFlag, kpIdList, kpIds, kpNotCount, kpRawOf } from "./cells.js";
import { kpFormat, kpHalfWidth } from "./text.js";

/** One fact key's expectations, as the compiler writes them into the module's FACTS table. */
export interface FactSpec {
  /** The fact key: a rule name, or 规则名.分项 */
  k: string;
  /** count | items | flag | award | value | score | rate | amount | amounts | reduce | outcome */
  t: string;
  /** the code of a value out of range when not KP4005 (KP4065 a reduction, KP4066 评议, KP4067 酌情) */
  oc?: string;
  /** the counted noun of per-occurrence amounts (起, 次 …) */
  n?: string;
  /** whether incident ids are accepted (count, flag) */
  inc?: boolean;
  /** value may be missing (未报送) */
  miss?: boolean;
  /** value must be an integer */
  int?: boolean;
  /** value may be negative (分段 可为负): "-0.3", "−0.3%", "+0.5" are read; a malformed sign is KP4070 */
  neg?: boolean;
  /** value must not be 0 (a divisor of 按 … 平均: KP4046) */
  pos?: boolean;
  /** a count that is part of the count keyed `of` (其中 「已查结」 减半): together they may not exceed it (KP4045) */
  of?: string;
  /** the counted noun of such a part (次, 人 …), for KP4045's message; of per-item counts (t = items) */
  noun?: string;
  /** per-item counts (t = items): the item noun (村) */
  item?: string;
  /** raw bounds */
  min?: number;
  max?: number;
  /** score (折算自): the rule's points the score in [0, max] is rescaled to */
  sc?: number;
  /** outcome: the allowed names, in order (the value read is the position) */
  names?: string[];
  /** required (when the rule applies to the unit) */
  req?: boolean;
  /** classes the fact's rule applies to: every list must contain one of the unit's classes (undefined = all) */
  cls?: string[][];
  /** classes whose units take another unit's score here (参照): the fact is not required of them */
  xcls?: string[];
  /** the 择一 group (1, 2, …) of the fact's rule: of the facts of one group, at most one may be given as happened (KP4060) */
  x?: number;
  /** 未涉及 flags (fact keys) of the indicators above: a unit flagged there need not give this fact. */
  xf?: string[];
  /** human label */
  label: string;
}

/** A problem with the facts, as data (the CLI turns it into a diagnostic with a location). */
export interface FactError {
  code: string;
  message: string;
  unit?: string;
  key?: string;
}

/** A unit after reading: validated facts in exact form. */
export interface ReadUnit {
  name: string;
  classes: string[];
  /** class name → true */
  c: Record<string, boolean>;
  /**
   * Facts by position in the spec list: the value of spec i at F[2i] (a count, a raw decimal, a
   * boolean, or null for 未报送; undefined when not given) and its incident ids at F[2i+1].
   */
  F: unknown[];
}

/** A unit as given, before reading. */
interface UnitInput {
  name?: unknown;
  classes?: unknown;
  facts?: unknown;
}

/**
 * Reads units' facts against the FACTS table of a compiled module: a list of specs, one per fact key
 * (spec.k), in a fixed order.  A read unit's facts are an array: the value of spec i at F[2i] (a
 * count, a raw decimal, a boolean, or null for 未报送) and its incident ids, if any, at F[2i+1].
 * Returns the read units and every problem found (all of them, not just the first).
 *
 * With `keys`, the units are rows of a table as the facts reader streams them (no object per unit):
 * each unit's `facts` is an array of cells, the cell at j holding the fact keyed keys[j] (no key:
 * a column that holds no fact).  They are read as the same unit with its facts as an object.
 */
export function kpReadUnits(
  specs: readonly FactSpec[],
  declaredClasses: readonly string[],
  ruleNames: Readonly<Record<string, boolean>>,
  units: unknown,
  keys?: readonly (string | undefined)[],
): { units: ReadUnit[]; errors: FactError[] } {
  const errors: FactError[] = [];
  const out: ReadUnit[] = [];
  const err = (code: string, message: string, unit?: string, key?: string): void => {
    const e: FactError = { code, message };
    if (unit !== undefined) e.unit = unit;
    if (key !== undefined) e.key = key;
    errors.push(e);
  };
  if (!Array.isArray(units)) {
    err("KP4020", "事实文件的结构不对：需要单位的列表");
    return { units: out, errors };
  }
  if (units.length === 0) err("KP4012", "事实文件中没有任何单位");
  // Once per call: where each key lives, and which facts are required.
  const index = new Map<string, number>();
  const required: number[] = [];
  // 择一 groups: group number → positions of its facts (at most one may say "happened")
  const choices = new Map<number, number[]>();
  for (let i = 0; i < specs.length; i++) {
    index.set(specs[i].k, i);
    if (specs[i].req) required.push(i);
    if (specs[i].x !== undefined) {
      const list = choices.get(specs[i].x as number);
      if (list) list.push(i);
      else choices.set(specs[i].x as number, [i]);
    }
  }
  // Per-item counts (t = items) exclude the product form's sub-keys of the same rule (KP4047).
  const productKeys = new Map<number, number[]>();
  for (let i = 0; i < specs.length; i++) {
    if (specs[i].t !== "items") continue;
    const subs: number[] = [];
    for (let j = 0; j < specs.length; j++)
      if (specs[j].t === "count" && specs[j].of === undefined && specs[j].k.indexOf(specs[i].k + ".") === 0) subs.push(j);
    productKeys.set(i, subs);
  }
  // Counts that are parts of another count (其中 「已查结」 减半): total index → part indices.
  const parts = new Map<number, number[]>();
  for (let i = 0; i < specs.length; i++) {
    const of = specs[i].of;
    if (of === undefined || !index.has(of)) continue;
    const t = index.get(of) as number;
    if (!parts.has(t)) parts.set(t, []);
    (parts.get(t) as number[]).push(i);
  }
  const size = specs.length * 2;
  const shownOf = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));
  const unknownKey = (key: string, name: string): void => {
    const dot = key.indexOf(".");
    const base = dot < 0 ? key : key.slice(0, dot);
    if (dot >= 0 && Object.prototype.hasOwnProperty.call(ruleNames, base)) {
      const subs = specs.filter((x) => x.k.indexOf(base + ".") === 0).map((x) => x.k.slice(base.length + 1));
      err("KP4014", "规则「" + base + "」没有分项「" + key.slice(dot + 1) + "」；可用的分项：" + (subs.join("、") || "无"), name, key);
    } else err("KP4002", "细则中没有名为「" + key + "」的规则", name, key);
  };
  const notApplicable = (spec: FactSpec, c: Record<string, boolean>): boolean | undefined =>
    (spec.cls && !spec.cls.every((list) => list.some((k) => c[k] === true))) ||
    (spec.xcls && spec.xcls.some((k) => c[k] === true)) ||
    (spec.xf && spec.xf.some((k) => F[2 * (index.get(k) as number)] === true));
  const seen = new Set<string>();
  // The unit being read (the visitor below is made once per call, not once per unit).
  let name = "";
  let F: unknown[] = [];
  const given = new Uint8Array(specs.length); // cleared for each unit
  const visit = (key: string, v: unknown): void => {
    if (v === undefined) return;
    // { 驻村缺勤: { 村: 3, 次: 2 } } is 驻村缺勤.村 and 驻村缺勤.次; other keys under a compound count's
    // name are its items ({ 驻村缺勤: { 东村: 2, 西村: 1 } })
    if (
      v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      !(index.has(key) && specs[index.get(key) as number].t === "items" && !Object.keys(v).every((k) => index.has(key + "." + k)))
    ) {
      // nested form: { 处分: { 轻处分: 1 } } is 处分.轻处分
      for (const k in v) visit(key + "." + k, (v as Record<string, unknown>)[k]);
      return;
    }
    const i = index.get(key);
    if (i === undefined) {
      unknownKey(key, name);
      return;
    }
    readAt(i, key, v);
  };
  /** Reads `v`, the value of the fact at position i of the specs (keyed `key`). */
  const readAt = (i: number, key: string, v: unknown): void => {
    given[i] = 1;
    const spec = specs[i];
    const t = spec.t;
    const isEmpty = v === null || v === "" || (typeof v === "string" && v.trim() === "");
    if (t === "items") {
      // per-item counts of a compound rule: { 甲村: 2, 乙村: 1 }, 「甲村 2、乙村 1」, or their sum
      if (isEmpty) return;
      const noun = spec.noun || "次";
      let pairs: [string, unknown][];
      if (typeof v === "number" || (typeof v === "string" && /^\s*[0-9０-９]+\s*$/.test(v))) {
        const n = typeof v === "number" ? v : Number(kpHalfWidth(v as string).trim());
        if (!Number.isSafeInteger(n) || n < 0) {
          err("KP4048", "「" + key + "」的值「" + shownOf(v) + "」应为非负整数（" + noun + "数之和），或逐项的" + noun + "数", name, key);
          return;
        }
        F[2 * i] = n;
        return;
      }
      if (typeof v === "string") {
        pairs = [];
        for (const part of v.split(/[、,，;；\n]/)) {
          if (part.trim() === "") continue;
          const m = /^\s*(.+?)\s*[:：]?\s*([0-9０-９]+)\s*([^\s0-9０-９]*)\s*$/.exec(part);
          if (!m || (m[3] !== "" && m[3] !== noun)) {
            err("KP4049", "「" + key + "」的值格式不对：「" + part.trim() + "」应写成「项名 " + noun + "数」，如「甲" + (spec.item || "项") + " 2」，各项用「、」隔开", name, key);
            return;
          }
          pairs.push([m[1], kpHalfWidth(m[2])]);
        }
      } else if (v !== null && typeof v === "object" && !Array.isArray(v)) pairs = Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
      else {
        err(
          "KP4049",
          "「" + key + "」的值格式不对：应为逐项的" + noun + "数（如 { \"甲" + (spec.item || "项") + "\": 2 } 或「甲" + (spec.item || "项") + " 2、乙" + (spec.item || "项") + " 1」），或" + noun + "数之和",
          name,
          key,
        );
        return;
      }
      let sum = 0;
      const items: [string, number][] = [];
      const names = new Set<string>();
      for (const [item, c] of pairs) {
        const label = String(item).trim();
        const n = typeof c === "number" ? c : typeof c === "string" && /^\s*[0-9０-９]+\s*$/.test(c) ? Number(kpHalfWidth(c).trim()) : NaN;
        if (label === "" || names.has(label)) {
          err("KP4049", "「" + key + "」的值格式不对：" + (label === "" ? "有一项没有名称" : "「" + label + "」写了两次"), name, key);
          return;
        }
        names.add(label);
        if (!Number.isSafeInteger(n) || n < 0) {
          err("KP4048", "「" + key + "」中「" + label + "」的" + noun + "数「" + shownOf(c) + "」应为非负整数", name, key);
          return;
        }
        sum += n;
        if (!Number.isSafeInteger(sum)) {
          err("KP4005", "「" + key + "」的值超出范围：次数太大，无法精确计算", name, key);
          return;
        }
        if (n > 0) items.push([label, n]);
      }
      F[2 * i] = sum;
      F[2 * i + 1] = items;
      return;
    }
    if (t === "count") {
      if (isEmpty) return;
      if (typeof v === "number") {
        if (Number.isSafeInteger(v) && v >= 0) {
          F[2 * i] = v;
          return;
        }
        if (Number.isInteger(v) && v > 0) {
          err("KP4005", "「" + key + "」的值 " + String(v) + " 超出范围：次数太大，无法精确计算", name, key);
          return;
        }
      } else if (typeof v === "string" && kpNotCount(v)) {
        // a decimal or signed number ("1.5", "2.0", "-0"): neither a count nor an incident id
      } else if (Array.isArray(v) || (typeof v === "string" && !/^\s*[0-9０-９]+\s*$/.test(v))) {
        if (spec.inc) {
          const ids = kpIdList(v as string | unknown[]);
          if (typeof ids === "string") {
            err("KP4019", "「" + key + "」的值格式不对：" + ids, name, key);
            return;
          }
          F[2 * i] = ids.length;
          F[2 * i + 1] = ids;
          return;
        }
      } else if (typeof v === "string") {
        // digits only (the branch above took everything else)
        const digits = kpHalfWidth(v).trim();
        const n = Number(digits);
        if (Number.isSafeInteger(n)) {
          F[2 * i] = n;
          return;
        }
        // A whole number too large to count exactly is out of range, not "not a whole number".
        err("KP4005", "「" + key + "」的值 " + digits + " 超出范围：次数太大，无法精确计算", name, key);
        return;
      }
      err("KP4003", "「" + key + "」的值「" + shownOf(v) + "」应为非负整数（次数）", name, key);
    } else if (t === "flag") {
      if (spec.req && isEmpty) {
        // a required yes/no (得 … 否则 扣 …) left empty is not given, never read as 否
        given[i] = 0;
        return;
      }
      const b = kpFlag(v);
      if (b === undefined) {
        if (spec.inc && typeof v === "string" && !kpNotCount(v)) {
          const ids = kpIds(v);
          if (ids.length > 1) {
            err("KP4019", "「" + key + "」的值「" + v + "」格式不对：这是一次性扣分，只能填一个事件编号", name, key);
            return;
          }
          F[2 * i] = true;
          F[2 * i + 1] = ids;
          return;
        }
        err("KP4009", "「" + key + "」的值「" + shownOf(v) + "」应为 是/否", name, key);
        return;
      }
      F[2 * i] = b;
    } else if (t === "outcome") {
      if (isEmpty) {
        given[i] = 0; // counts as not given: required-ness is checked below
        return;
      }
      const names = spec.names || [];
      const s = typeof v === "string" || typeof v === "number" ? String(v).normalize("NFC").trim() : undefined;
      const at = s === undefined ? -1 : names.indexOf(s);
      if (at < 0) {
        err("KP4055", "「" + key + "」的值「" + shownOf(v) + "」不是规定的评定结果：只能是 " + names.join("、"), name, key);
        return;
      }
      F[2 * i] = at;
    } else if (t === "award") {
      // A number (in JSON or a cell) is the points given; anything else is yes/no.
      const numeric = typeof v === "number" || (typeof v === "string" && v !== "是" && v !== "" && /^\s*[0-9０-９]+([.．][0-9０-９]+)?\s*$/.test(v));
      const max = spec.max ?? 0;
      if (!numeric) {
        const b = kpFlag(v);
        if (b === undefined) {
          err("KP4019", "单位「" + name + "」的「" + key + "」应为 是/否 或 0 至 " + kpFormat(max) + " 的分数，实际为「" + shownOf(v) + "」", name, key);
          return;
        }
        F[2 * i] = b ? max : 0;
        return;
      }
      const r = kpRawOf(v);
      if (typeof r === "string") {
        err(r === "tooManyPlaces" ? "KP4010" : "KP4019", "单位「" + name + "」的「" + key + "」应为 是/否 或 0 至 " + kpFormat(max) + " 的分数，实际为「" + shownOf(v) + "」", name, key);
        return;
      }
      if (r > max) {
        err("KP4005", "「" + key + "」的值 " + kpFormat(r) + " 超出范围 [0, " + kpFormat(max) + "]", name, key);
        return;
      }
      F[2 * i] = r;
    } else if (t === "amounts") {
      // 每起 酌情 …: the amount given for each occurrence, each in [min, max]
      if (isEmpty) {
        F[2 * i] = 0;
        F[2 * i + 1] = [];
        return;
      }
      // one 0 (not a list) is nothing given, as for 酌情 once; inside a list a 0 is an amount
      if (!Array.isArray(v) && kpRawOf(v) === 0) {
        F[2 * i] = 0;
        F[2 * i + 1] = [];
        return;
      }
      const list: readonly unknown[] = Array.isArray(v) ? v : typeof v === "string" ? kpIds(v) : [v];
      const amounts: number[] = [];
      let total = 0;
      for (let j = 0; j < list.length; j++) {
        const x = list[j];
        const r = typeof x === "number" || typeof x === "string" ? kpRawOf(x) : "notNumber";
        if (typeof r === "string") {
          err(
            r === "tooManyPlaces" ? "KP4010" : "KP4068",
            r === "tooManyPlaces"
              ? "「" + key + "」的值「" + shownOf(x) + "」小数位数超过 6 位"
              : "「" + key + "」的值「" + shownOf(v) + "」格式不对：应为每" + spec.n + "酌情给的分数，多" + spec.n + "时用「、」隔开（如「1、1.5」）",
            name,
            key,
          );
          return;
        }
        if (r < (spec.min as number) || r > (spec.max as number)) {
          err("KP4067", "「" + key + "」的酌情分数 " + kpFormat(r) + " 超出范围 [" + kpFormat(spec.min as number) + ", " + kpFormat(spec.max as number) + "]" + (list.length > 1 ? "（第 " + (j + 1) + " " + spec.n + "）" : ""), name, key);
          return;
        }
        amounts.push(r);
        total += r;
      }
      if (!Number.isSafeInteger(total)) {
        err("KP4005", "「" + key + "」的值 " + shownOf(v) + " 超出范围：合计太大，无法精确计算", name, key);
        return;
      }
      F[2 * i] = total;
      F[2 * i + 1] = amounts;
    } else {
      if (isEmpty || (typeof v === "string" && /^\s*(未报送|未填报|缺报|无数据)\s*$/.test(v))) {
        if (t === "value" && spec.miss) F[2 * i] = null;
        else if (t === "amount" || t === "reduce") F[2 * i] = 0;
        else given[i] = 0; // counts as not given: required-ness is checked below
        return;
      }
      let r: number | string = kpRawOf(v);
      if ((spec.neg && r === "negative") || (spec.neg && typeof v === "string" && typeof r === "string" && /^\s*[+\-\u2212\uFF0B\uFF0D]/.test(v))) {
        // 分段 可为负: one sign before the number (-, − U+2212, －, +, ＋), then a number as usual
        const m = typeof v === "number" ? null : /^\s*([+\-\u2212\uFF0B\uFF0D])\s*(.*)$/s.exec(v as string);
        const a = typeof v === "number" ? kpRawOf(-v) : m && !/^[+\-\u2212\uFF0B\uFF0D]/.test(m[2]) && m[2] !== "" ? kpRawOf(m[2]) : "sign";
        if (a === "sign" || a === "notNumber" || a === "negative") {
          err("KP4070", "「" + key + "」的值「" + shownOf(v) + "」不是数字：可为负的数值应写成「-0.3」「-0.3%」或「+0.5」（正负号只写一个，在数字前）", name, key);
          return;
        }
        r = typeof a === "number" && (typeof v === "number" || ((m as RegExpExecArray)[1] !== "+" && (m as RegExpExecArray)[1] !== "\uFF0B")) ? (a === 0 ? 0 : -a) : a;
      }
      if (typeof r === "string") {
        const shown = shownOf(v);
        if (r === "tooManyPlaces") err("KP4010", "「" + key + "」的值「" + shown + "」小数位数超过 6 位", name, key);
        else if (r === "negative" && spec.sc !== undefined)
          err(
            "KP4056",
            "「" + key + "」的值 " + shown + " 超出范围 [0, " + kpFormat(spec.max as number) + "]：它是满分 " + kpFormat(spec.max as number) + " 的评价结果，按本项满分 " + kpFormat(spec.sc) + " 折算",
            name,
            key,
          );
        else if (r === "negative") err("KP4005", "「" + key + "」的值 " + shown + " 超出范围：不能为负数", name, key);
        else if (r === "tooLarge") err("KP4005", "「" + key + "」的值 " + shown + " 超出范围：超过可精确计算的上限 9007199254.740991", name, key);
        else err("KP4004", "「" + key + "」的值「" + shown + "」不是数字", name, key);
        return;
      }
      if (spec.int && r % 1000000 !== 0) {
        err("KP4003", "「" + key + "」的值「" + shownOf(v) + "」应为非负整数（次数）", name, key);
        return;
      }
      if (spec.pos && r === 0) {
        err("KP4046", "单位「" + name + "」的「" + key + "」为 0：按它平均时除数应为正整数", name, key);
        return;
      }
      if ((t === "amount" || t === "reduce") && r === 0) {
        F[2 * i] = 0;
        return;
      }
      const lo = spec.min ?? (spec.neg ? -Infinity : 0);
      if (spec.sc !== undefined && r > (spec.max as number)) {
        err(
          "KP4056",
          "「" + key + "」的值 " + kpFormat(r) + " 超出范围 [0, " + kpFormat(spec.max as number) + "]：它是满分 " + kpFormat(spec.max as number) + " 的评价结果，按本项满分 " + kpFormat(spec.sc) + " 折算",
          name,
          key,
        );
        return;
      }
      if (r < lo || (spec.max !== undefined && r > spec.max)) {
        const range = "[" + kpFormat(lo) + ", " + (spec.max === undefined ? "∞" : kpFormat(spec.max)) + "]";
        // a rule's own code says what the value is (KP4065 a reduction, KP4066 评议, KP4067 酌情)
        const what = spec.oc === "KP4065" ? "的减免 " : spec.oc === "KP4066" ? "的评议得分 " : spec.oc === "KP4067" ? "的酌情分数 " : "的值 ";
        err(spec.oc || "KP4005", "「" + key + "」" + what + kpFormat(r) + " 超出范围 " + range + (spec.oc === "KP4065" ? "：减免的分数应在 0 至本规则的扣分之间" : ""), name, key);
        return;
      }
      F[2 * i] = r;
    }
  };
  // rows: the spec position of each cell's key (-1: none)
  const places = keys === undefined ? undefined : keys.map((k) => (k === undefined ? -1 : (index.get(k) ?? -1)));
  /**
   * Rows: what reading an empty cell and a 「是」 at a spec position does (the cells a large file
   * mostly holds), found by reading it once (at 2i and 2i + 1): whether the fact counts as given, its
   * value and incident ids if set; null when that is a problem or sets more than plain values (then
   * each such cell is read, and reported with its unit).
   */
  const usual: ({ given: number; set: boolean; value: unknown; ids: unknown[] | undefined } | null | undefined)[] = [];
  const usualOutcome = (i: number, key: string, text: string) => {
    const at = 2 * i + (text === "" ? 0 : 1);
    let o = usual[at];
    if (o === undefined) {
      const saved = F;
      const wasGiven = given[i];
      const before = errors.length;
      F = new Array(size);
      readAt(i, key, text);
      const value = F[2 * i];
      const ids = F[2 * i + 1];
      const plain = (x: unknown) => x === null || typeof x !== "object";
      o =
        errors.length > before || !plain(value) || (ids !== undefined && !(Array.isArray(ids) && ids.every(plain)))
          ? null
          : { given: given[i], set: 2 * i in F, value, ids: ids as unknown[] | undefined };
      errors.length = before;
      given[i] = wasGiven;
      F = saved;
      usual[at] = o;
    }
    return o;
  };
  for (const u of units as readonly (UnitInput | null)[]) {
    if (u === null || typeof u !== "object" || typeof u.name !== "string" || u.name.trim() === "") {
      err("KP4001", "事实文件缺少「单位」列（或 JSON 中的 name 字段）");
      continue;
    }
    name = u.name.trim();
    if (seen.has(name)) err("KP4006", "单位「" + name + "」重复出现", name);
    seen.add(name);
    let classes: string[] = [];
    if (Array.isArray(u.classes)) classes = u.classes.map((x) => String(x).trim()).filter((x) => x !== "");
    else if (typeof u.classes === "string") classes = kpIds(u.classes);
    const c = Object.create(null) as Record<string, boolean>; // class names may be anything, even "constructor"
    for (const k of classes) {
      if (declaredClasses.indexOf(k) < 0) err("KP4007", "单位「" + name + "」的类别「" + k + "」未在细则中声明", name);
      c[k] = true;
    }
    F = new Array(size);
    given.fill(0);
    const facts = u.facts;
    if (keys !== undefined && Array.isArray(facts)) {
      for (let j = 0; j < keys.length; j++) {
        const key = keys[j];
        if (key === undefined) continue;
        // a text cell of a known key is read at its place at once (what visit would do)
        const v: unknown = facts[j];
        const at = places![j]!;
        if (at >= 0 && (v === "" || v === "是")) {
          const o = usualOutcome(at, key, v);
          if (o) {
            given[at] = o.given;
            if (o.set) F[2 * at] = o.value;
            if (o.ids !== undefined) F[2 * at + 1] = o.ids.slice();
            continue;
          }
        }
        if (at >= 0 && typeof v === "string") readAt(at, key, v);
        else visit(key, v);
      }
    } else if (facts !== undefined && (facts === null || typeof facts !== "object" || Array.isArray(facts))) {
      err("KP4020", "事实文件的结构不对：单位「" + name + "」的 facts 应为对象", name);
      out.push({ name, classes, c, F });
      continue;
    } else if (facts) for (const key in facts) visit(key, (facts as Record<string, unknown>)[key]);
    for (const [i, subs] of productKeys) {
      if (given[i] !== 1 || F[2 * i] === undefined) continue;
      const both = subs.filter((j) => given[j] === 1 && F[2 * j] !== undefined);
      if (both.length > 0)
        err(
          "KP4047",
          "单位「" + name + "」的「" + specs[i].k + "」逐项填了" + (specs[i].noun || "次") + "数，又填了「" + both.map((j) => specs[j].k).join("」「") + "」：两种写法只能用一种",
          name,
          specs[both[0]].k,
        );
    }
    for (const [t, list] of parts) {
      let sum = 0;
      for (const i of list) sum += (F[2 * i] as number) || 0;
      const total = (F[2 * t] as number) || 0;
      if (sum > total) {
        const noun = specs[list[0]].noun || "次";
        const filled = list.filter((i) => ((F[2 * i] as number) || 0) > 0);
        const what = filled.map((i) => specs[i].k).join("、");
        err("KP4045", "单位「" + name + "」的「" + what + "」共 " + sum + " " + noun + "，多于「" + specs[t].k + "」的 " + total + " " + noun + "：其中加倍、减半的次数不能多于总次数", name, specs[filled[0]].k);
      }
    }
    // required facts not given (or given empty), unless the rule does not concern this unit
    for (const i of required) {
      if (given[i] === 1) continue;
      const spec = specs[i];
      if (notApplicable(spec, c)) continue;
      if (spec.pos) err("KP4008", "单位「" + name + "」缺少事实「" + spec.k + "」（按它平均的除数，正整数）", name, spec.k);
      else err("KP4008", "单位「" + name + "」缺少规则「" + spec.k + "」需要的事实（" + spec.label + "）", name, spec.k);
    }
    // 择一: facts naming more than one alternative are an error, never a guess
    for (const list of choices.values()) {
      const hit = list.filter((i) => F[2 * i] !== undefined && F[2 * i] !== null && F[2 * i] !== false && F[2 * i] !== 0);
      if (hit.length > 1)
        err("KP4060", "单位「" + name + "」的事实同时写了" + hit.map((i) => "「" + specs[i].k + "」").join("") + "：它们是同一「择一」组中的情形，只能有一种发生", name, specs[hit[1]].k);
    }
    out.push({ name, classes, c, F });
  }
  return { units: out, errors };
}
