import { describe, expect, it } from "vitest";
import { hover } from "../src/service/hover.js";
import { definition, highlights, prepareRename, references, rename } from "../src/service/navigation.js";
import { applyEdits, workspace, type TestWorkspace } from "./helpers.js";

const files = {
  "细则.kp": "细则 「甲」\n类别 「县区」、「园<|>区」\n引入 「a.kp」\n引入 「b.kp」\n",
  "a.kp": "指标 「乙」 4分 {\n  适用 「园<|>区」\n  规则 「参<|>会」 「每次扣0.5」 每次 扣 0.5 其中 「园区」 0.3\n}\n",
  "b.kp":
    "指标 「丙」 2分 {\n  参照 「园区」 以 「××区」 为准\n  规则 「处分」 「…」 每人次 扣 「轻<|>处分」 0.1、「重处分」 0.2 加倍 当 「重犯」\n}\n",
};

const text = (w: TestWorkspace, loc: { file: string; span: { start: { offset: number }; end: { offset: number } } }) =>
  w.text(loc.file.slice(4)).slice(loc.span.start.offset, loc.span.end.offset);

describe("definition and references", () => {
  it("a class reference goes to its declaration in 类别 (another file)", () => {
    const w = workspace(files);
    const defs = definition(w.ctx("a.kp"), w.at("a.kp", 0));
    expect(defs).toHaveLength(1);
    expect(defs[0]!.file).toBe(w.path("细则.kp"));
    expect(defs[0]!.span.start).toMatchObject({ line: 2, column: 9 });
    expect(text(w, defs[0]!)).toBe("「园区」");
  });

  it("references of a class: the declaration and every 适用 / 其中 / 参照 in every file", () => {
    const w = workspace(files);
    const refs = references(w.ctx("细则.kp"), w.at("细则.kp"));
    expect(refs.map((r) => [r.file.slice(4), r.span.start.line, text(w, r)])).toEqual([
      ["细则.kp", 2, "「园区」"],
      ["a.kp", 2, "「园区」"],
      ["a.kp", 3, "「园区」"],
      ["b.kp", 2, "「园区」"],
    ]);
    expect(references(w.ctx("细则.kp"), w.at("细则.kp"), false)).toHaveLength(3);
  });

  it("a rule's definition is itself; highlights in the document", () => {
    const w = workspace(files);
    const defs = definition(w.ctx("a.kp"), w.at("a.kp", 1));
    expect(defs.map((d) => [d.file.slice(4), text(w, d)])).toEqual([["a.kp", "「参会」"]]);
    expect(highlights(w.ctx("a.kp"), w.at("a.kp", 0)).map((h) => h.write)).toEqual([false, false]);
  });

  it("引入 goes to the included file", () => {
    const w = workspace({ ...files, "细则.kp": "细则 「甲」\n类别 「县区」、「园区」\n引入 「<|>a.kp」\n引入 「b.kp」\n" });
    expect(definition(w.ctx("细则.kp"), w.at("细则.kp"))).toEqual([
      { file: w.path("a.kp"), span: expect.objectContaining({ start: expect.objectContaining({ offset: 0 }) }) },
    ]);
  });

  it("nothing on a clause text, a keyword or whitespace", () => {
    const w = workspace({ "a.kp": "指标 「乙」 4分 {\n  规<|>则 「丙」 「每<|>次」 扣 1 <|>\n}\n" });
    for (let i = 0; i < 3; i++) {
      expect(definition(w.ctx("a.kp"), w.at("a.kp", i))).toEqual([]);
      expect(references(w.ctx("a.kp"), w.at("a.kp", i))).toEqual([]);
    }
  });
});

