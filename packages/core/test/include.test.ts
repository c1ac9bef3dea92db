/**
 * What 引入 may read: .kp files inside the catalogue's folder tree (the root file's directory and
 * below, judged after `..` and symbolic links are resolved), plus the host's include roots.  A
 * refused target is never read, so no line of it can appear in a diagnostic.  And the folder walk
 * (listKpFiles) ends on link cycles and never opens special files.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeCatalogue, analyzeFiles, nodeHost, parseKp, type LoadedFile, type SourceHost } from "@kaoping/core";

const SECRET = "这一行绝不能出现在诊断中";
let t = "";

const root = (includes: string[]) =>
  `细则 「测试」\n${includes.map((i) => `引入 「${i}」\n`).join("")}指标 「甲」 4分 {\n  规则 「参会」 「未参会的，每次扣0.5分」 每次 扣 0.5\n}\n`;
const part = (rule: string) => `指标 「${rule}指标」 2分 {\n  规则 「${rule}」 「条文」 每次 扣 0.5\n}\n`;

beforeAll(() => {
  t = mkdtempSync(join(tmpdir(), "kp-include-"));
  mkdirSync(join(t, "cat", "子目录"), { recursive: true });
  mkdirSync(join(t, "shared"));
  writeFileSync(join(t, "cat", "子目录", "内.kp"), part("内"));
  writeFileSync(join(t, "shared", "共用.kp"), part("共用"));
  // Outside the tree, named .kp, and not valid .kp: were it read, its text would be quoted.
  writeFileSync(join(t, "secret.kp"), `${SECRET} 「\n`);
  writeFileSync(join(t, "cat", "notes.txt"), `${SECRET}\n`);
  symlinkSync(join(t, "secret.kp"), join(t, "cat", "跳出.kp"));
  symlinkSync(join(t, "cat", "notes.txt"), join(t, "cat", "伪装.kp"));
  symlinkSync(join(t, "shared"), join(t, "cat", "链接目录"));
});

afterAll(() => {
  if (t) rmSync(t, { recursive: true, force: true });
});

const codes = (diags: { code: string }[]) => diags.map((d) => d.code);
const texts = (diags: { message: string }[]) => diags.map((d) => d.message).join("\n");

describe("引入 is limited to .kp files in the catalogue's folder tree", () => {
  it("reads .kp files below the root's directory", () => {
    writeFileSync(join(t, "cat", "ok.kp"), root(["子目录/内.kp"]));
    const a = analyzeCatalogue(join(t, "cat", "ok.kp"), nodeHost);
    expect(a.diagnostics).toEqual([]);
    expect(a.files.map((f) => f.path)).toEqual([join(t, "cat", "ok.kp"), join(t, "cat", "子目录", "内.kp")]);
  });

  it("refuses a file that is not .kp (KP0013) and a .kp file outside the tree (KP0014), at the 引入 string, without reading them", () => {
    writeFileSync(join(t, "cat", "bad.kp"), root(["notes.txt", "/etc/passwd", "../secret.kp", "子目录/../../secret.kp", "跳出.kp", "伪装.kp", "链接目录/共用.kp"]));
    const a = analyzeCatalogue(join(t, "cat", "bad.kp"), nodeHost);
    expect(codes(a.diagnostics)).toEqual(["KP0013", "KP0013", "KP0014", "KP0014", "KP0014", "KP0013", "KP0014"]);
    expect(a.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column}`)).toEqual(["2:4", "3:4", "4:4", "5:4", "6:4", "7:4", "8:4"]);
    expect(a.diagnostics.every((d) => d.file === join(t, "cat", "bad.kp"))).toBe(true);
    expect(a.files.map((f) => f.path)).toEqual([join(t, "cat", "bad.kp")]);
    expect(texts(a.diagnostics)).not.toContain(SECRET);
    expect(a.diagnostics[5]!.message).toContain("符号链接");
  });

  it("widens to the host's include roots (the CLI's --include-root)", () => {
    writeFileSync(join(t, "cat", "wide.kp"), root(["../shared/共用.kp", "../secret.kp"]));
    const a = analyzeCatalogue(join(t, "cat", "wide.kp"), { ...nodeHost, includeRoots: [join(t, "shared")] });
    expect(codes(a.diagnostics)).toEqual(["KP0014"]);
    expect(a.files.map((f) => f.path)).toEqual([join(t, "cat", "wide.kp"), join(t, "shared", "共用.kp")]);
  });

  it("judges paths as written when the host cannot resolve links (an editor's host), and never uses a preloaded file outside the tree", () => {
    const outside = join(t, "secret.kp");
    const preloaded = new Map<string, LoadedFile>([[outside, { path: outside, text: `${SECRET} 「\n`, parsed: parseKp(`${SECRET} 「\n`, outside) }]]);
    const host: SourceHost = { read: (p) => nodeHost.read(p), resolve: (from, target) => nodeHost.resolve(from, target) };
    writeFileSync(join(t, "cat", "editor.kp"), root(["../secret.kp", "/etc/passwd"]));
    const a = analyzeCatalogue(join(t, "cat", "editor.kp"), host, preloaded);
    expect(codes(a.diagnostics)).toEqual(["KP0014", "KP0013"]);
    expect(texts(a.diagnostics)).not.toContain(SECRET);
    expect(a.files).toHaveLength(1);
  });

  it("a .kp name linking to another kind of file is never parsed, whichever host reads it (KP0015)", () => {
    expect(nodeHost.read(join(t, "cat", "伪装.kp"))).toEqual({ ok: false, code: "KP0015", args: [] });
    // An editor's host judges 引入 by name only: the read itself refuses the link.
    const host: SourceHost = { read: (p) => nodeHost.read(p), resolve: (from, target) => nodeHost.resolve(from, target) };
    writeFileSync(join(t, "cat", "link.kp"), root(["伪装.kp"]));
    const a = analyzeCatalogue(join(t, "cat", "link.kp"), host);
    expect(a.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([["KP0015", 2, 4]]);
    expect(texts(a.diagnostics)).not.toContain(SECRET);
    // Given directly, too.
    const direct = analyzeFiles([join(t, "cat", "伪装.kp")], nodeHost)[0]!;
    expect(codes(direct.diagnostics)).toEqual(["KP0015"]);
    expect(direct.files).toEqual([]);
  });

  it("a file given alone whose only includer may not include it is checked on its own, not skipped", () => {
    mkdirSync(join(t, "up", "deeper"), { recursive: true });
    writeFileSync(join(t, "up", "part.kp"), "指标 「零件」 2分 {\n  规则 「r」 「c」 每次 扣\n}\n");
    writeFileSync(join(t, "up", "deeper", "root.kp"), root(["../part.kp"]));
    const [a] = analyzeFiles([join(t, "up", "part.kp")], nodeHost);
    // Its own syntax error is reported (before, the refused include hid it: 0 errors).
    expect(codes(a!.diagnostics)).toContain("KP1102");
    expect(a!.files.map((f) => f.path)).toEqual([join(t, "up", "part.kp")]);
  });

  it("a root reached through a symbolic link may include files beside the link", () => {
    mkdirSync(join(t, "linked"));
    writeFileSync(join(t, "linked", "子.kp"), part("子"));
    writeFileSync(join(t, "shared", "真根.kp"), root(["子.kp"]));
    symlinkSync(join(t, "shared", "真根.kp"), join(t, "linked", "根.kp"));
    const a = analyzeCatalogue(join(t, "linked", "根.kp"), nodeHost);
    expect(a.diagnostics).toEqual([]);
  });
});

describe("the folder walk", () => {
  it("ends on symbolic-link cycles, does not follow links to directories, and lists a FIFO without opening it", () => {
    const d = join(t, "walk");
    mkdirSync(join(d, "a", "b"), { recursive: true });
    writeFileSync(join(d, "a", "b", "x.kp"), part("x"));
    symlinkSync(join(d, "a"), join(d, "a", "b", "回到a"));
    symlinkSync(d, join(d, "a", "自己"));
    symlinkSync("/", join(d, "根目录"));
    symlinkSync("/dev/zero", join(d, "零.kp"));
    symlinkSync(join(d, "a", "b", "x.kp"), join(d, "别名.kp"));
    execFileSync("mkfifo", [join(d, "管道.kp")]);
    const started = Date.now();
    const files = nodeHost.listKpFiles!(d);
    expect(Date.now() - started).toBeLessThan(5000);
    // 零.kp leads to /dev/zero, not a .kp file: not listed (its content is never read).
    expect(files).toEqual([join(d, "a", "b", "x.kp"), join(d, "别名.kp"), join(d, "管道.kp")]);
    const diags = analyzeFiles(files, nodeHost).flatMap((x) => x.diagnostics);
    expect(codes(diags)).toEqual(["KP0011"]);
  });
});
