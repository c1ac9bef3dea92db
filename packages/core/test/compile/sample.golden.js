// 计分模块：由 kaoping 0.1.0 从细则「样例细则」生成，请勿手工修改。
// 源文件：sample.kp
// 分值一律以「百万分之一分」为单位的整数精确计算（0.05 分记作 50000），不使用浮点小数。
// 舍入只有一种：四舍五入（kpDivRound），只用于细则规定的总分舍入和不能整除的除法（第 6 位小数）。

// ---------------------------------------------------------------- 精确小数运行时
/**
 * Integer division n / d, rounding half away from zero.  n and d are safe integers, d ≠ 0.
 */
function kpDivRound(n, d) {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const r = n % d;
  const q = (n - r) / d;
  if (r === 0)
    return q + 0;
  if (2 * Math.abs(r) >= d)
    return n < 0 ? q - 1 : q + 1;
  return q + 0;
}
/** a × b / c, rounded half away from zero; exact whenever the true result is an integer. */
function kpMulDiv(a, b, c) {
  const p = a * b;
  if (Number.isSafeInteger(p))
    return kpDivRound(p, c);
  let n = BigInt(a) * BigInt(b);
  let d = BigInt(c);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const r = n % d;
  let q = n / d;
  const ar = r < 0n ? -r : r;
  if (r !== 0n && 2n * ar >= d)
    q += n < 0n ? -1n : 1n;
  const out = Number(q);
  if (!Number.isSafeInteger(out))
    throw new RangeError("KP4018");
  return out;
}
/** The product of two raw decimals. */
function kpMul(a, b) {
  return kpMulDiv(a, b, 1000000);
}
/** a raw decimal times an integer count; throws when the result is not exact. */
function kpTimes(a, n) {
  const p = a * n;
  if (!Number.isSafeInteger(p))
    throw new RangeError("KP4018");
  return p;
}
/** The sum of two raw decimals; throws when the result is not exact. */
function kpAdd(a, b) {
  const s = a + b;
  if (!Number.isSafeInteger(s))
    throw new RangeError("KP4018");
  return s;
}
/** a / b of two raw decimals, rounded at the sixth decimal. */
function kpDiv(a, b) {
  return kpMulDiv(a, 1000000, b);
}
/** Rounds a raw decimal to 'places' decimals (0–6), half away from zero. */
function kpRound(a, places) {
  if (places >= 6)
    return a;
  const unit = 10 ** (6 - places);
  return kpDivRound(a, unit) * unit;
}
/** Whole steps of a raw ratio, rounded down (floor) or up (ceil); used for 不足一档 modes. */
function kpSteps(diff, step, up) {
  const r = diff % step;
  const q = (diff - r) / step;
  return r !== 0 && up ? q + 1 : q;
}
/** Full-width digits, point and percent sign → half-width. */
function kpHalfWidth(text) {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF05\u3002]/g, (c) => (c === "\u3002" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
/** Parses a decimal text (see {@link kpDecimalProblem}) into a raw value. */
function kpParse(text) {
  const s = kpHalfWidth(text).trim().replace(/%$/, "");
  const dot = s.indexOf(".");
  const int = dot < 0 ? s : s.slice(0, dot);
  const frac = dot < 0 ? "" : s.slice(dot + 1);
  return Number(int) * 1000000 + Number((frac + "000000").slice(0, 6));
}
/**
 * Why a text is not a decimal this runtime can hold exactly ("" when it is fine).  Accepts
 * half- and full-width digits, an optional '%', no sign, no exponent, at most 6 decimals.
 */
function kpDecimalProblem(text) {
  const s = kpHalfWidth(text).trim().replace(/%$/, "");
  if (!/^\d+(\.\d+)?$/.test(s))
    return "notNumber";
  const dot = s.indexOf(".");
  if (dot >= 0 && s.length - dot - 1 > 6)
    return "tooManyPlaces";
  const raw = kpParse(s);
  if (!Number.isSafeInteger(raw))
    return "tooLarge";
  return "";
}
/** Formats a raw decimal: shortest exact form ('1.5', '0.05', '4'). */
function kpFormat(a) {
  const neg = a < 0;
  const x = neg ? -a : a;
  const frac = x % 1000000;
  const int = (x - frac) / 1000000;
  let s = String(int);
  if (frac !== 0)
    s += "." + String(frac).padStart(6, "0").replace(/0+$/, "");
  return neg && x !== 0 ? "-" + s : s;
}
/** Formats a raw decimal with exactly 'places' decimals (it must already be rounded to them). */
function kpFixed(a, places) {
  const s = kpFormat(a);
  if (places <= 0)
    return s;
  const dot = s.indexOf(".");
  const have = dot < 0 ? 0 : s.length - dot - 1;
  return (dot < 0 ? s + "." : s) + "0".repeat(Math.max(0, places - have));
}
/** Splits a cell into incident ids: 事件A、事件B / A,B / A;B. */
function kpIds(text) {
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
/** Whether a text reads as a number that is not a non-negative integer ("1.5", "-2", "３．０"). */
function kpNotCount(text) {
  const s = kpHalfWidth(text).trim();
  return /^[+\-]?([0-9]+[.][0-9]*|[.][0-9]+|[0-9]+)$/.test(s) && !/^[0-9]+$/.test(s);
}
/**
 * The incident ids of a count's value: a list, or a text of ids (事件A、事件B).  An id list is flat:
 * texts and non-negative integers only (a nested list, an object, true or null is not an id), and an
 * id that reads as a decimal or negative number ("1.5") is a mistyped count, not an id.  Returns the
 * ids, or the problem as a Chinese text.
 */
function kpIdList(v) {
  const list = Array.isArray(v) ? v : kpIds(v);
  const ids = [];
  for (let j = 0; j < list.length; j++) {
    const x = list[j];
    let id;
    if (typeof x === "string")
      id = x.trim();
    else if (typeof x === "number" && Number.isSafeInteger(x) && x >= 0)
      id = String(x);
    else
      return ("事件编号列表的第 " +
        (j + 1) +
        " 项" +
        (Array.isArray(x) ? "是一个列表" : x !== null && typeof x === "object" ? "是一个对象" : "「" + String(x) + "」不是事件编号") +
        "：事件编号列表只能由文字或非负整数组成，不能嵌套");
    if (id === "")
      continue;
    if (kpNotCount(id))
      return "「" + id + "」像是写错的次数（次数应为非负整数），不是事件编号";
    ids.push(id);
  }
  return ids;
}
/** Yes/no words people type in cells; undefined when neither. */
function kpFlag(v) {
  if (v === true || v === 1)
    return true;
  if (v === false || v === 0)
    return false;
  if (typeof v !== "string")
    return undefined;
  // the cells of a large file are mostly these, as they are: no trimming, no case folding
  if (v === "是")
    return true;
  if (v === "" || v === "否")
    return false;
  switch (v.trim().toLowerCase()) {
    case "是":
    case "有":
    case "true":
    case "yes":
    case "y":
    case "1":
    case "√":
    case "✓":
    case "完成":
    case "已完成":
      return true;
    case "否":
    case "无":
    case "没有":
    case "false":
    case "no":
    case "n":
    case "0":
    case "×":
    case "✗":
    case "未完成":
    case "":
      return false;
  }
  return undefined;
}
/** A decimal from a number or text, as raw millionths; a string explains a problem. */
function kpRawOf(v) {
  if (typeof v === "number") {
    if (!Number.isFinite(v))
      return "notNumber";
    if (v < 0)
      return "negative";
    const r = Math.round(v * 1000000);
    if (!Number.isSafeInteger(r))
      return "tooLarge";
    if (r / 1000000 !== v)
      return "tooManyPlaces";
    return r;
  }
  if (typeof v !== "string")
    return "notNumber";
  // Fast path: plain ASCII digits with an optional point and %, as cells usually are.
  let int = 0, frac = 0, places = -1, digits = 0, i = 0;
  const n = v.length;
  while (i < n && v.charCodeAt(i) === 32)
    i++;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (places < 0)
        int = int * 10 + (c - 48);
      else if (++places <= 6)
        frac = frac * 10 + (c - 48);
    }
    else if (c === 46 && places < 0 && digits > 0)
      places = 0;
    else
      break;
  }
  if (i < n && v.charCodeAt(i) === 37)
    i++;
  while (i < n && v.charCodeAt(i) === 32)
    i++;
  if (i === n && digits > 0 && places !== 0 && places <= 6 && int < 9000000000) {
    for (let k = Math.max(places, 0); k < 6; k++)
      frac *= 10;
    return int * 1000000 + frac;
  }
  const s = kpHalfWidth(v).trim();
  if (/^-/.test(s))
    return "negative";
  const p = kpDecimalProblem(s);
  return p === "" ? kpParse(s) : p;
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
function kpReadUnits(specs, declaredClasses, ruleNames, units, keys) {
  const errors = [];
  const out = [];
  const err = (code, message, unit, key) => {
    const e = { code, message };
    if (unit !== undefined)
      e.unit = unit;
    if (key !== undefined)
      e.key = key;
    errors.push(e);
  };
  if (!Array.isArray(units)) {
    err("KP4020", "事实文件的结构不对：需要单位的列表");
    return { units: out, errors };
  }
  if (units.length === 0)
    err("KP4012", "事实文件中没有任何单位");
  // Once per call: where each key lives, and which facts are required.
  const index = new Map();
  const required = [];
  // 择一 groups: group number → positions of its facts (at most one may say "happened")
  const choices = new Map();
  for (let i = 0; i < specs.length; i++) {
    index.set(specs[i].k, i);
    if (specs[i].req)
      required.push(i);
    if (specs[i].x !== undefined) {
      const list = choices.get(specs[i].x);
      if (list)
        list.push(i);
      else
        choices.set(specs[i].x, [i]);
    }
  }
  // Per-item counts (t = items) exclude the product form's sub-keys of the same rule (KP4047).
  const productKeys = new Map();
  for (let i = 0; i < specs.length; i++) {
    if (specs[i].t !== "items")
      continue;
    const subs = [];
    for (let j = 0; j < specs.length; j++)
      if (specs[j].t === "count" && specs[j].of === undefined && specs[j].k.indexOf(specs[i].k + ".") === 0)
        subs.push(j);
    productKeys.set(i, subs);
  }
  // Counts that are parts of another count (其中 「已查结」 减半): total index → part indices.
  const parts = new Map();
  for (let i = 0; i < specs.length; i++) {
    const of = specs[i].of;
    if (of === undefined || !index.has(of))
      continue;
    const t = index.get(of);
    if (!parts.has(t))
      parts.set(t, []);
    parts.get(t).push(i);
  }
  const size = specs.length * 2;
  const shownOf = (v) => (typeof v === "string" ? v : JSON.stringify(v));
  const unknownKey = (key, name) => {
    const dot = key.indexOf(".");
    const base = dot < 0 ? key : key.slice(0, dot);
    if (dot >= 0 && Object.prototype.hasOwnProperty.call(ruleNames, base)) {
      const subs = specs.filter((x) => x.k.indexOf(base + ".") === 0).map((x) => x.k.slice(base.length + 1));
      err("KP4014", "规则「" + base + "」没有分项「" + key.slice(dot + 1) + "」；可用的分项：" + (subs.join("、") || "无"), name, key);
    }
    else
      err("KP4002", "细则中没有名为「" + key + "」的规则", name, key);
  };
  const notApplicable = (spec, c) => (spec.cls && !spec.cls.every((list) => list.some((k) => c[k] === true))) ||
    (spec.xcls && spec.xcls.some((k) => c[k] === true)) ||
    (spec.xf && spec.xf.some((k) => F[2 * index.get(k)] === true));
  const seen = new Set();
  // The unit being read (the visitor below is made once per call, not once per unit).
  let name = "";
  let F = [];
  const given = new Uint8Array(specs.length); // cleared for each unit
  const visit = (key, v) => {
    if (v === undefined)
      return;
    // { 驻村缺勤: { 村: 3, 次: 2 } } is 驻村缺勤.村 and 驻村缺勤.次; other keys under a compound count's
    // name are its items ({ 驻村缺勤: { 东村: 2, 西村: 1 } })
    if (v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      !(index.has(key) && specs[index.get(key)].t === "items" && !Object.keys(v).every((k) => index.has(key + "." + k)))) {
      // nested form: { 处分: { 轻处分: 1 } } is 处分.轻处分
      for (const k in v)
        visit(key + "." + k, v[k]);
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
  const readAt = (i, key, v) => {
    given[i] = 1;
    const spec = specs[i];
    const t = spec.t;
    const isEmpty = v === null || v === "" || (typeof v === "string" && v.trim() === "");
    if (t === "items") {
      // per-item counts of a compound rule: { 甲村: 2, 乙村: 1 }, 「甲村 2、乙村 1」, or their sum
      if (isEmpty)
        return;
      const noun = spec.noun || "次";
      let pairs;
      if (typeof v === "number" || (typeof v === "string" && /^\s*[0-9０-９]+\s*$/.test(v))) {
        const n = typeof v === "number" ? v : Number(kpHalfWidth(v).trim());
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
          if (part.trim() === "")
            continue;
          const m = /^\s*(.+?)\s*[:：]?\s*([0-9０-９]+)\s*([^\s0-9０-９]*)\s*$/.exec(part);
          if (!m || (m[3] !== "" && m[3] !== noun)) {
            err("KP4049", "「" + key + "」的值格式不对：「" + part.trim() + "」应写成「项名 " + noun + "数」，如「甲" + (spec.item || "项") + " 2」，各项用「、」隔开", name, key);
            return;
          }
          pairs.push([m[1], kpHalfWidth(m[2])]);
        }
      }
      else if (v !== null && typeof v === "object" && !Array.isArray(v))
        pairs = Object.keys(v).map((k) => [k, v[k]]);
      else {
        err("KP4049", "「" + key + "」的值格式不对：应为逐项的" + noun + "数（如 { \"甲" + (spec.item || "项") + "\": 2 } 或「甲" + (spec.item || "项") + " 2、乙" + (spec.item || "项") + " 1」），或" + noun + "数之和", name, key);
        return;
      }
      let sum = 0;
      const items = [];
      const names = new Set();
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
        if (n > 0)
          items.push([label, n]);
      }
      F[2 * i] = sum;
      F[2 * i + 1] = items;
      return;
    }
    if (t === "count") {
      if (isEmpty)
        return;
      if (typeof v === "number") {
        if (Number.isSafeInteger(v) && v >= 0) {
          F[2 * i] = v;
          return;
        }
        if (Number.isInteger(v) && v > 0) {
          err("KP4005", "「" + key + "」的值 " + String(v) + " 超出范围：次数太大，无法精确计算", name, key);
          return;
        }
      }
      else if (typeof v === "string" && kpNotCount(v)) {
        // a decimal or signed number ("1.5", "2.0", "-0"): neither a count nor an incident id
      }
      else if (Array.isArray(v) || (typeof v === "string" && !/^\s*[0-9０-９]+\s*$/.test(v))) {
        if (spec.inc) {
          const ids = kpIdList(v);
          if (typeof ids === "string") {
            err("KP4019", "「" + key + "」的值格式不对：" + ids, name, key);
            return;
          }
          F[2 * i] = ids.length;
          F[2 * i + 1] = ids;
          return;
        }
      }
      else if (typeof v === "string") {
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
    }
    else if (t === "flag") {
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
    }
    else if (t === "outcome") {
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
    }
    else if (t === "award") {
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
    }
    else if (t === "amounts") {
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
      const list = Array.isArray(v) ? v : typeof v === "string" ? kpIds(v) : [v];
      const amounts = [];
      let total = 0;
      for (let j = 0; j < list.length; j++) {
        const x = list[j];
        const r = typeof x === "number" || typeof x === "string" ? kpRawOf(x) : "notNumber";
        if (typeof r === "string") {
          err(r === "tooManyPlaces" ? "KP4010" : "KP4068", r === "tooManyPlaces"
            ? "「" + key + "」的值「" + shownOf(x) + "」小数位数超过 6 位"
            : "「" + key + "」的值「" + shownOf(v) + "」格式不对：应为每" + spec.n + "酌情给的分数，多" + spec.n + "时用「、」隔开（如「1、1.5」）", name, key);
          return;
        }
        if (r < spec.min || r > spec.max) {
          err("KP4067", "「" + key + "」的酌情分数 " + kpFormat(r) + " 超出范围 [" + kpFormat(spec.min) + ", " + kpFormat(spec.max) + "]" + (list.length > 1 ? "（第 " + (j + 1) + " " + spec.n + "）" : ""), name, key);
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
    }
    else {
      if (isEmpty || (typeof v === "string" && /^\s*(未报送|未填报|缺报|无数据)\s*$/.test(v))) {
        if (t === "value" && spec.miss)
          F[2 * i] = null;
        else if (t === "amount" || t === "reduce")
          F[2 * i] = 0;
        else
          given[i] = 0; // counts as not given: required-ness is checked below
        return;
      }
      let r = kpRawOf(v);
      if ((spec.neg && r === "negative") || (spec.neg && typeof v === "string" && typeof r === "string" && /^\s*[+\-\u2212\uFF0B\uFF0D]/.test(v))) {
        // 分段 可为负: one sign before the number (-, − U+2212, －, +, ＋), then a number as usual
        const m = typeof v === "number" ? null : /^\s*([+\-\u2212\uFF0B\uFF0D])\s*(.*)$/s.exec(v);
        const a = typeof v === "number" ? kpRawOf(-v) : m && !/^[+\-\u2212\uFF0B\uFF0D]/.test(m[2]) && m[2] !== "" ? kpRawOf(m[2]) : "sign";
        if (a === "sign" || a === "notNumber" || a === "negative") {
          err("KP4070", "「" + key + "」的值「" + shownOf(v) + "」不是数字：可为负的数值应写成「-0.3」「-0.3%」或「+0.5」（正负号只写一个，在数字前）", name, key);
          return;
        }
        r = typeof a === "number" && (typeof v === "number" || (m[1] !== "+" && m[1] !== "\uFF0B")) ? (a === 0 ? 0 : -a) : a;
      }
      if (typeof r === "string") {
        const shown = shownOf(v);
        if (r === "tooManyPlaces")
          err("KP4010", "「" + key + "」的值「" + shown + "」小数位数超过 6 位", name, key);
        else if (r === "negative" && spec.sc !== undefined)
          err("KP4056", "「" + key + "」的值 " + shown + " 超出范围 [0, " + kpFormat(spec.max) + "]：它是满分 " + kpFormat(spec.max) + " 的评价结果，按本项满分 " + kpFormat(spec.sc) + " 折算", name, key);
        else if (r === "negative")
          err("KP4005", "「" + key + "」的值 " + shown + " 超出范围：不能为负数", name, key);
        else if (r === "tooLarge")
          err("KP4005", "「" + key + "」的值 " + shown + " 超出范围：超过可精确计算的上限 9007199254.740991", name, key);
        else
          err("KP4004", "「" + key + "」的值「" + shown + "」不是数字", name, key);
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
      if (spec.sc !== undefined && r > spec.max) {
        err("KP4056", "「" + key + "」的值 " + kpFormat(r) + " 超出范围 [0, " + kpFormat(spec.max) + "]：它是满分 " + kpFormat(spec.max) + " 的评价结果，按本项满分 " + kpFormat(spec.sc) + " 折算", name, key);
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
  const usual = [];
  const usualOutcome = (i, key, text) => {
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
      const plain = (x) => x === null || typeof x !== "object";
      o =
        errors.length > before || !plain(value) || (ids !== undefined && !(Array.isArray(ids) && ids.every(plain)))
          ? null
          : { given: given[i], set: 2 * i in F, value, ids: ids };
      errors.length = before;
      given[i] = wasGiven;
      F = saved;
      usual[at] = o;
    }
    return o;
  };
  for (const u of units) {
    if (u === null || typeof u !== "object" || typeof u.name !== "string" || u.name.trim() === "") {
      err("KP4001", "事实文件缺少「单位」列（或 JSON 中的 name 字段）");
      continue;
    }
    name = u.name.trim();
    if (seen.has(name))
      err("KP4006", "单位「" + name + "」重复出现", name);
    seen.add(name);
    let classes = [];
    if (Array.isArray(u.classes))
      classes = u.classes.map((x) => String(x).trim()).filter((x) => x !== "");
    else if (typeof u.classes === "string")
      classes = kpIds(u.classes);
    const c = Object.create(null); // class names may be anything, even "constructor"
    for (const k of classes) {
      if (declaredClasses.indexOf(k) < 0)
        err("KP4007", "单位「" + name + "」的类别「" + k + "」未在细则中声明", name);
      c[k] = true;
    }
    F = new Array(size);
    given.fill(0);
    const facts = u.facts;
    if (keys !== undefined && Array.isArray(facts)) {
      for (let j = 0; j < keys.length; j++) {
        const key = keys[j];
        if (key === undefined)
          continue;
        // a text cell of a known key is read at its place at once (what visit would do)
        const v = facts[j];
        const at = places[j];
        if (at >= 0 && (v === "" || v === "是")) {
          const o = usualOutcome(at, key, v);
          if (o) {
            given[at] = o.given;
            if (o.set)
              F[2 * at] = o.value;
            if (o.ids !== undefined)
              F[2 * at + 1] = o.ids.slice();
            continue;
          }
        }
        if (at >= 0 && typeof v === "string")
          readAt(at, key, v);
        else
          visit(key, v);
      }
    }
    else if (facts !== undefined && (facts === null || typeof facts !== "object" || Array.isArray(facts))) {
      err("KP4020", "事实文件的结构不对：单位「" + name + "」的 facts 应为对象", name);
      out.push({ name, classes, c, F });
      continue;
    }
    else if (facts)
      for (const key in facts)
        visit(key, facts[key]);
    for (const [i, subs] of productKeys) {
      if (given[i] !== 1 || F[2 * i] === undefined)
        continue;
      const both = subs.filter((j) => given[j] === 1 && F[2 * j] !== undefined);
      if (both.length > 0)
        err("KP4047", "单位「" + name + "」的「" + specs[i].k + "」逐项填了" + (specs[i].noun || "次") + "数，又填了「" + both.map((j) => specs[j].k).join("」「") + "」：两种写法只能用一种", name, specs[both[0]].k);
    }
    for (const [t, list] of parts) {
      let sum = 0;
      for (const i of list)
        sum += F[2 * i] || 0;
      const total = F[2 * t] || 0;
      if (sum > total) {
        const noun = specs[list[0]].noun || "次";
        const filled = list.filter((i) => (F[2 * i] || 0) > 0);
        const what = filled.map((i) => specs[i].k).join("、");
        err("KP4045", "单位「" + name + "」的「" + what + "」共 " + sum + " " + noun + "，多于「" + specs[t].k + "」的 " + total + " " + noun + "：其中加倍、减半的次数不能多于总次数", name, specs[filled[0]].k);
      }
    }
    // required facts not given (or given empty), unless the rule does not concern this unit
    for (const i of required) {
      if (given[i] === 1)
        continue;
      const spec = specs[i];
      if (notApplicable(spec, c))
        continue;
      if (spec.pos)
        err("KP4008", "单位「" + name + "」缺少事实「" + spec.k + "」（按它平均的除数，正整数）", name, spec.k);
      else
        err("KP4008", "单位「" + name + "」缺少规则「" + spec.k + "」需要的事实（" + spec.label + "）", name, spec.k);
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

// ---------------------------------------------------------------- 细则信息
/** 细则的结构：指标、分值、条文。 */
export const catalogue = {
  title: "样例细则",
  year: "2024",
  subject: "各县（区）、园区",
  classes: ["县区", "园区"],
  total: "20",
  rounding: 2,
  indicators: [
    {
      id: "1",
      name: "会议与信息",
      points: "10",
      departments: ["督查室"],
      rules: ["参会", "文件", "清退", "信息", "检查", "达标率", "重犯", "酌情", "否决", "迟报", "漏报", "班子", "成员"],
      notes: ["同一问题的，按最高标准扣分，不重复扣"],
      children: []
    },
    {
      id: "2",
      name: "组织建设",
      points: "5",
      departments: [],
      rules: [],
      notes: [],
      children: [
        {
          id: "2.1",
          name: "学习",
          points: "1",
          departments: [],
          rules: ["学习活动", "培训"],
          notes: [],
          children: []
        },
        {
          id: "2.2",
          name: "评价",
          points: "4",
          departments: [],
          rules: ["评价得分", "满意度"],
          notes: [],
          children: []
        }
      ]
    },
    {
      id: "3",
      name: "比较",
      points: "4",
      departments: [],
      refer: {
        unitClass: "园区",
        unit: "甲县"
      },
      rules: ["产值", "排名"],
      notes: [],
      children: []
    }
  ],
  bonuses: [
    {
      id: "S1",
      name: "创新",
      cap: "1",
      rules: ["创新"]
    }
  ],
  penalties: [
    {
      id: "S2",
      name: "问责",
      rules: ["约谈"]
    }
  ],
  grades: ["优秀", "良好", "合格", "不合格"],
  rules: {
    "参会": {
      indicator: "1",
      clause: "未按要求参加会议的，每次扣0.5分，最多扣2分",
      effect: "deduct",
      kind: "per",
      facts: ["参会"]
    },
    "文件": {
      indicator: "1",
      clause: "文件签收不及时的，每件次扣0.02分；园区每件次扣0.01分",
      effect: "deduct",
      kind: "per",
      facts: ["文件"]
    },
    "清退": {
      indicator: "1",
      clause: "文件清退不齐全的，扣0.2分",
      effect: "deduct",
      kind: "once",
      facts: ["清退"]
    },
    "信息": {
      indicator: "1",
      clause: "完成75%—100%（含75%，不含100%）扣0.2分；50%—75%扣0.4分；未报送扣2分",
      effect: "deduct",
      kind: "bands",
      facts: ["信息"]
    },
    "检查": {
      indicator: "1",
      clause: "全年至少4次，每少一次扣0.25分",
      effect: "deduct",
      kind: "shortfall",
      facts: ["检查"]
    },
    "达标率": {
      indicator: "1",
      clause: "达标率低于90%的，每低1个百分点扣0.02分，低于80%不得分",
      effect: "deduct",
      kind: "linear",
      facts: ["达标率"]
    },
    "重犯": {
      indicator: "1",
      clause: "违规的每次扣0.1分，重犯加倍",
      effect: "deduct",
      kind: "per",
      facts: ["重犯", "重犯.重犯"]
    },
    "酌情": {
      indicator: "1",
      clause: "情节较重的，酌情扣0.5—2分",
      effect: "deduct",
      kind: "discretion",
      facts: ["酌情"]
    },
    "否决": {
      indicator: "1",
      clause: "发生重大责任事故的，一票否决",
      effect: "veto",
      kind: "veto",
      facts: ["否决"]
    },
    "迟报": {
      indicator: "1",
      clause: "迟报的，每次扣0.2分",
      effect: "deduct",
      kind: "per",
      facts: ["迟报"]
    },
    "漏报": {
      indicator: "1",
      clause: "漏报的，每次扣0.3分",
      effect: "deduct",
      kind: "per",
      facts: ["漏报"]
    },
    "班子": {
      indicator: "1",
      clause: "班子被通报的，扣0.1分",
      effect: "deduct",
      kind: "once",
      facts: ["班子"]
    },
    "成员": {
      indicator: "1",
      clause: "成员被通报的，每人次扣0.05分；处分的，每人次扣0.2分",
      effect: "deduct",
      kind: "categories",
      facts: ["成员.通报", "成员.处分"]
    },
    "学习活动": {
      indicator: "2.1",
      clause: "部署开展学习活动（0.5分）",
      effect: "award",
      kind: "once",
      facts: ["学习活动"]
    },
    "培训": {
      indicator: "2.1",
      clause: "培训完成率98%以上得0.5分、92%—98%得0.2分",
      effect: "award",
      kind: "bands",
      facts: ["培训"]
    },
    "评价得分": {
      indicator: "2.2",
      clause: "依据评价结果计算得分",
      effect: "award",
      kind: "assessed",
      facts: ["评价得分"]
    },
    "满意度": {
      indicator: "2.2",
      clause: "依据满意度计算得分",
      effect: "award",
      kind: "rate",
      facts: ["满意度"]
    },
    "产值": {
      indicator: "3",
      clause: "按第1名的比例得分",
      effect: "award",
      kind: "proportional",
      facts: ["产值"]
    },
    "排名": {
      indicator: "3",
      clause: "第1名得满分，每后退一位扣0.5分",
      effect: "award",
      kind: "ranked",
      facts: ["排名"]
    },
    "创新": {
      indicator: "S1",
      clause: "获得国家级表彰的，每次加0.5分",
      effect: "award",
      kind: "per",
      facts: ["创新"]
    },
    "约谈": {
      indicator: "S2",
      clause: "被约谈的，每次扣1分",
      effect: "deduct",
      kind: "per",
      facts: ["约谈"]
    }
  }
};

const ROUNDING = 2;
const CLASSES = ["县区", "园区"];
const RULE_NAMES = {
  "参会": true,
  "文件": true,
  "清退": true,
  "信息": true,
  "检查": true,
  "达标率": true,
  "重犯": true,
  "酌情": true,
  "否决": true,
  "迟报": true,
  "漏报": true,
  "班子": true,
  "成员": true,
  "学习活动": true,
  "培训": true,
  "评价得分": true,
  "满意度": true,
  "产值": true,
  "排名": true,
  "创新": true,
  "约谈": true
};
/** 事实：FACTS[i] 的值在 Z.F[2i]，事件编号在 Z.F[2i + 1]。 */
const FACTS = [
  {
    k: "参会",
    t: "count",
    label: "次数",
    inc: false
  },
  {
    k: "文件",
    t: "count",
    label: "件次数",
    inc: false
  },
  {
    k: "清退",
    t: "flag",
    label: "是否发生",
    inc: false
  },
  {
    k: "信息",
    t: "value",
    label: "数值（百分数）",
    miss: true
  },
  {
    k: "检查",
    t: "value",
    label: "实际完成的次数",
    miss: false,
    int: true,
    req: true
  },
  {
    k: "达标率",
    t: "value",
    label: "数值（百分数）",
    miss: false,
    req: true
  },
  {
    k: "重犯",
    t: "count",
    label: "次数",
    inc: false
  },
  {
    k: "重犯.重犯",
    t: "flag",
    label: "是否重犯（加倍）",
    inc: false
  },
  {
    k: "酌情",
    t: "amount",
    label: "酌情扣分",
    min: 500000,
    max: 2000000
  },
  {
    k: "否决",
    t: "flag",
    label: "是否发生",
    inc: false
  },
  {
    k: "迟报",
    t: "count",
    label: "次数",
    inc: false
  },
  {
    k: "漏报",
    t: "count",
    label: "次数",
    inc: false
  },
  {
    k: "班子",
    t: "flag",
    label: "是否发生",
    inc: true
  },
  {
    k: "成员.通报",
    t: "count",
    label: "通报的人次数",
    inc: true
  },
  {
    k: "成员.处分",
    t: "count",
    label: "处分的人次数",
    inc: true
  },
  {
    k: "学习活动",
    t: "award",
    label: "是否完成（或酌情给的分）",
    max: 500000
  },
  {
    k: "培训",
    t: "value",
    label: "数值（百分数）",
    miss: false,
    req: true
  },
  {
    k: "评价得分",
    t: "score",
    label: "评价得分",
    max: 2000000,
    req: true
  },
  {
    k: "满意度",
    t: "rate",
    label: "比率（百分数）",
    max: 100000000,
    req: true
  },
  {
    k: "产值",
    t: "value",
    label: "用于比较的数值",
    miss: false,
    req: true,
    xcls: ["园区"]
  },
  {
    k: "排名",
    t: "value",
    label: "用于比较的数值",
    miss: false,
    req: true,
    xcls: ["园区"]
  },
  {
    k: "创新",
    t: "count",
    label: "次数",
    inc: false
  },
  {
    k: "约谈",
    t: "count",
    label: "次数",
    inc: false,
    cls: [
      ["县区"]
    ]
  }
];
const GRADES = [
  {
    name: "优秀",
    otherwise: false,
    conditions: [
      {
        kind: "score",
        op: "≥",
        value: 18000000
      },
      {
        kind: "rank",
        value: 50000000,
        percent: true
      }
    ]
  },
  {
    name: "良好",
    otherwise: false,
    conditions: [
      {
        kind: "score",
        op: "≥",
        value: 15000000
      }
    ]
  },
  {
    name: "合格",
    otherwise: false,
    conditions: [
      {
        kind: "score",
        op: "≥",
        value: 10000000
      }
    ]
  },
  {
    name: "不合格",
    otherwise: true,
    conditions: []
  }
];
const INDICATOR_COUNT = 5;
const REFERS = [
  {
    unitClass: "园区",
    unit: "甲县",
    indicator: "3",
    name: "比较"
  }
];

// ---------------------------------------------------------------- 规则（返回扣分或得分）
// [1] 参会：未按要求参加会议的，每次扣0.5分，最多扣2分
// 事实：Z.F[0]「参会」
function r0(Z) {
  const n = Z.F[0] || 0;
  if (n === 0) return 0;
  const amt = 500000;
  const v0 = kpTimes(amt, n);
  let v = v0;
  let note = "";
  { const v1 = Math.min(v, 2000000); if (v > 2000000) note += "，封顶 2"; v = v1; }
  if (Z.T) Z.T.push({ i: "1", r: "参会", k: "deduct", a: v, x: n + "次 × " + kpFormat(amt) + " = " + kpFormat(v0) + note, f: { ["参会"]: n } });
  return v;
}

// [1] 文件：文件签收不及时的，每件次扣0.02分；园区每件次扣0.01分
// 事实：Z.F[2]「文件」
function r1(Z) {
  const n = Z.F[2] || 0;
  if (n === 0) return 0;
  const amt = Z.c["园区"] ? 10000 : 20000;
  const v = kpTimes(amt, n);
  if (Z.T) Z.T.push({ i: "1", r: "文件", k: "deduct", a: v, x: n + "件次 × " + kpFormat(amt) + (Z.c["园区"] ? "（园区标准）" : "") + " = " + kpFormat(v), f: { ["文件"]: n } });
  return v;
}

// [1] 清退：文件清退不齐全的，扣0.2分
// 事实：Z.F[4]「清退」
function r2(Z) {
  if (!Z.F[4]) return 0;
  if (Z.T) Z.T.push({ i: "1", r: "清退", k: "deduct", a: 200000, x: "发生，扣 " + kpFormat(200000), f: { ["清退"]: true } });
  return 200000;
}

// [1] 信息：完成75%—100%（含75%，不含100%）扣0.2分；50%—75%扣0.4分；未报送扣2分
// 事实：Z.F[6]「信息」
function r3(Z) {
  const x = Z.F[6] || 0;
  const s = (Z.F[6] === undefined || Z.F[6] === null) ? 2000000 : ((x >= 75000000) && (x < 100000000) ? 200000 : ((x >= 50000000) && (x < 75000000) ? 400000 : ((x < 50000000) ? 800000 : 0)));
  if (s === 0) return 0;
  if (Z.T) Z.T.push({ i: "1", r: "信息", k: "deduct", a: s, x: ((Z.F[6] === undefined || Z.F[6] === null) ? "未报送，扣 2" : ((x >= 75000000) && (x < 100000000) ? "数值 " + kpFormat(x) + "% 在 [75%, 100%) 内，扣 0.2" : ((x >= 50000000) && (x < 75000000) ? "数值 " + kpFormat(x) + "% 在 [50%, 75%) 内，扣 0.4" : ((x < 50000000) ? "数值 " + kpFormat(x) + "% 在 \u003c 50% 内，扣 0.8" : "")))), f: { ["信息"]: ((Z.F[6] === undefined || Z.F[6] === null) ? "未报送" : kpFormat(x) + "%") } });
  return s;
}

// [1] 检查：全年至少4次，每少一次扣0.25分
// 事实：Z.F[8]「检查」
function r4(Z) {
  if ((Z.F[8] === undefined || Z.F[8] === null)) return 0;
  const x = Z.F[8] || 0;
  if (!(x < 4000000)) return 0;
  const steps = kpSteps((4000000 - x), 1000000, false);
  if (steps === 0) return 0;
  const v = kpTimes(250000, steps);
  if (Z.T) Z.T.push({ i: "1", r: "检查", k: "deduct", a: v, x: "至少 4 次，实际 " + kpFormat(x) + " 次，少 " + kpFormat((4000000 - x)) + " 次，" + steps + " 档 × 0.25 = " + kpFormat(v), f: { ["检查"]: kpFormat(x) } });
  return v;
}

// [1] 达标率：达标率低于90%的，每低1个百分点扣0.02分，低于80%不得分
// 事实：Z.F[10]「达标率」
function r5(Z) {
  if ((Z.F[10] === undefined || Z.F[10] === null)) return 0;
  const x = Z.F[10] || 0;
  const d0 = 90000000 - x;
  let zero = x < 80000000 ? 1 : 0;
  if (zero === 1) Z.zr = true;
  const s = x < 80000000 ? 10000000 : (d0 > 0 ? kpMulDiv(d0, 20000, 1000000) : 0);
  if (s === 0) return 0;
  if (Z.T) Z.T.push({ i: "1", r: "达标率", k: "deduct", a: s, x: (x < 80000000 ? "数值 " + kpFormat(x) + "% 低于 80%，不得分（本项 10 分全部扣除）" : (d0 > 0 ? "低于基准 90% " + kpFormat(d0) + " 个百分点，" + kpFormat(kpMulDiv(d0, 1000000, 1000000)) + " 档 × 0.02 = " + kpFormat(kpMulDiv(d0, 20000, 1000000)) : "")), f: { ["达标率"]: kpFormat(x) + "%" } });
  return s;
}

// [1] 重犯：违规的每次扣0.1分，重犯加倍
// 事实：Z.F[12]「重犯」，Z.F[14]「重犯.重犯」
function r6(Z) {
  const n = Z.F[12] || 0;
  if (n === 0) return 0;
  const amt = 100000;
  const v0 = kpTimes(amt, n);
  let v = v0;
  let note = "";
  { const v1 = Z.F[14] ? kpTimes(v, 2) : v; if (Z.F[14]) note += "，重犯加倍 → " + kpFormat(v1); v = v1; }
  if (Z.T) Z.T.push({ i: "1", r: "重犯", k: "deduct", a: v, x: n + "次 × " + kpFormat(amt) + " = " + kpFormat(v0) + note, f: { ["重犯"]: n, ...(Z.F[14] ? { ["重犯.重犯"]: true } : {}) } });
  return v;
}

// [1] 酌情：情节较重的，酌情扣0.5—2分
// 事实：Z.F[16]「酌情」
function r7(Z) {
  const x = Z.F[16] || 0;
  if (x === 0) return 0;
  if (Z.T) Z.T.push({ i: "1", r: "酌情", k: "deduct", a: x, x: "酌情扣 " + kpFormat(x) + "（范围 0.5 至 2）", f: { ["酌情"]: kpFormat(x) } });
  return x;
}

// [1] 否决：发生重大责任事故的，一票否决
// 事实：Z.F[18]「否决」
function r8(Z) {
  if (!Z.F[18]) return 0;
  Z.V.push({ rule: "否决", level: "fail" });
  if (Z.T) Z.T.push({ i: "1", r: "否决", k: "veto", a: 0, x: "一票否决：考评结果定为最低等次", f: { ["否决"]: true } });
  return 0;
}

// [1] 迟报：迟报的，每次扣0.2分
// 事实：Z.F[20]「迟报」
function r9(Z) {
  const n = Z.F[20] || 0;
  if (n === 0) return 0;
  const amt = 200000;
  const v = kpTimes(amt, n);
  if (Z.T) Z.T.push({ i: "1", r: "迟报", k: "deduct", a: v, x: n + "次 × " + kpFormat(amt) + " = " + kpFormat(v), f: { ["迟报"]: n } });
  return v;
}

// [1] 漏报：漏报的，每次扣0.3分
// 事实：Z.F[22]「漏报」
function r10(Z) {
  const n = Z.F[22] || 0;
  if (n === 0) return 0;
  const amt = 300000;
  const v = kpTimes(amt, n);
  if (Z.T) Z.T.push({ i: "1", r: "漏报", k: "deduct", a: v, x: n + "次 × " + kpFormat(amt) + " = " + kpFormat(v), f: { ["漏报"]: n } });
  return v;
}

// [2.1] 学习活动：部署开展学习活动（0.5分）
// 事实：Z.F[30]「学习活动」
function r13(Z) {
  const x = Z.F[30] || 0;
  if (x === 0) return 0;
  const full = 500000;
  const v = Math.min(x, full);
  if (Z.T) Z.T.push({ i: "2.1", r: "学习活动", k: "award", a: v, x: (x >= full ? "已完成，得 " + kpFormat(v) : "酌情给分 " + kpFormat(v) + "（满分 " + kpFormat(full) + "）"), f: { ["学习活动"]: (x >= full ? "是" : kpFormat(x)) } });
  return v;
}

// [2.1] 培训：培训完成率98%以上得0.5分、92%—98%得0.2分
// 事实：Z.F[32]「培训」
function r14(Z) {
  if ((Z.F[32] === undefined || Z.F[32] === null)) return 0;
  const x = Z.F[32] || 0;
  const s = (x >= 98000000) ? 500000 : ((x >= 92000000) && (x < 98000000) ? 200000 : ((x < 92000000) ? 0 : 0));
  if (s === 0) return 0;
  if (Z.T) Z.T.push({ i: "2.1", r: "培训", k: "award", a: s, x: ((x >= 98000000) ? "数值 " + kpFormat(x) + "% 在 ≥ 98% 内，得 0.5" : ((x >= 92000000) && (x < 98000000) ? "数值 " + kpFormat(x) + "% 在 [92%, 98%) 内，得 0.2" : ((x < 92000000) ? "数值 " + kpFormat(x) + "% 在 \u003c 92% 内，得 0" : ""))), f: { ["培训"]: ((Z.F[32] === undefined || Z.F[32] === null) ? "未报送" : kpFormat(x) + "%") } });
  return s;
}

// [2.2] 评价得分：依据评价结果计算得分
// 事实：Z.F[34]「评价得分」
function r15(Z) {
  const x = Z.F[34] || 0;
  if (x === 0) return 0;
  if (Z.T) Z.T.push({ i: "2.2", r: "评价得分", k: "award", a: x, x: "评价得分 " + kpFormat(x) + "（满分 2）", f: { ["评价得分"]: kpFormat(x) } });
  return x;
}

// [2.2] 满意度：依据满意度计算得分
// 事实：Z.F[36]「满意度」
function r16(Z) {
  const x = Z.F[36] || 0;
  const s = kpMulDiv(2000000, x, 100000000);
  if (s === 0) return 0;
  if (Z.T) Z.T.push({ i: "2.2", r: "满意度", k: "award", a: s, x: "比率 " + kpFormat(x) + "% × 满分 2 = " + kpFormat(s), f: { ["满意度"]: kpFormat(x) + "%" } });
  return s;
}

// [3] 产值：按第1名的比例得分
// 事实：Z.F[38]「产值」
function r17(Z) {
  if ((Z.F[38] === undefined || Z.F[38] === null)) return 0;
  const x = Z.F[38] || 0;
  const best = Math.max(Z.X[17].best, 0);
  const v = best === 0 ? 0 : kpMulDiv(2000000, x, best);
  if (Z.T) Z.T.push({ i: "3", r: "产值", k: "award", a: v, x: kpFormat(x) + " ÷ 最高值 " + kpFormat(best) + " × 满分 2 = " + kpFormat(v), f: { ["产值"]: kpFormat(x) } });
  return v;
}

// [3] 排名：第1名得满分，每后退一位扣0.5分
// 事实：Z.F[40]「排名」
function r18(Z) {
  if ((Z.F[40] === undefined || Z.F[40] === null)) return 0;
  const x = Z.F[40] || 0;
  const rank = kpRank(Z.X[18], x, false);
  const lost = kpTimes(500000, (rank - 1));
  const v = lost >= 2000000 ? 0 : (2000000 - lost);
  if (Z.T) Z.T.push({ i: "3", r: "排名", k: "award", a: v, x: "第 " + rank + " 名，后退 " + (rank - 1) + " 位 × 0.5，得 2 − " + kpFormat(lost) + " = " + kpFormat(v), f: { ["排名"]: kpFormat(x) } });
  return v;
}

// [S1] 创新：获得国家级表彰的，每次加0.5分
// 事实：Z.F[42]「创新」
function r19(Z) {
  const n = Z.F[42] || 0;
  if (n === 0) return 0;
  const amt = 500000;
  const v = kpTimes(amt, n);
  if (Z.T) Z.T.push({ i: "S1", r: "创新", k: "award", a: v, x: n + "次 × " + kpFormat(amt) + " = " + kpFormat(v), f: { ["创新"]: n } });
  return v;
}

// [S2] 约谈：被约谈的，每次扣1分
// 事实：Z.F[44]「约谈」
function r20(Z) {
  if (!(Z.c["县区"])) return 0;
  const n = Z.F[44] || 0;
  if (n === 0) return 0;
  const amt = 1000000;
  const v = kpTimes(amt, n);
  if (Z.T) Z.T.push({ i: "S2", r: "约谈", k: "deduct", a: v, x: n + "次 × " + kpFormat(amt) + " = " + kpFormat(v), f: { ["约谈"]: n } });
  return v;
}

// ---------------------------------------------------------------- 需要全部单位的规则（排名、比例）
function crossUnit(units) {
  const X = crossStart();
  for (const u of units) crossSee(X, u);
  crossEnd(X);
  return X;
}

function crossStart() {
  const X = {};
  X[17] = { best: 0 };
  X[18] = kpValues();
  return X;
}

function crossSee(X, u) {
  // 产值
  if (true) { const v = u.F[38]; if (v !== undefined && v > X[17].best) X[17].best = v; }
  // 排名
  if (true) { const v = u.F[40]; if (v !== undefined) X[18].push(v); }
}

function crossEnd(X) {
  X[18] = X[18].sorted();
}

/** 可增长的数值表（每个单位一个数）：push 添加，sorted() 给出从小到大排好的 Float64Array。 */
function kpValues() {
  let a = new Float64Array(1 << 10);
  let n = 0;
  return {
    push(v) {
      if (n === a.length) {
        const more = new Float64Array(a.length * 2);
        more.set(a);
        a = more;
      }
      a[n++] = v;
    },
    sorted() {
      return a.slice(0, n).sort();
    },
  };
}
/**
 * 名次：1 + 严格优于 v 的个数（并列取较好名次，下一名次空出：1、1、3）；sorted 从小到大，二分查找。
 * lowerIsBetter：数值越小越好。
 */
function kpRank(sorted, v, lowerIsBetter) {
  let lo = 0;
  let hi = sorted.length;
  if (lowerIsBetter) {
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (sorted[m] < v)
        lo = m + 1;
      else
        hi = m;
    }
    return lo + 1;
  }
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m] <= v)
      lo = m + 1;
    else
      hi = m;
  }
  return sorted.length - lo + 1;
}

// ---------------------------------------------------------------- 指标（得分写入 Z.S，倒扣超出部分写入 Z.K）
// [1] 合计上限 1：迟报、漏报
function g1(Z) {
  const d = r9(Z) + r10(Z);
  if (d > 1000000) { if (Z.T) Z.T.push({ i: "1", k: "limit", a: d - 1000000, x: "以上合计扣 " + kpFormat(d) + "，超过合计上限 1，按 1 计" }); return 1000000; }
  return d;
}

// [1] 就高（按最高标准扣分，不重复扣）：班子、成员
function g2(Z) {
  let anon = 0;
  const best = new Map();
  const hits = new Map();
  const add = (id, a, rule) => {
    if (id === undefined) { anon += a; return; }
    const prev = best.get(id);
    if (prev === undefined || a > prev) best.set(id, a);
    const h = hits.get(id) || [];
    h.push({ rule, a });
    hits.set(id, h);
  };
  if (true) { // 班子
    const amt = 100000;
    const ids = Z.F[25] || [];
    if (Z.F[24]) add(ids.length > 0 ? ids[0] : undefined, amt, "班子");
    if (Z.F[24]) {
      if (Z.T) Z.T.push({ i: "1", r: "班子", k: "deduct", a: amt, x: "发生，扣 " + kpFormat(amt) + (ids.length > 0 ? "（事件：" + ids.join("、") + "）" : ""), f: { ["班子"]: (ids.length > 0 ? ids.join("、") : true) } });
    }
  }
  if (true) { // 成员
    const n0 = Z.F[26] || 0;
    const a0 = 50000;
    const ids0 = Z.F[27] || [];
    const n1 = Z.F[28] || 0;
    const a1 = 200000;
    const ids1 = Z.F[29] || [];
    const v = kpAdd(kpTimes(a0, n0), kpTimes(a1, n1));
    if (n0 > 0) { if (ids0.length > 0) for (const id of ids0) add(id, a0, "成员"); else add(undefined, kpTimes(a0, n0), "成员"); }
    if (n1 > 0) { if (ids1.length > 0) for (const id of ids1) add(id, a1, "成员"); else add(undefined, kpTimes(a1, n1), "成员"); }
    if (v > 0) {
      if (Z.T) Z.T.push({ i: "1", r: "成员", k: "deduct", a: v, x: [n0 > 0 ? "通报 " + n0 + "人次 × " + kpFormat(a0) + (ids0.length > 0 ? "（事件：" + ids0.join("、") + "）" : "") : null, n1 > 0 ? "处分 " + n1 + "人次 × " + kpFormat(a1) + (ids1.length > 0 ? "（事件：" + ids1.join("、") + "）" : "") : null].filter((s) => s !== null).join(" + ") + " = " + kpFormat(v), f: { ...(n0 > 0 ? { ["成员.通报"]: (ids0.length > 0 ? ids0 : n0) } : {}), ...(n1 > 0 ? { ["成员.处分"]: (ids1.length > 0 ? ids1 : n1) } : {}) } });
    }
  }
  let d = anon;
  for (const [id, a] of best) {
    d += a;
    const h = hits.get(id);
    if (Z.T && h.length > 1) {
      const sum = h.reduce((s, x) => s + x.a, 0);
      Z.T.push({ i: "1", k: "limit", a: sum - a, x: "事件「" + id + "」同时适用" + h.map((x) => "「" + x.rule + "」" + kpFormat(x.a)).join("、") + "，按最高标准扣 " + kpFormat(a) + "，不重复扣" });
    }
  }
  return d;
}

// [3] 比较（4 分）
function i4(Z) {
  if (Z.c["园区"] && !Z.ref) {
    const ref = Z.R["甲县"];
    const Y = { F: ref.F, c: ref.c, T: null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), E: new Array(INDICATOR_COUNT), V: [], X: Z.X, R: Z.R, u: ref.index, ref: true, zr: false, P: [] };
    i4(Y);
    Z.S[4] = Y.S[4]; Z.K[4] = Y.K[4];
    if (Z.T) Z.T.push({ i: "3", k: "note", a: 0, x: "园区本项得分以「甲县」得分为准：" + kpFormat(Y.S[4]) });
    return;
  }
  let pos = 0;
  let d = 0;
  let o = 0;
  Z.zr = false;
  pos += r17(Z);
  pos += r18(Z);
  const base = pos;
  let s = base - d;
  if (s < 0) { if (Z.T) Z.T.push({ i: "3", k: "limit", a: -s, x: "扣分合计 " + kpFormat(d) + " 超过本项可扣的 " + kpFormat(base) + "，扣完为止" }); s = 0; }
  if (s > 4000000) { if (Z.T) Z.T.push({ i: "3", k: "limit", a: s - 4000000, x: "得分 " + kpFormat(s) + " 超过本项分值 4，按 4 计" }); s = 4000000; }
  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: "3", k: "note", a: s, x: "有规则「不得分」：本项得 0 分" }); s = 0; }
  Z.zr = false;
  s -= o;
  let k = 0;
  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: "3", k: "note", a: k, x: "倒扣超出本项分值 " + kpFormat(k) + "，从上级扣除" }); }
  Z.S[4] = s;
  Z.K[4] = k;
}

