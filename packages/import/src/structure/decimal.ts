// Exact sums of points (decimal text → integer millionths as BigInt → decimal text): no floating point.

export function toMillionths(s: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  return BigInt(m[1]!) * 1000000n + BigInt((m[2] ?? "").padEnd(6, "0"));
}

export function fromMillionths(n: bigint): string {
  const whole = n / 1000000n;
  const frac = (n % 1000000n).toString().padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export function sumPoints(values: readonly string[]): string {
  return fromMillionths(values.reduce((a, v) => a + toMillionths(v), 0n));
}
