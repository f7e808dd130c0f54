// Reads the real content/: the demo catalogue must be valid, cover what the issue
// asks of it, and keep the facts checked against public sources.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { INPUT_DIR } from "../.eleventy.ts";
import { buildCatalogue, checkSolutions } from "../src/lib/catalogue.ts";
import { formatProblems } from "../src/lib/report.ts";
import { createBuildContext } from "../src/pipeline/build-context.ts";
import { outputNamed } from "../src/pipeline/outputs.ts";
import { PROJECT_ROOT } from "./helpers.ts";

const result = checkSolutions([path.join(PROJECT_ROOT, "content")], { root: PROJECT_ROOT });

test("every demo solution passes validation", () => {
  assert.is(formatProblems(result.problems, "text"), "");
});

test("the demo covers at least 30 solutions, every provider type, distribution and hosting mode, and 10 categories", () => {
  const s = result.solutions;
  assert.ok(s.length >= 30, `${s.length} fiches`);
  assert.ok(s.every((x) => x.demo), "toutes les fiches sont marquées demo: true");
  assert.equal(new Set(s.map((x) => x.provider.type)).size, 3);
  assert.equal(new Set(s.map((x) => x.distribution)).size, 3);
  assert.equal(new Set(s.flatMap((x) => x.hosting)).size, 2);
  assert.ok(new Set(s.flatMap((x) => x.categories)).size >= 10);
  assert.ok(s.some((x) => x.sourceFile.endsWith(".md")));
});

test("the catalogue scores every demo solution on the six themes", () => {
  const catalogue = buildCatalogue(result.grid, result.solutions);
  for (const entry of catalogue.solutions) assert.is(entry.score.themes.length, 6);
  assert.is(catalogue.stats.criteria, result.grid.criteria.length);
});

// Demo facts checked against public sources (issue 9): a buyer reading the demo must
// not be offered what the vendor no longer sells, nor a wrong date for a cited source.
function demoSolution(slug: string) {
  const solution = result.solutions.find((s) => s.slug === slug);
  assert.ok(solution, `fiche ${slug}`);
  return solution!;
}

test("Jira is offered as SaaS only: its Data Center edition is no longer sold to new customers", () => {
  assert.equal(demoSolution("jira").hosting, ["saas"]);
});

test("Jira's page tells a buyer the Data Center end of sale (30 March 2026) and end of life (28 March 2029)", () => {
  const catalogue = buildCatalogue(result.grid, result.solutions);
  const context = createBuildContext(catalogue, { root: PROJECT_ROOT, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });
  const entry = catalogue.solutions.find((e) => e.solution.slug === "jira")!;
  const html = outputNamed("solution").render(entry, context) as string;
  assert.ok(html.includes("<dt>Hébergement</dt><dd>SaaS (service en ligne)</dd>"), "mode d'hébergement affiché");
  assert.ok(html.includes("n'est plus vendue aux nouveaux clients depuis le 30 mars 2026"), "fin de vente");
  assert.ok(html.includes("le 28 mars 2029, fin de vie de l'édition"), "fin de vie");
  assert.ok(html.includes('href="https://www.atlassian.com/licensing/data-center-end-of-life"'), "source citée");
});

test("BigBlueButton cites the BlueHats gazette n° 15 with its date, 14 February 2022", () => {
  const answer = demoSolution("bigbluebutton").evaluation.answers["CI-08"]!;
  assert.ok(answer.justification!.includes("La gazette BlueHats n° 15 de la DINUM (14 février 2022)"), answer.justification);
  assert.not.ok(answer.justification!.includes("janvier 2022"), answer.justification);
  assert.is(answer.evidence, "https://code.gouv.fr/fr/bluehats/bluehats_15/");
});

test("the commented template for contributors is itself a valid solution file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "catalogue-template-"));
  copyFileSync(path.join(PROJECT_ROOT, "docs/modele-fiche.yaml"), path.join(dir, "modele-fiche.yaml"));
  const template = checkSolutions([dir], { root: PROJECT_ROOT });
  rmSync(dir, { recursive: true, force: true });
  assert.is(formatProblems(template.problems, "text"), "");
  assert.is(template.solutions.length, 1);
});

test.run();
