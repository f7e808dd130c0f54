// Grid versions: the fixture keeps grid 1.0 (criteria/versions/1.0.yaml) and
// has 1.1 in force, which renames NR-02 to NR-05, splits NR-01 (into NR-01 and
// NR-06) and CI-01 (into CI-02 and CI-03), merges OSS-03 and OSS-04 into
// OSS-05, removes NR-04 and adds CI-04. Files on 1.0 stay valid, with a
// warning, until 2027-03-01 (1.1 published 2025-03-01 + 24 months).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { checkSolutions } from "../../src/lib/catalogue.ts";
import { GridError, loadGrid } from "../../src/lib/grid.ts";
import { formatProblems } from "../../src/lib/report.ts";
import { generatedSchemaFiles } from "../../src/lib/schema-file.ts";
import { PROJECT_ROOT, TODAY, VERSIONS_ROOT, tempDir } from "../helpers.ts";

const CONTENT = path.join(VERSIONS_ROOT, "content/solutions");
const file = (name: string) => path.join(CONTENT, name);

/** The problems of `files`, as `catalogue validate` prints them, on `today`. */
function check(files: string[], today = TODAY, root = VERSIONS_ROOT) {
  const result = checkSolutions(files, { root, today });
  return { text: formatProblems(result.problems, "text").split(path.relative(process.cwd(), CONTENT)).join("S"), solutions: result.solutions.map((s) => s.slug) };
}

/** A copy of the fixture's criteria/, with `edit` applied to the text of criteria/<name>. */
function editedRoot(name: string, edit: (text: string) => string): string {
  const root = tempDir("versions");
  cpSync(path.join(VERSIONS_ROOT, "criteria"), path.join(root, "criteria"), { recursive: true });
  const target = path.join(root, "criteria", name);
  const before = readFileSync(target, "utf8");
  const after = edit(before);
  assert.is.not(after, before, `${name} edited`);
  writeFileSync(target, after);
  return root;
}

function gridError(root: string): string {
  try {
    loadGrid(root);
  } catch (error) {
    if (error instanceof GridError) return error.message.split(path.relative(process.cwd(), root)).join("R");
    throw error;
  }
  throw new Error("the grid should be refused");
}

test("the grid keeps every version, newest first, and knows until when each older one is accepted", () => {
  const grid = loadGrid(VERSIONS_ROOT);
  assert.equal(grid.versions.order, ["1.1", "1.0"]);
  assert.is(grid.version, "1.1");
  assert.equal([...grid.versions.refusedFrom], [["1.0", "2027-03-01"]]);
  assert.equal(grid.versions.byVersion.get("1.0")!.criteria.map((c) => c.id), ["NR-01", "NR-02", "NR-03", "NR-04", "CI-01", "CI-08", "OSS-01", "OSS-02", "OSS-03", "OSS-04"]);
  assert.equal(grid.previous, {
    version: "1.0",
    transitionMonths: 24,
    mapping: { renamed: { "NR-02": "NR-05" }, split: { "NR-01": ["NR-01", "NR-06"], "CI-01": ["CI-02", "CI-03"] }, merged: { "OSS-05": ["OSS-03", "OSS-04"] }, removed: ["NR-04"], added: ["CI-04"] },
  });
});

test("a file on grid 1.0 during the transition is valid, with a warning that says how to migrate", () => {
  const r = check([file("ancienne-grille.yaml")]);
  assert.equal(r.solutions, ["ancienne-grille"]);
  assert.is(
    r.text,
    "S/ancienne-grille.yaml:15:17  avertissement : evaluation.grid_version  évaluation selon la grille 1.0 ; la grille 1.1 est en vigueur depuis le 2025-03-01 : migrez la fiche avant le 2027-03-01 avec « catalogue migrate S/ancienne-grille.yaml »\n",
  );
});

