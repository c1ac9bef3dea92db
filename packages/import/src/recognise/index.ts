// The clause recogniser: one table cell's text → clauses → the .kp scoring of each clause.
//
// This is the interface between the importer's structure side (readers, indicator tree, output)
// and the recogniser. The structure side calls only these two functions.
import { recognise } from "./recognise.js";
import { splitClauses as split } from "./split.js";

// What a clause shows of its scoring without deciding it (the editor's templates that finish a 待补).
export { clauseShape, type ClauseShape, type ShapeAmount, type ShapeBound, type ShapeStep, type ShapeVerb } from "./clause-shape.js";

/** What the structure side knows about the item a cell belongs to. */
export interface ClauseContext {
  /** The indicator's name as recovered from the document. */
  readonly indicator: string;
  /** The item's points as decimal text ("4", "0.5"), or null when the document does not say. */
  readonly points: string | null;
  /** A 加分 / 减分 section holds the clause (its points are a cap), or null for an ordinary item. */
  readonly section: "加分" | "减分" | null;
  /**
   * Optional: the other clauses of the same item (cell), verbatim. When given, a clause that writes
   * an amount with no count word among siblings that count (「巡查发现问题每宗扣0.3分」「未及时整改的扣1分」)
   * is a to-do rather than read as a one-shot deduction: the count word may be meant to carry over.
   */
  readonly siblings?: readonly string[];
  /**
   * Optional: the clause is its item's only clause and the points are its own (kp import: one clause in the
   * item's one cell, or in a cell with its own points). Unset, a clause given no siblings (`siblings: []`)
   * is taken to be alone. Only then are the item's points, bracketed or in the points column, the award of
   * a checklist item (「建立了档案目录；」 in a 10-point row → 得 10).
   */
  readonly alone?: boolean;
  /**
   * Optional: the points the clause's own row shows in the points column (decimal text), when the item has
   * several rows each with its points and the clause is its row's only one (kp import: a cell with its own
   * points split into one clause). A requirement with no amount of its own earns them (`得 5`, or a band
   * `分段 { ≥ 2次 得 5 }` for a bound it states), as the lone case does with the item's points; a clause whose
   * own one-shot award disagrees with them is a to-do (`recognise/row-points.ts`).
   */
  readonly rowPoints?: string;
  /**
   * Optional: the item's requirement when the document states it apart from its name and the scoring
   * clause (「人民调解卷宗全年不少于50件、大调解卷宗全年不少于20件」): a bound it sets on the thing a
   * clause counts is read into the rule (`至少 50件 每少 1件 扣 0.5`) or makes the clause a to-do.
   */
  readonly item?: string;
  /**
   * Optional: the header of the table column the clause's cell is in, as written (「扣分标准」「加分标准」「评分标准」).
   * A header that names one direction only (扣分, or 加分) states the direction of an amount written with no verb
   * (`patterns/stated-direction.ts`); any other says nothing.
   */
  readonly header?: string;
  /**
   * Optional: the document's notes on scoring as a whole — its 说明/注/备注 paragraphs (「分项无基准分值,实行累计扣减」),
   * verbatim. Only a note that states a general rule of one direction (累计扣减, 以下为加分项 …) and no note stating
   * the other is taken, for the direction of an amount written with no verb (`patterns/stated-direction.ts`).
   */
  readonly notes?: readonly string[];
}

/** One clause of a cell: verbatim text (a piece of the cell, never rewritten). */
export interface Clause {
  readonly text: string;
  /** Offset of the clause in the cell's text. */
  readonly offset: number;
}

/**
 * A clause read fully: one or more rule bodies (the scoring part after the clause, e.g.
 * `每次 扣 0.5 上限 2`), several when the clause gives several rules (「…各扣6分」); or a clause that
 * could not be read fully: the rule is written with the clause and the marker `待补`, and `reason`
 * says why (shown in the import report).
 */
export type Recognition =
  | {
      readonly kind: "rules";
      readonly bodies: readonly string[];
      readonly names?: readonly string[];
      /** Deductions the clause takes from a person, not the unit (「首席代表扣1分」), left out of the bodies. */
      readonly riders?: readonly string[];
      /**
       * The item's requirements a number of the reading was taken from (「人民调解卷宗全年不少于50件」 for a 至少 bound,
       * 「…比例不低于80%」 for a 基准), each with the body that writes it: reported (KP5055).
       */
      readonly fromItem?: readonly { readonly phrase: string; readonly body: string }[];
      /**
       * Why a reviewer should check the reading first (Chinese reasons, heaviest first): the recogniser is not sure
       * of it (review.ts, session 28). Written all the same; kp import lists it (KP5059, 「请核对的识别」).
       */
      readonly review?: readonly string[];
      /** The weights of the review's signals summed (kp import's report lists the riskiest first). */
      readonly reviewRisk?: number;
    }
  | {
      readonly kind: "todo";
      readonly reason: string;
      /** The clause's own one-shot award and its row's points, when they disagree (kp import reports it: KP5058). */
      readonly rowConflict?: { readonly stated: string; readonly row: string };
    };

/** Splits a cell into its scoring clauses (at 「；」, numbered items, …), each verbatim. */
export function splitClauses(cell: string): Clause[] {
  return split(cell);
}

/** Reads one clause into .kp scoring, or says why it cannot. Never guesses. */
export function recogniseClause(text: string, ctx: ClauseContext): Recognition {
  return recognise(text, ctx);
}

/** The classes of units a rule body names with their own amount (`其中 「园区」 0.3`), not its conditions (`其中 「已查结」 减半`). */
export function classesOf(body: string): string[] {
  return [...body.matchAll(/其中 「([^」]+)」 \d/g)].map((m) => m[1]!);
}
