/**
 * Reading one value as people write it in a cell or in JSON: yes/no words, incident ids, decimals.
 * Part of the runtime every compiled module embeds: plain functions, no module state.
 */
import { kpDecimalProblem, kpHalfWidth, kpParse } from "./text.js";

/** Why a value is not a decimal the runtime can hold (kpRawOf). */
export type KpRawProblem = "notNumber" | "negative" | "tooManyPlaces" | "tooLarge";

/** Splits a cell into incident ids: 事件A、事件B / A,B / A;B. */
export function kpIds(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Whether a text reads as a number that is not a non-negative integer ("1.5", "-2", "３．０"). */
export function kpNotCount(text: string): boolean {
  const s = kpHalfWidth(text).trim();
  return /^[+\-]?([0-9]+[.][0-9]*|[.][0-9]+|[0-9]+)$/.test(s) && !/^[0-9]+$/.test(s);
}

/**
 * The incident ids of a count's value: a list, or a text of ids (事件A、事件B).  An id list is flat:
 * texts and non-negative integers only (a nested list, an object, true or null is not an id), and an
 * id that reads as a decimal or negative number ("1.5") is a mistyped count, not an id.  Returns the
 * ids, or the problem as a Chinese text.
 */
export function kpIdList(v: string | readonly unknown[]): string[] | string {
  const list: readonly unknown[] = Array.isArray(v) ? v : kpIds(v as string);
  const ids: string[] = [];
  for (let j = 0; j < list.length; j++) {
    const x = list[j];
    let id: string;
    if (typeof x === "string") id = x.trim();
    else if (typeof x === "number" && Number.isSafeInteger(x) && x >= 0) id = String(x);
    else
      return (
        "事件编号列表的第 " +
        (j + 1) +
        " 项" +
        (Array.isArray(x) ? "是一个列表" : x !== null && typeof x === "object" ? "是一个对象" : "「" + String(x) + "」不是事件编号") +
        "：事件编号列表只能由文字或非负整数组成，不能嵌套"
      );
    if (id === "") continue;
    if (kpNotCount(id)) return "「" + id + "」像是写错的次数（次数应为非负整数），不是事件编号";
    ids.push(id);
  }
  return ids;
}

/** Yes/no words people type in cells; undefined when neither. */
export function kpFlag(v: unknown): boolean | undefined {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  if (typeof v !== "string") return undefined;
  // the cells of a large file are mostly these, as they are: no trimming, no case folding
  if (v === "是") return true;
  if (v === "" || v === "否") return false;
  switch (v.trim().toLowerCase()) {
    case "是":
    case "有":
    case "true":
    case "yes":
    case "y":
    case "1":
    case "√":
    case "✓":
    case "完成":
    case "已完成":
      return true;
    case "否":
    case "无":
    case "没有":
    case "false":
    case "no":
    case "n":
    case "0":
    case "×":
    case "✗":
    case "未完成":
    case "":
      return false;
  }
  return undefined;
}

/** A decimal from a number or text, as raw millionths; a string explains a problem. */
export function kpRawOf(v: unknown): number | KpRawProblem {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "notNumber";
    if (v < 0) return "negative";
    const r = Math.round(v * 1000000);
    if (!Number.isSafeInteger(r)) return "tooLarge";
    if (r / 1000000 !== v) return "tooManyPlaces";
    return r;
  }
  if (typeof v !== "string") return "notNumber";
  // Fast path: plain ASCII digits with an optional point and %, as cells usually are.
  let int = 0,
    frac = 0,
    places = -1,
    digits = 0,
    i = 0;
  const n = v.length;
  while (i < n && v.charCodeAt(i) === 32) i++;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (places < 0) int = int * 10 + (c - 48);
      else if (++places <= 6) frac = frac * 10 + (c - 48);
    } else if (c === 46 && places < 0 && digits > 0) places = 0;
    else break;
  }
  if (i < n && v.charCodeAt(i) === 37) i++;
  while (i < n && v.charCodeAt(i) === 32) i++;
  if (i === n && digits > 0 && places !== 0 && places <= 6 && int < 9000000000) {
    for (let k = Math.max(places, 0); k < 6; k++) frac *= 10;
    return int * 1000000 + frac;
  }
  const s = kpHalfWidth(v).trim();
  if (/^-/.test(s)) return "negative";
  const p = kpDecimalProblem(s);
  return p === "" ? kpParse(s) : p;
}
