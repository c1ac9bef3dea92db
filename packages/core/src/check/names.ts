/**
 * Names in a catalogue.  Every 「…」 string that names something — a class, an indicator, a rule, a
 * category, a 加倍/减半 condition, a unit or department, a grade, a section, an 编号, an 引入 path —
 * is a name: it may not contain invisible characters (zero-width, bidirectional controls, control
 * characters, blank fillers: KP2039 at that character, with a fix that deletes it), and its identity
 * is its {@link nameKey} (NFC, half-width), so names that only look alike are one name and the
 * existing duplicate errors apply.  Texts — the 细则 title, 年度, 对象, a rule's clause (条文) and
 * 注 — are shown, never matched, and are left as written.
 */
import type * as A from "../ast.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type * as M from "../model.js";
import { invisibleChars, nameKey } from "../text/names.js";
import { ruleKeys } from "./catalogue-passes.js";
import type { Position, Span } from "../text/position.js";

/** Every name of a file, in source order. */
export function namesOf(file: A.KpFile): A.StringLit[] {
  return file.items.flatMap(namesOfItem);
}

/** Every name of a top-level item, in source order. */
export function namesOfItem(item: A.TopItem): A.StringLit[] {
  const out: A.StringLit[] = [];
  const add = (s: A.StringLit | undefined) => {
    if (s) out.push(s);
  };
  const rule = (r: A.Rule) => {
    add(r.name);
    const b = r.body;
    if (b && (b.kind === "Per" || b.kind === "OneShot") && b.amounts) {
      if (b.amounts.kind === "Categories") for (const e of b.amounts.entries) add(e.name);
      else for (const o of b.amounts.overrides) add(o.unitClass);
    }
    for (const m of r.modifiers) {
      if (m.kind === "Multiplier") add(m.flag);
      else if (m.kind === "Occurrences") for (const e of m.entries) add(e.condition);
      else if (m.kind === "Average") add(m.fact);
      else if (m.kind === "Applies") m.classes.forEach(add);
    }
  };
  const groupItems = (items: readonly A.GroupItem[]) => {
    for (const i of items) if (i.kind === "Rule") rule(i);
  };
  const indicator = (ind: A.Indicator) => {
    add(ind.name);
    for (const i of ind.items) {
      switch (i.kind) {
        case "Code":
          add(i.code);
          break;
        case "Departments":
          i.names.forEach(add);
          break;
        case "Applies":
          i.classes.forEach(add);
          break;
        case "Refer":
          add(i.unitClass);
          add(i.unit);
          break;
        case "Indicator":
          indicator(i);
          break;
        case "Rule":
          rule(i);
          break;
        case "CapGroup":
        case "HighestGroup":
        case "ChoiceGroup":
          groupItems(i.items);
          break;
        case "Note":
          break;
      }
    }
  };
  switch (item.kind) {
    case "Classes":
      item.names.forEach(add);
      break;
    case "Include":
      add(item.target);
      break;
    case "Grades":
      for (const g of item.grades) add(g.name);
      break;
    case "Indicator":
      indicator(item);
      break;
    case "BonusSection":
    case "PenaltySection":
      add(item.name);
      for (const x of item.items) groupItems(x.kind === "Rule" || x.kind === "Note" ? [x] : x.items);
      break;
    default:
      break; // texts: 细则, 年度, 对象; numbers: 总分, 舍入
  }
  return out;
}

/** KP2039 for each invisible character in a name of `file`, at that character, with a fix deleting it. */
export function invisibleNameDiagnostics(file: A.KpFile): Diagnostic[] {
  return file.items.flatMap((item) => invisibleItemNameDiagnostics(item, file.path));
}

/** {@link invisibleNameDiagnostics} of one top-level item of the file `path`. */
export function invisibleItemNameDiagnostics(item: A.TopItem, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const name of namesOfItem(item)) {
    const found = invisibleChars(name.value);
    if (found.length === 0) continue;
    // The value is the source text after the opening 「 (if any): strings are single-line.
    const open = name.span.end.offset - name.span.start.offset > name.value.length ? 1 : 0;
    const shown = visibleName(name.value);
    for (const c of found) {
      const at = (delta: number): Position => ({
        offset: name.span.start.offset + open + c.offset + delta,
        line: name.span.start.line,
        column: name.span.start.column + open + c.offset + delta,
      });
      const span: Span = { start: at(0), end: at(c.char.length) };
      out.push(
        diagnostic("KP2039", span, [shown, c.what, c.codePoint], {
          file: path,
          fixes: [{ title: `删除${c.what} ${c.codePoint}`, edits: [{ start: span.start.offset, end: span.end.offset, newText: "" }] }],
        }),
      );
    }
  }
  return out;
}

/** A name with its invisible characters shown as `[U+200B]`. */
export function visibleName(name: string): string {
  let out = "";
  let last = 0;
  for (const c of invisibleChars(name)) {
    out += name.slice(last, c.offset) + `[${c.codePoint}]`;
    last = c.offset + c.char.length;
  }
  return out + name.slice(last);
}

/**
 * KP2040: two rules whose facts have one key (by {@link nameKey}) — a facts file could not tell
 * them apart, e.g. rule 「甲」 with category 「乙.丙」 and rule 「甲.乙」 with category 「丙」.
 * Keys equal to another rule's name are KP2030 and duplicate rule names KP2002, reported elsewhere;
 * only the first rule of a name (`ruleByKey`) is considered.
 */
export function factKeyClashes(rules: readonly M.RuleModel[], ruleByKey: ReadonlyMap<string, M.RuleModel>): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The first rule taking each key, and the index of that fact in its rule (run on every check:
  // no allocation per rule or fact).
  const owner = new Map<string, M.RuleModel>();
  const ownerFact = new Map<string, number>();
  // A divisor of 按 「所辖乡镇数」 平均 is a fact of the unit: rules dividing by it share its key.
  const isShared = (f: M.FactKey) => f.fact.type === "value" && f.fact.positive === true;
  for (const r of rules) {
    const keys = ruleKeys(r);
    if (ruleByKey.get(keys.name) !== r || !r.node.name) continue;
    for (let i = 0; i < r.facts.length; i++) {
      const k = keys.facts[i]!;
      // A key that is the rule's own name (most rules' only key) cannot clash: `r` is the first rule
      // of that name, so any other rule taking that key names `r` (KP2030, skipped below).
      if (k === keys.name) continue;
      if (keys.facts.indexOf(k) < i) continue; // the same key twice in a rule is KP2032
      const f = r.facts[i]!;
      const prev = owner.get(k);
      const named = ruleByKey.get(k);
      if (named && named !== r) continue; // KP2030
      if (prev && prev !== r) {
        const prevFact = prev.facts[ownerFact.get(k)!]!;
        if (isShared(prevFact) && isShared(f)) continue;
        out.push(
          diagnostic("KP2040", r.node.name.span, [r.name, f.key, prev.name, prevFact.key], {
            file: r.file,
            related: prev.node.name ? [{ file: prev.file, span: prev.node.name.span, message: `规则「${prev.name}」在这里` }] : [],
          }),
        );
      } else if (!prev) {
        owner.set(k, r);
        ownerFact.set(k, i);
      }
    }
  }
  return out;
}
