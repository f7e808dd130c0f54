// The one test that reads the real content/: the demo catalogue must be valid
// and cover what the issue asks of it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildCatalogue, checkSolutions } from "../src/lib/catalogue.ts";
import { formatProblems } from "../src/lib/report.ts";
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

test("the commented template for contributors is itself a valid solution file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "catalogue-template-"));
  copyFileSync(path.join(PROJECT_ROOT, "docs/modele-fiche.yaml"), path.join(dir, "modele-fiche.yaml"));
  const template = checkSolutions([dir], { root: PROJECT_ROOT });
  rmSync(dir, { recursive: true, force: true });
  assert.is(formatProblems(template.problems, "text"), "");
  assert.is(template.solutions.length, 1);
});

test.run();
