import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeFileSystem } from "../src/service/files.js";
import { Project } from "../src/service/project.js";
import { rulesWorkspace, workspace } from "./helpers.js";

const root = `细则 「测试细则」
类别 「县区」、「园区」
引入 「a.kp」
`;
const a = `指标 「甲」 4分 {
  规则 「参会」 「未按要求参加会议的，每次扣0.5分」
    每次 扣 0.5 上限 4 适用 「县区」
}
`;

describe("catalogue membership", () => {
  it("an included file is analysed with its root", () => {
    const w = workspace({ "细则.kp": root, "a.kp": a });
    const s = w.project.catalogueOf(w.path("a.kp"));
    expect(s.root).toBe(w.path("细则.kp"));
    expect(s.files).toEqual([w.path("细则.kp"), w.path("a.kp")]);
    expect(s.analysis.fragment).toBe(false);
    // 适用 「县区」 resolves against the root's 类别: no KP2001.
    expect(s.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a root is its own catalogue; the same analysis is returned while nothing changes", () => {
    const w = workspace({ "细则.kp": root, "a.kp": a });
    const s1 = w.project.catalogueOf(w.path("细则.kp"));
    const s2 = w.project.catalogueOf(w.path("a.kp"));
    expect(s2).toBe(s1);
  });

  it("re-analyses when an open document changes, and the open text wins over the disk", () => {
    const w = workspace({ "细则.kp": root, "a.kp": a });
    const s1 = w.project.catalogueOf(w.path("a.kp"));
    w.open("a.kp", a.replace("适用 「县区」", "适用 「乡镇」"));
    const s2 = w.project.catalogueOf(w.path("a.kp"));
    expect(s2).not.toBe(s1);
    const e = s2.diagnostics.find((d) => d.code === "KP2001");
    expect(e?.file).toBe(w.path("a.kp"));
    expect(e?.message).toBe("未声明的类别「乡镇」：请先在根文件中用「类别」声明");
    // The root's parse is reused: only a.kp was parsed again.
    expect(s2.analysis.files[0]).toBe(s1.analysis.files[0]);
    w.project.closeDocument(w.path("a.kp"));
    expect(w.project.catalogueOf(w.path("a.kp")).diagnostics.some((d) => d.code === "KP2001")).toBe(false);
  });

  it("a file no root includes is a fragment; next to a root it is reported as not included", () => {
    const w = workspace({ "细则.kp": root, "a.kp": a, "b.kp": a.replace("参会", "参会二"), "sub/c.kp": a.replace("参会", "参会三") });
    const b = w.project.catalogueOf(w.path("b.kp"));
    expect(b.root).toBe(w.path("b.kp"));
    expect(b.analysis.fragment).toBe(true);
    expect(b.diagnostics.map((d) => [d.code, d.message])).toContainEqual([
      "KP2037",
      "文件「b.kp」没有被细则「细则.kp」引入，它的内容不会参与计分",
    ]);
    const c = w.project.catalogueOf(w.path("sub/c.kp"));
    expect(c.diagnostics.some((d) => d.code === "KP2037")).toBe(false);
  });

  it("a missing include is reported on the 引入 line of the root", () => {
    const w = workspace({ "细则.kp": root + "引入 「缺失.kp」\n", "a.kp": a });
    const s = w.project.catalogueOf(w.path("a.kp"));
    const d = s.diagnostics.find((x) => x.code === "KP2014");
    expect(d).toMatchObject({ file: w.path("细则.kp"), message: "引入的文件「缺失.kp」不存在", span: { start: { line: 4, column: 4 } } });
  });

  it("a new root that includes an open fragment takes it over", () => {
    const w = workspace({ "a.kp": a });
    expect(w.project.catalogueOf(w.path("a.kp")).analysis.fragment).toBe(true);
    w.open("细则.kp", root);
    expect(w.project.catalogueOf(w.path("a.kp")).root).toBe(w.path("细则.kp"));
  });
});

describe("引入 is judged as by the CLI", () => {
  it("a link in the folder to a .kp file outside it is refused (KP0014) and never read into the catalogue", () => {
    const t = mkdtempSync(path.join(os.tmpdir(), "kp-lsp-include-"));
    try {
      const ws = path.join(t, "ws");
      mkdirSync(ws);
      mkdirSync(path.join(t, "outside"));
      writeFileSync(path.join(t, "outside", "机密.kp"), "指标 「外部机密」 4分 {\n}\n");
      symlinkSync(path.join(t, "outside", "机密.kp"), path.join(ws, "x.kp"));
      writeFileSync(path.join(ws, "细则.kp"), "细则 「链接」\n引入 「x.kp」\n");
      const project = new Project(nodeFileSystem, { folders: [ws] });
      const s = project.catalogueOf(path.join(ws, "细则.kp"));
      const d = s.diagnostics.find((x) => x.code === "KP0014");
      expect(d).toMatchObject({ file: path.join(ws, "细则.kp"), span: { start: { line: 2, column: 4 } } });
      expect(s.files).toEqual([path.join(ws, "细则.kp")]);
      expect(s.analysis.catalogue.indicators.map((i) => i.name)).toEqual([]);
      // The link itself, opened in the editor, has no root that may include it: checked on its own.
      expect(project.catalogueOf(path.join(ws, "x.kp")).root).toBe(path.join(ws, "x.kp"));
    } finally {
      rmSync(t, { recursive: true, force: true });
    }
  });

  it("a file whose only includer may not include it (outside that root's folder) is checked on its own", () => {
    const part = "指标 「零件」 2分 {\n  规则 「r」 「c」 每次 扣\n}\n";
    const w = workspace({ "up/part.kp": part, "up/deeper/root.kp": "细则 「深处」\n引入 「../part.kp」\n" });
    const rootState = w.project.catalogueOf(w.path("up/deeper/root.kp"));
    expect(rootState.diagnostics.map((d) => d.code)).toContain("KP0014");
    const s = w.project.catalogueOf(w.path("up/part.kp"));
    expect(s.root).toBe(w.path("up/part.kp"));
    expect(s.files).toEqual([w.path("up/part.kp")]);
    // Its own syntax error is reported (before: the refusing root owned it, and it got no diagnostics).
    expect(s.diagnostics.filter((d) => d.file === w.path("up/part.kp")).map((d) => d.code)).toContain("KP1102");
    expect(w.project.openCatalogueRoots()).toEqual([]);
    w.open("up/part.kp");
    expect(w.project.openCatalogueRoots()).toEqual([w.path("up/part.kp")]);
  });
});

describe("diagnostics of a catalogue", () => {
  it("rules/ has no errors; lint findings carry their file", () => {
    const w = rulesWorkspace();
    const s = w.project.catalogueOf(w.path("01-×令畅通.kp"));
    expect(s.files.map((f) => f.slice(4))).toEqual(["细则.kp", "01-×令畅通.kp", "02-×风连×建设和反腐败工作.kp", "03-组织建设.kp"]);
    expect(s.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const d of s.lint ?? []) expect(d.code).toMatch(/^KP3/);
    for (const d of s.diagnostics) expect(s.files).toContain(d.file);
  });

  it("a syntax error in one file is reported in that file, and stops linting", () => {
    const w = rulesWorkspace({ "03-组织建设.kp": (t) => t.replace("得 0.1", "得 得") });
    const s = w.project.catalogueOf(w.path("细则.kp"));
    const errs = s.diagnostics.filter((d) => d.severity === "error");
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0]!.file).toBe(w.path("03-组织建设.kp"));
    expect(errs[0]!.code).toMatch(/^KP1/);
    expect(s.lint).toEqual([]);
  });

  it("a linter that throws does not stop the service", () => {
    const logs: string[] = [];
    const w = workspace({ "细则.kp": root, "a.kp": a });
    const p = new Project(w.fs, {
      folders: ["/ws"],
      lint: () => {
        throw new Error("boom");
      },
      log: (m: string) => logs.push(m),
    });
    const s = p.catalogueOf(w.path("a.kp"));
    expect(s.lint).toEqual([]);
    expect(logs[0]).toContain("linter failed: Error: boom");
  });
});