describe("rename", () => {
  it("renames a class everywhere in the catalogue, keeping the quotes", () => {
    const w = workspace(files);
    const p = prepareRename(w.ctx("a.kp"), w.at("a.kp", 0));
    expect(p).toMatchObject({ placeholder: "园区" });
    const edits = rename(w.ctx("a.kp"), w.at("a.kp", 0), "开发区");
    if (!edits || "error" in edits) throw new Error("no edits");
    expect([...edits.keys()].map((f) => f.slice(4)).sort()).toEqual(["a.kp", "b.kp", "细则.kp"]);
    expect(applyEdits(w.text("细则.kp"), edits.get(w.path("细则.kp"))!)).toContain("类别 「县区」、「开发区」");
    const a = applyEdits(w.text("a.kp"), edits.get(w.path("a.kp"))!);
    expect(a).toContain("适用 「开发区」");
    expect(a).toContain("其中 「开发区」 0.3");
    expect(applyEdits(w.text("b.kp"), edits.get(w.path("b.kp"))!)).toContain("参照 「开发区」 以 「××区」 为准");
    // The result checks without errors.
    for (const f of ["细则.kp", "a.kp", "b.kp"]) w.open(f, applyEdits(w.text(f), edits.get(w.path(f)) ?? []));
    expect(w.project.catalogueOf(w.path("a.kp")).analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("renames a rule that nothing references", () => {
    const w = workspace(files);
    const edits = rename(w.ctx("a.kp"), w.at("a.kp", 1), "参加会议");
    if (!edits || "error" in edits) throw new Error("no edits");
    expect(applyEdits(w.text("a.kp"), edits.get(w.path("a.kp"))!)).toContain("规则 「参加会议」 「每次扣0.5」");
  });

  it("a category is local to its rule", () => {
    const w = workspace(files);
    const edits = rename(w.ctx("b.kp"), w.at("b.kp"), "警告");
    if (!edits || "error" in edits) throw new Error("no edits");
    expect(edits.get(w.path("b.kp"))).toHaveLength(1);
    expect(applyEdits(w.text("b.kp"), edits.get(w.path("b.kp"))!)).toContain("扣 「警告」 0.1、「重处分」 0.2");
  });

  it("refuses names that clash or cannot be names, in Chinese", () => {
    const w = workspace(files);
    expect(rename(w.ctx("a.kp"), w.at("a.kp", 0), "县区")).toEqual({ error: "单位类别「县区」已经存在" });
    expect(rename(w.ctx("a.kp"), w.at("a.kp", 1), "处分")).toEqual({ error: "规则「处分」已经存在" });
    expect(rename(w.ctx("b.kp"), w.at("b.kp"), "重犯")).toEqual({ error: "规则中已有分项「重犯」" });
    expect(rename(w.ctx("a.kp"), w.at("a.kp", 1), " ")).toEqual({ error: "名称不能为空" });
    expect(rename(w.ctx("a.kp"), w.at("a.kp", 1), "a\nb")).toEqual({ error: "名称不能换行" });
    expect(rename(w.ctx("a.kp"), w.at("a.kp", 1), "「a")).toEqual({ error: "名称中的「」必须成对" });
  });

  it("an 引入 target cannot be renamed here", () => {
    const w = workspace({ ...files, "细则.kp": "细则 「甲」\n引入 「a<|>.kp」\n" });
    expect(prepareRename(w.ctx("细则.kp"), w.at("细则.kp"))).toEqual({ error: "「引入」写的是文件名：请重命名文件本身，再修改这里" });
  });

  it("a recovered bare word gets its quotes on rename", () => {
    const w = workspace({ "a.kp": "指标 <|>乙 4分 {\n}\n" });
    const edits = rename(w.ctx("a.kp"), w.at("a.kp"), "丁");
    if (!edits || "error" in edits) throw new Error("no edits");
    expect(applyEdits(w.text("a.kp"), edits.get(w.path("a.kp"))!)).toBe("指标 「丁」 4分 {\n}\n");
  });
});

describe("names are one name by nameKey (NFC, half-width), as the checker judges", () => {
  // 「Ａ类」 is written in full-width letters; "Cafe\u0301" is e + combining acute (the declaration is NFC é).
  const wide = {
    "细则.kp": "细则 「甲」\n类别 「A<|>类」、「B类」、「Café」\n引入 「a.kp」\n",
    "a.kp": "指标 「乙」 4分 {\n  适用 「Ａ<|>类」、「Cafe\u0301<|>」\n  规则 「参会」 「…」 每次 扣 0.5 其中 「A类」 0.3\n}\n",
  };

  it("the checker accepts the other spellings (the premise of these cases)", () => {
    const w = workspace(wide);
    expect(w.project.catalogueOf(w.path("a.kp")).analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("hover on 「Ａ类」 names the class as declared, and declared", () => {
    const w = workspace(wide);
    expect(hover(w.ctx("a.kp"), w.at("a.kp", 0))?.markdown).toBe("**单位类别「A类」**　已在「类别」中声明\n\n用于：指标「乙」、规则「参会」");
  });

  it("go to definition from 「Ａ类」 reaches 「A类」 in 类别; from e + ◌́ reaches é", () => {
    const w = workspace(wide);
    expect(definition(w.ctx("a.kp"), w.at("a.kp", 0)).map((d) => [d.file.slice(4), text(w, d)])).toEqual([["细则.kp", "「A类」"]]);
    expect(definition(w.ctx("a.kp"), w.at("a.kp", 1)).map((d) => [d.file.slice(4), text(w, d)])).toEqual([["细则.kp", "「Café」"]]);
  });

  it("references and highlights include every spelling", () => {
    const w = workspace(wide);
    expect(references(w.ctx("细则.kp"), w.at("细则.kp")).map((r) => [r.file.slice(4), text(w, r)])).toEqual([
      ["细则.kp", "「A类」"],
      ["a.kp", "「Ａ类」"],
      ["a.kp", "「A类」"],
    ]);
    expect(highlights(w.ctx("a.kp"), w.at("a.kp", 0)).map((h) => h.span.start.line)).toEqual([2, 3]);
  });

  it("rename from 「Ａ类」 renames 「A类」 too; renaming to one spelling respells the others only", () => {
    const w = workspace(wide);
    const edits = rename(w.ctx("a.kp"), w.at("a.kp", 0), "C类");
    if (!edits || "error" in edits) throw new Error("no edits");
    expect(applyEdits(w.text("细则.kp"), edits.get(w.path("细则.kp"))!)).toContain("类别 「C类」、「B类」");
    expect(applyEdits(w.text("a.kp"), edits.get(w.path("a.kp"))!)).toContain("适用 「C类」、");
    expect(applyEdits(w.text("a.kp"), edits.get(w.path("a.kp"))!)).toContain("其中 「C类」 0.3");
    const respell = rename(w.ctx("a.kp"), w.at("a.kp", 0), "A类");
    if (!respell || "error" in respell) throw new Error("no edits");
    expect([...respell.keys()]).toEqual([w.path("a.kp")]);
    expect(respell.get(w.path("a.kp"))).toHaveLength(1);
    expect(applyEdits(w.text("a.kp"), respell.get(w.path("a.kp"))!)).toContain("适用 「A类」、");
  });

  it("a new name equal to another by nameKey clashes; a new name with an invisible character is refused", () => {
    const w = workspace(wide);
    expect(rename(w.ctx("细则.kp"), w.at("细则.kp"), "Ｂ类")).toEqual({ error: "单位类别「Ｂ类」已经存在" });
    expect(rename(w.ctx("细则.kp"), w.at("细则.kp"), "Cafe\u0301")).toEqual({ error: "单位类别「Cafe\u0301」已经存在" });
    expect(rename(w.ctx("细则.kp"), w.at("细则.kp"), "A\u200B类")).toEqual({ error: "名称中不能有看不见的字符（U+200B，零宽字符）" });
  });
});
