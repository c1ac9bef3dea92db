/**
 * `kp diff --format html -o <file>` as a subprocess: the seed catalogue against its revision
 * rules-2027/ with the example facts as one self-contained page (golden, ECharts' inlined build
 * left out of the golden), its content checked against the JSON output (the same units in the same
 * order, the chart's values the exact Δ strings), and bad input: no -o, -o naming an input, a
 * catalogue with errors (nothing written).  The page in Chromium: packages/report/test/diff-browser.test.ts.
 * Plus the renderer as a pure function: escaping, sorting by |Δ| exactly.  Needs the built CLI.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { byChange, echartsSource, renderDiffPage, type DiffPageInput } from "@kaoping/report";
import type { CatalogueMeta } from "@kaoping/core";
import { golden, kp, repoRoot, tempDir, transcript } from "./helpers.js";

const seed = ["diff", "rules", "rules-2027", "--facts", "examples/各县事实.csv"];
const ECHARTS = /<script id="kp-echarts">[\s\S]*?<\/script>/;

/** The page as its golden keeps it: ECharts' 1 MB build replaced by a mark. */
function withoutEcharts(html: string): string {
  return html.replace(ECHARTS, '<script id="kp-echarts">/* echarts.min.js（内嵌，此处略） */</script>');
}

function chartSpecs(html: string): { id: string; categories: string[]; series: { values: string[]; texts?: string[]; colors?: string[] }[] }[] {
  const m = /<script type="application\/json" id="kp-charts">(.*?)<\/script>/s.exec(html);
  return m ? JSON.parse(m[1]!) : [];
}

interface JsonUnit {
  unit: string;
  old: { total: string; rank: number; grade: string | null };
  new: { total: string; rank: number; grade: string | null };
  delta: string;
}

describe("kp diff --format html between the seed and its revision", () => {
  const dir = tempDir("kp-diff-html-");
  const out = join(dir, "修订对照.html");
  const args = [...seed, "--format", "html", "-o", out];
  const r = kp(args, { cwd: repoRoot });
  const html = existsSync(out) ? readFileSync(out, "utf8") : "";

  it("writes one page, atomically (golden; the facts' notes on stderr as for text)", () => {
    golden("diff/seed-html.txt", transcript(args, r).replaceAll(dir, "<临时目录>"));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`已写入 ${out}\n`);
    expect(r.stderr).toContain("警告 KP7052");
    expect(readdirSync(dir)).toEqual(["修订对照.html"]); // no temporary file left beside it
    golden("diff/seed.html", withoutEcharts(html));
  });

  it("is self-contained: styles, ECharts and scripts inline, nothing fetched", () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(ECHARTS.exec(html)![0]).toContain(echartsSource().slice(0, 2000));
    expect(html).toContain('<meta name="generator" content="kaoping kp diff">');
  });

  it("shows the changes word by word, grouped under their first-level indicator", () => {
    expect(html).toContain("<h3>总体设置</h3>");
    expect(html).toContain("<h3>×令畅通 <small>16分</small></h3>");
    expect(html).toContain("迟报、漏报、瞒报<ins>、错报</ins>紧急信息的，每次扣<del>0.2</del><ins>0.3</ins>分");
    expect(html).toContain("完成信息目标分值的<del>75</del><ins>80</ins>%");
    expect(html).toContain("共 12 处变化（总体设置 2 处；指标：修改 2；规则：增加 1，删除 1，改名 2，移动 1，修改 3）。");
    // the removed rule's clause struck through, its place in the old version
    expect(html).toMatch(/<span class="tag removed">删除<\/span><\/td><td class="kind">规则<\/td><td class="name">顶岗值班<\/td>.*<del>非正式工作人员顶岗值班的，1次扣0.5分<\/del>.*rules\/01-×令畅通.kp:93/);
  });

  it("lists the units as the JSON output does (sorted by |Δ|), the chart carrying the exact Δ strings", () => {
    const json = JSON.parse(kp([...seed, "--format", "json"], { cwd: repoRoot }).stdout) as { units: JsonUnit[] };
    const rows = [...html.matchAll(/<tr class="row"><td class="unit">(?:<button[^>]*>|<span class="plain">)([^<]*)<\/(?:button|span)><\/td><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td><td class="num delta \w+">([^<]*)<\/td>/g)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(rows).toEqual(json.units.map((u) => [u.unit, u.old.total, u.new.total, u.delta]));
    expect(rows[3]).toEqual(["白水县", "48.00", "47.80", "-0.2"]); // a rounded total keeps its digits
    const [chart] = chartSpecs(html);
    expect(chart!.id).toBe("chart-delta");
    expect(chart!.categories).toEqual(json.units.map((u) => u.unit));
    expect(chart!.series[0]!.texts).toEqual(json.units.map((u) => u.delta));
    expect(chart!.series[0]!.values).toEqual(json.units.map((u) => u.delta.replace(/^\+/, "")));
    // 白水县 opens onto the rule responsible and the grade threshold that moved
    expect(html).toMatch(/<tr class="why" id="why-4" hidden><td colspan="6"><table class="points">.*信息完成率.*-0\.2.*-0\.4.*等次「良好」 <span class="was">≥ 48<\/span> → <span class="now">≥ 48\.5<\/span>/s);
  });

  it("without facts: the changes only, no chart and no ECharts", () => {
    const plain = join(dir, "仅结构.html");
    const p = kp(["diff", "rules", "rules-2027", "--format", "html", "-o", plain], { cwd: repoRoot });
    expect(p.code).toBe(0);
    const page = readFileSync(plain, "utf8");
    expect(page).toContain("<del>75</del><ins>80</ins>");
    expect(page).not.toContain("对各单位得分的影响");
    expect(page).not.toContain("kp-echarts");
    expect(page.length).toBeLessThan(100_000);
  });
});

