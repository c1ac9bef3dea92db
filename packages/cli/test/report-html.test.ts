/**
 * The HTML renderer as pure functions: golden pages for the shipped example (rules/ +
 * examples/各县事实.csv), every text from the catalogue and facts escaped, the chart specs' values
 * exactly the results' decimal strings, distributions counted exactly.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distribution, esc, jsonInScript, overviewHtml, printHtml, unitHtml, unitFile, type ReportInput } from "@kaoping/report";
import { expectGolden } from "../../../test/golden.js";
import { exampleInput, goldenDir } from "../../report/test/fixture.js";

const input = await exampleInput();

function chartSpecs(html: string): { id: string; series: { values: string[] }[]; categories: string[] }[] {
  const m = /<script type="application\/json" id="kp-charts">(.*?)<\/script>/s.exec(html);
  return JSON.parse(m![1]!);
}

describe("HTML report of the shipped example", () => {
  it("overview (golden)", () => {
    expectGolden(join(goldenDir, "index.html"), overviewHtml(input));
  });

  it("a unit page (golden): 青山县", () => {
    const i = input.results.findIndex((r) => r.unit === "青山县");
    expectGolden(join(goldenDir, `units-${unitFile(i, input.results.length)}`), unitHtml(input, i));
  });

  it("links every unit from the overview, in ranking order", () => {
    const html = overviewHtml(input);
    const links = [...html.matchAll(/<a href="units\/(\d+\.html)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual(input.results.map((r, i) => [unitFile(i, input.results.length), esc(r.unit)]));
  });

  it("charts carry the results' exact decimal strings", () => {
    const [ranking] = chartSpecs(overviewHtml(input));
    expect(ranking!.series[0]!.values).toEqual(input.results.map((r) => r.total));
    expect(ranking!.series[0]!.values).toContain("48.00"); // a rounded total keeps its digits
    const unit = chartSpecs(unitHtml(input, 0))[0]!;
    expect(unit.series[1]!.values).toEqual(input.results[0]!.indicators!.map((i) => i.score));
  });

  it("the print document has the overview and every unit, each unit's chart with its own id", () => {
    const html = printHtml(input);
    expect(html.match(/<main class="unit">/g)).toHaveLength(input.results.length);
    const ids = chartSpecs(html).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("escaping", () => {
  const hostile = "<script>alert(1)</script>&\"'";
  const evil: ReportInput = {
    ...input,
    catalogue: { ...input.catalogue, title: hostile },
    results: input.results.map((r, i) => (i === 0 ? { ...r, unit: hostile, trace: r.trace?.map((e) => ({ ...e, clause: `</script>${e.clause ?? ""}`, text: hostile })) } : r)),
  };
  for (const [name, html] of [
    ["overview", overviewHtml(evil)],
    ["unit page", unitHtml(evil, 0)],
  ] as const) {
    it(`${name}: no text from the catalogue or facts becomes markup`, () => {
      expect(html).not.toContain("<script>alert");
      expect(html.match(/<\/script>/g)?.length).toBe(3); // the JSON specs, echarts, report.js
      expect(html).toContain(esc(hostile));
    });
  }
  it("JSON inside a script cannot close it", () => {
    expect(jsonInScript({ a: "</script><b>&" })).toBe('{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}');
    expect(JSON.parse(jsonInScript({ a: "</script>" }))).toEqual({ a: "</script>" });
  });
});

describe("distribution", () => {
  it("counts each score in its tenth of the points, exactly (bounds included below, the maximum in the top bin)", () => {
    const d = distribution(["0", "1.599999", "1.6", "16", "15.999999", "8"], "16");
    expect(d.labels[0]).toBe("0–1.6");
    expect(d.labels[9]).toBe("14.4–16");
    expect(d.counts).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });
  it("keeps odd points exact", () => {
    expect(distribution(["10.1"], "10.1").labels.slice(0, 2)).toEqual(["0–1.01", "1.01–2.02"]);
  });
});
