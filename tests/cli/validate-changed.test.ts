// `catalogue validate --changed`: the solution files a branch adds, modifies
// or renames against its base, checked against the whole catalogue, in a
// real git repository.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { renameSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers.ts";
import { catalogue, commit, fixtureRepo, git, solution } from "./git-repo.ts";

const LOOKALIKE = "caractères semblables, accents ou caractères invisibles";

test("a newcomer imitating an existing name gets the error, naming the existing file; the existing file gets nothing", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/visio-libre-bis.yaml": solution("visio-libre-bis", "Visio-Libre") });
  const r = catalogue(dir, ["validate", "--changed"]);
  assert.is(r.stdout, `content/solutions/visio-libre-bis.yaml:1:7  name  le nom « Visio-Libre » imite celui de « Visio Libre » (content/solutions/visio-libre.yaml) : ${LOOKALIKE}\n`);
  assert.is(r.stderr, "Par rapport à « main » : 1 erreur dans 1 fiche sur 1.\n");
  assert.is(r.code, 1);
});

test("without --changed, both files of the collision are reported, each naming the other", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/visio-libre-bis.yaml": solution("visio-libre-bis", "Visio-Libre") });
  const r = catalogue(dir, ["validate"]);
  assert.is(
    r.stdout,
    `content/solutions/visio-libre-bis.yaml:1:7  name  le nom « Visio-Libre » se confond avec celui de « Visio Libre » (content/solutions/visio-libre.yaml) : ${LOOKALIKE}\n` +
      `content/solutions/visio-libre.yaml:1:7  name  le nom « Visio Libre » se confond avec celui de « Visio-Libre » (content/solutions/visio-libre-bis.yaml) : ${LOOKALIKE}\n`,
  );
  assert.is(r.stderr, "2 erreurs dans 2 fiches sur 2.\n");
});

test("duplicate slug, name and website and a file name differing by case go to the newcomer, with the lines of the fields", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/Visio-Libre.md": `---\n${solution("visio-libre", "visio libre", "https://visio.example.org")}---\n` });
  const r = catalogue(dir, ["validate", "--changed"]);
  assert.is(
    r.stdout,
    "content/solutions/Visio-Libre.md:2:1  -  le nom de fichier « Visio-Libre » ne diffère de content/solutions/visio-libre.yaml que par la casse\n" +
      "content/solutions/Visio-Libre.md:2:7  name  nom « visio libre » déjà utilisé par content/solutions/visio-libre.yaml\n" +
      "content/solutions/Visio-Libre.md:3:7  slug  l'identifiant « visio-libre » doit être identique au nom du fichier sans extension (« Visio-Libre »)\n" +
      "content/solutions/Visio-Libre.md:3:7  slug  identifiant « visio-libre » déjà utilisé par content/solutions/visio-libre.yaml\n" +
      "content/solutions/Visio-Libre.md:5:10  website  site web « https://visio.example.org » déjà déclaré par content/solutions/visio-libre.yaml\n",
  );
  assert.is(r.code, 1);
});

test("two newcomers that collide are both reported, each naming the other", () => {
  const dir = fixtureRepo();
  commit(dir, {
    "content/solutions/alpha.yaml": solution("alpha", "Alpha", "https://commun.example.org/"),
    "content/solutions/beta.yaml": solution("beta", "Beta", "https://commun.example.org/"),
  });
  const r = catalogue(dir, ["validate", "--changed"]);
  assert.is(
    r.stdout,
    "content/solutions/alpha.yaml:4:10  website  site web « https://commun.example.org/ » aussi déclaré par content/solutions/beta.yaml\n" +
      "content/solutions/beta.yaml:4:10  website  site web « https://commun.example.org/ » aussi déclaré par content/solutions/alpha.yaml\n",
  );
});

test("an unchanged file is neither validated nor reported, even when it has an error", () => {
  const dir = fixtureRepo();
  git(dir, "checkout", "-q", "main");
  commit(dir, { "content/solutions/ancienne.yaml": solution("ancienne", "Ancienne", "pas une adresse") });
  git(dir, "checkout", "-q", "-B", "proposition");
  commit(dir, { "content/solutions/nouvelle.yaml": solution("nouvelle", "Nouvelle") });
  const r = catalogue(dir, ["validate", "--changed"]);
  assert.is(r.stdout, "");
  assert.is(r.stderr, "Par rapport à « main » : 1 fiche valide.\n");
  assert.is(r.code, 0);
});

test("a modified and a renamed file are validated under their new names; a deleted one is not", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/autre.yaml": solution("autre", "Autre") });
  git(dir, "branch", "-f", "main");
  git(dir, "checkout", "-q", "-B", "proposition");
  renameSync(path.join(dir, "content/solutions/visio-libre.yaml"), path.join(dir, "content/solutions/visio-libre-2.yaml"));
  git(dir, "rm", "-q", "content/solutions/autre.yaml");
  commit(dir, {}, "rename");
  assert.match(git(dir, "diff-tree", "-r", "--name-status", "-M", "main", "HEAD"), /^R100\tcontent\/solutions\/visio-libre\.yaml\tcontent\/solutions\/visio-libre-2\.yaml$/m);
  const r = catalogue(dir, ["validate", "--changed"]);
  assert.is(r.stdout, "content/solutions/visio-libre-2.yaml:2:7  slug  l'identifiant « visio-libre » doit être identique au nom du fichier sans extension (« visio-libre-2 »)\n");
  assert.is(r.stderr, "Par rapport à « main » : 1 erreur dans 1 fiche sur 1.\n");
});

