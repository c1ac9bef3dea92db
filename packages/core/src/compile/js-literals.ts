/**
 * Safe JavaScript text from user strings.  Names and clause texts may contain anything (quotes,
 * backslashes, `${`, `*\/`, `</script>`, U+2028/U+2029, NUL): they only ever reach generated code as
 * string literals made here or as comments cleaned here, never as identifiers or raw text.
 */

/** A double-quoted JS string literal that is also valid JSON and safe inside HTML <script>. */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(/[\u2028\u2029<>\u0000-\u001f\u007f]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** Text safe inside a `//` or `/* *\/` comment: no line terminators, no comment end, no NUL. */
export function commentText(s: string, max = 120): string {
  const clean = s
    .replace(/[\r\n\u2028\u2029\u0085]/g, " ")
    .replace(/\*\//g, "*∕")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "�");
  return [...clean].length > max ? [...clean].slice(0, max - 1).join("") + "…" : clean;
}

/** A JS value literal (objects, arrays, strings, numbers, booleans) with safe strings, stable key order as given. */
export function jsValue(v: unknown, indent = "", step = "  "): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsString(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("internal: non-finite number in generated code");
    return String(v);
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    if (v.every((x) => typeof x !== "object" || x === null)) return "[" + v.map((x) => jsValue(x)).join(", ") + "]";
    const inner = indent + step;
    return "[\n" + v.map((x) => inner + jsValue(x, inner, step)).join(",\n") + "\n" + indent + "]";
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return "{}";
  const inner = indent + step;
  return "{\n" + entries.map(([k, x]) => inner + propertyKey(k) + ": " + jsValue(x, inner, step)).join(",\n") + "\n" + indent + "}";
}

/** An object key: bare when it is a plain ASCII identifier, quoted otherwise. */
export function propertyKey(k: string): string {
  // `"__proto__": v` in a literal would set the prototype; the computed form makes a property
  if (k === "__proto__") return `[${jsString(k)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : jsString(k);
}
