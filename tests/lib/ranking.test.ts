import { test } from "uvu";
import * as assert from "uvu/assert";
import { rankTheme } from "../../src/lib/ranking.ts";
import type { BadgeLevel, ScoredSolution } from "../../src/lib/types.ts";

/** A solution whose only theme has this level and these two measures (the ranking reads nothing else). */
function entry(name: string, level: BadgeLevel, compliance: number, completeness: number): ScoredSolution {
  return {
    solution: { name, slug: name.toLowerCase() },
    score: { themes: [{ level, compliance, completeness }], compliance: 0, completeness: 0 },
  } as unknown as ScoredSolution;
}

const ranks = (rows: ReturnType<typeof rankTheme>) => rows.map((row) => `${row.rank ?? "-"} ${row.entry.solution.name}`);

test("equal scores share a rank and the next rank counts them (1, 2, 2, 4), ties by name", () => {
  const rows = rankTheme(
    [
      entry("Delta", "incomplet", 0.5, 0.8),
      entry("Charlie", "essentiel", 0.5, 1),
      entry("Alpha", "avance", 0.7, 1),
      entry("Bravo", "essentiel", 0.5, 1),
    ],
    0,
  );
  assert.equal(ranks(rows), ["1 Alpha", "2 Bravo", "2 Charlie", "4 Delta"]);
});

test("the same share from different counts is a tie: 2 points of 4 and 3 of 6", () => {
  const rows = rankTheme([entry("Un", "essentiel", 2 / 4, 4 / 4), entry("Deux", "essentiel", 3 / 6, 6 / 6)], 0);
  assert.equal(ranks(rows), ["1 Deux", "1 Un"]);
});

test("solutions not evaluated or sans objet in the theme come after the ranked ones, unranked, by name", () => {
  const rows = rankTheme(
    [
      entry("Zoé", "non-evalue", 0, 0),
      entry("Yann", "non-atteint", 0, 0.5),
      entry("Axelle", "sans-objet", 0, 0),
      entry("Xavier", "incomplet", 0.2, 0.2),
    ],
    0,
  );
  assert.equal(ranks(rows), ["1 Xavier", "2 Yann", "- Axelle", "- Zoé"]);
});

test.run();
