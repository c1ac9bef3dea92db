// The parts of a clause (tag.ts) gathered into groups: each group ends at its score — an amount, a range or a zero —
// with the parts written before it (counts, bounds, a discretion word, 否则, a period, a cap written first) and the
// ones that follow it (a count after the amount's slash, caps). A group is one rule's worth of parts; the grammar
// (compose.ts) reads each and then the clause's groups together.
import type { Part } from "./tag.js";

export interface Group {
  readonly before: readonly Part[];
  readonly score: Part;
  readonly after: readonly Part[];
  /** Where the group's text starts (after the previous group) and where its score ends. */
  readonly from: number;
  readonly to: number;
}

/** The groups of the parts, or the reason they do not make groups. */
export function groupsOf(parts: readonly Part[]): { groups: Group[] } | { reason: string } {
  const groups: { before: Part[]; score: Part; after: Part[]; from: number; to: number }[] = [];
  let pending: Part[] = [];
  let from = 0;
  for (const p of parts) {
    if (p.kind === "unreadable") return { reason: p.reason };
    if (p.kind === "score" || p.kind === "zero" || p.kind === "full") {
      groups.push({ before: pending, score: p, after: [], from, to: p.end });
      pending = [];
      from = p.end;
      continue;
    }
    const last = groups[groups.length - 1];
    // after a score: the amount's slash count and the caps belong to it (「扣1分/次,最多扣5分」)
    if (last && pending.length === 0 && ((p.kind === "count" && p.form === "slash" && p.at === last.score.end) || p.kind === "cap")) {
      last.after.push(p);
      last.to = p.end;
      from = p.end;
      continue;
    }
    pending.push(p);
  }
  if (groups.length === 0) return { reason: "条文中没有找到分值" };
  if (pending.length > 0) {
    const caps = pending.filter((p) => p.kind === "cap");
    if (caps.length !== pending.length) return { reason: "条文在最后一个分值之后还有计数、界限或别的计分用词，未能确定它们属于哪个分值" };
  }
  return { groups };
}
