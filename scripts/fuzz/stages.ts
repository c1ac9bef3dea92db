/** Running one input through the targets (parser, checker → compile → import → score, formatter, language service). */
import { analyzeCatalogue, compileCatalogue, parseKp, type Diagnostic } from "@kaoping/core";
import { drawFromSeed, type Draw } from "../../test/property/kp-gen.js";
import { memoryHost } from "../../test/property/harness.js";
import type { FuzzInput } from "./generators.js";
import { runFacts } from "./facts-stage.js";
import { Checker, checkResultRanges, shape, type Failure } from "./invariants.js";
import type { Target } from "./options.js";

const FACT_VALUES: unknown[] = [
  0, 1, 2, 3, -1, 1.5, 0.1 + 0.2, 1e21, 1e308, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, "3", "３", "87.5%", "200%", "-5", "是", "否", "有", "", null, true, false,
  [], ["A", "A"], ["A", "B"], "事件A、事件B", {}, { x: 1 }, "1e3", "0.0000001", "NaN", "Infinity", "　", "\u2028", "9".repeat(30), "未报送", "√", "0.000001", "12.345678",
];

function randomFacts(d: Draw, keys: readonly string[], classes: readonly string[]): unknown[] {
  const names = ["甲县", "乙县", "丙区", "constructor", "甲县", " ", "__proto__"];
  const units: unknown[] = [];
  for (let n = d.int(0, 5); n > 0; n--) {
    const facts: Record<string, unknown> = {};
    for (const k of keys) if (d.bool(0.7)) facts[k] = d.pick(FACT_VALUES);
    if (d.bool(0.1)) facts[d.pick(["不存在", "a.b", "__proto__"])] = 1;
    units.push({ name: d.bool(0.95) ? d.pick(names) : d.pick(FACT_VALUES), classes: classes.filter(() => d.bool(0.4)), facts });
  }
  if (d.bool(0.05)) return [null, 1, "x"];
  return units;
}


type FormatterModule = { formatKp(text: string, o?: { filepath?: string }): Promise<string>; KpSyntaxError: new (...a: never[]) => Error };
let formatter: FormatterModule | null | undefined;
let lsp: Record<string, unknown> | null | undefined;
let lintAnalysis: ((a: unknown) => Diagnostic[]) | undefined;

/** The formatter, language service and linter, when they are built into the workspace. */
async function loadOptional(): Promise<void> {
  if (formatter === undefined) formatter = (await import("prettier-plugin-kp").catch(() => null)) as unknown as FormatterModule | null;
  if (lsp === undefined) lsp = (await import("@kaoping/lsp").catch(() => null)) as unknown as Record<string, unknown> | null;
  if (lintAnalysis === undefined) lintAnalysis = ((await import("@kaoping/lint").catch(() => null)) as { lintAnalysis?: typeof lintAnalysis } | null)?.lintAnalysis;
}

