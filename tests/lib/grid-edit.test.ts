// The grid is the only place that states a fact about itself: editing a copy
// of the fixture grid changes the grid object, the schema and the messages.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FIELDS } from "../../src/lib/fields.ts";
import { applicabilityLabel, GridError, loadGrid } from "../../src/lib/grid.ts";
import { loadDocument } from "../../src/lib/load.ts";
import { scoreSolution } from "../../src/lib/score.ts";
import { createValidator, getValidator, validateDocument } from "../../src/lib/validate.ts";
import { FIXTURE_ROOT, TODAY, tempDir } from "../helpers.ts";

/** A copy of the fixture project's criteria/, with `edit` applied to each file's text. */
function editedRoot(edit: { grid?: (text: string) => string; vocabularies?: (text: string) => string }): string {
  const root = tempDir("grid");
  cpSync(path.join(FIXTURE_ROOT, "criteria"), path.join(root, "criteria"), { recursive: true });
  for (const [name, change] of [["grid.yaml", edit.grid], ["vocabularies.yaml", edit.vocabularies]] as const) {
    if (!change) continue;
    const file = path.join(root, "criteria", name);
    const before = readFileSync(file, "utf8");
    const after = change(before);
    assert.is.not(after, before, `${name} edited`);
    writeFileSync(file, after);
  }
  return root;
}

const addCloudMode = (text: string) =>
  text.replace(
    "  - {id: on-premises, label: Sur site, applicability_label: Solutions sur site}\n",
    "  - {id: on-premises, label: Sur site, applicability_label: Solutions sur site}\n  - {id: cloud-souverain, label: Cloud souverain, applicability_label: Solutions en cloud souverain}\n",
  );
const nr02AppliesTo = (mode: string) => (text: string) => text.replace(/(id: NR-02\n(?:.*\n){4}        applicability: )saas/, `$1${mode}`);

function messages(root: string, yaml: string, validator = getValidator(loadGrid(root))): string[] {
  const loaded = loadDocument(new TextEncoder().encode(yaml), "yaml");
  if (!loaded.ok) throw new Error(loaded.error.message);
  return validateDocument(loaded.doc, "a.yaml", "a", validator, TODAY).problems.map((p) => `${p.field}  ${p.message}`);
}

const solution = (fields: Record<string, string>) =>
  Object.entries({
    name: "Exemple",
    slug: "a",
    short_description: "Une solution.",
    website: "https://a.example.org/",
    provider: "{name: Exemple, type: entreprise}",
    distribution: "proprietaire",
    hosting: "[saas]",
    categories: "[visioconference]",
    evaluation: '{grid_version: "1.0", date: "2026-01-01"}',
    ...fields,
  })
    .map(([k, v]) => `${k}: ${v}\n`)
    .join("");

test("a renamed short title, in the grid file only, is the theme's short title", () => {
  const root = editedRoot({ grid: (t) => t.replace("short_title: Conception", "short_title: Innovation") });
  const grid = loadGrid(root);
  assert.equal(grid.themes.map((t) => t.shortTitle), ["Numérique responsable", "Innovation", "Vide", "Logiciel libre"]);
});

test("a hosting mode added to the vocabulary can be a criterion's applicability, with its label, enum and scoring", () => {
  const root = editedRoot({ vocabularies: addCloudMode, grid: nr02AppliesTo("cloud-souverain") });
  const grid = loadGrid(root);
  assert.is(grid.criteriaById.get("NR-02")!.applicability, "cloud-souverain");
  assert.is(applicabilityLabel(grid, "cloud-souverain"), "Solutions en cloud souverain");
  assert.equal(grid.applicabilityLabels, { all: "Toutes les solutions", saas: "Solutions SaaS", "on-premises": "Solutions sur site", "cloud-souverain": "Solutions en cloud souverain" });

  const hosting = (getValidator(grid).schema.properties as Record<string, { description: string; items: { enum: string[] } }>).hosting!;
  assert.equal(hosting.items.enum, ["saas", "on-premises", "cloud-souverain"]);
  assert.is(hosting.description, "Comment la solution est proposée, un mode au moins. Valeurs possibles : saas (SaaS), on-premises (Sur site), cloud-souverain (Cloud souverain).");
  assert.equal(messages(root, solution({ hosting: "[cloud]" })), ["hosting[0]  valeur « cloud » non reconnue ; valeurs possibles : saas, on-premises, cloud-souverain"]);

  const applicable = (hosting: string[]) => {
    const checked = validateDocument(
      (loadDocument(new TextEncoder().encode(solution({ hosting: `[${hosting.join(", ")}]` })), "yaml") as { ok: true; doc: never }).doc,
      "a.yaml",
      "a",
      getValidator(grid),
      TODAY,
    );
    return scoreSolution(checked.solution!, grid).themes[0]!.criteria.find((c) => c.criterionId === "NR-02")!.applicable;
  };
  assert.is(applicable(["cloud-souverain"]), true);
  assert.is(applicable(["saas"]), false);
});

