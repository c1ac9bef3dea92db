// The seed round trip, scores (issue 13 §6): the imported catalogue scores examples/各县事实.csv as
// rules/ does (examples/expected.json, computed by hand), at every level of the tree.  Facts are keyed
// by rule name: the CSV's columns are renamed from rules/'s names to the import's through the clause
// each rule carries (the same verbatim text).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCatalogue, nodeHost } from "@kaoping/core";
import { importDocument } from "@kaoping/import";
import { repoRoot, seedPath, writeFiles } from "./helpers.js";

interface Expected {
  unit: string;
  total: string;
  exactTotal: string;
  rank: number;
  grade: string;
  indicators: Record<string, string>;
}

/**
 * Differences between the import and rules/ that are not the recogniser's to remove: each is a
 * reading the author of rules/ added to what the document says.
 */
const EXPLAINED: Record<string, string> = {
  grade: "rules/ 的等次阈值是示意（原文的等次评定部分在缺失的后半部分）；导入的细则没有等次，不比较等次",
  total: "rules/ 写了「舍入 保留 2 位」（原文未写）；导入的总分不舍入，与 expected.json 的 exactTotal 比较",
  "类别": "rules/ 声明了类别「县区」「园区」（原文只在标题中写「各县（区）、园区」）；导入的细则不声明类别，事实表的「类别」列不用",
};

/**
 * Clauses the recogniser leaves 待补 on purpose (it never guesses): the test completes each with the
 * reading rules/ gives it, as the person finishing the draft would. Keyed by rules/'s rule name.
 */
const COMPLETED: Record<string, string> = {
  社会满意度: "「依据调查结果计算得分」没有说结果是满意率还是评价分（rules/ 读作按比率）",
  上级调训: "「98%以上」「92%—98%」「92%以下」都没有写是否含本数，三档的边界只能由人确定（rules/ 读作 ≥98%、[92%, 98%)、<92%）",
};

/**
 * Indicators whose scores differ for the units of a class, because rules/ uses the classes the import
 * does not declare (see 类别 above): the parks' scores there are not the recogniser's to match.
 */
const EXPLAINED_BY_CLASS: Record<string, { classes: string[]; reason: string }> = {
  "×风连×建设社会评价情况": { classes: ["园区"], reason: "rules/ 写了「参照 「园区」 以 「××区」 为准」（原文在条文括注中写「市直园区得分以××区得分为准」）；导入的细则没有类别，园区按自己的事实计分" },
  主职班子成员遵纪守法情况: { classes: ["园区"], reason: "rules/ 给「人×、×协违纪」写了「适用 「县区」」（园区没有人×、×协）；导入的细则没有类别，这条规则也对园区计分" },
};

interface ScoredIndicator {
  id: string;
  name: string;
  score: string;
  children: ScoredIndicator[];
}
interface Scored {
  unit: string;
  exactTotal: string;
  indicators: ScoredIndicator[];
}

const flatten = (xs: readonly ScoredIndicator[], out = new Map<string, ScoredIndicator>()): Map<string, ScoredIndicator> => {
  for (const x of xs) {
    out.set(x.id, x);
    flatten(x.children, out);
  }
  return out;
};

/** An exact decimal score as millionths (never a binary float). */
const raw = (s: string): bigint => {
  const [whole, frac = ""] = s.replace(/^-/, "").split(".");
  const v = BigInt(whole!) * 1000000n + BigInt((frac + "000000").slice(0, 6));
  return s.startsWith("-") ? -v : v;
};

const norm = (s: string): string => s.replace(/[。；;\s]+$/g, "").replace(/\s+/g, "");

