/**
 * Clause splitting: explicit cases, and the corpus — each indicator's clauses, joined back into one cell
 * the way rulebook tables write them, must split into the clauses a person split them into.
 */
import { splitClauses } from "@kaoping/import";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBooks } from "./corpus-measure.js";

const texts = (cell: string): string[] => splitClauses(cell).map((c) => c.text);

describe("splitClauses", () => {
  it("splits at 「；」「。」 and line breaks, verbatim and with offsets", () => {
    const cell = "未报送每次扣1分；迟报扣0.5分。\n数据错误每处扣0.2分";
    const cs = splitClauses(cell);
    expect(cs.map((c) => c.text)).toEqual(["未报送每次扣1分；", "迟报扣0.5分。", "数据错误每处扣0.2分"]);
    for (const c of cs) expect(cell.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
  });

  it("splits numbered items (①, （1）, 1. 1、), also after a comma", () => {
    expect(texts("①公文超期公开每条扣5分;②要素未规范录入每条扣1分")).toEqual(["①公文超期公开每条扣5分;", "②要素未规范录入每条扣1分"]);
    expect(texts("（1）未建立制度扣2分（2）未落实扣1分")).toEqual(["（1）未建立制度扣2分", "（2）未落实扣1分"]);
    expect(texts("1.未报送扣2分，2.迟报扣1分")).toEqual(["1.未报送扣2分，", "2.迟报扣1分"]);
  });

  it("keeps a band list together: the pieces do not score on their own", () => {
    expect(texts("完成75%-100%扣0.2分；50%-75%扣0.4分；低于50%扣1分")).toEqual(["完成75%-100%扣0.2分；50%-75%扣0.4分；低于50%扣1分"]);
  });

  it("joins a sentence that scores nothing to the clause it describes", () => {
    expect(texts("上报区政府重点工作实施方案。未报扣10分")).toEqual(["上报区政府重点工作实施方案。未报扣10分"]);
  });

  it("keeps decimals and never loses text", () => {
    const cell = "每次扣0.5分。说明：以台账为准";
    const cs = texts(cell);
    expect(cs.join("")).toBe(cell.replace(/\s/g, ""));
  });

  it("is linear: a 20,000-character cell of any shape splits in well under a second", () => {
    for (const unit of ["①", "1、", "每次扣1分,", "50%-75%扣0.4分；", "(含)", "未报送。"]) {
      const cell = unit.repeat(Math.ceil(20000 / unit.length));
      const t0 = performance.now();
      const cs = splitClauses(cell);
      expect(performance.now() - t0).toBeLessThan(500);
      expect(cs.map((c) => c.text).join("").length).toBeGreaterThan(0);
    }
  });

  it("splits the corpus cells back into the clauses a person made (≥ 90 % of indicators exactly, in-sample; held-out printed)", () => {
    const dir = fileURLToPath(new URL("../../../test/corpus/clauses", import.meta.url));
    const tally = { in: { cells: 0, exact: 0 }, out: { cells: 0, exact: 0 } };
    const misses: string[] = [];
    for (const b of loadBooks(dir)) {
      const t = b.heldOut ? tally.out : tally.in;
      const groups = new Map<string, string[]>();
      for (const c of b.clauses) groups.set(`${c.indicator}/${c.section ?? ""}`, [...(groups.get(`${c.indicator}/${c.section ?? ""}`) ?? []), c.text]);
      for (const [key, parts] of groups) {
        // a table cell: the clauses one after another, a 「；」 where the clause has no end mark of its own
        const cell = parts.map((p, i) => (i < parts.length - 1 && !/[。；;，,]$/.test(p) ? `${p}；` : p)).join("");
        const want = parts.map((p, i) => (i < parts.length - 1 && !/[。；;，,]$/.test(p) ? `${p}；` : p));
        t.cells++;
        const got = texts(cell);
        if (JSON.stringify(got) === JSON.stringify(want)) t.exact++;
        else misses.push(`${b.id} ${key}: ${JSON.stringify(got)}`);
      }
    }
    console.log(`splitting: ${tally.in.exact} of ${tally.in.cells} in-sample corpus cells split exactly as a person did; held-out: ${tally.out.exact} of ${tally.out.cells}`);
    if (process.env.SPLIT_SHOW) console.log(misses.join("\n"));
    expect(tally.in.exact / tally.in.cells).toBeGreaterThanOrEqual(0.9);
  });
});
