/** What `diffCatalogues` finds between two versions of a catalogue. */

/** How an item of the new version was paired with one of the old. */
export type MatchHow =
  /** the same name */
  | "name"
  /** renamed, the same clause text */
  | "clause"
  /** renamed, a similar clause text (`similarity` says how similar) */
  | "similar"
  /** an indicator renamed: most of its rules and sub-indicators are the same */
  | "content";

/** One aspect that changed, in the catalogue's words (undefined: not there in that version). */
export interface AspectChange {
  /** In Chinese: 分值, 上限, 计分, 分段, 适用, 考评单位, 参照, 总分, 舍入, 等次「优秀」 … */
  aspect: string;
  old?: string;
  new?: string;
}

/** Where an item is written. */
export interface ItemPlace {
  file: string;
  line: number;
}

/** An indicator, bonus/penalty section or rule that was added, removed or changed. */
export interface ItemDiff {
  kind: "indicator" | "section" | "rule";
  status: "added" | "removed" | "changed";
  /** The name in the new version (the old one for a removed item). */
  name: string;
  /** The old name, when it changed. */
  oldName?: string;
  how?: MatchHow;
  /** Clause or content similarity (0–1) for `how` = similar / content. */
  similarity?: number;
  /** Where it sits: the parent indicator or section (new version; old for removed items). */
  parent?: string;
  /** Moved to another parent: the old parent's name and the new one's ("" = top level). */
  moved?: { from: string; to: string };
  /** Rules: the clause text, when it changed (both versions), or of an added / removed rule. */
  clause?: { old?: string; new?: string };
  /** Aspects that changed (empty for added and removed items, which show `summary`). */
  changes: AspectChange[];
  /** An added or removed item in the catalogue's words (e.g. `每次 扣 0.5 上限 2`, `4分`). */
  summary?: string;
  old?: ItemPlace;
  new?: ItemPlace;
}

/** The differences between two checked catalogues. */
export interface CatalogueDiff {
  /** Header: title, year, subject, classes, total, rounding, grades. */
  header: AspectChange[];
  /** Indicators and sections, in the new version's order, then the removed ones. */
  indicators: ItemDiff[];
  /** Rules, in the new version's order, then the removed ones. */
  rules: ItemDiff[];
  /** Old rule name → new rule name for every rule present in both versions (renames included). */
  ruleNames: Map<string, string>;
  /** Old indicator id → new indicator id for every indicator present in both. */
  indicatorIds: Map<string, string>;
  /** True when nothing differs. */
  same: boolean;
}
