/**
 * Traditional characters read as simplified for recognition (session 25, `src/variants.ts`: OpenCC's
 * Hong Kong / standard traditional → mainland chain through opencc-js, replacing a hand table of some 240
 * characters; 旳 for 的 and 乙 for 一 before a measure word as the odd forms copies serve). The conversion is
 * per text, one character for one: numbers and punctuation never move, a simplified text is returned as it is
 * (its readings cannot change), and the clause written to the .kp is always the verbatim one. Clauses written
 * for these tests, never the corpus's text; the corpus is only read (books ≤ 294) for the properties.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { recogniseClause, type ClauseContext } from "@kaoping/import";
import { describe, expect, it } from "vitest";
import { simplified } from "../src/variants.js";
import { normalise } from "../src/recognise/normalise.js";
import { item, bodies, expectReading, expectTodo } from "./phrasing-check.js";

const bonus = (): ClauseContext => ({ indicator: "表彰奖励", points: null, section: "加分" });

describe("simplified(): characters, not words", () => {
  it.each([
    ["本項考核為0分", "本项考核为0分"],
    ["遲到、曠職、早退", "迟到、旷职、早退"],
    ["每節扣2分,兩次以上", "每节扣2分,两次以上"],
    ["每下降1個百分點扣0.1分", "每下降1个百分点扣0.1分"],
    ["計10分;聽課不少於10節", "计10分;听课不少于10节"],
    ["每查實一輛違規車輛", "每查实一辆违规车辆"],
    // the odd forms: 旳 for 的; 乙 for 一 before a measure word (「記大過乙次」)
    ["完成率低于95%旳扣2分", "完成率低于95%的扣2分"],
    ["記大過乙次,每缺乙個單位", "记大过一次,每缺一个单位"],
  ])("%s → %s", (from, to) => {
    expect(simplified(from)).toBe(to);
  });

  it.each([
    // simplified text that a Taiwan chain would change (显著 → 显着), or that has 乙 as an order word
    "成效显著的加2分",
    "干部后勤台账系统发现乾隆",
    "甲、乙两类单位分别考核",
    "乙级资质单位每个扣1分",
    "未按规定报送的,每次扣0.5分(扣完为止)",
  ])("a simplified text is returned as it is: %s", (text) => {
    expect(simplified(text)).toBe(text);
  });

  it("on every clause of the corpus (books ≤ 294): one character for one, digits and punctuation where they were, simplified text untouched", () => {
    const dir = join(__dirname, "..", "..", "..", "test", "corpus", "clauses");
    let traditional = 0;
    let all = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json") && Number(x.split("-")[0]) < 300)) {
      const book = JSON.parse(readFileSync(join(dir, f), "utf8")) as { clauses: { text: string }[] };
      for (const { text } of book.clauses) {
        all++;
        const s = simplified(text);
        expect(s.length, text).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          const c = text[i]!;
          if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(c)) expect(s[i], `${text} @${i}`).toBe(c);
        }
        if (s !== text) traditional++;
      }
    }
    // the traditional and converted copies of the corpus (books 40–294 have some), not the simplified ones
    expect(all).toBeGreaterThan(2500);
    expect(traditional).toBeGreaterThan(200);
    expect(traditional).toBeLessThan(all / 5);
  });
});

describe("traditional clauses read as their simplified phrasing is", () => {
  it.each([
    ["遲到一次扣0.5分", item("5"), ["每次 扣 0.5"]],
    ["每曠職半天扣5分", item("10"), ["每次 扣 5"]],
    ["每查實一輛違規車輛扣3分", item("10"), ["每个 扣 3"]],
    ["無故缺課,扣2分/課時", item("10"), ["每次 扣 2"]],
    ["每學期聽課不少於10節,每少1節扣0.5分", item("5"), ["至少 10次 每少 1次 扣 0.5"]],
    ["記大過乙次扣5分", item("10"), ["每次 扣 5"]],
    ["每缺乙個單位扣1分", item("5"), ["每个 扣 1"]],
    ["發現一處扣1分,扣完為止", item("5"), ["每处 扣 1"]],
    ["完成率低於95%旳扣2分", item("5"), ["分段 { < 95% 扣 2 }"]],
    ["宿舍內務不整潔,每床扣1分", item("5"), ["每个 扣 1"]],
  ] as const)("%s", expectReading);

  it("a class name is the author's (traditional) text, not the converted one", () => {
    expect(bodies(recogniseClause("國家級每項加3分,省級每項加2分", bonus()))).toEqual(["每项 得 「國家級」 3、「省級」 2"]);
  });

  it.each([
    // what the simplified phrasing cannot read, the traditional cannot either
    ["兩次以上遲到的扣2分", item("5")],
    ["後勤人員6分/半天", item("10")],
  ] as const)("stays a to-do: %s", expectTodo);

  it("normalise() keeps the full-width and space rules around the conversion", () => {
    expect(normalise("每　項 扣０．５分（扣完為止）")).toBe("每项扣0.5分(扣完为止)");
  });
});
