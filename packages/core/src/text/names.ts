/**
 * Names people type — rule, indicator and class names in a catalogue, fact keys and unit names in a
 * facts file — and when two of them are the same name.
 *
 * Two names that look identical must be one name, and a name must not hide characters nobody can
 * see.  So identity goes through {@link nameKey} (Unicode NFC, so é typed as e + combining accent
 * equals é; full-width ASCII as half-width, so 「Ａ类」 equals 「A类」, as an IME types either), and
 * {@link invisibleChars} finds what a name may not contain at all: zero-width and other format
 * characters, bidirectional controls (which can make a name display as another), control characters
 * and the blank "filler" letters that render as nothing.  The catalogue's checker and the facts
 * readers use these same two functions, so a fact key is found exactly when its rule would be.
 */

/**
 * Characters that NFC leaves alone and {@link nameKey} does not map: ASCII, Latin-1 and the Latin
 * extensions below the combining marks (U+0300), and CJK punctuation, kana and unified ideographs
 * (U+3001–U+9FFF) except the two combining kana voicing marks (U+3099, U+309A).  Almost every name in
 * a Chinese rulebook is made of these only, so it is its own key without normalising.
 */
const STABLE = /^[\u0000-\u02FF\u3001-\u3098\u309B-\u9FFF]*$/;

/** Keys already computed: the checker and the editor ask for the same names on every keystroke. */
const keys = new Map<string, string>();
/** Bounds {@link keys} (it is emptied when full: a long editing session types many names). */
const MAX_KEYS = 50_000;

/** The identity of a name: NFC, full-width ASCII forms and the ideographic space as half-width. */
export function nameKey(name: string): string {
  const known = keys.get(name);
  if (known !== undefined) return known;
  const key = computeKey(name);
  if (keys.size >= MAX_KEYS) keys.clear();
  // Kept as copies: a name is often a slice of its file's whole text, which it would keep alive.
  const own = copied(name);
  keys.set(own, key === name ? own : copied(key));
  return key;
}

/**
 * Whether a name is its own {@link nameKey} (the common case), found without the cache: a facts file's
 * hundreds of thousands of unit names, each asked once, would only churn it.
 */
export function isOwnNameKey(name: string): boolean {
  return STABLE.test(name) || computeKey(name) === name;
}

/** A string with its own characters (not a slice of a longer one). */
function copied(s: string): string {
  return (" " + s).slice(1);
}

function computeKey(name: string): string {
  if (STABLE.test(name)) return name;
  let out = "";
  const nfc = name.normalize("NFC");
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += nfc[i];
  }
  return out;
}

/** One character a name may not contain. */
export interface InvisibleChar {
  /** UTF-16 offset in the name. */
  offset: number;
  /** The character itself. */
  char: string;
  /** How to show it: `U+200B`. */
  codePoint: string;
  /** What it is, in Chinese: 零宽字符, 双向文本控制符 … */
  what: string;
}

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u00AD\u034F]/u;
const FILLERS = /[\u115F\u1160\u3164\uFFA0\u2800]/u;
const FORMAT = /\p{Cf}/u;
const CONTROL = /\p{Cc}/u;

/** What kind of invisible character `ch` is, or undefined when it is an ordinary visible one. */
export function invisibleKind(ch: string): string | undefined {
  if (BIDI.test(ch)) return "双向文本控制符";
  if (ZERO_WIDTH.test(ch)) return "零宽字符";
  if (FILLERS.test(ch)) return "显示为空白的填充字符";
  if (CONTROL.test(ch)) return "控制字符";
  if (FORMAT.test(ch)) return "不可见的格式字符";
  return undefined;
}

/** Any character {@link invisibleKind} may name (one test for the common case: none). */
const ANY_INVISIBLE = /[\p{Cf}\p{Cc}\u034F\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Every invisible, bidirectional-control or control character in a name, in order. */
export function invisibleChars(name: string): InvisibleChar[] {
  if (!ANY_INVISIBLE.test(name)) return [];
  const out: InvisibleChar[] = [];
  let offset = 0;
  for (const ch of name) {
    const what = invisibleKind(ch);
    if (what !== undefined) {
      out.push({ offset, char: ch, codePoint: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, what });
    }
    offset += ch.length;
  }
  return out;
}