describe("two-phase diagnostics (check first, lint after)", () => {
  const text =
    "指标 「乙」 4分 {\n  规则 「丙」 「未按要求的，每次扣0.5分」\n    每次 扣 0.5\n  规则 「丁」 「未按要求的，每次扣0.2分」\n    每次 扣 0.2\n}\n";

  it("before linting again, the previous lint findings are shown moved onto the new text", () => {
    const w = workspace({ "a.kp": text });
    const linted = w.project.catalogueOf(w.path("a.kp"));
    const caps = linted.lint!.filter((d) => d.code === "KP3001");
    expect(caps.map((d) => d.span.start.line)).toEqual([3, 5]);
    // Insert a line at the top: both findings move one line down, no lint run yet.
    w.open("a.kp", "// 新注释\n" + text);
    const checked = w.project.catalogueOf(w.path("a.kp"), { lint: false });
    expect(checked.lint).toBeUndefined();
    const moved = w.project.provisionalDiagnostics(checked).filter((d) => d.code === "KP3001");
    expect(moved.map((d) => [d.span.start.line, d.span.start.column, d.fixes])).toEqual([
      [4, caps[0]!.span.start.column, undefined],
      [6, caps[1]!.span.start.column, undefined],
    ]);
    // After linting, the real findings replace them (same places).
    const relinted = w.project.catalogueOf(w.path("a.kp"));
    expect(relinted).toBe(checked);
    expect(relinted.diagnostics.filter((d) => d.code === "KP3001").map((d) => d.span.start.line)).toEqual([4, 6]);
    expect(relinted.staleLint).toEqual([]);
  });

  it("a finding inside the edited region is dropped until the linter runs", () => {
    const w = workspace({ "a.kp": text });
    w.project.catalogueOf(w.path("a.kp"));
    w.open("a.kp", text.replace("每次 扣 0.5", "每次 扣 0.6"));
    const checked = w.project.catalogueOf(w.path("a.kp"), { lint: false });
    expect(
      w.project
        .provisionalDiagnostics(checked)
        .filter((d) => d.code === "KP3001")
        .map((d) => d.span.start.line),
    ).toEqual([5]);
  });
});

