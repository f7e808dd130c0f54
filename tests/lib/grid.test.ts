import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { applicabilityLabel, loadGrid } from "../../src/lib/grid.ts";
import { generatedSchemaFiles } from "../../src/lib/schema-file.ts";
import { PROJECT_ROOT } from "../helpers.ts";

const grid = loadGrid(PROJECT_ROOT);

test("the grid has six themes of six to twelve criteria, about sixty in all", () => {
  assert.equal(grid.themes.map((t) => t.id), ["NR", "CI", "SEC", "DON", "CONF", "OSS"]);
  for (const theme of grid.themes) {
    assert.ok(theme.criteria.length >= 6 && theme.criteria.length <= 12, `${theme.id}: ${theme.criteria.length} critères`);
  }
  assert.ok(grid.criteria.length >= 50 && grid.criteria.length <= 70);
  assert.is(grid.version, "1.0");
});

test("every criterion has a question, help, a referential with an https link, and both levels exist in each theme", () => {
  for (const c of grid.criteria) {
    assert.match(c.question, /\?$/, `${c.id} : la question se termine par « ? »`);
    assert.ok(c.help.length > 20, `${c.id} : aide trop courte`);
    assert.match(c.referential.url, /^https:\/\//);
  }
  for (const theme of grid.themes) {
    const levels = new Set(theme.criteria.map((c) => c.level));
    assert.ok(levels.has("essentiel") && levels.has("avance"), theme.id);
  }
});

test("SaaS-only criteria exist in the security theme", () => {
  assert.ok(grid.themes.find((t) => t.id === "SEC")!.criteria.some((c) => c.applicability === "saas"));
});

test("checked criteria are the ones the validator knows how to check", () => {
  const checked = Object.fromEntries(grid.criteria.filter((c) => c.check).map((c) => [c.id, c.check]));
  assert.equal(checked, {
    "CI-08": "public-references",
    "OSS-01": "distribution-libre",
    "OSS-02": "licence-crpa",
    "OSS-03": "licence-osi",
    "OSS-04": "source-published",
  });
});

test("vocabularies: about twenty categories, three provider types, three distributions, two hosting modes", () => {
  const v = grid.vocabularies;
  assert.ok(v.categories.length >= 18 && v.categories.length <= 25);
  assert.equal(v.providerTypes.map((e) => e.id), ["entreprise", "association", "administration"]);
  assert.equal(v.distributions.map((e) => e.id), ["libre", "proprietaire", "hybride"]);
  assert.equal(v.hostingModes.map((e) => e.id), ["saas", "on-premises"]);
  assert.ok(v.purchaseChannels.some((e) => e.id === "ugap"));
  assert.ok(grid.crpaLicences.includes("EUPL-1.2") && grid.crpaLicences.includes("etalab-2.0"));
});

test("the grid files state each theme's short title, each applicability's label and each distribution's rules", () => {
  assert.equal(grid.themes.map((t) => t.shortTitle), ["Numérique responsable", "Conception", "Sécurité", "Données", "Conformité", "Logiciel libre"]);
  assert.equal(grid.applicabilityLabels, { all: "Toutes les solutions", saas: "Solutions SaaS", "on-premises": "Solutions sur site" });
  assert.is(applicabilityLabel(grid, "on-premises"), "Solutions sur site");
  assert.equal(
    grid.vocabularies.distributions.map((d) => [d.id, d.licenceRequired, d.freeSoftwareAnswer]),
    [
      ["libre", true, "oui"],
      ["proprietaire", false, "non"],
      ["hybride", true, "partiel"],
    ],
  );
});

test("the checked-in schema and precompiled validator are what the grid generates (run `npm run schema`)", () => {
  for (const [file, text] of Object.entries(generatedSchemaFiles(PROJECT_ROOT))) {
    assert.ok(readFileSync(path.join(PROJECT_ROOT, file), "utf8") === text, `${file} n'est pas à jour : lancez « npm run schema »`);
  }
});

test("the schema describes every criterion, in French, for editors", () => {
  const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "schemas/solution.schema.json"), "utf8"));
  const evaluation = schema.$defs["evaluation-1.0"];
  for (const c of grid.criteria) assert.match(evaluation.properties[c.id].title, new RegExp(`^${c.id} — `));
  assert.is(evaluation.additionalProperties, false);
  assert.equal(schema.properties.evaluation.allOf, [{ if: { required: ["grid_version"], properties: { grid_version: { const: "1.0" } } }, then: { $ref: "#/$defs/evaluation-1.0" } }]);
  assert.is(schema.additionalProperties, false);
  assert.is(schema.properties.provider.additionalProperties, false);
  assert.is(schema.$defs.answer.additionalProperties, false);
});

test("the grid in force is published, frozen in criteria/versions/, and says how long an evaluation stays current", () => {
  assert.is(grid.published, "2026-11-23");
  assert.is(grid.evaluationValidityMonths, 18);
  assert.equal(grid.versions.order, ["1.0"]);
  // A published version never changes: an edit of grid.yaml is a new version (docs/methodologie.md).
  const frozen = readFileSync(path.join(PROJECT_ROOT, "criteria/versions/1.0.yaml"));
  assert.ok(frozen.equals(readFileSync(path.join(PROJECT_ROOT, "criteria/grid.yaml"))), "criteria/versions/1.0.yaml doit rester identique à criteria/grid.yaml");
});

test("the data hosting locations are France, the European Union and outside it, with French labels", () => {
  assert.equal(
    grid.vocabularies.dataHostingLocations.map((e) => [e.id, e.label]),
    [
      ["france", "France"],
      ["union-europeenne", "Union européenne"],
      ["hors-union-europeenne", "Hors de l'Union européenne"],
    ],
  );
});

test.run();
