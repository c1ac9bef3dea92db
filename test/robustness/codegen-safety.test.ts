/**
 * Safe code generation: user text (title, indicator, rule, class, category, grade, section, flag and
 * unit names, clause and note texts, codes, departments, incident ids) only ever reaches the generated
 * module as data.  Each payload below is put in every such place of one catalogue; the catalogue is
 * compiled, imported and scored, and
 * - no injected code runs (globalThis.kpPwned stays undefined),
 * - every text comes back byte-identical in the module's `catalogue` metadata, results and traces,
 * - the .d.ts parses as TypeScript and the facts schema as JSON with the exact fact keys.
 *
 * Decisions on characters that cannot or should not appear:
 * - line breaks (\n, \r) cannot be inside 「」: strings are single-line (an unclosed string ends at the
 *   line break, KP1002);
 * - U+2028/U+2029 are not line breaks for .kp (nor for LSP), so they are ordinary string characters;
 * - NUL: a FILE containing NUL is rejected as binary (KP0007) before parsing; text already in memory
 *   (an editor buffer) may carry NUL inside 「」 and it is compiled safely, escaped as \u0000.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { beforeEach, describe, expect, it } from "vitest";
import { analyzeCatalogue, compileCatalogue, invisibleChars, nodeHost, parseKp } from "@kaoping/core";
import { analyzeRendered, describeDiagnostics, importModule, type ModuleIndicator, type ModuleResult } from "../property/harness.js";

declare global {
  // eslint-disable-next-line no-var
  var kpPwned: unknown;
}

/** Texts that would break or inject into JS/TS/JSON/HTML if pasted unescaped. */
const PAYLOADS: [string, string][] = [
  ["double quote", `"; globalThis.kpPwned = 1; "`],
  ["single quote", `'; globalThis.kpPwned = 1; '`],
  ["backtick", "`; globalThis.kpPwned = 1; `"],
  ["backslash", `\\"; globalThis.kpPwned = 1; //\\`],
  ["template", "${globalThis.kpPwned = 1}"],
  ["comment end", "*/ globalThis.kpPwned = 1; /*"],
  ["comment start", "/* x"],
  ["line comment", "// globalThis.kpPwned = 1"],
  ["script tag", "</script><script>globalThis.kpPwned = 1</script><!--"],
  ["U+2028", "a\u2028globalThis.kpPwned = 1;//"],
  ["U+2029", "a\u2029globalThis.kpPwned = 1;//"],
  ["NUL", "a\u0000b"],
  ["control chars", "a\u0001\u0008\u000b\u000c\u001b\u007fb"],
  ["astral and lone surrogate", "𝌆😀\uD83D甲"],
  ["nested brackets", "第「一」条「（二）」"],
  ["JS keywords", "constructor; return; import('x')"],
];

/** A catalogue using `p` in every place a user text can go. Names get suffixes to stay distinct. */
function catalogueText(p: string): string {
  const s = (suffix: string) => `「${p}${suffix}」`;
  return `细则 ${s("标题")}
年度 ${s("年度")}
对象 ${s("对象")}
类别 ${s("类甲")}、${s("类乙")}
舍入 保留 2 位
等次 {
  ${s("优秀")} ≥ 9
  ${s("其余")} 其余
}
指标 ${s("指标")} 10分 {
  编号 ${s("编号")}
  考评单位 ${s("部门")}
  注 ${s("注")}
  规则 ${s("按次")} ${s("条文按次")} 每次 扣 0.5 其中 ${s("类乙")} 0.25 加倍 当 ${s("重犯")}
  规则 ${s("分类")} ${s("条文分类")} 每人次 扣 ${s("轻")} 0.1、${s("重")} 0.2
  规则 ${s("否决")} ${s("条文否决")} 一票否优
  就高 {
    规则 ${s("就高一")} ${s("条文就高一")} 每起 扣 1
    规则 ${s("就高二")} ${s("条文就高二")} 扣 2
  }
  指标 ${s("子指标")} 2分 {
    参照 ${s("类乙")} 以 ${s("单位甲")} 为准
    规则 ${s("适用")} ${s("条文适用")} 扣 1 适用 ${s("类甲")}
  }
}
加分 ${s("加分")} 上限 1 {
  规则 ${s("加分规则")} ${s("条文加分")} 得 0.5
}
`;
}

/**
 * Incident ids in a text cell are split at 、,，;； (a cell lists several), so an id cannot contain
 * them; the one-shot rule takes its id as text.
 */
const incident = (p: string) => `${p.replace(/[、,，;；]/g, "")}事件`;

function facts(p: string): unknown[] {
  const k = (suffix: string) => `${p}${suffix}`;
  return [
    {
      name: k("单位甲"),
      classes: [k("类甲")],
      facts: {
        [k("按次")]: 2,
        [`${k("按次")}.${k("重犯")}`]: true,
        [`${k("分类")}.${k("轻")}`]: 1,
        [`${k("分类")}.${k("重")}`]: 1,
        [k("否决")]: true,
        [k("就高一")]: [incident(p)],
        [k("就高二")]: incident(p),
        [k("适用")]: true,
        [k("加分规则")]: true,
      },
    },
    { name: k("单位乙"), classes: [k("类乙")], facts: { [k("按次")]: 1 } },
  ];
}

