/** Order statistics of measured samples (nearest-rank percentiles, so every value reported was observed). */

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const rank = Math.ceil((p / 100) * ordered.length) - 1;
  return ordered[Math.min(ordered.length - 1, Math.max(0, rank))] ?? Number.NaN;
};

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  const upper = ordered[middle] ?? Number.NaN;
  return ordered.length % 2 === 1 ? upper : ((ordered[middle - 1] ?? upper) + upper) / 2;
};

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
