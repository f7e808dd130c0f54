// `catalogue validate --scope`: a pull request touches either solution files
// (content/solutions/) or the rest of the project, never both.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isMixed, splitScope } from "../../src/cli/scope.ts";
import { tempDir } from "../helpers.ts";
import { catalogue, commit, fixtureRepo, git, solution } from "./git-repo.ts";

const MIXED =
  "catalogue validate --scope : cette demande de fusion modifie à la fois des fiches (content/solutions/) et d'autres fichiers. " +
  "Une demande qui ajoute ou modifie des solutions ne contient que leurs fiches et leurs logos, pour être relue comme des données : " +
  "proposez les autres modifications dans une demande séparée.\n";

test("paths under content/solutions/ are solution files, every other path is not", () => {
  const scope = splitScope(["content/solutions/a.yaml", "content/solutions/a.svg", "content/autre.yaml", "README.md", "../dehors.txt", "content/solutions/a.yaml"]);
  assert.equal(scope, { solutions: ["content/solutions/a.svg", "content/solutions/a.yaml"], others: ["../dehors.txt", "README.md", "content/autre.yaml"] });
  assert.ok(isMixed(scope));
  assert.not.ok(isMixed(splitScope(["content/solutions/a.yaml", "content/solutions/b.md"])));
  assert.not.ok(isMixed(splitScope(["src/cli/main.ts", "README.md"])));
  assert.not.ok(isMixed(splitScope([])));
});

test("a branch that changes only solution files, or only other files, passes", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/nouvelle.yaml": solution("nouvelle", "Nouvelle"), "content/solutions/nouvelle.svg": "<svg/>" });
  const only = catalogue(dir, ["validate", "--scope"]);
  assert.is(only.code, 0);
  assert.is(only.stderr, "Périmètre par rapport à « main » : la branche ne modifie que des fiches (2 fichiers sous content/solutions/).\n");

  const other = fixtureRepo();
  commit(other, { "README.md": "Bonjour\n" });
  const r = catalogue(other, ["validate", "--changed", "--scope"]);
  assert.is(r.code, 0);
  assert.is(r.stderr, "Périmètre par rapport à « main » : la branche ne modifie aucune fiche.\n");
});

test("a branch that mixes a solution file with another change fails with a French message naming the files", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/nouvelle.yaml": solution("nouvelle", "Nouvelle"), "src/outil.ts": "export {};\n" });
  const r = catalogue(dir, ["validate", "--changed", "--scope"]);
  assert.is(r.code, 1);
  assert.is(r.stdout, "");
  assert.is(r.stderr, `${MIXED}Fiches : content/solutions/nouvelle.yaml\nAutres fichiers : src/outil.ts\n`);
});

test("moving a solution file out of content/solutions counts as a change on both sides", () => {
  const dir = fixtureRepo();
  git(dir, "mv", "content/solutions/visio-libre.yaml", "docs-visio-libre.yaml");
  commit(dir, {}, "move");
  const r = catalogue(dir, ["validate", "--scope"]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /\nFiches : content\/solutions\/visio-libre\.yaml\nAutres fichiers : docs-visio-libre\.yaml\n$/);
});

test("with --format github, each file outside content/solutions gets an annotation, and the job summary explains, escaped", () => {
  const dir = fixtureRepo();
  const hostile = "[clic](https:__evil.example) <img src=x>.md";
  commit(dir, { "content/solutions/nouvelle.yaml": solution("nouvelle", "Nouvelle"), [hostile]: "x\n" });
  const summaryFile = path.join(tempDir("summary"), "summary.md");
  const r = catalogue(dir, ["validate", "--scope", "--format", "github"], { GITHUB_STEP_SUMMARY: summaryFile });
  assert.is(r.code, 1);
  assert.is(
    r.stdout,
    "::error file=[clic](https%3A__evil.example) <img src=x>.md,line=1,col=1,title=-::fichier hors de content/solutions/ dans une demande qui modifie aussi des fiches : proposez-le dans une demande séparée\n",
  );
  assert.is(
    readFileSync(summaryFile, "utf8"),
    "## Périmètre de la demande de fusion\n\n" +
      "cette demande de fusion modifie à la fois des fiches \\(content\\/solutions\\/\\) et d\\'autres fichiers\\. " +
      "Une demande qui ajoute ou modifie des solutions ne contient que leurs fiches et leurs logos\\, pour être relue comme des données \\: " +
      "proposez les autres modifications dans une demande séparée\\.\n\n" +
      "- Fiches : content\\/solutions\\/nouvelle\\.yaml\n" +
      "- Autres fichiers : \\[clic\\]\\(https\\:\\_\\_evil\\.example\\) \\<img src\\=x\\>\\.md\n",
  );
});

test.run();