/**
 * Checks and compiles a catalogue.  Names holding control or invisible characters are refused by the
 * checker (KP2039) — `refusedNames` says they must be — but the emitter must stay safe for them all
 * the same (defence in depth: a module is never the place where user text becomes code), so those
 * errors alone do not stop the compilation here.
 */
function compile(text: string, refusedNames = false) {
  const parsed = parseKp(text, "/safe/root.kp");
  const a = analyzeRendered([{ path: "/safe/root.kp", text }]);
  const refused = a.diagnostics.filter((d) => d.code === "KP2039");
  if (refusedNames) expect(refused.length, "KP2039 for names with control characters").toBeGreaterThan(0);
  else expect(refused, describeDiagnostics(refused)).toEqual([]);
  const errors = a.diagnostics.filter((d) => d.severity === "error" && d.code !== "KP2039");
  expect(errors, describeDiagnostics(errors)).toEqual([]);
  expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { catalogue: a.catalogue, out: compileCatalogue(a.catalogue, { version: "test", sources: [`${text.slice(0, 20)}.kp`] }) };
}

function flat(list: readonly ModuleIndicator[] | undefined): ModuleIndicator[] {
  return (list ?? []).flatMap((i) => [i, ...flat(i.children)]);
}

describe("generated code is safe for any user text", () => {
  beforeEach(() => {
    delete globalThis.kpPwned;
  });

  it.each(PAYLOADS)("%s: compiles, imports, scores, and every text comes back byte-identical", async (_label, p) => {
    const k = (suffix: string) => `${p}${suffix}`;
    const { out } = compile(catalogueText(p), invisibleChars(p).length > 0);
    const mod = await importModule(out.js);
    expect(globalThis.kpPwned).toBeUndefined();

    // metadata
    const c = mod.catalogue;
    expect(c.title).toBe(k("标题"));
    expect(c.classes).toEqual([k("类甲"), k("类乙")]);
    expect(c.grades).toEqual([k("优秀"), k("其余")]);
    const top = c.indicators[0]!;
    expect([top.name, top.code, top.departments, top.notes]).toEqual([k("指标"), k("编号"), [k("部门")], [k("注")]]);
    expect((top.children[0] as { name: string }).name).toBe(k("子指标"));
    expect(c.bonuses[0]!.name).toBe(k("加分"));
    const ruleNames = ["按次", "分类", "否决", "就高一", "就高二", "适用", "加分规则"].map(k);
    expect(Object.keys(c.rules).sort()).toEqual([...ruleNames].sort());
    for (const n of ruleNames) expect(c.rules[n]!.clause).toBe(k(`条文${n.slice(p.length) === "加分规则" ? "加分" : n.slice(p.length)}`));

    // scores and traces
    const results = mod.scoreAll(facts(p), { trace: true });
    expect(globalThis.kpPwned).toBeUndefined();
    const a = results.find((r) => r.unit === k("单位甲")) as ModuleResult;
    const b = results.find((r) => r.unit === k("单位乙")) as ModuleResult;
    expect(a.classes).toEqual([k("类甲")]);
    // 单位甲: the child scores 2 − 1 (适用) = 1; the parent starts from its children's sum, 1, and
    // deducts 按次 2 × 0.5 doubled = 2, 分类 0.1 + 0.2, 就高 one incident at max(1, 2) = 2:
    // max(0, 1 − 4.3) = 0; bonus 0.5 → total 0.5.
    expect(a.exactTotal).toBe("0.5");
    expect(a.grade).toBe(k("其余"));
    expect(a.vetoes).toEqual([{ rule: k("否决"), level: "noExcellent", clause: k("条文否决") }]);
    expect(flat(a.indicators).map((i) => i.name)).toEqual([k("指标"), k("子指标")]);
    const trace = a.trace!;
    for (const t of trace) if (t.rule !== undefined) expect(t.clause).toBe(c.rules[t.rule]!.clause);
    const byRule = (n: string) => trace.filter((t) => t.rule === k(n));
    expect(byRule("按次")[0]!.text).toContain(k("重犯"));
    expect(byRule("分类")[0]!.text).toContain(k("轻"));
    expect(byRule("分类")[0]!.text).toContain(k("重"));
    expect(byRule("就高一")[0]!.text).toContain(incident(p));
    expect(trace.some((t) => t.kind === "limit" && t.text.includes(incident(p)) && t.text.includes(k("就高二")))).toBe(true);
    expect(byRule("适用")).toHaveLength(1);
    // 单位乙 (类乙) takes 单位甲's score for 子指标 (参照): the note names the unit.
    expect(b.trace!.some((t) => t.kind === "note" && t.text.includes(k("单位甲")))).toBe(true);
    expect(b.trace!.find((t) => t.rule === k("按次"))!.text).toContain("0.25");
    expect(globalThis.kpPwned).toBeUndefined();

    // .d.ts: valid TypeScript, one property per fact key
    const sf = ts.createSourceFile("catalogue.d.ts", out.dts, ts.ScriptTarget.ES2022, true);
    const syntax = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    expect(syntax.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    const factsDecl = sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "Facts")!;
    const keys = factsDecl.members.map((m) => (m.name && ts.isStringLiteral(m.name) ? m.name.text : "?"));
    expect(keys).toContain(`${k("按次")}.${k("重犯")}`);
    expect(keys).toContain(`${k("分类")}.${k("轻")}`);

    // schema: JSON with the exact keys
    const schema = JSON.parse(out.schema) as { $defs?: Record<string, { properties?: Record<string, unknown> }> };
    expect(JSON.stringify(schema)).toContain(JSON.stringify(`${k("分类")}.${k("重")}`).slice(1, -1));
  });

  it("a file containing NUL is rejected as binary (KP0007), not parsed", () => {
    const dir = mkdtempSync(join(tmpdir(), "kp-nul-"));
    const path = join(dir, "细则.kp");
    writeFileSync(path, catalogueText("a\u0000b"));
    const a = analyzeCatalogue(path, nodeHost);
    expect(a.diagnostics.map((d) => d.code)).toContain("KP0007");
    expect(a.files).toEqual([]);
  });

  it("a line break cannot be inside 「」: the string ends there (KP1002)", () => {
    const p = parseKp("细则 「a\nb」\n", "x.kp");
    expect(p.diagnostics.map((d) => d.code)).toContain("KP1002");
    const p2 = parseKp("细则 「a\rb」\n", "x.kp");
    expect(p2.diagnostics.map((d) => d.code)).toContain("KP1002");
  });
});

