// A theme's ranking, as a pure function of scored solutions: ranked rows by
// compliance, then completeness (equal scores share a rank: 1, 2, 2, 4), then
// the solutions not evaluated in the theme (or to which it does not apply),
// unranked, by name. Used for the whole catalogue and for each category.
import type { RankingRow, ScoredSolution } from "./types.ts";

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

const byName = (a: ScoredSolution, b: ScoredSolution) => collator.compare(a.solution.name, b.solution.name) || (a.solution.slug < b.solution.slug ? -1 : 1);

/** Rows of the ranking of `entries` in the theme at `themeIndex` of the grid. */
export function rankTheme(entries: readonly ScoredSolution[], themeIndex: number): RankingRow[] {
  const ranked: ScoredSolution[] = [];
  const unranked: ScoredSolution[] = [];
  for (const entry of entries) {
    const level = entry.score.themes[themeIndex]?.level;
    (level === "non-evalue" || level === "sans-objet" || level === undefined ? unranked : ranked).push(entry);
  }
  const theme = (entry: ScoredSolution) => entry.score.themes[themeIndex]!;
  ranked.sort((a, b) => theme(b).compliance - theme(a).compliance || theme(b).completeness - theme(a).completeness || byName(a, b));
  const rows: RankingRow[] = [];
  ranked.forEach((entry, i) => {
    const previous = rows[i - 1];
    // Both ratios are exact fractions divided once, so equal fractions give equal numbers.
    const tied = previous && theme(previous.entry).compliance === theme(entry).compliance && theme(previous.entry).completeness === theme(entry).completeness;
    rows.push({ entry, rank: tied ? previous.rank : i + 1 });
  });
  for (const entry of unranked.sort(byName)) rows.push({ entry, rank: null });
  return rows;
}
