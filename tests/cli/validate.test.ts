import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FIXTURE_ROOT, PROJECT_ROOT, VERSIONS_ROOT, tempDir } from "../helpers.ts";

const BIN = path.join(PROJECT_ROOT, "bin/catalogue.js");

function run(args: string[], cwd = FIXTURE_ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throw-away project with the fixture grid and the given solution files. */
function project(files: Record<string, string>): string {
  const dir = tempDir("cli");
  mkdirSync(path.join(dir, "criteria"));
  mkdirSync(path.join(dir, "content/solutions"), { recursive: true });
  for (const f of ["grid.yaml", "vocabularies.yaml"]) copyFileSync(path.join(FIXTURE_ROOT, "criteria", f), path.join(dir, "criteria", f));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, "content/solutions", name), text);
  return dir;
}

const valid = (slug: string, extra = "") =>
  `name: ${slug}\nslug: ${slug}\nshort_description: Test.\nwebsite: https://${slug}.example.org/\nprovider: {name: P, type: entreprise}\ndistribution: proprietaire\nhosting: [saas]\ncategories: [visioconference]\nevaluation:\n  grid_version: "1.0"\n  date: "2026-01-01"\n${extra}`;

test("validate exits 0 on valid content and says so", () => {
  const r = run(["validate"]);
  assert.is(r.code, 0);
  assert.is(r.stdout, "");
  assert.is(r.stderr, "1 fiche valide.\n");
});

test("validate exits 1 and prints every problem of every file", () => {
  const dir = project({ "a.yaml": valid("a", "  NR-01: {answer: oui}\n"), "b.yaml": valid("c"), "ok.yaml": valid("ok") });
  const r = run(["validate"], dir);
  assert.is(r.code, 1);
  assert.is(
    r.stdout,
    "content/solutions/a.yaml:12:10  evaluation.NR-01.justification  une justification est requise quand la réponse est « oui »\n" +
      "content/solutions/b.yaml:2:7  slug  l'identifiant « c » doit être identique au nom du fichier sans extension (« b »)\n",
  );
  assert.is(r.stderr, "2 erreurs dans 2 fiches sur 3.\n");
});

test("usage errors exit 2", () => {
  assert.is(run(["validate", "--format", "xml"]).code, 2);
  assert.is(run(["validate", "--bogus"]).code, 2);
  assert.is(run(["validate", "nowhere/"]).code, 2);
  assert.is(run([]).code, 2);
  assert.is(run(["frobnicate"]).code, 2);
  const help = run(["--help"]);
  assert.is(help.code, 0);
  assert.match(help.stdout, /catalogue <commande>/);
});

test("--format json prints file, line, column, pointer, severity and message", () => {
  const dir = project({ "a.yaml": valid("a", "  NR-01: {answer: oui}\n") });
  const r = run(["validate", "--format", "json"], dir);
  assert.is(r.code, 1);
  assert.equal(JSON.parse(r.stdout), [
    {
      file: "content/solutions/a.yaml",
      line: 12,
      column: 10,
      pointer: "/evaluation/NR-01/justification",
      severity: "error",
      message: "une justification est requise quand la réponse est « oui »",
    },
  ]);
});

test("hostile keys cannot forge terminal sequences or GitHub workflow commands", () => {
  const hostile = valid("a", '"x\\e[2J\\n::error file=README.md::forgé\\r\\u0007": 1\n');
  const dir = project({ "a.yaml": hostile });
  const text = run(["validate"], dir);
  assert.is(text.code, 1);
  assert.not.match(text.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  assert.is(text.stdout.split("\n").filter(Boolean).length, 1);
  const github = run(["validate", "--format", "github"], dir);
  const lines = github.stdout.split("\n").filter(Boolean);
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /^::error file=content\/solutions\/a\.yaml,line=12,col=1,title=x\\u001b\[2J\\u000a%3A%3Aerror file=README\.md%3A%3Aforgé\\u000d\\u0007::/);
});

test("a hostile file among valid ones never crashes the command", () => {
  const dir = project({
    "a.yaml": "a: &x [*x]\n",
    "b.md": "---\n- 1\n---\n",
    "c.yaml": "\u0000\u0001\u0002",
    "d.yaml": "{".repeat(5000),
    "ok.yaml": valid("ok"),
  });
  const r = run(["validate", "--format", "json"], dir);
  assert.is(r.code, 1);
  const files = (JSON.parse(r.stdout) as { file: string }[]).map((p) => p.file);
  assert.equal([...new Set(files)], ["content/solutions/a.yaml", "content/solutions/b.md", "content/solutions/c.yaml", "content/solutions/d.yaml"]);
});

test("legacy ##[command] syntax is broken in text and JSON output, raw direction marks are escaped in JSON", () => {
  const dir = project({ "a.yaml": valid("a").replace("provider: {name: P, type: entreprise}", 'provider: {name: P, type: "##[error]0 erreur\u202e"}') });
  const text = run(["validate"], dir);
  assert.not.match(text.stdout, /##\[/);
  assert.match(text.stdout, /##\\u005b/);
  const json = run(["validate", "--format", "json"], dir);
  assert.not.match(json.stdout, /##\[|\u202e/);
  // The message quotes the value with its direction mark made visible (\u202e as text).
  assert.ok(JSON.parse(json.stdout).some((p: { message: string }) => p.message.includes("##[error]0 erreur\\u202e")));
});

test("a file on an older grid version: a warning during the transition (exit 0), an error after it (exit 1), on the day CATALOGUE_TODAY says", () => {
  const file = "content/solutions/ancienne-grille.yaml";
  const during = spawnSync(process.execPath, [BIN, "validate", "--format", "github", file], { cwd: VERSIONS_ROOT, encoding: "utf8", env: { ...process.env, CATALOGUE_TODAY: "2027-02-28" } });
  assert.is(during.status, 0);
  assert.is(
    during.stdout,
    "::warning file=content/solutions/ancienne-grille.yaml,line=15,col=17,title=evaluation.grid_version::évaluation selon la grille 1.0 ; la grille 1.1 est en vigueur depuis le 2025-03-01 : migrez la fiche avant le 2027-03-01 avec « catalogue migrate content/solutions/ancienne-grille.yaml »\n" +
      "::warning file=content/solutions/ancienne-grille.yaml,line=16,col=9,title=evaluation.date::évaluation du 2025-06-01, plus ancienne que la durée de validité de 18 mois fixée par la grille : à mettre à jour depuis le 2026-12-01 ; réévaluez la solution, puis mettez à jour evaluation.date\n",
  );
  const after = spawnSync(process.execPath, [BIN, "validate", file], { cwd: VERSIONS_ROOT, encoding: "utf8", env: { ...process.env, CATALOGUE_TODAY: "2027-03-01" } });
  assert.is(after.status, 1);
  assert.match(after.stdout, /^content\/solutions\/ancienne-grille\.yaml:15:17  evaluation\.grid_version  évaluation selon la grille 1\.0, qui n'est plus acceptée depuis le 2027-03-01 /);
});

test.run();