/**
 * Names that are properties of Object.prototype (constructor, toString, __proto__…): a generated
 * module whose facts, classes, units or metadata lived in plain objects (`{}`) would read inherited
 * members.  The runtime uses prototype-free maps (Object.create(null) or Map, and a computed
 * ["__proto__"] key in object literals); these tests, all passing, keep it so.
 */
describe("names that are Object.prototype members (every map in a module is safe from them)", () => {
  async function module(text: string) {
    return importModule(compile(text).out.js);
  }

  it("a rule named 「constructor」 or 「toString」 deducts only when its fact says so", async () => {
    const mod = await module(`细则 「t」
指标 「x」 2分 { 规则 「toString」 「c」 扣 0.5  规则 「constructor」 「c」 每次 扣 0.3 }`);
    expect(mod.scoreAll([{ name: "甲", facts: {} }])[0]!.total).toBe("2");
    expect(mod.scoreAll([{ name: "甲", facts: { toString: true, constructor: 2 } }])[0]!.total).toBe("0.9");
  });

  it("a rule named 「__proto__」 reads its own fact and is listed in the metadata", async () => {
    const mod = await module(`细则 「t」
指标 「x」 2分 { 规则 「__proto__」 「c」 扣 0.5 }`);
    expect(Object.keys(mod.catalogue.rules)).toEqual(["__proto__"]);
    expect(mod.scoreAll([{ name: "甲", facts: JSON.parse('{"__proto__": false}') }])[0]!.total).toBe("2");
    expect(mod.scoreAll([{ name: "甲", facts: JSON.parse('{"__proto__": true}') }])[0]!.total).toBe("1.5");
  });

  it("a required fact of a rule named 「hasOwnProperty」 is reported missing (KP4008)", async () => {
    const mod = await module(`细则 「t」
指标 「x」 2分 { 规则 「hasOwnProperty」 「c」 基准 90% 每低 1% 扣 0.1 }`);
    expect(mod.checkFacts([{ name: "甲", facts: {} }]).map((e) => e.code)).toEqual(["KP4008"]);
  });

  it("a class named 「constructor」 only applies to units of that class", async () => {
    const mod = await module(`细则 「t」 类别 「constructor」、「B」
指标 「x」 2分 { 规则 「r」 「c」 扣 0.5 其中 「constructor」 0.1 }`);
    expect(mod.scoreAll([{ name: "甲", classes: ["B"], facts: { r: true } }])[0]!.total).toBe("1.5");
  });

  it("units named 「constructor」 and 「__proto__」 are ordinary units", async () => {
    const mod = await module(`细则 「t」
指标 「x」 2分 { 规则 「r」 「c」 扣 0.5 }`);
    const units = [
      { name: "constructor", facts: { r: true } },
      { name: "__proto__", facts: {} },
    ];
    expect(mod.checkFacts(units)).toEqual([]);
    expect(mod.scoreAll(units).map((r) => [r.unit, r.total])).toEqual([
      ["__proto__", "2"],
      ["constructor", "1.5"],
    ]);
  });
});
