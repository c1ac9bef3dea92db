/**
 * Outputs that must not damage files, the terminal or a spreadsheet (issue 10, items 6–8 and 16–18):
 * `-o` onto an input, all-or-nothing compiled sets (a real `kp compile` killed between renames),
 * read-only files, modes and links kept by `kp fmt`, full disks and closed pipes on standard output,
 * formula injection in CSV, and control characters in everything shown in a terminal.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  cpSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import pc from "picocolors";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { verifyCompiledSet } from "@kaoping/core";
import type { CatalogueMeta, UnitResult } from "../src/index.js";
import { rankingCsv, rankingTable } from "../src/report/ranking.js";
import { explainText } from "../src/report/explain.js";
import { csvField, spreadsheetText } from "../src/report/spreadsheet.js";
import { visible } from "../src/report/terminal.js";
import { cliPath, fixtures, kp, tempDir } from "./helpers.js";

const plain = pc.createColors(false);
const ESC = "\u001b";

/** A copy of the fixtures' catalogue and ok.csv in a fresh folder. */
function workspace(): string {
  const dir = tempDir("kp-out-");
  cpSync(join(fixtures, "catalogue"), join(dir, "catalogue"), { recursive: true });
  cpSync(join(fixtures, "facts", "ok.csv"), join(dir, "ok.csv"));
  return dir;
}