/** Runs one input through the targets; returns the broken invariants. */
export async function runInput(input: FuzzInput, targets: readonly Target[]): Promise<{ failures: Failure[]; ms: Record<string, number> }> {
  await loadOptional();
  const texts = new Map(input.files.map((f) => [f.path, f.text]));
  const c = new Checker(texts);
  const d = drawFromSeed(input.seed ^ 0x5bd1e995);
  const root = input.files[0]!.path;
  const ms: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      ms[name] = (ms[name] ?? 0) + performance.now() - t;
    }
  };

  if (input.factsFile) {
    // a facts input: its catalogue is generated and valid; only the facts file is under test
    if (targets.includes("facts")) await runFacts(c, input, timed);
    return { failures: c.failures, ms };
  }

  const parses = new Map<string, ReturnType<typeof parseKp>>();
  if (targets.includes("parser") || targets.includes("formatter")) {
    for (const f of input.files) {
      try {
        const p = await timed("parse", () => parseKp(f.text, f.path));
        parses.set(f.path, p);
        c.diagnostics("parser", p.diagnostics, f.path);
        c.ast("parser", p.ast, f.path);
      } catch (e) {
        c.crash("parser", `parseKp(${f.path})`, e);
      }
    }
  }

  if (targets.includes("checker")) {
    try {
      const a = await timed("check", () => analyzeCatalogue(root, memoryHost(texts)));
      c.diagnostics("checker", a.diagnostics, root);
      if (!a.diagnostics.some((x) => x.severity === "error")) {
        let js = "";
        try {
          js = await timed("compile", () => compileCatalogue(a.catalogue, { version: "fuzz" }).js);
        } catch (e) {
          c.crash("checker", "compileCatalogue", e);
        }
        if (js && js.length < 20_000_000) {
          let mod: { scoreAll(u: unknown, o?: object): unknown[]; checkFacts(u: unknown): unknown[] } | undefined;
          try {
            mod = await timed("import", () => import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`));
          } catch (e) {
            c.crash("checker", "import of the compiled module of a catalogue without errors", e);
          }
          if (mod) {
            const keys = a.catalogue.rules.flatMap((r) => r.facts.map((f) => f.key));
            const factSets = [...(input.facts ? [input.facts] : []), randomFacts(d, keys, a.catalogue.classes)];
            for (const units of factSets) {
              try {
                const errs = mod.checkFacts(units);
                if (!Array.isArray(errs)) c.fail("checker", "checkFacts returns a list", typeof errs);
                const res = await timed("score", () => mod!.scoreAll(units, { trace: d.bool() }));
                for (const r of res as { total: unknown }[]) if (typeof r.total !== "string" || !/^-?\d+(\.\d+)?$/.test(r.total)) c.fail("checker", "totals are decimals", String(r.total));
                if (units === input.facts && errs.length > 0) c.fail("checker", "generated facts are valid", JSON.stringify(errs).slice(0, 500));
              } catch (e) {
                const name = (e as Error | undefined)?.name;
                if (name !== "KpFactsError") c.crash("checker", "scoreAll", e);
                else if (units === input.facts) c.fail("checker", "generated facts are valid", String((e as Error).message).slice(0, 500));
              }
            }
          }
        }
      }
    } catch (e) {
      c.crash("checker", "analyzeCatalogue", e);
    }
  }

  if (targets.includes("formatter") && formatter) {
    for (const f of input.files) {
      const p = parses.get(f.path);
      if (!p) continue;
      const clean = !p.diagnostics.some((x) => x.severity === "error");
      try {
        const once = await timed("format", () => formatter!.formatKp(f.text, { filepath: f.path }));
        if (!clean) continue; // formatting text with errors is allowed to work (or refuse)
        const again = parseKp(once, f.path);
        const errs = again.diagnostics.filter((x) => x.severity === "error");
        if (errs.length > 0) c.fail("formatter", "formatted text parses", errs.map((x) => `${x.code} ${x.message}`).join("; ").slice(0, 500));
        else if (JSON.stringify(shape(again.ast)) !== JSON.stringify(shape(p.ast))) c.fail("formatter", "formatting keeps the AST", f.path);
        else if ((await timed("format", () => formatter!.formatKp(once, { filepath: f.path }))) !== once) c.fail("formatter", "formatting is idempotent", f.path);
      } catch (e) {
        if (e instanceof formatter.KpSyntaxError || (e as Error | undefined)?.name === "KpSyntaxError") {
          if (clean) c.fail("formatter", "text without syntax errors formats", String((e as Error).message).slice(0, 500));
        } else c.crash("formatter", `formatKp(${f.path})`, e);
      }
    }
  }

  if (targets.includes("lsp") && lsp) {
    await timed("lsp", () => runLsp(c, input, texts, d));
  }
  return { failures: c.failures, ms };
}

type Fn = (...a: unknown[]) => unknown;

async function runLsp(c: Checker, input: FuzzInput, texts: Map<string, string>, d: Draw): Promise<void> {
  const L = lsp as Record<string, Fn & (new (...a: unknown[]) => Record<string, Fn>)>;
  let project: Record<string, Fn>;
  try {
    const fs = new L.MemoryFileSystem!(Object.fromEntries(texts));
    project = new L.Project!(fs, { folders: ["/fuzz"], lint: lintAnalysis, log: () => {} });
    for (const f of input.files) if (d.bool(0.7) || f === input.files[0]) project.setDocument!(f.path, f.text);
  } catch (e) {
    c.crash("lsp", "Project", e);
    return;
  }
  for (const f of input.files) {
    let ctx: unknown;
    try {
      ctx = project.context!(f.path);
      if (!ctx) continue;
      const state = (ctx as { state: { diagnostics: Diagnostic[] } }).state;
      c.diagnostics("lsp", state.diagnostics, f.path);
    } catch (e) {
      c.crash("lsp", `project.context(${f.path})`, e);
      continue;
    }
    const len = f.text.length;
    const offsets = [0, len, ...Array.from({ length: 6 }, () => d.int(0, len))];
    const call = (name: string, ...args: unknown[]) => {
      const fn = L[name];
      if (typeof fn !== "function") return;
      try {
        const r = fn(ctx, ...args);
        checkResultRanges(c, name, r, f.path, texts);
      } catch (e) {
        c.crash("lsp", `${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`, e);
      }
    };
    for (const o of offsets) {
      call("hover", o);
      call("completions", o);
      call("definition", o);
      call("references", o);
      call("highlights", o);
      call("prepareRename", o);
      call("rename", o, d.pick(["新名", "", "「", "a」b", "\u2028"]));
    }
    const a = d.int(0, len);
    call("codeActions", Math.min(a, offsets[2]!), Math.max(a, offsets[2]!));
    call("documentSymbols");
    call("semanticTokens");
    call("inlayHints");
    try {
      const file = (ctx as { file: unknown }).file;
      if (typeof L.foldingRanges === "function") L.foldingRanges(file);
    } catch (e) {
      c.crash("lsp", "foldingRanges", e);
    }
  }
}