test("the same file after the transition is refused", () => {
  const r = check([file("ancienne-grille.yaml")], "2027-03-01");
  assert.equal(r.solutions, []);
  assert.is(
    r.text,
    "S/ancienne-grille.yaml:15:17  evaluation.grid_version  évaluation selon la grille 1.0, qui n'est plus acceptée depuis le 2027-03-01 (fin de la période de transition) : la grille 1.1 est en vigueur depuis le 2025-03-01 ; migrez la fiche avec « catalogue migrate S/ancienne-grille.yaml », puis répondez aux critères qu'elle indique\n" +
      "S/ancienne-grille.yaml:16:9  avertissement : evaluation.date  évaluation du 2025-06-01, plus ancienne que la durée de validité de 18 mois fixée par la grille : à mettre à jour depuis le 2026-12-01 ; réévaluez la solution, puis mettez à jour evaluation.date\n",
  );
  // The day before, it was still accepted.
  assert.equal(check([file("ancienne-grille.yaml")], "2027-02-28").solutions, ["ancienne-grille"]);
});

test("each version accepts its own criteria only, and an unknown version lists the known ones", () => {
  const dir = tempDir("versions-files");
  const head = 'name: X\nslug: x\nshort_description: Test.\nwebsite: https://x.example.org/\nprovider: {name: P, type: entreprise}\ndistribution: proprietaire\nhosting: [saas]\ncategories: [visioconference]\nevaluation:\n';
  writeFileSync(path.join(dir, "x.yaml"), `${head}  grid_version: "1.0"\n  date: "2026-01-01"\n  NR-05: {answer: non}\n  NR-02: {answer: non}\n`);
  assert.is(
    check([path.join(dir, "x.yaml")]).text.split(path.relative(process.cwd(), dir)).join("D"),
    "D/x.yaml:10:17  avertissement : evaluation.grid_version  évaluation selon la grille 1.0 ; la grille 1.1 est en vigueur depuis le 2025-03-01 : migrez la fiche avant le 2027-03-01 avec « catalogue migrate D/x.yaml »\n" +
      "D/x.yaml:12:3  evaluation.NR-05  critère « NR-05 » inconnu dans la grille 1.0 ; il appartient à la grille 1.1\n",
  );
  writeFileSync(path.join(dir, "x.yaml"), `${head}  grid_version: "1.1"\n  date: "2026-01-01"\n  NR-02: {answer: non}\n`);
  assert.is(check([path.join(dir, "x.yaml")]).text.split(path.relative(process.cwd(), dir)).join("D"), "D/x.yaml:12:3  evaluation.NR-02  critère « NR-02 » inconnu dans la grille 1.1 ; il appartient à la grille 1.0\n");
  writeFileSync(path.join(dir, "x.yaml"), `${head}  grid_version: "0.9"\n  date: "2026-01-01"\n  NR-02: {answer: non}\n`);
  assert.is(check([path.join(dir, "x.yaml")]).text.split(path.relative(process.cwd(), dir)).join("D"), "D/x.yaml:10:17  evaluation.grid_version  version de grille « 0.9 » inconnue ; versions connues : 1.1 (en vigueur), 1.0\n");
});

test("the precompiled validator of a grid with two versions checks each file against its own version's criteria", () => {
  const code = generatedSchemaFiles(VERSIONS_ROOT)["schemas/solution.validate.cjs"]!;
  // Run as if it were schemas/solution.validate.cjs of the project (its requires are relative to it).
  const module = { exports: {} as ValidateFunction & { gridHash?: string } };
  new Function("module", "exports", "require", code)(module, module.exports, createRequire(path.join(PROJECT_ROOT, "schemas/solution.validate.cjs")));
  const validate = module.exports;
  assert.is(validate.gridHash, loadGrid(VERSIONS_ROOT).sourceHash);
  const solution = (evaluation: Record<string, unknown>) => ({
    name: "X",
    slug: "x",
    short_description: "Test.",
    website: "https://x.example.org/",
    provider: { name: "P", type: "entreprise" },
    distribution: "proprietaire",
    hosting: ["saas"],
    categories: ["visioconference"],
    evaluation: { date: "2026-01-01", ...evaluation },
  });
  assert.is(validate(solution({ grid_version: "1.0", "NR-02": { answer: "non" } })), true);
  assert.is(validate(solution({ grid_version: "1.1", "NR-05": { answer: "non" } })), true);
  assert.is(validate(solution({ grid_version: "1.1", "NR-02": { answer: "non" } })), false);
  assert.equal(validate.errors!.map((e) => [e.instancePath, e.keyword, e.params]), [
    ["/evaluation", "additionalProperties", { additionalProperty: "NR-02" }],
    ["/evaluation", "if", { failingKeyword: "then" }],
  ]);
  assert.is(validate(solution({ grid_version: "0.9" })), false);
  assert.equal(validate.errors!.map((e) => [e.instancePath, e.keyword]), [["/evaluation/grid_version", "enum"]]);
});

