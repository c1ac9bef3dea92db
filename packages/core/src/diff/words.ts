/**
 * The words every `kp diff` output uses for a catalogue diff (terminal, Markdown, JSON, the HTML
 * page of @kaoping/report): the kind of change an item shows first, how a renamed item was paired,
 * and the summary line with the changes counted — one place, so that every output counts and names
 * changes the same way.
 */
import type { CatalogueDiff, ItemDiff } from "./types.js";

const statusWord: Record<ItemDiff["status"], string> = { added: "增加", removed: "删除", changed: "修改" };

/** How a renamed item was paired with the old one. */
export const howWord = { name: "名称相同", clause: "条文相同", similar: "条文相似", content: "内容相同" } as const;

/** The kinds of change, in the order they are counted and shown. */
export const CHANGE_WORDS = ["增加", "删除", "改名", "移动", "修改"] as const;
export type ChangeWord = (typeof CHANGE_WORDS)[number];

/** The kind of change an item shows first: 增加, 删除, 改名, 移动, 修改. */
export function itemWord(i: ItemDiff): ChangeWord {
  if (i.status !== "changed") return statusWord[i.status] as ChangeWord;
  if (i.oldName !== undefined) return "改名";
  if (i.moved) return "移动";
  return "修改";
}

/** How many items show each kind of change. */
export function changeCounts(items: readonly ItemDiff[]): Map<ChangeWord, number> {
  const by = new Map<ChangeWord, number>();
  for (const i of items) by.set(itemWord(i), (by.get(itemWord(i)) ?? 0) + 1);
  return by;
}

function counts(items: readonly ItemDiff[]): string {
  const by = changeCounts(items);
  return CHANGE_WORDS.filter((w) => by.has(w)).map((w) => `${w} ${by.get(w)}`).join("，");
}

/** The summary line: what changed, counted. */
export function summaryLine(d: CatalogueDiff): string {
  if (d.same) return "两个版本没有差别。";
  const parts: string[] = [];
  if (d.header.length > 0) parts.push(`总体设置 ${d.header.length} 处`);
  if (d.indicators.length > 0) parts.push(`指标：${counts(d.indicators)}`);
  if (d.rules.length > 0) parts.push(`规则：${counts(d.rules)}`);
  return `共 ${d.header.length + d.indicators.length + d.rules.length} 处变化（${parts.join("；")}）。`;
}