// [2.2] 评价（4 分）
function i3(Z) {
  let pos = 0;
  let d = 0;
  let o = 0;
  Z.zr = false;
  pos += r15(Z);
  pos += r16(Z);
  const base = pos;
  let s = base - d;
  if (s < 0) { if (Z.T) Z.T.push({ i: "2.2", k: "limit", a: -s, x: "扣分合计 " + kpFormat(d) + " 超过本项可扣的 " + kpFormat(base) + "，扣完为止" }); s = 0; }
  if (s > 4000000) { if (Z.T) Z.T.push({ i: "2.2", k: "limit", a: s - 4000000, x: "得分 " + kpFormat(s) + " 超过本项分值 4，按 4 计" }); s = 4000000; }
  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: "2.2", k: "note", a: s, x: "有规则「不得分」：本项得 0 分" }); s = 0; }
  Z.zr = false;
  s -= o;
  let k = 0;
  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: "2.2", k: "note", a: k, x: "倒扣超出本项分值 " + kpFormat(k) + "，从上级扣除" }); }
  Z.S[3] = s;
  Z.K[3] = k;
}

// [2.1] 学习（1 分）
function i2(Z) {
  let pos = 0;
  let d = 0;
  let o = 0;
  Z.zr = false;
  pos += r13(Z);
  pos += r14(Z);
  const base = pos;
  let s = base - d;
  if (s < 0) { if (Z.T) Z.T.push({ i: "2.1", k: "limit", a: -s, x: "扣分合计 " + kpFormat(d) + " 超过本项可扣的 " + kpFormat(base) + "，扣完为止" }); s = 0; }
  if (s > 1000000) { if (Z.T) Z.T.push({ i: "2.1", k: "limit", a: s - 1000000, x: "得分 " + kpFormat(s) + " 超过本项分值 1，按 1 计" }); s = 1000000; }
  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: "2.1", k: "note", a: s, x: "有规则「不得分」：本项得 0 分" }); s = 0; }
  Z.zr = false;
  s -= o;
  let k = 0;
  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: "2.1", k: "note", a: k, x: "倒扣超出本项分值 " + kpFormat(k) + "，从上级扣除" }); }
  Z.S[2] = s;
  Z.K[2] = k;
}

