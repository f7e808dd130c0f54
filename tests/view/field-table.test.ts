// « Référencer ma solution » shows the fields of a solution file from the
// generated schema: a limit changed in the field table changes the page.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FIELDS } from "../../src/lib/fields.ts";
import { loadGrid } from "../../src/lib/grid.ts";
import { buildSolutionSchema } from "../../src/lib/schema.ts";
import { fieldTable } from "../../src/view/field-table.ts";
import { FIXTURE_ROOT } from "../helpers.ts";

const grid = loadGrid(FIXTURE_ROOT);

test("each field shows its title, whether it is required, and its limits", () => {
  const rows = fieldTable(buildSolutionSchema(grid));
  const short = rows.find((row) => row.name === "short_description");
  assert.equal(short, { name: "short_description", required: "oui", title: "Description courte", description: "Une ou deux phrases, texte simple. 280 caractères au plus.", values: [] });
  assert.is(rows.find((row) => row.name === "licence")?.required, "si distribution vaut « libre » ou « hybride »");
  assert.ok(rows.find((row) => row.name === "logo")?.description.endsWith("Fichier de 200 Kio au plus."));
});

test("a field with a vocabulary lists its allowed values apart from its description", () => {
  const hosting = fieldTable(buildSolutionSchema(grid)).find((row) => row.name === "hosting")!;
  assert.equal(hosting.values, ["saas", "on-premises"]);
  assert.not.match(hosting.description, /Valeurs possibles/);
});

test("a limit changed in the field table is the limit the page shows", () => {
  const fields = { ...FIELDS, "/short_description": { ...FIELDS["/short_description"]!, maxLength: 200 } };
  const short = fieldTable(buildSolutionSchema(grid, fields)).find((row) => row.name === "short_description")!;
  assert.is(short.description, "Une ou deux phrases, texte simple. 200 caractères au plus.");
});

test.run();
