// `catalogue migrate` on a copy of the versions fixture (grid 1.1 in force, 1.0 kept).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, VERSIONS_ROOT, tempDir } from "../helpers.ts";

const BIN = path.join(PROJECT_ROOT, "bin/catalogue.js");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the versions fixture (criteria/ and content/), and the migration inputs in content/solutions too if asked. */
function project(extra: string[] = []): string {
  const dir = tempDir("migrate");
  cpSync(path.join(VERSIONS_ROOT, "criteria"), path.join(dir, "criteria"), { recursive: true });
  cpSync(path.join(VERSIONS_ROOT, "content"), path.join(dir, "content"), { recursive: true });
  for (const name of extra) copyFileSync(path.join(VERSIONS_ROOT, "migrate", name), path.join(dir, "content/solutions", name));
  return dir;
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(path.join(dir, "content/solutions")).map((name) => [name, readFileSync(path.join(dir, "content/solutions", name), "utf8")]));

test("migrate rewrites the files on an older grid, says which criteria to answer again, and leaves current files alone", () => {
  const dir = project();
  const before = snapshot(dir);
  const r = run(["migrate", "content/solutions"], dir);
  assert.is(r.stderr, "");
  assert.is(
    r.stdout,
    "content/solutions/a-jour.yaml : déjà évaluée selon la grille 1.1 en vigueur, rien à faire.\n" +
      "content/solutions/ancienne-grille.yaml : grille 1.0 → 1.1, fiche réécrite.\n" +
      "  Critères à renseigner de nouveau :\n" +
      "    - NR-01 « Déclaration d'accessibilité » : à confirmer ; réponse « oui » reprise de NR-01 (critère divisé)\n" +
      "    - NR-06 « Schéma pluriannuel d'accessibilité » : à confirmer ; réponse « oui » reprise de NR-01 (critère divisé)\n" +
      "    - CI-02 « Ateliers avec des utilisateurs publics » : à confirmer ; réponse « oui » reprise de CI-01 (critère divisé)\n" +
      "    - CI-03 « Tests avec des utilisateurs publics » : à confirmer ; réponse « oui » reprise de CI-01 (critère divisé)\n" +
      "    - CI-04 « Feuille de route publique » : à renseigner ; nouveau critère\n" +
      "    - OSS-05 « Licence OSI et code publié » : à renseigner ; fusion de OSS-03 et OSS-04 ; réponses précédentes : OSS-03 « oui », OSS-04 « partiel »\n" +
      "  Réponses gardées sous un nouvel identifiant : NR-02 → NR-05.\n" +
      "  Réponses retirées (critères supprimés de la grille) : NR-04.\n" +
      "  Vérifiez ensuite la fiche : catalogue validate content/solutions/ancienne-grille.yaml\n" +
      "content/solutions/evaluation-ancienne.yaml : déjà évaluée selon la grille 1.1 en vigueur, rien à faire.\n" +
      "3 fiches : 1 migrée vers la grille 1.1, 2 déjà à jour.\n",
  );
  assert.is(r.code, 0);
  const after = snapshot(dir);
  // Only the file on 1.0 changed, and no temporary file is left behind.
  assert.equal(Object.keys(after), ["a-jour.yaml", "ancienne-grille.yaml", "evaluation-ancienne.yaml"]);
  assert.equal([after["a-jour.yaml"], after["evaluation-ancienne.yaml"]], [before["a-jour.yaml"], before["evaluation-ancienne.yaml"]]);
  assert.match(after["ancienne-grille.yaml"]!, /\n  grid_version: "1.1"   # la version de la grille\n/);
  // Validating afterwards: only the aging warning of the other file is left.
  const validated = run(["validate"], dir);
  assert.is(validated.code, 0);
  assert.is(validated.stderr, "3 fiches valides ; 1 avertissement.\n");
});

test("one file in error: every error is reported, located, and no file is written", () => {
  const dir = project(["version-inconnue.yaml", "critere-inconnu.yaml"]);
  const before = snapshot(dir);
  const r = run(["migrate", "content/solutions"], dir);
  assert.is(r.code, 1);
  assert.is(r.stdout, "");
  assert.is(
    r.stderr,
    "content/solutions/critere-inconnu.yaml:13:3  critère « NR-05 » inconnu dans la grille 1.0 : corrigez la fiche (catalogue validate) avant de la migrer\n" +
      "content/solutions/version-inconnue.yaml:10:17  version de grille « 0.9 » inconnue ; versions connues : 1.1 (en vigueur), 1.0\n" +
      "Aucune fiche n'a été modifiée : corrigez ces erreurs, puis relancez la commande.\n",
  );
  assert.equal(snapshot(dir), before);
});

test("usage errors exit 2", () => {
  const dir = project();
  assert.is(run(["migrate"], dir).code, 2);
  assert.is(run(["migrate", "--force", "content"], dir).code, 2);
  const missing = run(["migrate", "nulle-part.yaml"], dir);
  assert.equal([missing.code, missing.stderr], [2, "catalogue migrate : nulle-part.yaml : fichier ou dossier introuvable\n"]);
  assert.match(run(["--help"], dir).stdout, /migrate <fiches…>/);
});

test.run();