// [2] 组织建设（5 分）
function i1(Z) {
  let pos = 0;
  let d = 0;
  let o = 0;
  i2(Z); pos += Z.S[2]; o += Z.K[2];
  i3(Z); pos += Z.S[3]; o += Z.K[3];
  Z.zr = false;
  const base = pos;
  let s = base - d;
  if (s < 0) { if (Z.T) Z.T.push({ i: "2", k: "limit", a: -s, x: "扣分合计 " + kpFormat(d) + " 超过本项可扣的 " + kpFormat(base) + "，扣完为止" }); s = 0; }
  if (s > 5000000) { if (Z.T) Z.T.push({ i: "2", k: "limit", a: s - 5000000, x: "得分 " + kpFormat(s) + " 超过本项分值 5，按 5 计" }); s = 5000000; }
  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: "2", k: "note", a: s, x: "有规则「不得分」：本项得 0 分" }); s = 0; }
  Z.zr = false;
  s -= o;
  let k = 0;
  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: "2", k: "note", a: k, x: "倒扣超出本项分值 " + kpFormat(k) + "，从上级扣除" }); }
  Z.S[1] = s;
  Z.K[1] = k;
}

// [1] 会议与信息（10 分）
function i0(Z) {
  let pos = 0;
  let d = 0;
  let o = 0;
  Z.zr = false;
  d += r0(Z);
  d += r1(Z);
  d += r2(Z);
  d += r3(Z);
  d += r4(Z);
  d += r5(Z);
  d += r6(Z);
  d += r7(Z);
  r8(Z);
  d += g1(Z);
  d += g2(Z);
  const base = 10000000;
  let s = base - d;
  if (s < 0) { if (Z.T) Z.T.push({ i: "1", k: "limit", a: -s, x: "扣分合计 " + kpFormat(d) + " 超过本项可扣的 " + kpFormat(base) + "，扣完为止" }); s = 0; }
  if (Z.zr && s > 0) { if (Z.T) Z.T.push({ i: "1", k: "note", a: s, x: "有规则「不得分」：本项得 0 分" }); s = 0; }
  Z.zr = false;
  s -= o;
  let k = 0;
  if (s < 0) { k = -s; s = 0; if (Z.T) Z.T.push({ i: "1", k: "note", a: k, x: "倒扣超出本项分值 " + kpFormat(k) + "，从上级扣除" }); }
  Z.S[0] = s;
  Z.K[0] = k;
}

