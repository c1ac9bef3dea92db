// Rule and indicator names: short, derived from the text, unique in the catalogue (facts are keyed by
// rule name), and the same on every run of the same document (no counters shared across runs, no
// randomness: a name depends only on the text and on the names before it in document order).

const FILLER = /^(?:因|对|若|凡|在|如|经|被|由|未按要求|未按规定|未按时|按要求|认真|积极|扎实|持续|全面|进一步|切实)+/;
const NEGATION = /^未(?:及时|按时|完成|能|经)?/;

/** Characters a name keeps: letters, digits, CJK and the masking ×. */
function bare(s: string): string {
  return s.replace(/[^\p{L}\p{N}×、]/gu, "");
}

/**
 * A short name for a clause: its first phrase, without filler words (「未按要求」「认真」…), at most
 * `max` characters, cut where a word ends when it can be (before 、 和 及 或 与 并 不 的), never inside a number.
 */
export function clauseName(text: string, max = 8): string {
  const first = text.split(/[，,；;。：:（(]/).find((p) => bare(p).replace(/、/g, "").length >= 2) ?? text;
  let core = bare(first.replace(/的$/, ""));
  for (const re of [FILLER, NEGATION]) {
    const stripped = core.replace(re, "");
    if (stripped.replace(/、/g, "").length >= 2) core = stripped;
  }
  core = core.replace(/^、+/, "").replace(/的$/, "");
  if (core.replace(/、/g, "").length > max) {
    let cut = -1;
    for (let i = 4; i <= max && i < core.length; i++) if (/[、和及或与并不的]/.test(core[i]!)) cut = i;
    core = cut > 0 ? core.slice(0, cut) : core.replace(/、/g, "").slice(0, max);
    // Never end in the middle of a number.
    if (/\d$/.test(core)) core = core.replace(/[\d.%]+$/, "") || core;
  }
  return core.replace(/、/g, "") || "条文";
}

/** Hands out unique names: the second 「参会」 becomes 「参会2」, and so on. */
export class NameTable {
  private readonly used = new Set<string>();

  unique(base: string): string {
    const name = base || "条文";
    if (!this.used.has(name)) {
      this.used.add(name);
      return name;
    }
    for (let i = 2; ; i++) {
      const n = `${name}${i}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}

/** A file name for a top-level indicator: 「01-×令畅通.kp」. */
export function fileName(index: number, name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\s\u0000-\u001f]/g, "").slice(0, 30) || "指标";
  return `${String(index).padStart(2, "0")}-${safe}.kp`;
}

/** Text inside 「」: one line; unbalanced 「」 become 『』 so the string stays one string. */
export function quoteText(text: string): { text: string; changed: boolean } {
  let t = text.replace(/\s*\n\s*/g, " ");
  let depth = 0;
  let balanced = true;
  for (const ch of t) {
    if (ch === "「") depth++;
    else if (ch === "」" && --depth < 0) balanced = false;
  }
  if (depth !== 0) balanced = false;
  if (balanced) return { text: t, changed: false };
  t = t.replace(/「/g, "『").replace(/」/g, "』");
  return { text: t, changed: true };
}
