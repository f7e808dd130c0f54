// Issue 14, on the real demo files (content/solutions), read through the real
// loader: no solution shows red in a theme unless it answered « non » or
// « partiel » to an essential criterion of that theme that applies to it.
// Checked on the scores and on the pages the build renders (solution pages
// and the catalogue's cards), with the output table's own entries.
import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { INPUT_DIR } from "../.eleventy.ts";
import { buildCatalogue, checkSolutions } from "../src/lib/catalogue.ts";
import type { Grid, Solution, Theme } from "../src/lib/types.ts";
import { createBuildContext } from "../src/pipeline/build-context.ts";
import { outputNamed } from "../src/pipeline/outputs.ts";
import { PROJECT_ROOT } from "./helpers.ts";

const result = checkSolutions([path.join(PROJECT_ROOT, "content")], { root: PROJECT_ROOT });
const catalogue = buildCatalogue(result.grid, result.solutions);
const context = createBuildContext(catalogue, { root: PROJECT_ROOT, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });

/** Straight from the file: an essential criterion of the theme that applies to the solution, answered non or partiel. */
function answeredAgainst(solution: Solution, theme: Theme): boolean {
  return theme.criteria.some((criterion) => {
    if (criterion.level !== "essentiel") return false;
    if (criterion.applicability !== "all" && !solution.hosting.includes(criterion.applicability)) return false;
    const answer = solution.evaluation.answers[criterion.id]?.answer;
    return answer === "non" || answer === "partiel";
  });
}

function expectations(grid: Grid, solution: Solution): boolean[] {
  return grid.themes.map((theme) => answeredAgainst(solution, theme));
}

test("the demo has solutions in each honest state, so the checks below check something", () => {
  const levels = new Set(catalogue.listed.flatMap((entry) => entry.score.themes.map((t) => t.level)));
  for (const level of ["incomplet", "non-atteint", "non-evalue", "essentiel"] as const) assert.ok(levels.has(level), level);
});

test("a theme is « non atteint » exactly when the file answers non or partiel to an applicable essential criterion", () => {
  for (const { solution, score } of catalogue.solutions) {
    const red = expectations(catalogue.grid, solution);
    score.themes.forEach((t, i) => assert.is(t.level === "non-atteint", red[i], `${solution.slug} ${t.themeId}: ${t.level}`));
  }
});

test("every demo solution page shows the red badge only on those themes", () => {
  const output = outputNamed("solution");
  for (const entry of catalogue.solutions) {
    const html = output.render(entry, context) as string;
    const synthesis = html.slice(html.indexOf('id="synthese"'), html.indexOf('id="informations"'));
    const rows = [...synthesis.matchAll(/<th scope="row"><a href="\/catalogue-solutions-numeriques\/themes\/([a-z-]+)\/">[^<]*<\/a><\/th>\s*<td><p class="fr-badge fr-badge--sm ([^"]+)">/g)];
    assert.is(rows.length, catalogue.grid.themes.length, entry.solution.slug);
    const red = expectations(catalogue.grid, entry.solution);
    rows.forEach((row, i) => assert.is(row[2]!.includes("fr-badge--error"), red[i], `${entry.solution.slug} ${row[1]}: ${row[2]}`));
  }
});

test("every card of the catalogue shows the red badge only on those themes", () => {
  const output = outputNamed("catalogue");
  const bySlug = new Map(catalogue.listed.map((entry) => [entry.solution.slug, entry.solution]));
  let cards = 0;
  for (const chunk of output.items(context)) {
    const html = output.render(chunk, context) as string;
    for (const card of html.split('<div class="fr-card ').slice(1)) {
      const slug = /href="\/catalogue-solutions-numeriques\/solutions\/([a-z0-9-]+)\/"/.exec(card)![1]!;
      const classes = [...card.matchAll(/<p class="fr-badge fr-badge--sm ([^"]+)"><span class="fr-sr-only">Thème /g)].map((m) => m[1]!);
      assert.is(classes.length, catalogue.grid.themes.length, slug);
      const red = expectations(catalogue.grid, bySlug.get(slug)!);
      classes.forEach((c, i) => assert.is(c.includes("fr-badge--error"), red[i], `${slug} theme ${i + 1}: ${c}`));
      cards++;
    }
  }
  assert.is(cards, catalogue.listed.length);
});

test("Doctolib, which answered one security criterion, is incomplete in security, not failed", () => {
  const doctolib = catalogue.solutions.find((entry) => entry.solution.slug === "doctolib")!;
  const security = doctolib.score.themes.find((t) => t.themeId === "SEC")!;
  assert.is(security.level, "incomplet");
});

test.run();