// 加分「创新」
function b1(Z) {
  let v = r19(Z);
  if (v > 1000000) { if (Z.T) Z.T.push({ i: "S1", k: "limit", a: v - 1000000, x: "加分合计 " + kpFormat(v) + "，超过上限 1，按 1 计" }); v = 1000000; }
  return v;
}

// 减分「问责」
function p1(Z) {
  let v = r20(Z);
  return v;
}

// ---------------------------------------------------------------- 单个单位
function runUnit(unit, u, X, R, trace) {
  const Z = { F: unit.F, c: unit.c, T: trace ? [] : null, S: new Array(INDICATOR_COUNT), K: new Array(INDICATOR_COUNT), V: [], X, R, u, ref: false, zr: false, P: [] };
  i0(Z);
  i1(Z);
  i4(Z);
  let base = Z.S[0] + Z.S[1] + Z.S[4];
  const carry = Z.K[0] + Z.K[1] + Z.K[4];
  const bonus = b1(Z);
  const penalty = p1(Z);
  const total = base - carry + bonus - penalty;
  if (!Number.isSafeInteger(total)) throw new RangeError("KP4018");
  return { unit, total, rounded: ROUNDING < 0 ? total : kpRound(total, ROUNDING), base, carry, bonus, penalty, S: Z.S, P: Z.P, V: Z.V, T: Z.T };
}

