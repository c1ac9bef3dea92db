/**
 * What `kp test` prints: a test runner's report (✓/✗ per scenario, a failure's expected vs actual
 * with the explain trace of what differs, counts and durations), JUnit XML for CI, JSON, and the
 * coverage of rules, bands and caps.
 */
import { dirname, relative, sep } from "node:path";
import { factText, TRACE_KIND_WORDS, type Coverage, type CoverageItem, type Failure, type TraceEntry } from "@kaoping/core";
import type { TestedFile } from "../commands/test.js";
import { colorsFor, displayPath, type Colors, type Io } from "../io.js";
import { visible } from "./terminal.js";

/** Milliseconds as shown: whole, at least 0; KP_TEST_DURATIONS=0 hides them (goldens). */
function ms(io: Io, n: number): string {
  return io.env.KP_TEST_DURATIONS === "0" ? "" : `（${Math.max(0, Math.round(n))} ms）`;
}

function traceLines(entries: readonly TraceEntry[], indent: string, c: Colors): string[] {
  const out: string[] = [];
  for (const e of entries) {
    // A veto has no amount; a note of nothing still shows its 0 here (what differs is the point).
    const label = e.kind === "veto" ? TRACE_KIND_WORDS[e.kind] : `${TRACE_KIND_WORDS[e.kind]} ${e.amount}`;
    if (e.rule !== undefined) {
      out.push(`${indent}${c.yellow(label)}  ${c.bold(visible(e.rule))}「${visible(e.clause ?? "")}」`);
      const facts = Object.entries(e.facts ?? {});
      if (facts.length > 0) out.push(`${indent}  事实：${facts.map(([k, v]) => `${visible(k)} = ${visible(factText(v))}`).join("，")}`);
      out.push(`${indent}  计算：${visible(e.text)}`);
    } else out.push(`${indent}${c.yellow(label)}  ${visible(e.text)}`);
  }
  return out;
}

function expectationWords(f: Failure, several: boolean): string {
  const e = f.expectation;
  const unit = several ? `单位「${f.unit}」的` : "";
  const what = e.kind === "indicator" ? `指标「${e.target}」` : e.kind === "rule" ? `规则「${e.target}」` : e.kind === "total" ? "总分" : e.kind === "grade" ? "等次" : "名次";
  return unit + what;
}

/** The text report of all runs. */
export function testText(io: Io, tested: readonly TestedFile[], c: Colors, skipped = 0): string {
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  let total = 0;
  for (const t of tested) {
    if (t.run.results.length === 0) continue;
    const where = t.catalogue ? `（细则：${relative(dirname(t.run.file.file), t.catalogue.root).split(sep).join("/")}）` : "";
    out.push(`${c.bold(visible(displayPath(io, t.run.file.file)))}${where}`);
    for (const r of t.run.results) {
      total += r.ms;
      if (r.passed) {
        passed++;
        out.push(`  ${c.green("✓")} ${visible(r.scenario.name)}${ms(io, r.ms)}`);
        continue;
      }
      failed++;
      out.push(`  ${c.red("✗")} ${visible(r.scenario.name)}${ms(io, r.ms)}`);
      for (const f of r.failures) {
        out.push(`      ${displayPath(io, t.run.file.file)}:${f.expectation.span.start.line}  ${expectationWords(f, r.scenario.units.length > 1)}`);
        out.push(`        期望：${c.green(f.expected)}`);
        out.push(`        实际：${c.red(f.actual)}`);
        if (f.trace.length > 0) {
          out.push(`        计分过程：`);
          out.push(...traceLines(f.trace, "          ", c));
        } else if (f.expectation.kind !== "rank") out.push(`        计分过程：没有任何扣分或得分`);
      }
    }
    out.push("");
  }
  const parts = [c.green(`${passed} 个通过`)];
  if (failed > 0) parts.push(c.red(`${failed} 个失败`));
  const broken = tested.filter((t) => t.run.diagnostics.some((d) => d.severity === "error")).length + skipped;
  out.push(`场景：${parts.join("，")}，共 ${passed + failed} 个${ms(io, total)}${broken > 0 ? c.red(`；${broken} 个测试文件有错误，其中的场景未运行或未全部运行`) : ""}`);
  return out.join("\n") + "\n";
}

function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

/** Seconds with three decimals, from integer milliseconds (no float formatting of scores involved). */
function seconds(io: Io, n: number): string {
  if (io.env.KP_TEST_DURATIONS === "0") return "0";
  const m = Math.max(0, Math.round(n));
  return `${Math.floor(m / 1000)}.${String(m % 1000).padStart(3, "0")}`;
}

