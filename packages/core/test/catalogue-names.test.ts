/**
 * The catalogue side of names (issue 10, item 19): names that differ only by Unicode normalisation
 * or full/half width are one name — the existing duplicate errors apply — and class references
 * written in another width stand for the declared class in the model; invisible characters in a
 * name are KP2039 at the character, with a fix; texts (条文, 注, 对象) are left alone.  No two fact
 * keys of a catalogue share a nameKey.
 */
import { describe, expect, it } from "vitest";
import { checkCatalogue, nameKey, parseKp, type Diagnostic } from "@kaoping/core";

function check(text: string): { codes: string[]; diags: Diagnostic[]; cat: ReturnType<typeof checkCatalogue>["catalogue"] } {
  const parsed = parseKp(text, "/x/细则.kp");
  expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const r = checkCatalogue([parsed.ast]);
  return { codes: r.diagnostics.map((d) => d.code), diags: r.diagnostics, cat: r.catalogue };
}

const head = "细则 「名称测试」\n类别 「A类」、「县区」\n";

describe("names that only look different are one name", () => {
  it("rule names: é as one code point and as e + combining accent (KP2002)", () => {
    const { codes, diags } = check(`${head}指标 「甲」 4分 {\n  规则 「café」 「c」 每次 扣 0.5\n  规则 「cafe\u0301」 「c」 每次 扣 0.5\n}\n`);
    expect(codes).toEqual(["KP2002"]);
    expect(diags[0]!.span.start.line).toBe(5);
  });

  it("rule names in full and half width (KP2002), indicator names (KP2003), categories (KP2019), conditions (KP2026)", () => {
    expect(check(`${head}指标 「甲」 4分 {\n  规则 「参会A」 「c」 每次 扣 0.5\n  规则 「参会Ａ」 「c」 每次 扣 0.5\n}\n`).codes).toEqual(["KP2002"]);
    expect(check(`${head}指标 「甲」 4分 {\n  指标 「会议(一)」 2分 { 规则 「r1」 「c」 每次 扣 0.5 }\n  指标 「会议（一）」 2分 { 规则 「r2」 「c」 每次 扣 0.5 }\n}\n`).codes).toEqual(["KP2003"]);
    expect(check(`${head}指标 「甲」 4分 {\n  规则 「违纪」 「c」 每人 扣 「A级」 0.1、「Ａ级」 0.2\n}\n`).codes).toEqual(["KP2019"]);
    expect(check(`${head}指标 「甲」 4分 {\n  规则 「迟报」 「c」 每次 扣 0.5 加倍 当 「重犯1」 减半 当 「重犯１」\n}\n`).codes).toEqual(["KP2026"]);
  });

  it("classes: a duplicate declaration (KP2020); a reference in another width is the declared class, spelled as declared", () => {
    expect(check(`细则 「t」\n类别 「A类」、「Ａ类」\n`).codes).toEqual(["KP2020"]);
    const { codes, cat } = check(`${head}指标 「甲」 4分 {\n  适用 「Ａ类」\n  参照 「Ａ类」 以 「甲县」 为准\n  规则 「参会」 「c」 每次 扣 0.5 其中 「Ａ类」 0.3 适用 「Ａ类」\n}\n`);
    expect(codes).toEqual([]);
    const ind = cat.indicators[0]!;
    expect(ind.appliesTo).toEqual(["A类"]);
    expect(ind.refer).toEqual({ unitClass: "A类", unit: "甲县" });
    const rule = cat.rules[0]!;
    expect(rule.appliesTo).toEqual(["A类"]);
    expect(rule.body.kind === "per" && rule.body.overrides.map((o) => o.unitClass)).toEqual(["A类"]);
  });

  it("fact keys: a sub-key equal to another rule's name in another width (KP2030), equal sub-keys of two rules (KP2040)", () => {
    expect(check(`${head}指标 「甲」 4分 {\n  规则 「违纪」 「c」 每人 扣 「轻」 0.1\n  规则 「违纪.轻」 「c」 每次 扣 0.5\n}\n`).codes).toEqual(["KP2030"]);
    const { codes, cat } = check(`${head}指标 「甲」 4分 {\n  规则 「A」 「c」 每次 扣 「b.c」 0.1\n  规则 「Ａ.b」 「c」 每次 扣 「ｃ」 0.1\n}\n`);
    expect(codes).toEqual(["KP2040"]);
    // The model keeps the names as written.
    expect(cat.rules.flatMap((r) => r.facts.map((f) => f.key))).toEqual(["A.b.c", "Ａ.b.ｃ"]);
  });

  it("a checked catalogue without errors never has two fact keys with one nameKey", () => {
    const { codes, cat } = check(`${head}指标 「甲」 4分 {\n  规则 「A」 「c」 每次 扣 「b」 0.1、「c」 0.2\n  规则 「A.d」 「c」 每次 扣 0.5\n}\n`);
    expect(codes).toEqual([]);
    const keys = cat.rules.flatMap((r) => r.facts.map((f) => nameKey(f.key)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("invisible characters in names (KP2039)", () => {
  it("are errors at the character, naming it, with a fix that deletes it", () => {
    const text = `${head}指标 「甲」 4分 {\n  规则 「参\u200B会」 「c」 每次 扣 0.5\n  规则 「参会」 「c」 每次 扣 0.5\n}\n`;
    const { codes, diags } = check(text);
    expect(codes).toEqual(["KP2039"]);
    const d = diags[0]!;
    expect(d.message).toBe("名称「参[U+200B]会」中有零宽字符 U+200B：名称中不能有看不见的字符，否则看起来相同的名称会被当作不同的名称");
    expect(text.slice(d.span.start.offset, d.span.end.offset)).toBe("\u200B");
    expect([d.span.start.line, d.span.start.column, d.span.end.column]).toEqual([4, 8, 9]);
    const edit = d.fixes![0]!.edits[0]!;
    expect(d.fixes![0]!.title).toBe("删除零宽字符 U+200B");
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    // Once deleted, the two rules are the duplicate they looked like.
    expect(check(fixed).codes).toEqual(["KP2002"]);
  });

  it("covers every kind of name: classes, indicators, units and classes in 参照, sections, grades, 编号, 考评单位, 引入", () => {
    const z = "\u200B";
    const text =
      `细则 「t」\n类别 「A${z}类」\n引入 「a${z}.kp」\n等次 {\n  「优${z}秀」 ≥ 90\n  「其他」 其余\n}\n` +
      `指标 「甲${z}」 4分 {\n  编号 「一${z}」\n  考评单位 「市委${z}办」\n  参照 「A${z}类」 以 「甲${z}县」 为准\n  规则 「r」 「c」 每次 扣 0.5\n}\n` +
      `加分 「创新${z}」 上限 1 {\n  规则 「表彰」 「c」 每次 得 0.5\n}\n`;
    const { diags } = check(text);
    const kp2039 = diags.filter((d) => d.code === "KP2039");
    expect(kp2039.map((d) => d.span.start.line)).toEqual([2, 3, 5, 8, 9, 10, 11, 11, 14]);
    for (const d of kp2039) expect(text.slice(d.span.start.offset, d.span.end.offset)).toBe(z);
  });

  it("leaves texts alone: a clause (条文), a note (注), 对象 and the title may hold them", () => {
    const text = `细则 「标\u200D题」\n对象 「县\u200B区」\n指标 「甲」 4分 {\n  注 「说\u202E明」\n  规则 「r」 「条\u200B文」 每次 扣 0.5\n}\n`;
    expect(check(text).codes).toEqual([]);
  });

  it("finds the character after an astral character (UTF-16 offsets and columns)", () => {
    const text = `${head}指标 「𠀀\u2066甲」 4分 {\n  规则 「r」 「c」 每次 扣 0.5\n}\n`;
    const d = check(text).diags.find((x) => x.code === "KP2039")!;
    expect(text.slice(d.span.start.offset, d.span.end.offset)).toBe("\u2066");
  });
});