// ---------------------------------------------------------------- 对外接口

/** 事实有误时抛出；errors 列出全部问题。 */
export class KpFactsError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.code + " " + e.message).join("\n"));
    this.name = "KpFactsError";
    this.errors = errors;
  }
}
/** 参照的单位不在事实文件中（KP4011），或参照的那组单位是空的（KP4050）。 */
function kpReferErrors(units) {
  const names = new Set(units.map((u) => u.name));
  const errors = [];
  for (let k = 0; k < REFERS.length; k++) {
    const r = REFERS[k];
    if (r.unit !== undefined) {
      if (names.has(r.unit))
        continue;
      const takes = (u) => (r.flag !== undefined ? u.F[2 * r.flag] === true : r.unitClass !== undefined && u.c[r.unitClass]);
      const who = r.flag !== undefined ? "未涉及本项的单位" : "「" + r.unitClass + "」";
      if (units.some(takes))
        errors.push({ code: "KP4011", message: "指标「" + r.name + "」（" + r.indicator + "）规定" + who + "以单位「" + r.unit + "」的得分为准，但事实文件中没有这个单位" });
    }
    else if (r.pool !== undefined) {
      // a unit taking the pool's score (r.needs: this 参照 is the one that concerns it) needs a unit in
      // the pool; the pool is the same for every taker of the same key (the pool cache's): looked for once
      const found = new Map();
      for (const u of units) {
        if (!r.needs(u))
          continue;
        const key = kpPoolKey(k, u);
        if (!found.has(key))
          found.set(key, kpPool(units, k, u).length > 0);
        if (found.get(key))
          continue;
        const pool = r.pool === "class" ? "「" + r.poolClass + "」各单位" : r.pool === "same" ? "同类单位" : "各单位";
        const word = r.agg === "max" ? "的最高分" : r.agg === "min" ? "的最低分" : "的平均分";
        const e = { code: "KP4050", message: "单位「" + u.name + "」的指标「" + r.name + "」（" + r.indicator + "）以" + pool + word + "为准，但没有这样的单位可取（它们都不考核本项，或自己也取参照的得分）", unit: u.name };
        if (r.flag !== undefined)
          e.key = FACTS[r.flag].k;
        errors.push(e);
      }
    }
  }
  return errors;
}
/** 各级指标的得分（S：指标编号 → 得分，P：因单位类别而不同的分值）。 */
function kpIndicatorTree(list, S, P) {
  return list.map((m) => {
    const score = S.get(m.id);
    // points that differ by class are this unit's
    const own = P.get(m.id);
    const points = own === undefined ? kpParse(m.points) : own;
    return { id: m.id, name: m.name, points: kpFormat(points), score: kpFormat(score), lost: kpFormat(points - score), children: kpIndicatorTree(m.children, S, P) };
  });
}
/** The indicators' ids in the order of the scores (Z.S): depth first. */
function kpIndicatorIds(list, out = []) {
  for (const m of list) {
    out.push(m.id);
    kpIndicatorIds(m.children, out);
  }
  return out;
}
/** 全部指标的编号，按得分表 Z.S 的顺序。 */
const INDICATOR_IDS = kpIndicatorIds(catalogue.indicators);
/** 第 rank 名（共 count 个单位）、否决标记为 r.V 的单位的等次（没有等次时为 null）。 */
function kpGradeOf(r, rank, count) {
  const fail = r.V.some((v) => v.level === "fail");
  const noTop = r.V.some((v) => v.level === "noExcellent");
  if (GRADES.length === 0)
    return null;
  if (fail)
    return GRADES[GRADES.length - 1].name;
  for (let g = 0; g < GRADES.length; g++) {
    const grade = GRADES[g];
    if (g === 0 && noTop && GRADES.length > 1)
      continue;
    if (grade.otherwise)
      return grade.name;
    let ok = true;
    for (const c of grade.conditions) {
      if (c.kind === "score")
        ok = ok && (c.op === ">" ? r.rounded > c.value : r.rounded >= c.value);
      else if (c.percent) {
        // 前 N%: rank ≤ floor(count × N / 100); c.value is N in millionths
        const p = count * c.value;
        ok = ok && rank <= (p - (p % 100000000)) / 100000000;
      }
      else
        ok = ok && rank <= c.value / 1000000;
    }
    if (ok)
      return grade.name;
  }
  return null;
}
/** 一个单位的各指标得分（明细）：id → 得分、id → 本单位的分值。 */
function kpScoresOf(r) {
  const S = new Map();
  const P = new Map();
  INDICATOR_IDS.forEach((id, n) => {
    S.set(id, r.S[n]);
    P.set(id, r.P[n]);
  });
  return { S, P };
}
/** 计算中数值超出可精确计算的范围（KP4018）时，作为该单位的事实错误抛出。 */
function kpRunUnit(u, X, R, trace) {
  try {
    return runUnit(u, u.index, X, R, trace);
  }
  catch (e) {
    if (e instanceof RangeError && e.message === "KP4018")
      throw new KpFactsError([{ code: "KP4018", message: "计算单位「" + u.name + "」的得分时数值超出可精确计算的范围，请检查事实中过大的数", unit: u.name }]);
    throw e;
  }
}
/**
 * 为全部单位计分并排名。
 * units：[{ name, classes?, facts }]；options.detail（默认 true）给出各指标得分，options.trace 给出每项扣分、得分的计算过程。
 * 事实有误时抛出 KpFactsError。
 */
