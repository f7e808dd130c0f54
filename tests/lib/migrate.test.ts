// Migrating a file to the grid in force (src/lib/migrate.ts), on the versions
// fixture: 1.1 renames NR-02 to NR-05, splits NR-01 (into NR-01 and NR-06) and
// CI-01 (into CI-02 and CI-03), merges OSS-03 and OSS-04 into OSS-05, removes
// NR-04 and adds CI-04. Only the evaluation entries concerned change.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkSolutions } from "../../src/lib/catalogue.ts";
import { loadGrid } from "../../src/lib/grid.ts";
import { migrateFile, type Migration } from "../../src/lib/migrate.ts";
import { TODAY, VERSIONS_ROOT, tempDir } from "../helpers.ts";

const grid = loadGrid(VERSIONS_ROOT);
const read = (name: string) => readFileSync(path.join(VERSIONS_ROOT, name));
const text = (m: Migration) => (m.status === "migrated" ? new TextDecoder("utf-8", { ignoreBOM: true }).decode(m.text) : `(${m.status})`);
const HEAD = `# Évaluée selon la grille 1.0, pendant la transition vers la 1.1.
name: Ancienne Grille
slug: ancienne-grille
short_description: Une solution évaluée selon la grille 1.0, pour les tests.
website: https://ancienne.example.org/
provider:
  name: Exemple SAS
  type: entreprise
distribution: libre
licence: EUPL-1.2
source_code: https://git.example.org/ancienne
hosting: [saas]
categories: [partage-fichiers]
`;

test("a file on grid 1.0 is rewritten for 1.1: renamed, split, merged and removed entries, comments and styles kept", () => {
  const m = migrateFile(read("content/solutions/ancienne-grille.yaml"), "yaml", grid);
  assert.is(
    text(m),
    `${HEAD}evaluation:
  grid_version: "1.1"   # la version de la grille
  date: "2025-06-01"
  NR-01:
    answer: oui
    justification: La déclaration est publiée.
    evidence: https://ancienne.example.org/accessibilite
  NR-06:
    answer: oui
    justification: La déclaration est publiée.
    evidence: https://ancienne.example.org/accessibilite
  # Mesuré sur les pages principales.
  NR-05:
    answer: partiel
    justification: Les pages principales sont plafonnées.
  NR-03: {answer: non}
  CI-02:
    answer: oui
    justification: Ateliers et tests avec trois ministères.
  CI-03:
    answer: oui
    justification: Ateliers et tests avec trois ministères.
  OSS-01:
    answer: oui
    justification: Distribuée sous EUPL.
  OSS-02:
    answer: oui
    justification: L'EUPL-1.2 figure dans la liste.
`,
  );
  assert.ok(m.status === "migrated");
  assert.equal([m.from, m.to, m.renamed, m.removed], ["1.0", "1.1", [["NR-02", "NR-05"]], ["NR-04"]]);
  assert.equal(
    m.toAnswer.map((t) => `${t.id} ${t.kind} : ${t.reason}`),
    [
      "NR-01 confirm : réponse « oui » reprise de NR-01 (critère divisé)",
      "NR-06 confirm : réponse « oui » reprise de NR-01 (critère divisé)",
      "CI-02 confirm : réponse « oui » reprise de CI-01 (critère divisé)",
      "CI-03 confirm : réponse « oui » reprise de CI-01 (critère divisé)",
      "CI-04 answer : nouveau critère",
      "OSS-05 answer : fusion de OSS-03 et OSS-04 ; réponses précédentes : OSS-03 « oui », OSS-04 « partiel »",
    ],
  );
});

test("the migrated file is valid under grid 1.1, with no warning about its version", () => {
  const m = migrateFile(read("content/solutions/ancienne-grille.yaml"), "yaml", grid);
  const dir = tempDir("migrated");
  writeFileSync(path.join(dir, "ancienne-grille.yaml"), m.status === "migrated" ? m.text : "");
  assert.equal(checkSolutions([dir], { root: VERSIONS_ROOT, today: TODAY }).problems, []);
});

test("a Markdown file's front matter in flow style is edited in place; the body is left alone", () => {
  const m = migrateFile(read("migrate/en-tete.md"), "md", grid);
  assert.is(
    text(m),
    `---
name: En-Tête
slug: en-tete
short_description: Une fiche Markdown évaluée selon la grille 1.0, en style compact.
website: https://en-tete.example.org/
provider: {name: Exemple SAS, type: entreprise}
distribution: proprietaire
hosting: [on-premises]
categories: [visioconference]
evaluation: {grid_version: "1.1", date: "2025-06-01", NR-05: {answer: oui, justification: Pages légères.}}
---
La description longue, en **Markdown**.

evaluation: {grid_version: '1.0'} reste du texte ici.
`,
  );
  // On-premises only: NR-05 (SaaS) needs no confirmation, the new CI-04 and the merged OSS-05 need answers.
  assert.ok(m.status === "migrated");
  assert.equal(m.toAnswer.map((t) => t.id), ["CI-04", "OSS-05"]);
});