test("a published version never changes: grid.yaml must stay identical to its copy in criteria/versions/", () => {
  const root = editedRoot("grid.yaml", (t) => t.replace("title: Feuille de route publique", "title: Feuille de route"));
  assert.is(
    gridError(root),
    "R/criteria/grid.yaml: diffère de R/criteria/versions/1.1.yaml : la grille 1.1 est publiée et une version publiée ne change plus ; annulez la modification, ou publiez une nouvelle version (grid_version, published et previous, voir docs/methodologie.md)",
  );
});

test("criteria/versions/ holds the versions of the chain only, and each version the chain names", () => {
  const stray = tempDir("versions");
  cpSync(path.join(VERSIONS_ROOT, "criteria"), path.join(stray, "criteria"), { recursive: true });
  writeFileSync(path.join(stray, "criteria/versions/0.9.yaml"), "grid_version: \"0.9\"\n");
  assert.match(gridError(stray), /^R\/criteria\/versions\/0\.9\.yaml: fichier inattendu : criteria\/versions\/ ne garde que les versions publiées/);
  const missing = tempDir("versions");
  cpSync(path.join(VERSIONS_ROOT, "criteria"), path.join(missing, "criteria"), { recursive: true });
  rmSync(path.join(missing, "criteria/versions/1.0.yaml"));
  assert.is(gridError(missing), "R/criteria/grid.yaml:8:17  previous.grid_version  version « 1.0 » introuvable : chaque version publiée est gardée telle quelle dans criteria/versions/1.0.yaml");
});

test("the mapping must account for every criterion of both versions", () => {
  // Each edit breaks grid.yaml and its published copy alike, as a new draft version would.
  const edited = (edit: (text: string) => string) => {
    const root = editedRoot("grid.yaml", edit);
    rmSync(path.join(root, "criteria/versions/1.1.yaml"));
    return gridError(root);
  };
  assert.is(edited((t) => t.replace("    NR-02: NR-05\n", "    NR-09: NR-05\n")), "R/criteria/grid.yaml:11:5  previous.renamed.NR-09  critère « NR-09 » absent de la grille 1.0");
  assert.is(
    edited((t) => t.replace("  removed: [NR-04]\n", "")),
    "R/criteria/grid.yaml:7:1  previous  le critère « NR-04 » de la grille 1.0 manque dans la grille 1.1 : déclarez ce qu'il devient (renamed, split, merged ou removed)",
  );
  assert.is(
    edited((t) => t.replace("  added: [CI-04]\n", "")),
    "R/criteria/grid.yaml:73:13  themes.1.criteria.2.id  critère « CI-04 » nouveau dans la grille 1.1 : déclarez-le dans previous.added, ou comme résultat de previous.renamed, split ou merged",
  );
  assert.is(
    edited((t) => t.replace("  removed: [NR-04]\n", "  removed: [NR-04, NR-02]\n")),
    "R/criteria/grid.yaml:17:20  previous.removed.1  critère « NR-02 » déjà nommé dans previous.renamed : un critère de la grille 1.0 a un seul devenir",
  );
  assert.is(
    edited((t) => t.replace('published: "2025-03-01"', 'published: "2024-01-15"')),
    "R/criteria/grid.yaml:5:12  published  date de publication 2024-01-15 : elle doit suivre celle de la grille 1.0 (2024-01-15)",
  );
});

test("the grid declares how long an evaluation stays current, as a whole number of months", () => {
  const root = editedRoot("grid.yaml", (t) => t.replace("evaluation_validity_months: 18\n", ""));
  rmSync(path.join(root, "criteria/versions/1.1.yaml"));
  assert.is(gridError(root), "R/criteria/grid.yaml:4:1  -  champ obligatoire manquant « evaluation_validity_months »");
});

test.run();