test("an applicability that is neither « all » nor a hosting mode stops the grid, naming file, line, criterion and allowed values", () => {
  const root = editedRoot({ grid: nr02AppliesTo("cloud") });
  const shown = path.relative(process.cwd(), path.join(root, "criteria/grid.yaml"));
  assert.throws(
    () => loadGrid(root),
    (error: unknown) =>
      error instanceof GridError &&
      error.message ===
        `${shown}:24:24  themes.0.criteria.1.applicability  critère « NR-02 » : applicabilité « cloud » inconnue ; valeurs possibles : all, saas, on-premises (modes d'hébergement de criteria/vocabularies.yaml)`,
  );
});

test("a theme without a short title is refused by the grid file schema", () => {
  const root = editedRoot({ grid: (t) => t.replace("    short_title: Conception\n", "") });
  const shown = path.relative(process.cwd(), path.join(root, "criteria/grid.yaml"));
  assert.throws(() => loadGrid(root), (error: unknown) => error instanceof GridError && error.message === `${shown}:40:5  themes.1  champ obligatoire manquant « short_title »`);
});

test("a hosting mode cannot take the id « all », which means every solution", () => {
  const root = editedRoot({ vocabularies: (t) => t.replace("{id: saas, label: SaaS, applicability_label: Solutions SaaS}", "{id: all, label: Tout, applicability_label: Tout}") });
  assert.throws(
    () => loadGrid(root),
    (error: unknown) => error instanceof GridError && error.message === "criteria/vocabularies.yaml: hosting_modes : l'identifiant « all » est réservé à l'applicabilité « toutes les solutions »",
  );
});

test("which distributions need a licence, and the answer OSS-01 expects, come from the vocabulary", () => {
  const root = editedRoot({
    vocabularies: (t) =>
      t.replace("{id: hybride, label: Hybride, licence_required: true, free_software_answer: partiel}", "{id: hybride, label: Hybride, licence_required: false, free_software_answer: non}"),
  });
  const grid = loadGrid(root);
  const schema = getValidator(grid).schema as { allOf: unknown; properties: { licence: { description: string } } };
  assert.equal(schema.allOf, [{ if: { required: ["distribution"], properties: { distribution: { enum: ["libre"] } } }, then: { required: ["licence"] } }]);
  assert.is(schema.properties.licence.description, "Identifiant SPDX (https://spdx.org/licenses/) ou « LicenseRef-… » pour une licence propriétaire. Obligatoire quand la distribution est « libre ».");
  assert.equal(messages(root, solution({ distribution: "hybride", evaluation: '{grid_version: "1.0", date: "2026-01-01", OSS-01: {answer: partiel, justification: Open core.}}' })), [
    "evaluation.OSS-01.answer  la réponse « partiel » contredit la fiche : la distribution déclarée est « hybride » ; réponse attendue : « non »",
  ]);
});

test("a changed length limit in the field table changes the schema's keyword, its description and the message", () => {
  const grid = loadGrid(FIXTURE_ROOT);
  const fields = { ...FIELDS, "/name": { ...FIELDS["/name"]!, maxLength: 10 } };
  const validator = createValidator(grid, fields);
  const name = (validator.schema.properties as Record<string, { maxLength: number; description: string }>).name!;
  assert.is(name.maxLength, 10);
  assert.is(name.description, "Nom sous lequel la solution est connue. 10 caractères au plus.");
  assert.equal(messages(FIXTURE_ROOT, solution({ name: "Exemple un peu long" }), validator), ["name  texte trop long : 10 caractères au plus (19 ici)"]);
});

test.run();