test("a byte-order mark and Windows line endings are kept", () => {
  const original = read("content/solutions/ancienne-grille.yaml").toString("utf8");
  const windows = `\ufeff${original.replace(/\n/g, "\r\n")}`;
  const m = migrateFile(new TextEncoder().encode(windows), "yaml", grid);
  const expected = text(migrateFile(read("content/solutions/ancienne-grille.yaml"), "yaml", grid));
  assert.is(text(m), `\ufeff${expected.replace(/\n/g, "\r\n")}`);
});

test("a file already on the grid in force is left as it is", () => {
  assert.equal(migrateFile(read("content/solutions/a-jour.yaml"), "yaml", grid), { status: "current", version: "1.1" });
});

test("an unknown version, a criterion its version lacks, or an unreadable file is a located error", () => {
  assert.equal(migrateFile(read("migrate/version-inconnue.yaml"), "yaml", grid), {
    status: "error",
    line: 10,
    column: 17,
    message: "version de grille « 0.9 » inconnue ; versions connues : 1.1 (en vigueur), 1.0",
  });
  assert.equal(migrateFile(read("migrate/critere-inconnu.yaml"), "yaml", grid), {
    status: "error",
    line: 13,
    column: 3,
    message: "critère « NR-05 » inconnu dans la grille 1.0 : corrigez la fiche (catalogue validate) avant de la migrer",
  });
  assert.equal(migrateFile(new TextEncoder().encode("evaluation: [1, 2]\n"), "yaml", grid), { status: "error", line: 1, column: 13, message: "la fiche n'a pas de table evaluation à migrer" });
});

test("a file two versions behind is migrated version by version; what is pending follows renames and removals", () => {
  // A grid 1.2 on top of the fixture: NR-06 (split from NR-01 in 1.1) renamed NR-07, CI-04 (added in 1.1) removed.
  const root = tempDir("versions-1.2");
  cpSync(path.join(VERSIONS_ROOT, "criteria"), path.join(root, "criteria"), { recursive: true });
  const v11 = readFileSync(path.join(root, "criteria/grid.yaml"), "utf8");
  const v12 = v11
    .replace('grid_version: "1.1"\npublished: "2025-03-01"', 'grid_version: "1.2"\npublished: "2026-01-01"')
    .replace(/previous:\n(?:  .*\n)+/, 'previous:\n  grid_version: "1.1"\n  transition_months: 12\n  renamed: {NR-06: NR-07}\n  removed: [CI-04]\n')
    .replace("id: NR-06", "id: NR-07")
    .replace(/      - id: CI-04\n(?:        .*\n)+?(?=      - id: CI-08)/, "");
  writeFileSync(path.join(root, "criteria/grid.yaml"), v12);
  const grid12 = loadGrid(root);
  assert.equal(grid12.versions.order, ["1.2", "1.1", "1.0"]);
  const m = migrateFile(read("content/solutions/ancienne-grille.yaml"), "yaml", grid12);
  assert.ok(m.status === "migrated");
  assert.equal([m.from, m.to, m.renamed, m.removed], ["1.0", "1.2", [["NR-02", "NR-05"]], ["NR-04"]]);
  assert.equal(
    m.toAnswer.map((t) => `${t.id} ${t.kind} : ${t.reason}`),
    [
      "NR-01 confirm : réponse « oui » reprise de NR-01 (critère divisé)",
      "NR-07 confirm : réponse « oui » reprise de NR-01 (critère divisé)",
      "CI-02 confirm : réponse « oui » reprise de CI-01 (critère divisé)",
      "CI-03 confirm : réponse « oui » reprise de CI-01 (critère divisé)",
      "OSS-05 answer : fusion de OSS-03 et OSS-04 ; réponses précédentes : OSS-03 « oui », OSS-04 « partiel »",
    ],
  );
  assert.match(text(m), /\n  grid_version: "1.2"   # la version de la grille\n/);
  assert.match(text(m), /\n  NR-07:\n    answer: oui\n/);
  assert.not.match(text(m), /NR-06/);
});

test.run();
