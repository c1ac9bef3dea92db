/**
 * Display width of text in a terminal: CJK characters take two columns.  string-width is exact
 * (graphemes, emoji, combining marks) but slow on a hundred thousand cells, so text made only of
 * ASCII and the common wide blocks is measured directly, and everything else by string-width.
 */
import stringWidth from "string-width";

/** Plain ASCII, or the CJK ideographs, CJK punctuation and full-width forms (all two columns). */
const SIMPLE = /^[\x20-\x7e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]*$/;

/** Columns a text takes in a terminal. */
export function displayWidth(text: string): number {
  if (!SIMPLE.test(text)) return stringWidth(text);
  let w = 0;
  for (let i = 0; i < text.length; i++) w += text.charCodeAt(i) < 0x7f ? 1 : 2;
  return w;
}
