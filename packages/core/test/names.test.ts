import { describe, expect, it } from "vitest";
import { invisibleChars, nameKey } from "@kaoping/core";

describe("nameKey: names that look the same are the same name", () => {
  it("composes accents (NFC) and maps full-width ASCII and the ideographic space", () => {
    expect(nameKey("cafe\u0301")).toBe(nameKey("café"));
    expect(nameKey("Ａ类　单位")).toBe("A类 单位");
    expect(nameKey("参会（次）")).toBe(nameKey("参会(次)"));
  });
  it("keeps different names different", () => {
    expect(nameKey("①参会")).not.toBe(nameKey("1参会"));
    expect(nameKey("参会")).not.toBe(nameKey("参加"));
  });
});

describe("invisibleChars", () => {
  it("finds zero-width, bidi, control and filler characters with their offsets", () => {
    expect(invisibleChars("参\u200B会").map((c) => [c.offset, c.codePoint, c.what])).toEqual([[1, "U+200B", "零宽字符"]]);
    expect(invisibleChars("\u202E会参").map((c) => c.what)).toEqual(["双向文本控制符"]);
    expect(invisibleChars("a\u001bb").map((c) => c.what)).toEqual(["控制字符"]);
    expect(invisibleChars("\u3164").map((c) => c.what)).toEqual(["显示为空白的填充字符"]);
    expect(invisibleChars("𠀀\u2066").map((c) => c.offset)).toEqual([2]);
  });
  it("accepts ordinary Chinese names, full-width punctuation and spaces", () => {
    expect(invisibleChars("落实市×、市××重大决策部署（4分）·第1项 ①")).toEqual([]);
  });
});

describe("the fast paths agree with the full computation", () => {
  it("nameKey of names made of stable characters is the name; kana voicing marks still compose", () => {
    for (const n of ["落实市×、市××重大决策部署", "参会A", "第1项·（二）", "abc"]) expect(nameKey(n)).toBe(n.normalize("NFC").replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    expect(nameKey("か\u3099")).toBe("が");
    expect(nameKey("\uF900")).toBe("\uF900".normalize("NFC"));
  });
  it("invisibleChars finds every kind the slow path names", () => {
    for (const ch of ["\u200B", "\u202E", "\u0001", "\u3164", "\u00AD", "\u034F", "\u2800", "\uFEFF", "\u2066"]) expect(invisibleChars(`甲${ch}乙`)).toHaveLength(1);
  });
});