describe("seed round trip: scores of examples/", async () => {
  const r = await importDocument(seedPath, readFileSync(seedPath));
  if (!r.ok) throw new Error(r.problem.message);
  it("gives every unit's first-level and lower scores as rules/ does; every difference explained", () => {
    const hand = analyzeCatalogue(join(repoRoot, "rules", "细则.kp"), nodeHost).catalogue;
    // The to-dos left are exactly the ones listed in COMPLETED; each is completed with rules/'s scoring.
    const todo = r.report.clauses.filter((c) => c.recognition.kind === "todo").map((c) => norm(c.text));
    const completing = hand.rules.filter((rule) => todo.includes(norm(rule.clause)));
    expect(completing.map((x) => x.name).sort()).toEqual(Object.keys(COMPLETED).sort());
    expect(todo).toHaveLength(completing.length);
    const handLines = readdirSync(join(repoRoot, "rules")).filter((f) => f.endsWith(".kp")).flatMap((f) => readFileSync(join(repoRoot, "rules", f), "utf8").split("\n"));
    const completed = new Map(
      [...r.files].map(([name, text]) => [
        name,
        text.replace(/^(\s*)规则 「([^」]+)」 「([^」]*)」 待补$/gm, (line, pad: string, _rule: string, clause: string) => {
          const rule = completing.find((x) => norm(x.clause) === norm(clause));
          if (!rule) return line;
          // rules/'s scoring lines: those after the rule's line, more indented than it
          const at = handLines.findIndex((l) => l.trimStart().startsWith(`规则 「${rule.name}」`));
          const source = handLines;
          const indent = /^\s*/.exec(source[at]!)![0].length;
          const body: string[] = [];
          for (let i = at + 1; i < source.length && /^\s*/.exec(source[i]!)![0].length > indent && source[i]!.trim() !== ""; i++) body.push(source[i]!.trim());
          return [line.replace(/ 待补$/, ""), ...body.map((b) => `${pad}    ${b}`)].join("\n");
        }),
      ]),
    );
    const dir = writeFiles(completed, false);
    const byClause = new Map(r.report.clauses.map((c) => [norm(c.text), c.rule]));
    const rename = new Map<string, string>();
    const unmapped: string[] = [];
    for (const rule of hand.rules) {
      const to = byClause.get(norm(rule.clause));
      if (to) rename.set(rule.name, to);
      else unmapped.push(`${rule.name}「${rule.clause}」`);
    }
    const csv = readFileSync(join(repoRoot, "examples", "各县事实.csv"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
    const header = csv[0]!.split(",");
    const keep = header.map((h) => h === "单位" || rename.has(h.split(".")[0]!));
    // Categories are named by each side in its own words (rules/「轻处分」, the import the clause's
    // 「×纪×纪轻处分」): a category column is renamed by the category's place in the rule.
    const imported = analyzeCatalogue(join(dir, "细则.kp"), nodeHost).catalogue;
    const categories = (rules: typeof hand.rules, name: string | undefined): string[] => {
      const body = rules.find((x) => x.name === name)?.body;
      return body?.kind === "categories" ? body.categories.map((c) => c.name) : [];
    };
    const column = (h: string): string => {
      const [rule, ...sub] = h.split(".");
      const to = rename.get(rule!)!;
      const at = sub.length === 1 ? categories(hand.rules, rule).indexOf(sub[0]!) : -1;
      return at >= 0 ? `${to}.${categories(imported.rules, to)[at]}` : [to, ...sub].join(".");
    };
    const renamed = header.map((h) => (h === "单位" ? h : column(h)));
    const facts = [renamed.filter((_, i) => keep[i]).join(","), ...csv.slice(1).filter((l) => l).map((l) => l.split(",").filter((_, i) => keep[i]).join(","))].join("\n");
    writeFileSync(join(dir, "事实.csv"), facts);
    const cli = join(repoRoot, "packages", "cli", "dist", "cli.js");
    const run = spawnSync(process.execPath, [cli, "score", dir, join(dir, "事实.csv"), "--format", "json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    // the one reading written 待核 (flagged for review) scores as written, said in one line (KP2124)
    expect(run.stderr.trim()).toMatch(/^\S+细则\.kp 警告 KP2124 还有 1 条规则的计分方式由导入自动识别、尚未核对/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const got = JSON.parse(run.stdout) as Scored[];
    const expected = JSON.parse(readFileSync(join(repoRoot, "examples", "expected.json"), "utf8")) as Expected[];
    // rules/ scored the same way gives every level (expected.json has the first level and the total)
    const handRun = spawnSync(process.execPath, [cli, "score", join(repoRoot, "rules"), join(repoRoot, "examples", "各县事实.csv"), "--format", "json"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const handScores = JSON.parse(handRun.stdout) as Scored[];
    const classOf = new Map(csv.slice(1).filter((l) => l).map((l) => [l.split(",")[0]!, l.split(",")[header.indexOf("类别")]!]));
    const differences: string[] = [];
    for (const e of expected) {
      const u = got.find((g) => g.unit === e.unit);
      const h = handScores.find((g) => g.unit === e.unit)!;
      if (!u) {
        differences.push(`${e.unit}: 没有结果`);
        continue;
      }
      // rules/ itself gives expected.json (the reference below is rules/ at every level)
      expect(h.exactTotal).toBe(e.exactTotal);
      for (const ind of h.indicators) if (e.indicators[ind.id] !== undefined) expect(ind.score).toBe(e.indicators[ind.id]);
      const mine = flatten(u.indicators);
      const theirs = flatten(h.indicators);
      // explained differences (by class) and what they add up to in each ancestor
      const delta = new Map<string, bigint>();
      const explained = (id: string): boolean => {
        const name = theirs.get(id)!.name;
        return (EXPLAINED_BY_CLASS[name]?.classes ?? []).includes(classOf.get(e.unit)!);
      };
      for (const [id, t] of theirs) {
        const m = mine.get(id);
        if (!m || m.name !== t.name) {
          differences.push(`${e.unit} ${id}: 指标不同（${m?.name ?? "无"} / ${t.name}）`);
          continue;
        }
        if (m.score !== t.score && explained(id)) {
          const d = raw(m.score) - raw(t.score);
          for (let p = id; p !== ""; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") delta.set(p, (delta.get(p) ?? 0n) + d);
          delta.set("", (delta.get("") ?? 0n) + d);
        }
      }
      for (const [id, t] of theirs) {
        const m = mine.get(id);
        if (m && m.name === t.name && raw(m.score) - raw(t.score) !== (delta.get(id) ?? 0n)) differences.push(`${e.unit} ${id} ${t.name}: ${m.score} ≠ ${t.score}`);
      }
      if (raw(u.exactTotal) - raw(e.exactTotal) !== (delta.get("") ?? 0n)) differences.push(`${e.unit} 总分: ${u.exactTotal} ≠ ${e.exactTotal}`);
    }
    // Every difference must be explained (EXPLAINED_BY_CLASS: only where the class says, and each
    // ancestor differs by exactly the sum of its explained descendants) or fixed.
    expect({ unmapped, differences }).toEqual({ unmapped: [], differences: [] });
    expect(Object.keys(EXPLAINED)).toEqual(["grade", "total", "类别"]);
  });
});