export function scoreAll(units, options) {
  const detail = !options || options.detail !== false;
  const trace = !!(options && options.trace);
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  // (scoreAll gives each read unit its index below)
  const list = read.units;
  const errors = read.errors.concat(kpReferErrors(list));
  if (errors.length > 0)
    throw new KpFactsError(errors);
  const R = Object.create(null);
  list.forEach((u, i) => {
    u.index = i;
    R[u.name] = u;
  });
  const X = crossUnit(list);
  const runs = list.map((u) => kpRunUnit(u, X, R, trace));
  const order = runs.slice().sort((a, b) => b.rounded - a.rounded || (a.unit.name < b.unit.name ? -1 : a.unit.name > b.unit.name ? 1 : 0));
  const results = [];
  let rank = 0;
  order.forEach((r, i) => {
    if (i === 0 || r.rounded !== order[i - 1].rounded)
      rank = i + 1;
    const res = {
      unit: r.unit.name,
      classes: r.unit.classes,
      total: ROUNDING < 0 ? kpFormat(r.rounded) : kpFixed(r.rounded, ROUNDING),
      exactTotal: kpFormat(r.total),
      rank,
      grade: kpGradeOf(r, rank, order.length),
      vetoes: r.V.map((v) => ({ rule: v.rule, level: v.level, clause: catalogue.rules[v.rule].clause })),
    };
    if (detail) {
      const { S, P } = kpScoresOf(r);
      res.indicators = kpIndicatorTree(catalogue.indicators, S, P);
      res.bonus = kpFormat(r.bonus);
      res.penalty = kpFormat(r.penalty);
    }
    if (trace) {
      res.trace = (r.T ?? []).map((t) => {
        const e = { indicator: t.i, kind: t.k, amount: kpFormat(t.a), text: t.x };
        if (t.r !== undefined) {
          e.rule = t.r;
          e.clause = catalogue.rules[t.r].clause;
        }
        if (t.f !== undefined)
          e.facts = t.f;
        return e;
      });
    }
    results.push(res);
  });
  return results;
}
/** 为一个单位计分（peers：需要比较的全部单位，用于排名、比例与参照；缺省时只与自身比较）。 */
export function scoreUnit(unit, options) {
  const peers = options && options.peers ? options.peers.filter((p) => p && p.name !== unit.name).concat([unit]) : [unit];
  const all = scoreAll(peers, options);
  return all.find((r) => r.unit === String(unit.name).trim());
}

/** 检查各单位的事实，返回发现的全部问题（没有问题时为空数组）。 */
export function checkFacts(units) {
  const read = kpReadUnits(FACTS, CLASSES, RULE_NAMES, units);
  return read.errors.concat(kpReferErrors(read.units));
}

const STREAMABLE = true;
const PASSES = 2;

/**
 * 每个单位一个数的表（Type 为 Float64Array、Uint32Array 等），分块存放（每块 65536 个）：增长时不复制、不留一倍的空位，
 * 大文件时峰值内存不因扩容而跳升。
 */
