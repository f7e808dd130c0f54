import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { compiledGridHash, compiledValidator } from "../../src/lib/compiled-validator.ts";
import { fieldAt, FIELDS, SCHEMA_FORMATS } from "../../src/lib/fields.ts";
import { loadGrid } from "../../src/lib/grid.ts";
import { loadDocument } from "../../src/lib/load.ts";
import { createValidator, validateDocument } from "../../src/lib/validate.ts";
import { FIXTURE_ROOT, PROJECT_ROOT, TODAY } from "../helpers.ts";

const isHttpsUrl = SCHEMA_FORMATS["https-url"];

test("the https-url format accepts absolute https addresses the URL parser accepts", () => {
  for (const url of ["https://x.fr/", "https://www.exemple.gouv.fr/a/b?c=d#e", "https://x.fr:443/", "https://xn--nxtcloud-c8g.example.org/"]) {
    assert.ok(isHttpsUrl(url), url);
  }
});

test("the https-url format refuses http, javascript:, credentials, impossible ports and hosts without a dot", () => {
  for (const url of ["http://x.fr/", "javascript:alert(1)", "JAVASCRIPT://x.fr/", "https://user:pass@x.fr/", "https://x.fr:99999/", "https://localhost/", "https://x.fr/a b", "//x.fr/"]) {
    assert.not.ok(isHttpsUrl(url), url);
  }
});

const minimal = {
  name: "Exemple",
  slug: "exemple",
  short_description: "Une solution.",
  website: "https://x.fr:99999/",
  provider: { name: "Exemple", type: "entreprise", website: "javascript:alert(1)" },
  distribution: "proprietaire",
  hosting: ["saas"],
  categories: ["visioconference"],
  evaluation: { grid_version: "1.0", date: "2026-01-01" },
};

test("the precompiled validator runs the same https-url format", () => {
  const grid = loadGrid(PROJECT_ROOT, compiledGridHash);
  const validate = compiledValidator(PROJECT_ROOT, grid.sourceHash);
  assert.type(validate, "function");
  assert.is(validate!(minimal), false);
  assert.equal(
    validate!.errors!.map((e) => `${e.instancePath} ${e.keyword}`),
    ["/website format", "/provider/website format"],
  );
});

function messages(yaml: string, fields = FIELDS): string[] {
  const loaded = loadDocument(new TextEncoder().encode(yaml), "yaml");
  if (!loaded.ok) throw new Error(loaded.error.message);
  const validator = createValidator(loadGrid(FIXTURE_ROOT), fields);
  return validateDocument(loaded.doc, "exemple.yaml", "exemple", validator, TODAY).problems.map((p) => `${p.field}  ${p.message}`);
}

const yaml = (extra = "") =>
  `name: Exemple\nslug: exemple\nshort_description: Une solution.\nwebsite: https://x.fr:99999/\nprovider: {name: Exemple, type: entreprise}\ndistribution: proprietaire\nhosting: [saas]\ncategories: [visioconference]\npublic_references: ["Commune d'Exemple"]\nevaluation: {grid_version: "1.0", date: "2026-01-01"}\n${extra}`;

test("an https field refuses an impossible port with the table's message", () => {
  assert.equal(messages(yaml()), ["website  adresse « https://x.fr:99999/ » invalide : une adresse web absolue commençant par « https:// » est attendue"]);
});

test("a field the table turns into an https URL is checked as one, with the same message", () => {
  const fields = { ...FIELDS, "/public_references/*": { ...FIELDS["/public_references/*"]!, value: "https-url" as const } };
  assert.equal(messages(yaml(), fields), [
    "website  adresse « https://x.fr:99999/ » invalide : une adresse web absolue commençant par « https:// » est attendue",
    "public_references[0]  adresse « Commune d'Exemple » invalide : une adresse web absolue commençant par « https:// » est attendue",
  ]);
});

test("the table says which texts may hold several lines and which must say something", () => {
  const fields = { ...FIELDS, "/short_description": { ...FIELDS["/short_description"]!, multiline: true, meaningful: false } };
  const text = yaml('description: "Ligne un\\nLigne deux"\n').replace("short_description: Une solution.", 'short_description: "- -\\n- -"');
  assert.equal(messages(text).slice(1), ["short_description  caractère invisible ou de contrôle interdit (U+000A) ; ce champ tient sur une ligne"]);
  assert.equal(messages(text, fields).slice(1), []);
});

test("a pointer finds its table entry, criteria and list items included", () => {
  assert.is(fieldAt("/evaluation/SEC-04/evidence")?.title, "Preuve (adresse web)");
  assert.is(fieldAt("/evaluation/date")?.title, "Date de l'auto-évaluation");
  assert.is(fieldAt("/public_references/3")?.maxLength, 150);
  assert.is(fieldAt("/inconnu"), undefined);
});

test("every top-level field and provider sub-field has a French title and description, with its limits", () => {
  const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "schemas/solution.schema.json"), "utf8"));
  const fields = { ...schema.properties, ...Object.fromEntries(Object.entries(schema.properties.provider.properties).map(([k, v]) => [`provider.${k}`, v])) };
  for (const [name, field] of Object.entries(fields) as [string, { title?: string; description?: string }][]) {
    assert.ok(field.title && field.description, `${name} : titre et description`);
  }
  assert.is(schema.properties.short_description.description, "Une ou deux phrases, texte simple. 280 caractères au plus.");
  assert.is(schema.properties.short_description.maxLength, 280);
  assert.is(schema.properties.categories.maxItems, 6);
  assert.match(schema.properties.categories.description, / 6 valeurs au plus\.$/);
  assert.is(
    schema.properties.logo.description,
    "Nom d'un fichier SVG, PNG, WebP ou JPEG placé à côté de la fiche ; un SVG ne doit contenir ni script ni ressource externe. Fichier de 200 Kio au plus.",
  );
  assert.is(schema.properties.website.format, "https-url");
  assert.is(schema.properties.website.description, "Page d'accueil de la solution. Adresse web absolue commençant par « https:// ». 500 caractères au plus.");
});

test.run();
