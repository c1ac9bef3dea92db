/**
 * The plugin as Prettier sees it, and the `formatKp` / `KpSyntaxError` API other packages use.
 */
import { describe, expect, it } from "vitest";
import * as prettier from "prettier";
import plugin, { formatKp, KpSyntaxError, languages, options, parsers, printers } from "prettier-plugin-kp";
import { parseKp } from "@kaoping/core";
import { format } from "./helpers.js";

const sample = `细则 「样例」\n\n指标 「甲」 4分 {\n  规则 「参会」 「每次扣0.5分」 每次 扣 0.5\n}\n`;

describe("plugin object", () => {
  it("declares the kp language, parser and printer", () => {
    expect(plugin).toEqual({ languages, parsers, printers, options });
    expect(languages[0]).toMatchObject({ name: "kp", parsers: ["kp"], extensions: [".kp"] });
    expect(parsers.kp.astFormat).toBe("kp-ast");
    const printer = printers["kp-ast"];
    for (const hook of ["print", "canAttachComment", "printComment", "getVisitorKeys", "isBlockComment"] as const) {
      expect(typeof printer[hook]).toBe("function");
    }
    expect(Object.keys(printer.handleComments ?? {}).sort()).toEqual(["endOfLine", "ownLine", "remaining"]);
    expect(options).toEqual({});
  });

  it("is chosen by Prettier for a .kp file path", async () => {
    const messy = sample.replace(/ /g, "");
    expect(await prettier.format(messy, { filepath: "规则/细则.kp", plugins: [plugin] })).toBe(sample);
    const info = await prettier.getFileInfo("细则.kp", { plugins: [plugin] });
    expect(info.inferredParser).toBe("kp");
  });

  it("reports locStart/locEnd from the AST spans", () => {
    const ast = parsers.kp.parse(sample, {} as never) as { items: { span: { start: { offset: number } } }[] };
    const indicator = ast.items[1]!;
    expect(parsers.kp.locStart(indicator as never)).toBe(sample.indexOf("指标"));
    expect(parsers.kp.locEnd(indicator as never)).toBe(sample.lastIndexOf("}") + 1);
  });
});

describe("formatKp", () => {
  it("formats like prettier.format with the plugin", async () => {
    const messy = "细则「样例」指标「甲」4分{规则「参会」「每次扣0.5分」每次扣0.5}";
    expect(await formatKp(messy)).toBe(sample);
    expect(await formatKp(messy)).toBe(await format(messy));
  });

  it("takes printWidth, tabWidth and useTabs", async () => {
    expect(await formatKp(sample, { tabWidth: 4 })).toContain("\n    规则 「参会」");
    expect(await formatKp(sample, { useTabs: true })).toContain("\n\t规则 「参会」");
    expect(await formatKp(sample, { printWidth: 30 })).toContain("「每次扣0.5分」\n    每次 扣 0.5\n");
  });

  it("formats text with full-width characters (a warning, not an error)", async () => {
    expect(await formatKp(sample.replace("扣 0.5\n", "扣 ０．５\n"))).toBe(sample);
  });

  it("writes 「」 for the 【】 and “” a pinyin IME types (KP1011 is a warning)", async () => {
    expect(await formatKp(sample.replace("「参会」", "【参会】").replace("「每次扣0.5分」", "“每次扣0.5分”"))).toBe(sample);
  });

  it("keeps a byte order mark and writes LF line ends", async () => {
    expect(await formatKp("\uFEFF" + sample.replace(/\n/g, "\r\n"))).toBe("\uFEFF" + sample);
  });

  it("formats an empty or blank file to an empty one", async () => {
    expect(await formatKp("")).toBe("");
    expect(await formatKp("  \n\n")).toBe("");
  });
});

describe("syntax errors", () => {
  const broken = `细则 「样例」\n指标 「甲」 4分 {\n  规则 参会 「每次扣0.5分」 每次 扣\n}\n`;

  it("are refused with a KpSyntaxError listing line:col code message", async () => {
    const errors = parseKp(broken, "甲.kp").diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBe(2); // the bare word 参会, and the missing amount
    const error = await formatKp(broken, { filepath: "甲.kp" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KpSyntaxError);
    expect(error).toBeInstanceOf(Error);
    const e = error as KpSyntaxError;
    expect(e.name).toBe("KpSyntaxError");
    expect(e.diagnostics).toEqual(errors);
    expect(e.message).toBe(["「甲.kp」有语法错误，未格式化：", ...errors.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`)].join("\n"));
    expect(e.message).toMatch(/^「甲\.kp」有语法错误，未格式化：\n3:6 KP1\d{3} .*「参会」.*\n4:1 KP1\d{3} /);
  });

  it("make prettier.format reject too, with the diagnostics and a code frame", async () => {
    const error = (await format(broken).catch((e: unknown) => e)) as Error & { codeFrame?: string };
    expect(error).toBeInstanceOf(KpSyntaxError);
    expect(error.message).toMatch(/3:6 KP1\d{3} /);
    expect(error.codeFrame).toContain("规则 参会");
  });
});