function kpChunks(Type) {
  let chunks = [];
  return {
    set(k, v) {
      const c = k >>> 16;
      while (chunks.length <= c)
        chunks.push(new Type(1 << 16));
      chunks[c][k & 0xffff] = v;
    },
    get(k) {
      // (0 where nothing was set in the chunk yet)
      const c = chunks[k >>> 16];
      return c === undefined ? 0 : c[k & 0xffff];
    },
    clear() {
      chunks = [];
    },
  };
}
/**
 * 每个单位一个总分（以百万分之一为单位的整数）的表，分块存放，按值放得下的最窄类型：先以 Int16Array 存总分除以 10000
 * 的商（总分都是 0.01 的整数倍、在 ±327.67 分以内时，每个 2 字节），有一个值放不下时整表改为 Int32Array 存原值
 * （±2147 分以内，4 字节），再放不下时改为 Float64Array（8 字节）；改换时值不变。
 */
function kpTotals() {
  // 0: Int16 (value / 10000), 1: Int32, 2: Float64
  let tier = 0;
  let chunks = [];
  const fits = (v, t) => (t === 0 ? v % 10000 === 0 && ((v / 10000) << 16) >> 16 === v / 10000 : t === 1 ? (v | 0) === v : true);
  const widen = (t) => {
    const scale = tier === 0 ? 10000 : 1;
    chunks = chunks.map((c) => {
      const w = t === 1 ? new Int32Array(c.length) : new Float64Array(c.length);
      for (let i = 0; i < c.length; i++)
        w[i] = c[i] * scale;
      return w;
    });
    tier = t;
  };
  return {
    set(k, v) {
      if (!fits(v, tier))
        widen(fits(v, 1) ? 1 : 2);
      const c = k >>> 16;
      while (chunks.length <= c)
        chunks.push(tier === 0 ? new Int16Array(1 << 16) : tier === 1 ? new Int32Array(1 << 16) : new Float64Array(1 << 16));
      chunks[c][k & 0xffff] = tier === 0 ? v / 10000 : v;
    },
    get(k) {
      const v = chunks[k >>> 16][k & 0xffff];
      return tier === 0 ? v * 10000 : v;
    },
    clear() {
      chunks = [];
      tier = 0;
    },
  };
}
/**
 * 全部单位的名称，紧凑存放（大文件时每个单位只占几个字节、不在垃圾回收的堆上）。名称每 32 个一组（组内前缀压缩）：
 * 每个名称记为「与前一名称相同的前缀长度、其余码元个数」（合占一字节，各 4 位；
 * 为 15 时其后另有 7 位一字节的变长整数记超出 15 的部分；组内第一个名称前缀为 0）与其余的 UTF-16 码元，逐个编码后接连存于分块的 Uint8Array（每块 2^20 字节，可以跨块）；只记每组的起点（每 32 个名称 4 字节）。
 * 码元的编码：< 0x80 占 1 字节；0x3000–0xAEFF（汉字、标点等）占 2 字节（首字节 0x80–0xFE）；其余占 3 字节（0xFF 及码元的两个字节）。
 * 「县区046378-1」接在「县区046377-1」之后只占 4 字节（前缀 7、其余 3 个码元「8-1」）。
 * 开放定址散列表 slot 由名称找序号（查重复；线性探查，至多 3/4 满，满了扩大一半），每格的高位另存名称散列值的几位，
 * 不同的名称多半不必解码即可排除；散列值相同时逐个码元比较名称本身（查重复是精确的）。
 * compare(a, b) 与字符串的 < 比较结果相同（逐个码元，解码后比较）。
 */
function kpNameTable() {
  const GROUP = 5; // 32 names a group
  let bytes = [];
  let groupAt = kpChunks(Uint32Array);
  let slot = new Int32Array(1 << 11).fill(-1);
  // the slot's low `indexBits` bits hold a name's number, the bits above (up to bit 30) some of its hash's top bits
  let indexBits = 32 - Math.clz32(slot.length);
  let released = false;
  let count = 0;
  let end = 0;
  let previous = "";
  const byte = (i) => bytes[i >>> 20][i & 0xfffff];
  const put = (b) => {
    if (end >>> 20 >= bytes.length)
      bytes.push(new Uint8Array(1 << 20));
    bytes[end >>> 20][end & 0xfffff] = b;
    end++;
  };
  const putNumber = (x) => {
    while (x >= 0x80) {
      put((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    put(x);
  };
  // A decoder: the name numbered k in units[0 … length), and the byte after it (at); names are decoded
  // from their group's first, or on from the one decoded last when it is before them in the group.
  const cursor = () => ({ k: -1, at: 0, length: 0, units: new Uint16Array(64) });
  const a = cursor();
  const b = cursor();
  const numberAt = (c) => {
    let x = 0;
    for (let shift = 0;; shift += 7) {
      const v = byte(c.at++);
      x += (v & 0x7f) * 2 ** shift;
      if (v < 0x80)
        return x;
    }
  };
  const seek = (c, k) => {
    if (c.k > k || c.k < 0 || c.k >>> GROUP !== k >>> GROUP) {
      c.k = ((k >>> GROUP) << GROUP) - 1;
      c.at = groupAt.get(k >>> GROUP);
    }
    while (c.k < k) {
      const both = byte(c.at++);
      let prefix = both >>> 4;
      if (prefix === 15)
        prefix += numberAt(c);
      let rest = both & 15;
      if (rest === 15)
        rest += numberAt(c);
      if (c.units.length < prefix + rest) {
        const grown = new Uint16Array(Math.max(prefix + rest, 2 * c.units.length));
        grown.set(c.units.subarray(0, prefix));
        c.units = grown;
      }
      let i = c.at;
      const units = c.units;
      for (let j = prefix, e = prefix + rest; j < e; j++) {
        const x = byte(i);
        if (x < 0x80) {
          units[j] = x;
          i += 1;
        }
        else if (x < 0xff) {
          units[j] = (0x3000 + ((x - 0x80) << 8)) | byte(i + 1);
          i += 2;
        }
        else {
          units[j] = (byte(i + 1) << 8) | byte(i + 2);
          i += 3;
        }
      }
      c.at = i;
      c.length = prefix + rest;
      c.k++;
    }
    return c;
  };
  const hash = (s) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++)
      h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const hashOf = (k) => {
    const c = seek(a, k);
    let h = 0x811c9dc5;
    for (let i = 0; i < c.length; i++)
      h = Math.imul(h ^ c.units[i], 0x01000193);
    return h >>> 0;
  };
  const same = (k, s) => {
    const c = seek(a, k);
    if (c.length !== s.length)
      return false;
    for (let j = 0; j < s.length; j++)
      if (c.units[j] !== s.charCodeAt(j))
        return false;
    return true;
  };
  // A large lookup table grows in place, in one resizable ArrayBuffer (ES2024; an engine without them
  // gives a fixed one): a new table at each growth and the old one freed had glibc's allocator raise its
  // mmap threshold to the freed table's size, and every later buffer below it came from its heap, whose
  // freed space stays resident — ~10 MB more at a million units than at 100,000.
  const tableOf = (entries) => {
    const old = slot.buffer;
    if (old.resizable === true && (old.maxByteLength ?? 0) >= 4 * entries && old.resize)
      try {
        old.resize(4 * entries);
        return new Int32Array(old, 0, entries).fill(-1);
      }
      catch {
        // (the memory could not be committed in place: a new table below)
      }
    if (entries >= 1 << 16)
      try {
        const Growable = ArrayBuffer;
        return new Int32Array(new Growable(4 * entries, { maxByteLength: 2 ** 31 }), 0, entries).fill(-1);
      }
      catch {
        // (too large to reserve: a fixed one)
      }
    return new Int32Array(entries).fill(-1);
  };
  const mark = (h) => (indexBits >= 31 ? 0 : h >>> (32 - (31 - indexBits)));
  // linear probing from h mod the table's size (not a power of two: it grows by half, at most 3/4 full)
  const place = (k, h) => {
    const size = slot.length;
    let i = h % size;
    while (slot[i] !== -1)
      i = i + 1 === size ? 0 : i + 1;
    slot[i] = k + mark(h) * 2 ** indexBits;
  };
  return {
    get size() {
      return count;
    },
    get bytes() {
      return end;
    },
    has(s) {
      // (after release: every name looked at; a new name rebuilds the table)
      if (released) {
        for (let k = 0; k < count; k++)
          if (same(k, s))
            return true;
        return false;
      }
      const size = slot.length;
      const h = hash(s);
      const m = mark(h);
      const low = 2 ** indexBits - 1;
      for (let i = h % size; slot[i] !== -1; i = i + 1 === size ? 0 : i + 1) {
        const v = slot[i];
        if (v >>> indexBits === m && same(v & low, s))
          return true;
      }
      return false;
    },
    /** 添加一个名称（调用前已确认没有），返回其序号。 */
    add(s) {
      const k = count;
      released = false;
      let prefix = 0;
      if ((k & ((1 << GROUP) - 1)) === 0)
        groupAt.set(k >>> GROUP, end);
      else
        while (prefix < s.length && prefix < previous.length && s.charCodeAt(prefix) === previous.charCodeAt(prefix))
          prefix++;
      const rest = s.length - prefix;
      put((Math.min(prefix, 15) << 4) | Math.min(rest, 15));
      if (prefix >= 15)
        putNumber(prefix - 15);
      if (rest >= 15)
        putNumber(rest - 15);
      for (let i = prefix; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80)
          put(c);
        else if (c >= 0x3000 && c < 0xaf00) {
          put(0x80 + ((c - 0x3000) >>> 8));
          put(c & 0xff);
        }
        else {
          put(0xff);
          put(c >>> 8);
          put(c & 0xff);
        }
      }
      previous = s;
      count++;
      if (count * 4 > slot.length * 3) {
        // (after release the table is tiny: it grows to what the names need at once)
        slot = tableOf(Math.max(Math.ceil(slot.length * 1.5), Math.ceil((count * 4) / 3) + 1));
        indexBits = 32 - Math.clz32(slot.length);
        for (let j = 0; j < count; j++)
          place(j, hashOf(j));
      }
      else
        place(k, hash(s));
      return k;
    },
    release() {
      const table = new Uint32Array(slot.buffer, 0, slot.length);
      slot = new Int32Array(1).fill(-1);
      indexBits = 1;
      released = true;
      return table;
    },
    compare(x, y) {
      const p = seek(a, x);
      const q = seek(b, y);
      const n = Math.min(p.length, q.length);
      for (let i = 0; i < n; i++)
        if (p.units[i] !== q.units[i])
          return p.units[i] - q.units[i];
      return p.length - q.length;
    },
    name(k) {
      const c = seek(a, k);
      let s = "";
      for (let i = 0; i < c.length; i += 4096)
        s += String.fromCharCode(...c.units.subarray(i, Math.min(c.length, i + 4096)));
      return s;
    },
    clear() {
      bytes = [];
      groupAt = kpChunks(Uint32Array);
      slot = new Int32Array(1 << 11).fill(-1);
      indexBits = 32 - Math.clz32(slot.length);
      released = false;
      count = 0;
      end = 0;
      previous = "";
      a.k = b.k = -1;
    },
  };
}
/**
 * Puts `order` (sorted by total, places of equal totals in any order) in the ranking's order: each run
 * of places with equal totals (`tie(x, y)`: units x and y have the same total) sorted by the units'
 * names as the string `<` does.  A run is sorted as strings 65,536 names at a time; a longer run's
 * sorted pieces are then merged (each piece's next name as a string) into a scratch array of its length.
 */
function kpSortTies(order, tie, names) {
  const PIECE = 1 << 16;
  const n = order.length;
  const byName = (x, y) => (x.name < y.name ? -1 : 1);
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && tie(order[i], order[j]))
      j++;
    for (let p = i; j - i > 1 && p < j; p += PIECE) {
      const e = Math.min(j, p + PIECE);
      const piece = [];
      for (let t = p; t < e; t++)
        piece.push({ name: names.name(order[t]), k: order[t] });
      // (names are unique: never equal)
      piece.sort(byName);
      for (let t = p; t < e; t++)
        order[t] = piece[t - p].k;
    }
    if (j - i > PIECE) {
      // merge the pieces: each one's next place (at), its end, and its next name (null: none left)
      const at = [];
      const ends = [];
      const heads = [];
      for (let p = i; p < j; p += PIECE) {
        at.push(p);
        ends.push(Math.min(j, p + PIECE));
        heads.push(names.name(order[p]));
      }
      const merged = new Uint32Array(j - i);
      for (let t = 0; t < merged.length; t++) {
        let best = -1;
        for (let c = 0; c < heads.length; c++) {
          const h = heads[c];
          if (h !== null && (best < 0 || h < heads[best]))
            best = c;
        }
        merged[t] = order[at[best]];
        at[best]++;
        heads[best] = at[best] < ends[best] ? names.name(order[at[best]]) : null;
      }
      order.set(merged, i);
    }
    i = j;
  }
}
/**
 * Sorts `list` in place by `cmp`, a total order (no two of its numbers compare equal — the ranking's:
 * by total, then by the unit's name, which is unique), with no scratch memory: heapsort (a typed
 * array's sort with a comparator copies its elements into two heap arrays first, 16 MB at a million
 * units; a merge sort needs a scratch array as large as the list).
 */
