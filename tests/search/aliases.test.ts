// The search aliases of criteria/vocabularies.yaml: loaded with the grid,
// checked (an alias leads to one value only), and each one indexed with every
// solution that carries its value.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GridError, loadGrid } from "../../src/lib/grid.ts";
import { PROJECT_ROOT, tempDir } from "../helpers.ts";

/** A copy of the project's criteria/ with vocabularies.yaml edited. */
function editedRoot(edit: (text: string) => string): { root: string; shown: string } {
  const root = tempDir("aliases");
  cpSync(path.join(PROJECT_ROOT, "criteria"), path.join(root, "criteria"), { recursive: true });
  const file = path.join(root, "criteria", "vocabularies.yaml");
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  assert.is.not(after, before, "vocabularies.yaml edited");
  writeFileSync(file, after);
  return { root, shown: path.relative(process.cwd(), file) };
}
const refused = (root: string, message: string) =>
  assert.throws(
    () => loadGrid(root),
    (error: unknown) => error instanceof GridError && error.message === message,
  );

test("the grid loads the buyers' words of each vocabulary value", () => {
  const { vocabularies } = loadGrid(PROJECT_ROOT);
  assert.equal(vocabularies.categories.find((c) => c.id === "visioconference")?.searchAliases, [
    "réunion à distance",
    "visio",
    "webinaire",
    "webinar",
    "vidéoconférence",
    "conférence à distance",
  ]);
  assert.equal(vocabularies.distributions.find((d) => d.id === "libre")?.searchAliases, ["open source", "open-source", "code ouvert", "code source ouvert", "licence libre", "FOSS"]);
  assert.equal(vocabularies.hostingModes.find((m) => m.id === "saas")?.searchAliases, ["cloud", "SaaS", "hébergé", "hébergé par l'éditeur", "service hébergé", "infonuagique"]);
  assert.ok(vocabularies.providerTypes.find((p) => p.id === "administration")?.searchAliases?.includes("solution publique"));
  // Every category, distribution, hosting mode and provider type has some.
  for (const entry of [...vocabularies.categories, ...vocabularies.distributions, ...vocabularies.hostingModes, ...vocabularies.providerTypes]) {
    assert.ok(entry.searchAliases?.length, entry.id);
  }
});

test("an alias given to two values of a vocabulary stops the grid at its line", () => {
  const { root, shown } = editedRoot((t) => t.replace("search_aliases: [traitement de texte, tableur,", "search_aliases: [traitement de texte, Visio,"));
  refused(root, `${shown}:37:43  categories.6.search_aliases.1  l'alias « Visio » est déjà celui de « visioconference » : un alias ne mène qu'à une valeur`);
});

test("an alias that is another value's label stops the grid", () => {
  const { root, shown } = editedRoot((t) => t.replace("search_aliases: [GED,", "search_aliases: [archivage,"));
  refused(root, `${shown}:21:22  categories.2.search_aliases.0  l'alias « archivage » est le libellé de « archivage » : il mènerait à deux valeurs`);
});

test("an alias repeated in one value, case and accents aside, stops the grid", () => {
  const { root, shown } = editedRoot((t) => t.replace("search_aliases: [SIG, carte,", "search_aliases: [SIG, sig,"));
  refused(root, `${shown}:61:27  categories.12.search_aliases.1  alias « sig » en double`);
});

test("an alias that is not words is refused by the vocabularies' schema", () => {
  const { root, shown } = editedRoot((t) => t.replace("search_aliases: [RH, SIRH,", "search_aliases: [RH, 3,"));
  refused(root, `${shown}:69:26  categories.14.search_aliases.1  must be string`);
});

test.run();
