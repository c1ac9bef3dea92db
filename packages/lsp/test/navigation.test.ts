import { describe, expect, it } from "vitest";
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
