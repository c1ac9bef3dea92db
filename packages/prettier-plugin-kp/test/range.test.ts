/**
 * Range formatting (`formatKp(text, { rangeStart, rangeEnd })`, what the language server's range
 * formatting uses): the items the range touches are reformatted, the rest of the text is kept
 * byte for byte.
 */
import { describe, expect, it } from "vitest";
import { formatKp, KpSyntaxError } from "prettier-plugin-kp";
import { shape } from "./helpers.js";

const text = `细则「样例」
指标 「甲」 4分 {
      规则 「一」 「每次扣0.5分」   每次   扣 0.5
   规则 「二」 「每次扣0.2分」 每次扣0.2
  规则 「三」 「分段」 分段 { [75%,100%) 扣 0.2
     未报送 扣 2 }
}
指标「乙」1分{规则「四」「扣0.1分」扣0.1}
`;
const at = (s: string) => text.indexOf(s);
const lineStart = (offset: number) => text.lastIndexOf("\n", offset - 1) + 1;

/** Asserts that only `[from, to)` of the text changed, into `replacement`. */
function expectOnlyChanged(result: string, from: number, to: number, replacement: string): void {
  expect(result).toBe(text.slice(0, from) + replacement + text.slice(to));
  expect(shape(result)).toEqual(shape(text));
}

describe("range formatting", () => {
  it("reformats only the rule the range is in", async () => {
    const start = at("规则 「二」");
    const end = at("每次扣0.2\n") + "每次扣0.2".length;
    const result = await formatKp(text, { rangeStart: start + 3, rangeEnd: start + 5 });
    expectOnlyChanged(result, lineStart(start), end, "  规则 「二」 「每次扣0.2分」\n    每次 扣 0.2");
  });

  it("reformats every rule the range touches, and nothing else", async () => {
    const result = await formatKp(text, { rangeStart: at("规则 「一」"), rangeEnd: at("每次扣0.2\n") });
    const end = at("每次扣0.2\n") + "每次扣0.2".length;
    expectOnlyChanged(result, lineStart(at("规则 「一」")), end, "  规则 「一」 「每次扣0.5分」\n    每次 扣 0.5\n  规则 「二」 「每次扣0.2分」\n    每次 扣 0.2");
  });

  it("reformats a whole indicator", async () => {
    const start = at("指标「乙」");
    const result = await formatKp(text, { rangeStart: start, rangeEnd: start + 2 });
    expectOnlyChanged(result, start, text.length - 1, "指标 「乙」 1分 {\n  规则 「四」 「扣0.1分」 扣 0.1\n}");
  });

  it("reformats one band of a 分段 block, aligned like the whole block", async () => {
    const start = at("未报送");
    const result = await formatKp(text, { rangeStart: start, rangeEnd: start + 3 });
    expectOnlyChanged(result, lineStart(start), start + "未报送 扣 2".length, "      未报送      扣 2");
  });

  it("formats everything when the range covers the whole text", async () => {
    expect(await formatKp(text, { rangeStart: 0, rangeEnd: text.length })).toBe(await formatKp(text));
  });

  it("changes nothing for a range of blank space or an empty range", async () => {
    const blank = at("}\n指标「乙」") + 1;
    expect(await formatKp(text, { rangeStart: blank, rangeEnd: blank + 1 })).toBe(text);
    expect(await formatKp(text, { rangeStart: 10, rangeEnd: 10 })).toBe(text);
  });

  it("keeps CRLF line ends", async () => {
    const crlf = text.replace(/\n/g, "\r\n");
    const start = crlf.indexOf("规则 「二」");
    const result = await formatKp(crlf, { rangeStart: start, rangeEnd: start + 2 });
    expect(result).toBe(crlf.replace("   规则 「二」 「每次扣0.2分」 每次扣0.2", "  规则 「二」 「每次扣0.2分」\r\n    每次 扣 0.2"));
  });

  it("refuses text with syntax errors, as whole-file formatting does", async () => {
    await expect(formatKp(text.replace("「四」", "四"), { rangeStart: 0, rangeEnd: 5 })).rejects.toBeInstanceOf(KpSyntaxError);
  });
});
