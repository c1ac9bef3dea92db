/**
 * Property (issue 11 §1.8): 分段 可为负 with bands going on per step (`< 0 得 1.5 每低 0.1 扣 0.1`).
 * Random bands around 0 (negative bounds), random steps and step modes, on an award rule (the
 * indicator's points derived: the largest band amount; an award below 0 is a deduction, floored at
 * 0) or a deduction rule (3 points); facts with -, − or － signs.  Each score is computed here
 * independently with BigInt and must equal the compiled module's exactly.
 */
import { expect, it } from "vitest";
import { drawFromSeed, dec } from "./kp-gen.js";
import { compileRendered, importModule } from "./harness.js";

const S = 1_000_000n;
const divRound = (a: bigint, b: bigint) => {
  const neg = (a < 0n) !== (b < 0n);
  const x = a < 0n ? -a : a, y = b < 0n ? -b : b;
  const q = (2n * x + y) / (2n * y);
  return neg ? -q : q;
};
it("signed bands with steps: compiled = independent BigInt computation (400 catalogues × 10 values)", { timeout: 600000 }, async () => {
  let n = 0, bad = 0;
  for (let seed = 0; seed < 400; seed++) {
    const d = drawFromSeed(seed);
    const award = d.bool();
    const cutsSet = new Set<bigint>();
    const k = d.int(1, 3);
    while (cutsSet.size < k) cutsSet.add(BigInt(d.int(-10, 10)) * S / BigInt(d.pick([1, 2, 4])));
    const cp = [...cutsSet].sort((a, b) => (a < b ? -1 : 1));
    type B = { lo?: bigint; li: boolean; hi?: bigint; hi_: boolean; amt: bigint; st?: { dir: "below" | "above"; step: bigint; amt: bigint; mode: string } };
    const bands: B[] = [];
    bands.push({ hi: cp[0], hi_: false, li: false, amt: BigInt(d.int(0, 20)) * S / 10n });
    for (let i = 0; i + 1 < cp.length; i++) bands.push({ lo: cp[i], li: true, hi: cp[i + 1], hi_: false, amt: BigInt(d.int(0, 20)) * S / 10n });
    bands.push({ lo: cp[cp.length - 1], li: true, hi_: false, amt: BigInt(d.int(0, 20)) * S / 10n });
    for (const b of bands) {
      if (!d.bool(0.6)) continue;
      const dir = b.hi !== undefined && (b.lo === undefined || d.bool()) ? "below" : "above";
      b.st = { dir, step: BigInt(d.pick([100000, 500000, 1000000, 300000])), amt: BigInt(d.pick([100000, 200000, 50000, 1000000])), mode: d.pick(["", "按比例", "不足一档不计", "不足一档按一档计", "不足一档四舍五入"]) };
    }
    const f = (x: bigint) => dec(x);
    const iv = (b: B) => (b.lo === undefined ? `< ${f(b.hi!)}` : b.hi === undefined ? `≥ ${f(b.lo)}` : `[${f(b.lo)}, ${f(b.hi)})`);
    const act = award ? "得" : "扣";
    const P = 3n * S;
    const text = `细则 「t」\n指标 「甲」 ${award ? "" : "3分 "}{\n  规则 「r」 「x」\n    分段 可为负 {\n${bands.map((b) => `      ${iv(b)} ${act} ${f(b.amt)}${b.st ? ` ${b.st.dir === "below" ? "每低" : "每高"} ${f(b.st.step)} 扣 ${f(b.st.amt)}${b.st.mode ? " " + b.st.mode : ""}` : ""}`).join("\n")}\n    }\n}\n`;
    let mod;
    try {
      mod = await importModule(compileRendered([{ path: "/cat/root.kp", text }]).js);
    } catch (e) {
      console.log("ERR", String(e).slice(0, 400), text);
      bad++;
      continue;
    }
    const maxAward = bands.reduce((m, b) => (b.amt > m ? b.amt : m), 0n);
    const points = award ? maxAward : P;
    for (let j = 0; j < 10; j++) {
      const x = BigInt(d.int(-15_000_000, 15_000_000)) / BigInt(d.pick([1, 1000, 100000]));
      const hit = bands.find((b) => (b.lo === undefined || x >= b.lo) && (b.hi === undefined || x < b.hi));
      let v = 0n;
      if (hit) {
        v = hit.amt;
        if (hit.st) {
          const diff = hit.st.dir === "below" ? hit.hi! - x : x - hit.lo!;
          let w = 0n;
          if (diff > 0n) {
            const m = hit.st.mode;
            if (m === "" || m === "按比例") w = divRound(diff * hit.st.amt, hit.st.step);
            else if (m === "不足一档四舍五入") w = hit.st.amt * divRound(diff, hit.st.step);
            else {
              const whole = diff / hit.st.step;
              w = hit.st.amt * (m === "不足一档按一档计" && whole * hit.st.step !== diff ? whole + 1n : whole);
            }
          }
          v = award ? v - w : v + w;
        }
      }
      let s = award ? v : P - v;
      if (s < 0n) s = 0n;
      if (s > points) s = points;
      const sx = dec(x);
      const val = d.pick([sx, Number(sx), sx.replace("-", "−"), sx.replace("-", "－")]);
      const got = mod.scoreAll([{ name: "u", facts: { r: val } }]);
      n++;
      if (got[0].exactTotal !== dec(s)) {
        bad++;
        if (bad < 5) console.log("MISMATCH", text, sx, "want", dec(s), "got", got[0].exactTotal);
      }
    }
  }
  console.log("cases", n, "bad", bad);
  expect(bad).toBe(0);
});
