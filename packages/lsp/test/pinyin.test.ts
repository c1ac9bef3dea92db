/** Pinyin in completion (issue 12 §1): a keyword matches its full pinyin and its initials. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { completions } from "../src/service/completion.js";
import { pinyinTableText } from "../scripts/generate-pinyin.js";
import { workspace } from "./helpers.js";

describe("pinyin", () => {
  it("the committed table is what the generator writes from core's keywords", () => {
    expect(readFileSync(new URL("../src/service/pinyin-table.ts", import.meta.url), "utf8")).toBe(pinyinTableText());
  });

  it("reads words as phrases (得分 defen, 不得分 budefen, 倒扣 daokou)", () => {
    const table = pinyinTableText();
    for (const line of ['"得分": "defen df"', '"不得分": "budefen bdf"', '"倒扣": "daokou dk"', '"每次": "meici mc"', '"上限": "shangxian sx"', '"待核": "daihe dh"']) expect(table).toContain(line);
  });

  it("gz, sx and mc find 规则, 上限 and 每次 where they may stand; the typed letters are replaced", () => {
    const at = (text: string) => {
      const w = workspace({ "a.kp": text });
      return { items: completions(w.ctx("a.kp"), w.at("a.kp")), off: w.at("a.kp") };
    };
    const gz = at("指标 「乙」 4分 {\n  gz<|>\n}\n");
    const rule = gz.items.find((i) => i.label === "规则")!;
    expect(rule.filterText).toBe("规则 guize gz");
    expect(rule.replace).toEqual({ start: gz.off - 2, end: gz.off });
    expect(gz.items.find((i) => i.label === "规则（每次扣分）")!.filterText).toBe("规则 guize gz");
    expect(at("指标 「乙」 4分 {\n  规则 「a」 「b」 每次 扣 0.5 sx<|>\n}\n").items.find((i) => i.label === "上限")!.filterText).toBe("上限 shangxian sx");
    expect(at("指标 「乙」 4分 {\n  规则 「a」 「b」 mc<|>\n}\n").items.find((i) => i.label === "每次")!.filterText).toBe("每次 meici mc");
  });
});
