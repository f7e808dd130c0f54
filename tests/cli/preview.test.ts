// `catalogue preview FILE` as a contributor runs it: an invalid file gets
// its errors in French and exit code 1; a valid one is served on 127.0.0.1
// with the assets its page needs, until Ctrl+C, which stops it cleanly.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BASE, PROJECT_ROOT, tempDir } from "../helpers.ts";
import { siteProject, visioLike } from "../pipeline/preview-project.ts";

const test = suite("catalogue preview");
const BIN = path.join(PROJECT_ROOT, "bin/catalogue.js");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, "preview", ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Waits (polling, generously) for `condition`. */
async function until<T>(condition: () => T | undefined, what: string, seconds = 50): Promise<T> {
  for (let waited = 0; waited < seconds * 1000; waited += 50) {
    const value = condition();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`délai dépassé : ${what}`);
}

test("an invalid file: located errors in French, exit code 1", () => {
  const project = siteProject({ "content/solutions/cassee.yaml": visioLike("cassee", "Cassée", "https://cassee.example.org/").replace("distribution: libre", "distribution: gratuite") });
  const result = run(["content/solutions/cassee.yaml"], project);
  assert.is(result.code, 1);
  assert.is(result.stdout, "");
  assert.is(
    result.stderr,
    "content/solutions/cassee.yaml:21:15  distribution  valeur « gratuite » non reconnue ; valeurs possibles : libre, proprietaire, hybride\n" +
      "Fiche invalide (1 erreur) : corrigez-la, puis relancez l'aperçu.\n",
  );
});

test("a newcomer imitating an existing name: the error names the existing file", () => {
  const project = siteProject({ "content/solutions/aaa.yaml": visioLike("aaa", "Visio Lìbre", "https://aaa.example.org/") });
  const result = run(["content/solutions/aaa.yaml"], project);
  assert.is(result.code, 1);
  assert.is(
    result.stderr,
    "content/solutions/aaa.yaml:1:7  name  le nom « Visio Lìbre » imite celui de « Visio Libre » (content/solutions/visio-libre.yaml) : caractères semblables, accents ou caractères invisibles\n" +
      "Fiche invalide (1 erreur) : corrigez-la, puis relancez l'aperçu.\n",
  );
});

test("usage errors exit 2", () => {
  const project = siteProject();
  assert.is(run([], project).code, 2);
  assert.is(run(["content/solutions/visio-libre.yaml", "--frobnicate"], project).code, 2);
  assert.is(run(["content/solutions/visio-libre.yaml", "--port", "http"], project).code, 2);
  assert.is(run(["content/solutions/visio-libre.yaml", "--no-serve", "--out", "x"], project).code, 2);
  const missing = run(["content/solutions/absente.yaml"], project);
  assert.is(missing.code, 2);
  assert.is(missing.stderr, "catalogue preview : content/solutions/absente.yaml : fichier introuvable\n");
});

test("--no-serve writes the page on stdout; --out writes the page and its assets", () => {
  const project = siteProject({ "content/solutions/nouvelle.yaml": visioLike("nouvelle", "Nouvelle Visio", "https://nouvelle.example.org/") });
  const page = run(["content/solutions/nouvelle.yaml", "--no-serve"], project);
  assert.is(page.code, 0);
  assert.match(page.stdout, /^<!doctype html>/);
  assert.match(page.stdout, '<h1 class="fr-mb-1w">Nouvelle Visio</h1>');
  const out = path.join(tempDir("sortie"), "apercu");
  const written = run(["content/solutions/nouvelle.yaml", "--out", out], project);
  assert.is(written.code, 0);
  for (const file of ["solutions/nouvelle/index.html", "assets/dsfr/dsfr.min.css", "404.html"]) assert.ok(existsSync(path.join(out, file)), file);
});

test("a valid new file: its page and the DSFR are served, the URL printed, and Ctrl+C stops it cleanly", async () => {
  const project = siteProject({ "content/solutions/nouvelle.yaml": visioLike("nouvelle", "Nouvelle Visio", "https://nouvelle.example.org/") });
  // The preview's temporary folder goes there: it must be gone at the end.
  const tmp = tempDir("tmp");
  // (tsx keeps its cache there too.)
  const previewFolders = () => readdirSync(tmp).filter((name) => name.startsWith("catalogue-apercu-"));
  const child: ChildProcess = spawn(process.execPath, [BIN, "preview", "content/solutions/nouvelle.yaml"], { cwd: project, env: { ...process.env, TMPDIR: tmp } });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (data: Buffer) => (stdout += data.toString()));
  child.stderr!.on("data", (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const url = await until(() => /^Aperçu de « Nouvelle Visio » : (http:\/\/127\.0\.0\.1:\d+\/catalogue-solutions-numeriques\/solutions\/nouvelle\/)$/m.exec(stdout)?.[1], `l'adresse (sortie : ${stdout}${stderr})`);
    const page = await fetch(url);
    assert.is(page.status, 200);
    const html = await page.text();
    assert.match(html, '<h1 class="fr-mb-1w">Nouvelle Visio</h1>');
    // Its levels: the Visio Libre answers, per theme of the fixture grid.
    const levels = [...html.matchAll(/<th scope="row"><a href="[^"]*">([^<]*)<\/a><\/th>\s*<td><p class="fr-badge[^"]*">([^<]*)</g)].map((m) => `${m[1]} : ${m[2]}`);
    assert.equal(levels, [
      "Numérique responsable : Niveau essentiel",
      "Conception et innovation : Niveau avancé",
      "Sécurité : Niveau essentiel",
      "Données : Niveau avancé",
      "Conformité aux exigences du secteur public : Sans objet",
      "Logiciel libre : Niveau avancé",
    ]);
    // The page's links carry the base path, and the preview serves its files under it.
    assert.match(html, '<link rel="stylesheet" href="/catalogue-solutions-numeriques/assets/dsfr/dsfr.min.css">');
    const origin = new URL(url).origin;
    const css = await fetch(`${origin}${BASE}/assets/dsfr/dsfr.min.css`);
    assert.is(css.status, 200);
    assert.is(css.headers.get("content-type"), "text/css; charset=utf-8");
    assert.match(await css.text(), ".fr-btn");
    const other = await fetch(`${origin}${BASE}/catalogue/`);
    assert.is(other.status, 404);
    assert.match(await other.text(), "Page absente de l'aperçu");
    assert.is(previewFolders().length, 1, "the preview's folder");
  } finally {
    child.kill("SIGINT");
  }
  assert.is(await exited, 0);
  assert.match(stdout, /Aperçu arrêté\.\n$/);
  assert.equal(previewFolders(), [], "the preview's folder is removed");
});

test("a file outside content/solutions replaces the one with its name, and says so", () => {
  const project = siteProject({ "brouillon/visio-libre.yaml": readFileSync(path.join(PROJECT_ROOT, "tests/fixtures/site/content/solutions/visio-libre.yaml"), "utf8").replace(/^logo: .*\n/m, "") });
  const result = run(["brouillon/visio-libre.yaml", "--no-serve"], project);
  assert.is(result.code, 0);
  assert.is(result.stderr, "Aperçu de brouillon/visio-libre.yaml à la place de content/solutions/visio-libre.yaml.\n");
  assert.match(result.stdout, "<code>content/solutions/visio-libre.yaml</code>");
});

test.run();