/** JUnit XML (the format Jenkins, GitLab and GitHub test reporters read): a suite per file. */
export function testJunit(io: Io, tested: readonly TestedFile[]): string {
  const plain = colorsFor(io.stdout, io.env, false);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = tested.flatMap((t) => t.run.results);
  const sum = (l: { ms: number }[]) => l.reduce((a, r) => a + Math.round(r.ms), 0);
  const broken = tested.filter((t) => t.run.diagnostics.some((d) => d.severity === "error")).length;
  out.push(`<testsuites name="kp test" tests="${all.length + broken}" failures="${all.filter((r) => !r.passed).length}" errors="${broken}" time="${seconds(io, sum(all))}">`);
  for (const t of tested) {
    const file = displayPath(io, t.run.file.file);
    const errors = t.run.diagnostics.filter((d) => d.severity === "error").sort((a, b) => a.span.start.offset - b.span.start.offset);
    const rs = t.run.results;
    out.push(`  <testsuite name="${xml(file)}" tests="${rs.length + (errors.length > 0 ? 1 : 0)}" failures="${rs.filter((r) => !r.passed).length}" errors="${errors.length > 0 ? 1 : 0}" time="${seconds(io, sum(rs))}">`);
    if (errors.length > 0) {
      out.push(`    <testcase name="${xml("测试文件")}" classname="${xml(file)}">`);
      out.push(`      <error message="${xml(`测试文件有 ${errors.length} 个错误`)}">${xml(errors.map((d) => `${file}:${d.span.start.line} ${d.code} ${d.message}`).join("\n"))}</error>`);
      out.push(`    </testcase>`);
    }
    for (const r of rs) {
      out.push(`    <testcase name="${xml(r.scenario.name)}" classname="${xml(file)}" file="${xml(file)}" line="${r.scenario.span.start.line}" time="${seconds(io, r.ms)}">`);
      for (const f of r.failures) {
        const head = `${expectationWords(f, r.scenario.units.length > 1)}：期望 ${f.expected}，实际 ${f.actual}`;
        const body = [`${file}:${f.expectation.span.start.line} ${head}`, ...traceLines(f.trace, "  ", plain)].join("\n");
        out.push(`      <failure message="${xml(head)}" type="KP7020">${xml(body)}</failure>`);
      }
      out.push(`    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`);
  return out.join("\n") + "\n";
}


/** Coverage as text: counts, then every item no scenario exercises, at its line. */
export function coverageText(io: Io, list: readonly { catalogue: string; coverage: Coverage }[], c: Colors): string {
  const out: string[] = [""];
  for (const { catalogue, coverage } of list) {
    const k = coverage.counts;
    out.push(c.bold(`覆盖率（细则：${displayPath(io, catalogue)}）`));
    out.push(`  规则 ${count(k.rule)}    分段 ${count(k.band)}    上限 ${count(k.cap)}`);
    const missed = coverage.items.filter((i) => !i.covered);
    if (missed.length === 0) {
      out.push(c.green("  全部规则、分段和上限都有场景覆盖。"));
      continue;
    }
    out.push(`  没有场景覆盖的（${missed.length} 项）：`);
    for (const i of missed) out.push(`    ${displayPath(io, i.file)}:${i.line}  ${itemWords(i)}`);
  }
  return out.join("\n") + "\n";
}

function itemWords(i: CoverageItem): string {
  if (i.kind === "rule") return `规则「${visible(i.rule)}」从未适用`;
  if (i.kind === "band") return `规则「${visible(i.rule)}」的分段 ${i.detail} 从未落入`;
  if (i.scope === "group") return `组「${visible(i.rule)}」的${i.detail} 从未达到`;
  if (i.scope === "section") return `「${visible(i.rule)}」的${i.detail} 从未达到`;
  return `规则「${visible(i.rule)}」的${i.detail} 从未达到`;
}

/** covered/total (percent with one decimal, from integers). */
function count(k: { covered: number; total: number }): string {
  if (k.total === 0) return "0/0";
  const tenths = Math.floor((k.covered * 1000) / k.total);
  return `${k.covered}/${k.total}（${Math.floor(tenths / 10)}.${tenths % 10}%）`;
}

/** JSON: every scenario's outcome, and coverage when asked. */
export function testJson(io: Io, tested: readonly TestedFile[], coverage?: readonly { catalogue: string; coverage: Coverage }[]): string {
  const scenarios = tested.flatMap((t) =>
    t.run.results.map((r) => ({
      file: displayPath(io, t.run.file.file),
      line: r.scenario.span.start.line,
      name: r.scenario.name,
      passed: r.passed,
      failures: r.failures.map((f) => ({
        line: f.expectation.span.start.line,
        unit: f.unit,
        kind: f.expectation.kind,
        target: f.expectation.target ?? null,
        expected: f.expected,
        actual: f.actual,
        trace: f.trace,
      })),
    })),
  );
  const errors = tested.flatMap((t) => t.run.diagnostics.map((d) => ({ file: displayPath(io, t.run.file.file), line: d.span.start.line, column: d.span.start.column, code: d.code, severity: d.severity, message: d.message })));
  const body: Record<string, unknown> = {
    summary: { passed: scenarios.filter((s) => s.passed).length, failed: scenarios.filter((s) => !s.passed).length },
    scenarios,
    diagnostics: errors,
  };
  if (coverage)
    body.coverage = coverage.map((x) => ({
      catalogue: displayPath(io, x.catalogue),
      counts: x.coverage.counts,
      uncovered: x.coverage.items.filter((i) => !i.covered).map((i) => ({ ...i, file: displayPath(io, i.file) })),
    }));
  return JSON.stringify(body, null, 2) + "\n";
}