describe("-o never replaces an input (KP0016)", () => {
  it("refuses the facts file, a link to it, and a .kp of the catalogue, writing nothing", () => {
    const dir = workspace();
    symlinkSync(join(dir, "ok.csv"), join(dir, "link.csv"));
    const facts = readFileSync(join(dir, "ok.csv"), "utf8");
    const root = readFileSync(join(dir, "catalogue", "细则.kp"), "utf8");
    for (const out of ["ok.csv", "link.csv", "./catalogue/../ok.csv", "catalogue/细则.kp"]) {
      const r = kp(["score", "catalogue", "ok.csv", "-o", out, "--format", "csv"], { cwd: dir });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/^错误：KP0016 输出文件「.+」就是输入文件「.+」：kaoping 不覆盖输入/);
    }
    expect(readFileSync(join(dir, "ok.csv"), "utf8")).toBe(facts);
    expect(readFileSync(join(dir, "catalogue", "细则.kp"), "utf8")).toBe(root);
    expect(readdirSync(dir).sort()).toEqual(["catalogue", "link.csv", "ok.csv"]);
  });

  it("kp compile refuses an output file that is a catalogue file (here through a link)", () => {
    const dir = workspace();
    mkdirSync(join(dir, "out"));
    symlinkSync(join(dir, "catalogue", "指标.kp"), join(dir, "out", "细则.d.mts"));
    const part = readFileSync(join(dir, "catalogue", "指标.kp"), "utf8");
    const r = kp(["compile", "catalogue", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("KP0016 输出文件「out/细则.d.mts」就是输入文件「catalogue/指标.kp」");
    expect(readFileSync(join(dir, "catalogue", "指标.kp"), "utf8")).toBe(part);
    expect(readdirSync(join(dir, "out"))).toEqual(["细则.d.mts"]);
  });
});

describe("-o onto something that is not a regular file (KP0017)", () => {
  it("refuses a FIFO, a device and a directory", () => {
    const dir = workspace();
    execFileSync("mkfifo", [join(dir, "管道.csv")]);
    mkdirSync(join(dir, "目录.csv"));
    const cases: [string, string][] = [
      ["管道.csv", "这是命名管道（FIFO），不是普通文件"],
      ["目录.csv", "这是一个目录"],
    ];
    // A device node of our own (never /dev/null: a regression would replace it); mknod needs root.
    try {
      execFileSync("mknod", [join(dir, "设备.csv"), "c", "1", "3"], { stdio: "ignore" });
      cases.push(["设备.csv", "这是字符设备，不是普通文件"]);
    } catch {
      // not root: the FIFO stands for every file that is not a regular one
    }
    for (const [out, why] of cases) {
      const r = kp(["score", "catalogue", "ok.csv", "-o", out], { cwd: dir });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain(`错误：KP0017 无法写入「${out}」：${why}`);
    }
    expect(lstatSync(join(dir, "管道.csv")).isFIFO()).toBe(true);
  });
});

describe("write errors of the system, in Chinese", () => {
  it("a file name too long is said in Chinese (KP0017)", () => {
    const dir = workspace();
    const r = kp(["score", "catalogue", "ok.csv", "-o", "长".repeat(100) + ".csv"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：KP0017 无法写入「${"长".repeat(100)}.csv」：文件名太长\n`);
    expect(readdirSync(dir).sort()).toEqual(["catalogue", "ok.csv"]);
    // a name that fits, but whose temporary name would not: written
    const fits = "长".repeat(80) + ".csv";
    expect(kp(["score", "catalogue", "ok.csv", "-o", fits], { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["catalogue", "ok.csv", fits].sort());
  });
});

describe("kp fmt and lint --fix keep what the user set up", () => {
  const unformatted = () => readFileSync(join(fixtures, "lint", "unformatted.kp"), "utf8");

  it("refuses a read-only file (KP0017), as an editor would", () => {
    const dir = tempDir("kp-out-");
    const file = join(dir, "只读.kp");
    writeFileSync(file, unformatted());
    chmodSync(file, 0o444);
    const r = kp(["fmt", "只读.kp"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误：KP0017 无法写入「只读.kp」：文件是只读的");
    expect(readFileSync(file, "utf8")).toBe(unformatted());
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(["只读.kp"]);
  });

  it("keeps a 0600 file 0600, and rewrites a link's target, leaving the link a link", () => {
    const dir = tempDir("kp-out-");
    writeFileSync(join(dir, "私密.kp"), unformatted());
    chmodSync(join(dir, "私密.kp"), 0o600);
    mkdirSync(join(dir, "真"));
    writeFileSync(join(dir, "真", "目标.kp"), unformatted());
    symlinkSync("真/目标.kp", join(dir, "链接.kp"));
    const r = kp(["fmt", "私密.kp", "链接.kp"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, "私密.kp")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "私密.kp"), "utf8")).not.toBe(unformatted());
    expect(lstatSync(join(dir, "链接.kp")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "链接.kp"))).toBe("真/目标.kp");
    expect(readFileSync(join(dir, "真", "目标.kp"), "utf8")).toBe(readFileSync(join(dir, "私密.kp"), "utf8"));
  });
});

/**
 * Runs `kp` with a pause after the first rename (core's test hook KP_TEST_PAUSE_AFTER_RENAME), sends
 * `signal` as soon as it pauses, and waits for its end.
 */
function killBetweenRenames(args: string[], cwd: string, signal: NodeJS.Signals, pauseMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const env = { ...process.env, NO_COLOR: "1", KP_TEST_PAUSE_AFTER_RENAME: String(pauseMs) };
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString();
      if (err.includes("kp-test: paused")) child.kill(signal);
    });
    child.on("error", fail);
    child.on("exit", (code, sig) => done({ code, signal: sig }));
  });
}

describe("kp compile: a set of three files, all or nothing", () => {
  const set = (out: string) => ({ js: join(out, "细则.mjs"), dts: join(out, "细则.d.mts"), schema: join(out, "细则.facts.schema.json") });

  it("killed (SIGKILL) between two renames: the mixed set is detectable, and the next compile cleans up", async () => {
    const dir = workspace();
    expect(kp(["compile", "catalogue", "-o", "out"], { cwd: dir }).code).toBe(0);
    const first = verifyCompiledSet(set(join(dir, "out")));
    expect(first.ok).toBe(true);
    // A different catalogue: every output file changes.
    const root = join(dir, "catalogue", "细则.kp");
    writeFileSync(root, readFileSync(root, "utf8").replace("测试考评细则", "另一个细则"));
    const killed = await killBetweenRenames(["compile", "catalogue", "-o", "out"], dir, "SIGKILL", 20_000);
    expect(killed.signal).toBe("SIGKILL");
    expect(verifyCompiledSet(set(join(dir, "out")))).toMatchObject({ ok: false, problem: "mixed" });
    expect(readdirSync(join(dir, "out")).filter((f) => f.startsWith("."))).not.toEqual([]);
    const again = kp(["compile", "catalogue", "-o", "out"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["细则.d.mts", "细则.facts.schema.json", "细则.mjs"]);
    expect(verifyCompiledSet(set(join(dir, "out")))).toMatchObject({ ok: true });
  }, 60_000);

  it("SIGTERM during the renames waits for the set to be complete, and leaves no temporary file", async () => {
    const dir = workspace();
    expect(kp(["compile", "catalogue", "-o", "out"], { cwd: dir }).code).toBe(0);
    const root = join(dir, "catalogue", "细则.kp");
    writeFileSync(root, readFileSync(root, "utf8").replace("测试考评细则", "另一个细则"));
    const killed = await killBetweenRenames(["compile", "catalogue", "-o", "out"], dir, "SIGTERM", 1_500);
    expect(killed.signal).toBe("SIGTERM");
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["细则.d.mts", "细则.facts.schema.json", "细则.mjs"]);
    expect(verifyCompiledSet(set(join(dir, "out")))).toMatchObject({ ok: true });
    expect(readFileSync(join(dir, "out", "细则.mjs"), "utf8")).toContain("另一个细则");
  }, 60_000);
});

describe("standard output that fails (item 16)", () => {
  const bigErrors = () => {
    const dir = tempDir("kp-out-");
    // ~3,000 errors: far more output than a pipe holds, so the writer meets the closed pipe
    writeFileSync(join(dir, "坏.kp"), "细则 「坏」\n" + Array.from({ length: 3000 }, (_, i) => `未知${i}\n`).join(""));
    return dir;
  };

  it("a full disk: one Chinese line KP0019, exit 2, no stack trace", () => {
    for (const args of [["score", "catalogue", "facts/ok.csv"], ["check", "check/syntax-errors.kp"]]) {
      const fd = openSync("/dev/full", "w");
      const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: fixtures, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
      closeSync(fd);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain("错误：KP0019 无法写出结果（标准输出）：磁盘空间不足");
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    }
  });

  it("a reader that went away (| head -1): quiet, with the command's own exit code", () => {
    const dir = bigErrors();
    const run = (file: string) =>
      spawnSync("bash", ["-c", `node "${cliPath}" check "${file}" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8" });
    const bad = run("坏.kp");
    expect(bad.stdout.trim()).toBe("1");
    expect(bad.stderr).toBe("");
    const good = run(join(fixtures, "catalogue", "细则.kp"));
    expect(good.stdout.trim()).toBe("0");
  });
});

describe("formula injection in CSV (item 17)", () => {
  it("neutralises texts that start a formula, never a number", () => {
    expect(spreadsheetText("=1+1", false)).toBe("'=1+1");
    for (const s of ["+1", "-2县", "@SUM(A1)", "\t=1", "\r=1", "＝1"]) expect(spreadsheetText(s, false)).toBe(`'${s}`);
    expect(spreadsheetText("-0.5", true)).toBe("-0.5");
    expect(spreadsheetText("-", true)).toBe("'-");
    expect(spreadsheetText("甲县", false)).toBe("甲县");
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("-0.5", true)).toBe("-0.5");
  });

  it("kp score --format csv: read back, the names are text and the scores numbers", () => {
    const dir = workspace();
    const rows = readFileSync(join(dir, "ok.csv"), "utf8").split("\n");
    const units = ['=HYPERLINK("http://example.com","点击")', "+1县", "-2县", "@SUM(A1)"];
    rows[1] = rows[1]!.replace("甲县", `"${units[0]!.replace(/"/g, '""')}"`);
    rows[2] = rows[2]!.replace("乙县", units[1]!);
    rows[3] = rows[3]!.replace("丙园区", units[2]!);
    rows[4] = rows[4]!.replace("丁县", units[3]!);
    writeFileSync(join(dir, "ok.csv"), rows.join("\n"));
    const r = kp(["score", "catalogue", "ok.csv", "-o", "排名.csv"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const table = parse(readFileSync(join(dir, "排名.csv"), "utf8"), { bom: true }) as string[][];
    const unitCol = table[0]!.indexOf("单位");
    const shown = table.slice(1).map((row) => row[unitCol]);
    expect(shown.sort()).toEqual(units.map((u) => `'${u}`).sort());
    for (const row of table.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // scores stay numbers
    expect(table.slice(1).every((row) => /^\d+(\.\d+)?$/.test(row[table[0]!.indexOf("总分")]!))).toBe(true);
  });
});

describe("control characters never reach the terminal (item 18)", () => {
  it("shows them as escapes in one-line texts", () => {
    expect(visible(`a${ESC}[2Jb`)).toBe("a\\x1b[2Jb");
    expect(visible("x\u202ey\u009bz\t\n")).toBe("x\\u202ey\\x9bz\\t\\n");
  });

  it("in the ranking table, keeping every column's width", () => {
    const cat: CatalogueMeta = {
      title: `考评${ESC}]0;标题\u0007`,
      classes: [],
      indicators: [{ id: "1", name: `会议${ESC}[8m隐藏`, points: "10", departments: [], rules: [], notes: [], children: [] }],
      bonuses: [],
      penalties: [],
      grades: [],
      rules: {},
    };
    const results: UnitResult[] = [`${ESC}[31m红县`, "\u202e倒序县", "甲县"].map((unit, i) => ({
      unit,
      classes: [],
      total: "9",
      exactTotal: "9",
      rank: i + 1,
      grade: null,
      vetoes: [],
      indicators: [{ id: "1", name: "", points: "10", score: "9", lost: "1", children: [] }],
    }));
    for (const layout of ["cli-table3", "fast"] as const) {
      const t = rankingTable(cat, results, plain, undefined, layout);
      expect(t).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(t).toContain("\\x1b[31m红县");
      expect(t).toContain("\\u202e倒序县");
      const widths = new Set(t.trim().split("\n").slice(1).map((l) => stringWidth(l)));
      expect(widths.size).toBe(1);
    }
    // CSV is data: the names stay exact there.
    expect(rankingCsv(cat, results)).toContain(`${ESC}[31m红县`);
  });

  it("in kp explain", () => {
    const cat: CatalogueMeta = {
      title: "t",
      classes: [],
      indicators: [{ id: "1", name: "会议", points: "4", departments: [], rules: ["参会"], notes: [], children: [] }],
      bonuses: [],
      penalties: [],
      grades: [],
      rules: {},
    };
    const r: UnitResult = {
      unit: `甲${ESC}[2J县`,
      classes: [`县${ESC}[8m区`],
      total: "3",
      exactTotal: "3",
      rank: 1,
      grade: null,
      vetoes: [],
      indicators: [{ id: "1", name: `会${ESC}[1m议`, points: "4", score: "3", lost: "1", children: [] }],
      trace: [{ indicator: "1", rule: `参${ESC}[5m会`, clause: `每次${ESC}[7m扣`, kind: "deduct", amount: "1", text: `2次${ESC}[0m`, facts: { [`参${ESC}[5m会`]: `2${ESC}` } }],
    };
    const text = explainText(cat, r, 1, plain);
    expect(text).not.toContain(ESC);
    expect(text).toContain("甲\\x1b[2J县");
    expect(text).toContain("参\\x1b[5m会 = 2\\x1b");
  });

  it("in file names, messages and code frames; our own colours still work; JSON stays exact", () => {
    const dir = tempDir("kp-out-");
    const name = `坏${ESC}[2J.kp`;
    writeFileSync(join(dir, name), `细则 「t」\n指标 「a」 1分 {\n  规则 「r」 「c」 每次 扣 ${ESC}[31m\n}\n`);
    const r = kp(["check", name], { cwd: dir });
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).not.toContain(ESC);
    expect(out).toContain("坏\\x1b[2J.kp:");
    expect(out).toMatch(/\|.*\\x1b\[31m/);
    const coloured = kp(["check", name], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(coloured.stdout).toContain(`${ESC}[31m`);
    expect(coloured.stdout).not.toContain(`${ESC}[2J`);
    const json = kp(["check", name, "--format", "json"], { cwd: dir });
    expect((JSON.parse(json.stdout) as { files: string[] }).files).toEqual([name]);
  });

  it("kp score and explain with a unit whose name holds an escape sequence", () => {
    const dir = workspace();
    const facts = readFileSync(join(dir, "ok.csv"), "utf8").replace("甲县", `甲${ESC}[2J县`);
    writeFileSync(join(dir, "ok.csv"), facts);
    for (const args of [["score", "catalogue", "ok.csv"], ["explain", "catalogue", "ok.csv", "-u", `甲${ESC}[2J县`], ["explain", "catalogue", "ok.csv", "-u", `无${ESC}[2J县`]]) {
      const r = kp(args, { cwd: dir });
      expect(r.stdout + r.stderr, args.join(" ")).not.toContain(ESC);
      expect(r.stdout + r.stderr).toContain("\\x1b[2J县");
    }
  });
});
