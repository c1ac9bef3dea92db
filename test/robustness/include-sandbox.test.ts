/**
 * The language server keeps core's default for 引入: .kp files inside the catalogue's folder tree.
 * An open catalogue that includes /etc/passwd, a text file or a .kp file outside its folder gets
 * KP0013/KP0014 at the 引入 string (a .kp name linking to another kind of file is KP0013 too: links are
 * judged by their target, as in the CLI), and no line of the refused file appears in any diagnostic.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFileSystem, Project } from "@kaoping/lsp";

const SECRET = "这一行绝不能出现在编辑器中";
let t = "";

beforeAll(() => {
  t = mkdtempSync(join(tmpdir(), "kp-lsp-include-"));
  mkdirSync(join(t, "cat"));
  writeFileSync(join(t, "outside.kp"), `${SECRET} 「\n`);
  writeFileSync(join(t, "cat", "notes.txt"), `${SECRET}\n`);
  symlinkSync("/etc/passwd", join(t, "cat", "口令.kp"));
});

afterAll(() => {
  if (t) rmSync(t, { recursive: true, force: true });
});

describe("language server: what 引入 may read", () => {
  it("reports 引入 of a non-.kp file or a file outside the folder tree without showing its content", () => {
    const p = new Project(nodeFileSystem, { folders: [t] });
    const root = join(t, "cat", "细则.kp");
    p.setDocument(
      root,
      "细则 「t」\n引入 「/etc/passwd」\n引入 「notes.txt」\n引入 「../outside.kp」\n引入 「口令.kp」\n指标 「a」 1分 { 规则 「r」 「c」 每次 扣 0.5 上限 1 }\n",
    );
    const s = p.catalogueOf(root, { lint: false });
    expect(s.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([
      ["KP0013", 2, 4],
      ["KP0013", 3, 4],
      ["KP0014", 4, 4],
      // The editor's host judges links as the CLI does (realpath): a .kp name linking to another
      // kind of file is not a .kp file, and is never read.
      ["KP0013", 5, 4],
    ]);
    const all = JSON.stringify(s.diagnostics);
    expect(all).not.toContain(SECRET);
    expect(all).not.toMatch(/root:|nologin/);
    expect(s.files).toEqual([root]);
  });
});
