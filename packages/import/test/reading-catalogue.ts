// The catalogue a corpus test puts a reading in (recognise-corpus.test.ts, score-equivalence.ts).
/**
 * A minimal catalogue holding a reading's bodies as the rules 甲0, 甲1 … of the clause's indicator (its
 * points) or of its 加分/减分 section (beside a 1-point base indicator); the classes a reading names
 * (其中 「园区」 每个 扣 0.3, 适用 「乡镇」) are declared, as kp import declares them.
 */
export function readingCatalogue(bodies: readonly string[], c: { points: number | string | null; section?: string | null }): string {
  const owner = c.section ? `${c.section} 「项」 上限 ${c.points ?? 10} {` : `指标 「项」 ${c.points ?? 10}分 {`;
  const rules = bodies.map((body, i) => `  规则 「甲${i}」 「条文」 ${body}`).join("\n");
  const named = [...new Set(bodies.flatMap((b) => [...b.matchAll(/(?:其中|适用) 「([^」]+)」/g)].map((m) => m[1]!)))];
  const classes = named.length > 0 ? `类别 ${named.map((n) => `「${n}」`).join("、")}\n` : "";
  return `细则 「比较」\n对象 「单位」\n总分 ${c.section ? 1 : (c.points ?? 10)}分\n${classes}${c.section ? "指标 「基本」 1分 {\n  规则 「基」 「条文」 扣 1\n}\n" : ""}${owner}\n${rules}\n}\n`;
}
