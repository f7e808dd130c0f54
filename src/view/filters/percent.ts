// A ratio in [0, 1] shown as a French percentage: 0.375 -> "38 %"
// (a no-break space before the sign, as French typography wants).
export function percent(ratio: unknown): string {
  const value = typeof ratio === "number" && Number.isFinite(ratio) ? ratio : 0;
  // The epsilon keeps 0.285 (stored as 0.28499…) from rounding down.
  return `${Math.round(value * 100 + 1e-9)}\u00a0%`;
}