describe("documents without a file", () => {
  it("an untitled document is checked on its own, without looking at any directory", () => {
    const w = workspace({ "细则.kp": root, "a.kp": a });
    const listed: string[] = [];
    const list = w.fs.listKpFiles.bind(w.fs);
    w.fs.listKpFiles = (dir: string) => (listed.push(dir), list(dir));
    w.project.setDocument("untitled:Untitled-1", "指标 「甲」 4分 {\n  适用 「乡镇」\n}\n");
    const s = w.project.catalogueOf("untitled:Untitled-1");
    expect(s.root).toBe("untitled:Untitled-1");
    expect(s.analysis.fragment).toBe(true);
    expect(s.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(listed).toEqual([]);
  });
});

describe("closing documents", () => {
  it("closing a document releases its parse and catalogue, and keeps those of the documents still open", () => {
    const w = workspace({ "细则.kp": root, "a.kp": a });
    w.open("a.kp", a.replace("适用 「县区」", "适用 「乡镇」"));
    const text = "指标 「乙」 4分 {\n  适用 「乡镇」\n}\n";
    w.project.setDocument("untitled:Untitled-1", text);
    const kept = w.project.catalogueOf(w.path("a.kp"));
    const closed = w.project.catalogueOf("untitled:Untitled-1");
    w.project.closeDocument("untitled:Untitled-1");
    // The open document's catalogue is still cached: the very same analysis.
    expect(w.project.catalogueOf(w.path("a.kp"))).toBe(kept);
    // The closed one was forgotten: the same text opened again is parsed and checked anew.
    w.project.setDocument("untitled:Untitled-1", text);
    const again = w.project.catalogueOf("untitled:Untitled-1");
    expect(again).not.toBe(closed);
    expect(again.analysis.files[0]).not.toBe(closed.analysis.files[0]);
    // Closing the edited file: its catalogue is read from the disk again (no KP2001 from the edit).
    w.project.closeDocument(w.path("a.kp"));
    expect(w.project.catalogueOf(w.path("a.kp")).diagnostics.filter((d) => d.code === "KP2001")).toEqual([]);
  });
});
