/**
 * The runtime of compiled modules, as JavaScript source: exact decimal arithmetic and facts reading.
 *
 * This text is the single source of these functions.  The compiler embeds it verbatim into every
 * module it writes (so a module needs nothing at run time), and decimal.ts / facts.ts evaluate it once
 * to give the rest of kaoping the very same functions, typed.  Keep it plain ES2022: no imports, no
 * template literals, no module state.
 *
 * Values are "raw" decimals: integers counting millionths of a point (0.05 → 50000).  Integers below
 * 2^53 are exact in a JavaScript number, so sums, comparisons and count × amount are exact and as fast
 * as floating point; a product of two decimals or a quotient goes through kpDivRound, with a BigInt
 * fallback when an intermediate product leaves the safe range.  A result that does not fit throws
 * RangeError("KP4018"), never a wrong number.
 *
 * THE rounding function is kpDivRound: integer division rounding half away from zero (四舍五入:
 * 2.345 → 2.35, −2.345 → −2.35).  It is used (a) where a catalogue says 舍入 保留 n 位, for totals,
 * and (b) where a division cannot be exact (proportional and rate scores, 按比例 steps), at the sixth
 * decimal.  Nothing else ever rounds.
 */
export const RUNTIME_JS = String.raw`/**
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
/** Parses a decimal text (see {@link kpDecimalProblem}) into a raw value. */
function kpParse(text) {
    const s = kpHalfWidth(text).trim().replace(/%$/, "");
    const dot = s.indexOf(".");
    const int = dot < 0 ? s : s.slice(0, dot);
    const frac = dot < 0 ? "" : s.slice(dot + 1);
    return Number(int) * 1000000 + Number((frac + "000000").slice(0, 6));
}
/** Full-width digits, point and percent sign → half-width. */
function kpHalfWidth(text) {
    return text.replace(/[\uFF10-\uFF19\uFF0E\uFF05\u3002]/g, (c) => c === "\u3002" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
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
/** The runtime functions a compiled module embeds, in dependency-free order. */
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
            return "事件编号列表的第 " + (j + 1) + " 项" + (Array.isArray(x) ? "是一个列表" : x !== null && typeof x === "object" ? "是一个对象" : "「" + String(x) + "」不是事件编号") + "：事件编号列表只能由文字或非负整数组成，不能嵌套";
        if (id === "")
            continue;
        if (kpNotCount(id))
            return "「" + id + "」像是写错的次数（次数应为非负整数），不是事件编号";
        ids.push(id);
    }
    return ids;
}
/** Yes/no words people type in cells. */
function kpFlag(v) {
    if (v === true || v === 1)
        return true;
    if (v === false || v === 0)
        return false;
    if (typeof v !== "string")
        return undefined;
    const s = v.trim().toLowerCase();
    if (["是", "有", "true", "yes", "y", "1", "√", "✓", "完成", "已完成"].includes(s))
        return true;
    if (["否", "无", "没有", "false", "no", "n", "0", "×", "✗", "未完成", ""].includes(s))
        return false;
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
    while (i < n && v.charCodeAt(i) === 32) i++;
    for (; i < n; i++) {
        const c = v.charCodeAt(i);
        if (c >= 48 && c <= 57) {
            digits++;
            if (places < 0) int = int * 10 + (c - 48);
            else if (++places <= 6) frac = frac * 10 + (c - 48);
        } else if (c === 46 && places < 0 && digits > 0) places = 0;
        else break;
    }
    if (i < n && v.charCodeAt(i) === 37) i++;
    while (i < n && v.charCodeAt(i) === 32) i++;
    if (i === n && digits > 0 && places !== 0 && places <= 6 && int < 9000000000) {
        for (let k = Math.max(places, 0); k < 6; k++) frac *= 10;
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
 */
function kpReadUnits(specs, declaredClasses, ruleNames, units) {
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
    const notApplicable = (spec, c) => (spec.cls && !spec.cls.every((list) => list.some((k) => c[k] === true))) || (spec.xcls && spec.xcls.some((k) => c[k] === true)) || (spec.xf && spec.xf.some((k) => F[2 * index.get(k)] === true));
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
        if (v !== null && typeof v === "object" && !Array.isArray(v) && !(index.has(key) && specs[index.get(key)].t === "items" && !Object.keys(v).every((k) => index.has(key + "." + k)))) {
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
        given[i] = 1;
        const spec = specs[i];
        const t = spec.t;
        const isEmpty = v === null || (typeof v === "string" && v.trim() === "");
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
            const s = (typeof v === "string" || typeof v === "number") ? String(v).normalize("NFC").trim() : undefined;
            const at = s === undefined ? -1 : names.indexOf(s);
            if (at < 0) {
                err("KP4055", "「" + key + "」的值「" + shownOf(v) + "」不是规定的评定结果：只能是 " + names.join("、"), name, key);
                return;
            }
            F[2 * i] = at;
        }
        else if (t === "award") {
            // A number (in JSON or a cell) is the points given; anything else is yes/no.
            const numeric = typeof v === "number" || (typeof v === "string" && /^\s*[0-9０-９]+([.．][0-9０-９]+)?\s*$/.test(v));
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
                    err(r === "tooManyPlaces" ? "KP4010" : "KP4068", r === "tooManyPlaces" ? "「" + key + "」的值「" + shownOf(x) + "」小数位数超过 6 位" : "「" + key + "」的值「" + shownOf(v) + "」格式不对：应为每" + spec.n + "酌情给的分数，多" + spec.n + "时用「、」隔开（如「1、1.5」）", name, key);
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
            if (spec.neg && r === "negative" || spec.neg && typeof v === "string" && typeof r === "string" && /^\s*[+\-\u2212\uFF0B\uFF0D]/.test(v)) {
                // 分段 可为负: one sign before the number (-, − U+2212, －, +, ＋), then a number as usual
                const m = typeof v === "number" ? null : /^\s*([+\-\u2212\uFF0B\uFF0D])\s*(.*)$/s.exec(v);
                const a = typeof v === "number" ? kpRawOf(-v) : m && !/^[+\-\u2212\uFF0B\uFF0D]/.test(m[2]) && m[2] !== "" ? kpRawOf(m[2]) : "sign";
                if (a === "sign" || a === "notNumber" || a === "negative") {
                    err("KP4070", "「" + key + "」的值「" + shownOf(v) + "」不是数字：可为负的数值应写成「-0.3」「-0.3%」或「+0.5」（正负号只写一个，在数字前）", name, key);
                    return;
                }
                r = typeof a === "number" && (typeof v === "number" || m[1] !== "+" && m[1] !== "\uFF0B") ? (a === 0 ? 0 : -a) : a;
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
        if (facts !== undefined && (facts === null || typeof facts !== "object" || Array.isArray(facts))) {
            err("KP4020", "事实文件的结构不对：单位「" + name + "」的 facts 应为对象", name);
            out.push({ name, classes, c, F });
            continue;
        }
        if (facts)
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
`;

/** Names of the functions RUNTIME_JS defines. */
export const RUNTIME_NAMES = [
  "kpDivRound",
  "kpMulDiv",
  "kpMul",
  "kpTimes",
  "kpAdd",
  "kpDiv",
  "kpRound",
  "kpSteps",
  "kpDecimalProblem",
  "kpParse",
  "kpHalfWidth",
  "kpFormat",
  "kpFixed",
  "kpIds",
  "kpNotCount",
  "kpIdList",
  "kpFlag",
  "kpRawOf",
  "kpReadUnits",
] as const;
