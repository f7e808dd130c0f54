// `catalogue validate` with GITHUB_STEP_SUMMARY set appends its job summary.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FIXTURE_ROOT, tempDir } from "../helpers.ts";
import { catalogue } from "./git-repo.ts";

const MIB = 1024 * 1024;

test("the summary is appended after what the step already wrote, the text output unchanged", () => {
  const file = path.join(tempDir("summary"), "summary.md");
  writeFileSync(file, "Avant\n");
  const r = catalogue(FIXTURE_ROOT, ["validate"], { GITHUB_STEP_SUMMARY: file });
  assert.is(r.code, 0);
  assert.is(r.stdout, "");
  assert.is(r.stderr, "1 fiche valide.\n");
  const text = readFileSync(file, "utf8");
  assert.ok(text.startsWith("Avant\n\n## Vérification des fiches\n\n1 fiche valide\\.\n\n### content\\/solutions\\/visio\\-libre\\.yaml : valide\n\n"), text);
  assert.ok(text.includes("| Logiciel libre | Niveau avancé | 75\u00a0\\% | 3 sur 4 |\n"), text);
});

test("what the step already wrote counts towards GitHub's 1 MiB", () => {
  const file = path.join(tempDir("summary"), "summary.md");
  writeFileSync(file, "x".repeat(MIB - 400));
  catalogue(FIXTURE_ROOT, ["validate"], { GITHUB_STEP_SUMMARY: file });
  assert.ok(statSync(file).size <= MIB, `${statSync(file).size} bytes`);
  assert.ok(readFileSync(file, "utf8").endsWith("1 fiche non détaillée ici : le résumé d'une étape est limité à 1 Mio par GitHub. Le journal de l'étape donne tous les messages.\n"));
});

test("a summary that cannot be written is a warning: the result of the validation stands", () => {
  const r = catalogue(FIXTURE_ROOT, ["validate"], { GITHUB_STEP_SUMMARY: tempDir("summary") });
  assert.is(r.code, 0);
  assert.is(r.stderr, "1 fiche valide.\ncatalogue validate : résumé non écrit dans GITHUB_STEP_SUMMARY (EISDIR)\n");
});

test.run();