function kpHeapSort(list, cmp) {
  const n = list.length;
  const sift = (start, end) => {
    let root = start;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= end)
        return;
      if (child + 1 < end && cmp(list[child], list[child + 1]) < 0)
        child++;
      if (cmp(list[root], list[child]) >= 0)
        return;
      const t = list[root];
      list[root] = list[child];
      list[child] = t;
      root = child;
    }
  };
  for (let i = (n >> 1) - 1; i >= 0; i--)
    sift(i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = list[0];
    list[0] = list[end];
    list[end] = t;
    sift(0, end);
  }
}

/** The positions of the first-level indicators among all (depth first). */
function kpTopPositions(list) {
  const out = [];
  const size = (x) => 1 + x.children.reduce((a, c) => a + size(c), 0);
  list.reduce((at, m) => {
    out.push(at);
    return at + size(m);
  }, 0);
  return out;
}
/** 一级指标在 INDICATOR_IDS 中的位置。 */
const TOP_POSITIONS = kpTopPositions(catalogue.indicators);
/** 能否逐个单位计分（没有按计算得分排名、参照平均分等需要全部单位得分的规则）。 */
export const streamable = STREAMABLE;
/**
 * 逐个单位计分要读几遍事实：1，或 2（有按事实排名、比例、平均分或中位数为基准的规则：先用 survey 把全部单位的事实读一遍，
 * 只留这些规则需要的数，再用 add 计分）。
 */
export const passes = PASSES;
/**
 * 逐个单位计分（用于大文件）：add(units) 检查并计分一批单位，每个单位的结果（不含名次、等次）交给 onResult(序号, 结果)
 * （options.detail 为 false 时不给各级指标的明细，只给一级指标得分 top）；
 * finish() 给出名次与等次：order 为按名次排列的单位序号；tied 的第 k 位为 1 时第 k 个位置与前一位置同分同名次，否则名次为 k + 1；
 * grades[gradeIndex[k]] 为其等次（没有等次为 null）。
 * passes 为 2 时，先以 survey(units) 分批读完全部单位（第一遍，只取跨单位规则需要的数），再以 add 分批计分（第二遍，单位的顺序相同）。
 * 事实有误时抛出 KpFactsError。结果与 scoreAll 逐字相同。finish() 之后各表即释放，不能再 add。
 */
export function createScorer(onResult, options) {
  const detail = !options || options.detail !== false;
  // options.read (kp score streaming a table): reads a batch instead of kpReadUnits, same arguments and result
  const readUnits = options && typeof options.read === "function" ? options.read : kpReadUnits;
  if (!STREAMABLE)
    throw new Error("本细则有需要全部单位的规则（排名、比例等），请用 scoreAll 计分");
  const X = crossStart();
  let surveyed = false;
  let started = false;
  let finished = false;
  const R = Object.create(null);
  // 每个单位只留名称（名称表）、舍入后的总分与否决标记（紧凑数组）
  const names = kpNameTable();
  const rounded = kpTotals();
  // (veto levels: two bits a unit, four units a byte; each unit's are set once)
  const vetoed = kpChunks(Uint8Array);
  let waiting = [];
  const takes = (u, r) => (r.flag !== undefined ? u.F[2 * r.flag] === true : r.unitClass !== undefined && u.c[r.unitClass] === true);
  const blocked = (u) => REFERS.some((r) => r.unit !== undefined && R[r.unit] === undefined && takes(u, r));
  const run = (u) => {
    const r = kpRunUnit(u, X, R, false);
    rounded.set(u.index, r.rounded);
    const levels = (r.V.some((v) => v.level === "fail") ? 1 : 0) | (r.V.some((v) => v.level === "noExcellent") ? 2 : 0);
    if (levels !== 0)
      vetoed.set(u.index >>> 2, vetoed.get(u.index >>> 2) | (levels << ((u.index & 3) << 1)));
    const res = {
      unit: u.name,
      classes: u.classes,
      total: ROUNDING < 0 ? kpFormat(r.rounded) : kpFixed(r.rounded, ROUNDING),
      exactTotal: kpFormat(r.total),
      vetoes: r.V.map((v) => ({ rule: v.rule, level: v.level, clause: catalogue.rules[v.rule].clause })),
    };
    if (detail) {
      const { S, P } = kpScoresOf(r);
      res.indicators = kpIndicatorTree(catalogue.indicators, S, P);
    }
    else
      res.top = TOP_POSITIONS.map((n) => kpFormat(r.S[n]));
    res.bonus = kpFormat(r.bonus);
    res.penalty = kpFormat(r.penalty);
    onResult(u.index, res);
  };
  return {
    references: REFERS.flatMap((r) => (r.unit !== undefined ? [r.unit] : [])),
    has(name) {
      return names.has(name);
    },
    survey(units) {
      if (started)
        throw new Error("survey 须在 add 之前");
      surveyed = true;
      if (!Array.isArray(units) || units.length === 0)
        return;
      const read = readUnits(FACTS, CLASSES, RULE_NAMES, units);
      if (read.errors.length > 0)
        throw new KpFactsError(read.errors);
      // (crossSee reads facts and classes only: survey's units need no index)
      for (const u of read.units)
        crossSee(X, u);
    },
    add(units) {
      if (finished)
        throw new Error("finish 之后不能再计分");
      if (!started) {
        if (PASSES === 2 && !surveyed)
          throw new Error("本细则有跨单位的规则（排名、比例等），请先用 survey 读一遍全部单位");
        crossEnd(X);
        started = true;
      }
      if (!Array.isArray(units) || units.length === 0)
        return;
      const read = readUnits(FACTS, CLASSES, RULE_NAMES, units);
      const errors = read.errors;
      for (const u of read.units)
        if (names.has(u.name))
          errors.push({ code: "KP4006", message: "单位「" + u.name + "」重复出现", unit: u.name });
      if (errors.length > 0)
        throw new KpFactsError(errors);
      // (each read unit gets its index here)
      const list = read.units;
      let named = false;
      for (const u of list) {
        u.index = names.add(u.name);
        if (REFERS.some((r) => r.unit === u.name)) {
          R[u.name] = u;
          named = true;
        }
      }
      if (named && waiting.length > 0) {
        const still = [];
        for (const u of waiting)
          if (blocked(u))
            still.push(u);
          else
            run(u);
        waiting = still;
      }
      for (const u of list)
        if (blocked(u))
          waiting.push(u);
        else
          run(u);
    },
    finish() {
      if (finished)
        throw new Error("finish 只能调用一次");
      if (!started) {
        crossEnd(X);
        started = true;
      }
      if (waiting.length > 0) {
        const errors = [];
        for (const r of REFERS)
          if (r.unit !== undefined && R[r.unit] === undefined && waiting.some((u) => takes(u, r)))
            errors.push({ code: "KP4011", message: "指标「" + r.name + "」（" + r.indicator + "）规定" + (r.flag !== undefined ? "未涉及本项的单位" : "「" + r.unitClass + "」") + "以单位「" + r.unit + "」的得分为准，但事实文件中没有这个单位" });
        throw new KpFactsError(errors);
      }
      const n = names.size;
      if (n === 0)
        throw new KpFactsError([{ code: "KP4012", message: "事实文件中没有任何单位" }]);
      // order: in the name table's lookup table, no longer needed (at least n numbers), sorted in place
      const table = names.release();
      const order = table.length === n ? table : table.length > n ? table.subarray(0, n) : new Uint32Array(n);
      for (let i = 0; i < n; i++)
        order[i] = i;
      // by total, then (within each run of equal totals) by name
      kpHeapSort(order, (a, b) => rounded.get(b) - rounded.get(a) || a - b);
      kpSortTies(order, (a, b) => rounded.get(a) === rounded.get(b), names);
      // a rank is kept as one bit (tied with the place before), a grade as its index in grades (0: none)
      const tied = new Uint8Array((n + 7) >> 3);
      const grades = [null, ...GRADES.map((g) => g.name)];
      const gradeIndex = grades.length <= 256 ? new Uint8Array(n) : new Uint16Array(n);
      const indexOf = new Map(grades.map((g, i) => [g, i]));
      const fail = [{ level: "fail" }];
      const noExcellent = [{ level: "noExcellent" }];
      const both = [...fail, ...noExcellent];
      const none = [];
      let at = 0;
      for (let i = 0; i < n; i++) {
        const k = order[i];
        if (i === 0 || rounded.get(k) !== rounded.get(order[i - 1]))
          at = i + 1;
        else
          tied[i >> 3] |= 1 << (i & 7);
        const v = (vetoed.get(k >>> 2) >>> ((k & 3) << 1)) & 3;
        const V = v === 3 ? both : v === 1 ? fail : v === 2 ? noExcellent : none;
        gradeIndex[i] = indexOf.get(kpGradeOf({ V, rounded: rounded.get(k) }, at, n)) ?? 0;
      }
      // the per-unit tables are freed now, not when the scorer is (V8's optimized code may keep its closures long after)
      finished = true;
      names.clear();
      rounded.clear();
      vetoed.clear();
      return { order, tied, gradeIndex, grades };
    },
  };
}