describe("kp diff --format html between a catalogue and itself", () => {
  it("says there is no difference, lists no change (exit 0, also with --exit-code)", () => {
    const out = join(tempDir("kp-diff-html-same-"), "页.html");
    const r = kp(["diff", "catalogue", "catalogue", "--format", "html", "-o", out, "--exit-code"]);
    expect(r.code).toBe(0);
    const page = readFileSync(out, "utf8");
    expect(page).toContain('<p class="lead">两个版本没有差别。</p>');
    expect(page).not.toContain("结构变化");
    expect(page).not.toContain("<table class=\"counts\">");
  });
});

describe("kp diff --format html: a renamed first-level indicator", () => {
  it("groups its changes, the removed rule's too, under the new name with old → new points", () => {
    const dir = tempDir("kp-diff-html-rename-");
    const rules = (name: string, points: string, last: string) =>
      `细则 「改名测试」\n总分 10分\n指标 「${name}」 ${points}分 {\n  规则 「参会」 「未按要求参加会议的，每次扣0.5分」 每次 扣 0.5\n  规则 「清退」 「文件清退不齐全的，扣0.2分」 扣 0.2\n  规则 「信息」 「信息报送不及时的，每次扣0.1分」 每次 扣 0.1\n  ${last}\n}\n`;
    writeFileSync(join(dir, "旧.kp"), rules("会议工作", "10", "规则 「考核」 「年度考核结果为不称职的，扣1分」 扣 1"));
    writeFileSync(join(dir, "新.kp"), rules("会议与信息工作", "8", "规则 「漏报」 「漏报重要信息的，每次扣0.3分」 每次 扣 0.3"));
    const out = join(dir, "页.html");
    const r = kp(["diff", "旧.kp", "新.kp", "--format", "html", "-o", out], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const page = readFileSync(out, "utf8");
    expect(page).toContain("原名「会议工作」");
    expect(page.match(/<section class="group">/g)).toHaveLength(1);
    expect(page).toContain("<h3>会议与信息工作 <small>10 → 8分</small></h3>");
    expect(page).toMatch(/<span class="tag removed">删除<\/span><\/td><td class="kind">规则<\/td><td class="name">考核<\/td>/);
  });
});

describe("kp diff --format html on bad input", () => {
  it("refuses html without -o (KP7053, exit 2, nothing read or written)", () => {
    const r = kp([...seed, "--format", "html"], { cwd: repoRoot });
    golden("diff/html-no-output.txt", transcript([...seed, "--format", "html"], r));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("错误：KP7053 --format html 要写入一个文件：请用 -o 指定");
    expect(r.stderr).not.toContain("KP7050"); // refused before the facts are read
  });

  it("never writes over an input: a catalogue file or the facts file (KP0016)", () => {
    const before = readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8");
    for (const target of ["rules-2027/细则.kp", "examples/各县事实.csv"]) {
      const r = kp([...seed, "--format", "html", "-o", target], { cwd: repoRoot });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`错误：KP0016 输出文件「${target}」就是输入文件「${target}」`);
    }
    expect(readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8")).toBe(before);
  });

  it("writes nothing for a catalogue with errors (located, exit 2)", () => {
    const dir = tempDir("kp-diff-html-bad-");
    const out = join(dir, "页.html");
    const r = kp(["diff", "catalogue", "diff/bad", "--format", "html", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("diff/bad/细则.kp:6:43 错误 KP2001");
    expect(r.stderr).toContain("新版细则「diff/bad」有错误，无法比较。");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes nothing for facts with errors (exit 2)", () => {
    const dir = tempDir("kp-diff-html-bad-");
    const r = kp(["diff", "catalogue", "catalogue", "--facts", "facts/errors.json", "--format", "html", "-o", join(dir, "页.html")]);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the diff page as a pure function", () => {
  const hostile = "<script>alert(1)</script>&\"'";
  const meta = (name: string): CatalogueMeta => ({
    title: hostile,
    classes: [],
    total: "10",
    indicators: [{ id: "1", name, points: "10", departments: [], rules: ["r"], notes: [], children: [] }],
    bonuses: [],
    penalties: [],
    grades: [],
    rules: { r: { indicator: "1", clause: hostile, effect: "deduct", kind: "per", facts: ["r"] } },
  });
  const input: DiffPageInput = {
    oldPath: hostile,
    newPath: "新",
    title: hostile,
    diff: {
      header: [{ aspect: hostile, old: hostile, new: "1" }],
      indicators: [],
      rules: [{ kind: "rule", status: "changed", name: hostile, clause: { old: hostile, new: `${hostile}x` }, changes: [{ aspect: "计分", old: hostile, new: hostile }], new: { file: "f", line: 1 } }],
      ruleNames: new Map(),
      indicatorIds: new Map(),
      same: false,
    },
    oldCatalogue: meta(hostile),
    newCatalogue: meta(hostile),
    where: (p) => (p ? `${hostile}:${p.line}` : ""),
    clauseDiff: (o, n) => [
      { op: "del", text: o },
      { op: "ins", text: n },
    ],
    units: [{ unit: hostile, old: { total: "1", rank: 1, grade: hostile }, new: { total: "2", rank: 1, grade: "</script>" }, delta: "+1", indicators: [], rules: [{ name: hostile, old: "-1", new: "0", delta: "+1" }] }],
    factsPath: hostile,
    notes: [{ code: "KP7051", severity: "info", message: hostile }],
  };
  const html = renderDiffPage(input, { echarts: "/* echarts </script><!-- */" });

  it("no text from the catalogues or facts becomes markup, none closes a script", () => {
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;");
    // the JSON specs, echarts, report.js, the page's own script: four scripts, four ends
    expect(html.match(/<script/g)?.length).toBe(4);
    expect(html.match(/<\/script>/g)?.length).toBe(4);
    expect(html).toContain("/* echarts <\\/script><\\!-- */");
  });

  it("sorts units by the size of their change on exact decimals, ties in the given order", () => {
    const units = ["+0.1", "-0.100001", "0", "0.3", "-0.3", "+0.000001"].map((delta, i) => ({ unit: `u${i}`, delta }));
    expect(byChange(units).map((u) => u.unit)).toEqual(["u3", "u4", "u1", "u0", "u5", "u2"]);
  });
});
