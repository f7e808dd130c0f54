// Evaluations age: the grid declares how many months an evaluation stays
// current (evaluation_validity_months: 18 in the fixtures). Past that, the
// file stays valid, with a warning, and the catalogue marks it « à mettre à
// jour ». "Today" comes from one place: CATALOGUE_TODAY, else Paris.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildCatalogue, checkSolutions } from "../../src/lib/catalogue.ts";
import { addMonths, catalogueToday } from "../../src/lib/calendar.ts";
import { formatProblems } from "../../src/lib/report.ts";
import { TODAY, VERSIONS_ROOT, tempDir } from "../helpers.ts";

const CONTENT = path.join(VERSIONS_ROOT, "content/solutions");

function check(files: string[], today: string) {
  const result = checkSolutions(files, { root: VERSIONS_ROOT, today });
  return { result, text: formatProblems(result.problems, "text").split(path.relative(process.cwd(), CONTENT)).join("S") };
}

test("months are added day for day, a missing day becoming the month's last", () => {
  assert.is(addMonths("2025-04-10", 18), "2026-10-10");
  assert.is(addMonths("2025-08-31", 6), "2026-02-28");
  assert.is(addMonths("2024-02-29", 12), "2025-02-28");
  assert.is(addMonths("2025-03-01", 24), "2027-03-01");
});

test("today is CATALOGUE_TODAY when set, else the date in Paris", () => {
  assert.is(catalogueToday({ CATALOGUE_TODAY: "2027-01-02" }), "2027-01-02");
  // 23:30 in UTC on 31 December is already 1 January in Paris.
  assert.is(catalogueToday({}, new Date("2026-12-31T23:30:00Z")), "2027-01-01");
  assert.throws(() => catalogueToday({ CATALOGUE_TODAY: "2027-02-30" }), /^CATALOGUE_TODAY invalide : date attendue au format AAAA-MM-JJ, par exemple 2026-11-23$/);
  // The tests themselves run on TODAY (tests/helpers.ts).
  assert.is(catalogueToday(), TODAY);
});

test("an evaluation older than the grid's validity is valid, with a warning giving the date and the fix", () => {
  const { result, text } = check([path.join(CONTENT, "evaluation-ancienne.yaml")], TODAY);
  assert.equal(result.solutions.map((s) => s.slug), ["evaluation-ancienne"]);
  assert.is(
    text,
    "S/evaluation-ancienne.yaml:13:9  avertissement : evaluation.date  évaluation du 2025-04-10, plus ancienne que la durée de validité de 18 mois fixée par la grille : à mettre à jour depuis le 2026-10-10 ; réévaluez la solution, puis mettez à jour evaluation.date\n",
  );
  assert.is(formatProblems(result.problems, "github").startsWith("::warning file="), true);
  // From the very day it is to update; the day before, nothing to say.
  assert.match(check([path.join(CONTENT, "evaluation-ancienne.yaml")], "2026-10-10").text, "à mettre à jour depuis le 2026-10-10");
  assert.is(check([path.join(CONTENT, "evaluation-ancienne.yaml")], "2026-10-09").text, "");
});

test("a withdrawn solution is not asked to update its evaluation", () => {
  const dir = tempDir("aging");
  writeFileSync(
    path.join(dir, "retiree.yaml"),
    'name: Retirée\nslug: retiree\nshort_description: Test.\nwebsite: https://r.example.org/\nprovider: {name: P, type: entreprise}\ndistribution: proprietaire\nhosting: [saas]\ncategories: [visioconference]\nwithdrawn: {reason: Arrêtée., date: "2026-01-01"}\nevaluation:\n  grid_version: "1.1"\n  date: "2024-01-01"\n',
  );
  const { result, text } = check([dir], TODAY);
  assert.is(text, "");
  assert.equal(buildCatalogue(result.grid, result.solutions, TODAY).solutions[0]!.evaluationStatus, { olderGrid: false, updateFrom: "2025-07-01", outdated: false });
});

test("the catalogue marks each evaluation: older grid version, date from which it is to update, to update or not", () => {
  const { result } = check([CONTENT], TODAY);
  const catalogue = buildCatalogue(result.grid, result.solutions, TODAY);
  assert.is(catalogue.today, TODAY);
  assert.equal(
    catalogue.solutions.map((e) => [e.solution.slug, e.evaluationStatus]),
    [
      ["a-jour", { olderGrid: false, updateFrom: "2028-04-01", outdated: false }],
      ["ancienne-grille", { olderGrid: true, updateFrom: "2026-12-01", outdated: false }],
      ["evaluation-ancienne", { olderGrid: false, updateFrom: "2026-10-10", outdated: true }],
    ],
  );
});

test.run();