test("file names with spaces, quotes and accents come through git intact", () => {
  const dir = fixtureRepo();
  const name = "content/solutions/l'été \"visio\" copie.yaml";
  commit(dir, { [name]: solution("visio-copie", "Visio copie") });
  const r = catalogue(dir, ["validate", "--changed", "--format", "json"]);
  const problems = JSON.parse(r.stdout) as { file: string; message: string }[];
  assert.equal([...new Set(problems.map((p) => p.file))], [name]);
  assert.ok(problems.some((p) => p.message === "l'identifiant « visio-copie » doit être identique au nom du fichier sans extension (« l'été \"visio\" copie »)"));
});

test("a solution whose logo alone changed is validated and reported", () => {
  const dir = fixtureRepo();
  const withLogo = solution("logotype", "Logotype", undefined, "logo: logotype.svg\n");
  commit(dir, { "content/solutions/logotype.yaml": withLogo, "content/solutions/logotype.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>' });
  git(dir, "branch", "-f", "main");
  git(dir, "checkout", "-q", "-B", "proposition");
  commit(dir, { "content/solutions/logotype.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' });
  const r = catalogue(dir, ["validate", "--changed"]);
  assert.match(r.stdout, /^content\/solutions\/logotype\.yaml:12:7  logo  logo SVG refusé \(.*\) : seul un dessin statique est accepté\n$/);
  assert.is(r.code, 1);
});

test("a file the branch adds where no solution belongs is reported", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/notes.txt": "à relire\n" });
  const r = catalogue(dir, ["validate", "--changed"]);
  assert.match(r.stdout, /^content\/solutions\/notes\.txt:1:1  -  fichier inattendu dans le dossier des fiches/);
  assert.is(r.code, 1);
});

test("the base is origin/main when it exists, else main, or the one --base names", () => {
  const dir = fixtureRepo();
  commit(dir, { "content/solutions/nouvelle.yaml": solution("nouvelle", "Nouvelle") });
  assert.is(catalogue(dir, ["validate", "--changed"]).stderr, "Par rapport à « main » : 1 fiche valide.\n");
  // origin/main already holds the newcomer: nothing left to check.
  git(dir, "update-ref", "refs/remotes/origin/main", "HEAD");
  assert.is(catalogue(dir, ["validate", "--changed"]).stderr, "Par rapport à « origin/main » : aucune fiche ajoutée ni modifiée.\n");
  assert.is(catalogue(dir, ["validate", "--changed", "--base", "main"]).stderr, "Par rapport à « main » : 1 fiche valide.\n");
  assert.is(catalogue(dir, ["validate", "--changed", "--base=main"]).stderr, "Par rapport à « main » : 1 fiche valide.\n");
});

test("an unknown base, a folder outside git and a missing git are usage errors with a French message", () => {
  const dir = fixtureRepo();
  const unknown = catalogue(dir, ["validate", "--changed", "--base", "nulle-part"]);
  assert.is(unknown.code, 2);
  assert.is(unknown.stderr, "catalogue validate : référence git inconnue : « nulle-part » (une branche, une étiquette ou un commit ; en CI, récupérez l'historique, par exemple fetch-depth: 0)\n");
  // An option-looking ref never reaches git as an option.
  assert.match(catalogue(dir, ["validate", "--changed", "--base=--output=/tmp/x"]).stderr, /référence git inconnue : « --output=\/tmp\/x »/);

  git(dir, "branch", "-m", "main", "ancienne");
  assert.is(catalogue(dir, ["validate", "--changed"]).stderr, "catalogue validate : branche de base introuvable : ni origin/main ni main n'existent ; indiquez-la avec --base <référence>\n");

  const outside = tempDir("no-git");
  const notRepo = catalogue(outside, ["validate", "--changed"], { GIT_CEILING_DIRECTORIES: path.dirname(outside) });
  assert.is(notRepo.code, 2);
  assert.is(notRepo.stderr, "catalogue validate : ce dossier n'est pas dans un dépôt git : --changed et --scope comparent la branche courante à sa branche de base\n");

  const noGit = catalogue(dir, ["validate", "--changed"], { PATH: "/nonexistent" });
  assert.is(noGit.code, 2);
  assert.is(noGit.stderr, "catalogue validate : git est introuvable : installez git (paquet « git ») pour utiliser --changed ou --scope\n");
});

test("--changed takes no path, --base needs --changed or --scope", () => {
  const dir = fixtureRepo();
  assert.is(catalogue(dir, ["validate", "--changed", "content"]).code, 2);
  assert.is(catalogue(dir, ["validate", "--base", "main"]).code, 2);
  assert.is(catalogue(dir, ["validate", "--changed", "--base"]).code, 2);
});

test.run();
