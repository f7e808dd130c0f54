// The preview of one solution file (src/pipeline/preview-check.ts,
// preview.ts): checked against the rest of the catalogue whatever its place
// (new, outside content/solutions, replacing a file), its page the page the
// build writes, and only what that page needs written beside it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkAgainstCatalogue } from "../../src/pipeline/preview-check.ts";
import { previewSite } from "../../src/pipeline/preview.ts";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { BASE, tempDir, TODAY } from "../helpers.ts";
import { fixtureSite, SITE_FIXTURE } from "./fixture-site.ts";
import { siteProject, visioLike } from "./preview-project.ts";

const test = suite("preview");
test.after(() => closeSearchIndex());

/** A path as the messages show it (relative to the working directory). */
const shown = (file: string) => path.relative(process.cwd(), file);

function check(project: string, file: string) {
  return checkAgainstCatalogue(path.join(project, file), { root: project, contentDir: path.join(project, "content", "solutions"), today: TODAY });
}

test("a valid new file is checked against the catalogue and counted with it", () => {
  const project = siteProject({ "content/solutions/nouvelle.yaml": visioLike("nouvelle", "Nouvelle Visio", "https://nouvelle.example.org/") });
  const result = check(project, "content/solutions/nouvelle.yaml");
  assert.equal(result.problems, []);
  assert.is(result.solution?.name, "Nouvelle Visio");
  assert.equal(result.replaces, []);
  // The fixture: 3 files, one withdrawn, one demonstration file; the new one is a demonstration file too.
  assert.equal(result.stats, { solutions: 4, listed: 3, withdrawn: 1, demo: 2 });
});

test("a newcomer imitating an existing name gets the error, naming the existing file, though it sorts first", () => {
  const project = siteProject({ "content/solutions/aaa.yaml": visioLike("aaa", "Visio Lìbre", "https://aaa.example.org/") });
  const result = check(project, "content/solutions/aaa.yaml");
  assert.equal(
    result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field} ${p.message}`),
    [`${shown(path.join(project, "content/solutions/aaa.yaml"))}:1:7 name le nom « Visio Lìbre » imite celui de « Visio Libre » (${shown(path.join(project, "content/solutions/visio-libre.yaml"))}) : caractères semblables, accents ou caractères invisibles`],
  );
  assert.is(result.solution, null);
});

test("a duplicate slug, name or website names the file that has it", () => {
  const project = siteProject({ "content/solutions/zzz.yaml": visioLike("zzz", "Ancien Partage", "https://www.partage.example.com") });
  const messages = check(project, "content/solutions/zzz.yaml").problems.map((p) => `${p.field} ${p.message}`);
  const other = shown(path.join(project, "content/solutions/ancien-partage.yaml"));
  assert.equal(messages, [`name nom « Ancien Partage » déjà utilisé par ${other}`, `website site web « https://www.partage.example.com » déjà déclaré par ${other}`]);
});

test("a file outside content/solutions stands for the one with its name there: no duplicate of itself", () => {
  const project = siteProject({ "brouillon/visio-libre.yaml": visioLike("visio-libre", "Visio Libre", "https://visio.example.org/") });
  const result = check(project, "brouillon/visio-libre.yaml");
  assert.equal(result.problems, []);
  assert.equal(result.replaces, [shown(path.join(project, "content/solutions/visio-libre.yaml"))]);
  assert.equal(result.stats, { solutions: 3, listed: 2, withdrawn: 1, demo: 1 });
});

test("a new file outside content/solutions is checked against every file there", () => {
  const project = siteProject({ "brouillon/autre.yaml": visioLike("autre", "Autre", "https://visio.example.org") });
  const result = check(project, "brouillon/autre.yaml");
  assert.equal(result.replaces, []);
  assert.equal(
    result.problems.map((p) => p.message),
    [`site web « https://visio.example.org » déjà déclaré par ${shown(path.join(project, "content/solutions/visio-libre.yaml"))}`],
  );
});

test("inside content/solutions, a file with the same name in another format is another file", () => {
  const text = visioLike("visio-libre", "Visio Libre Markdown", "https://md.example.org/").replace(/^description: \|\n(?:  .*\n|\n)*/m, "");
  const project = siteProject({ "content/solutions/visio-libre.md": `---\n${text}---\n` });
  const result = check(project, "content/solutions/visio-libre.md");
  const other = shown(path.join(project, "content/solutions/visio-libre.yaml"));
  assert.equal(
    result.problems.map((p) => `${p.line} ${p.message}`),
    [`2 une autre fiche porte déjà l'identifiant « visio-libre » : ${other}`, `3 identifiant « visio-libre » déjà utilisé par ${other}`],
  );
});

test("an invalid file gets its own problems, located, and no solution", () => {
  const project = siteProject({ "content/solutions/cassee.yaml": visioLike("cassee", "Cassée", "https://cassee.example.org/").replace("distribution: libre", "distribution: gratuite") });
  const result = check(project, "content/solutions/cassee.yaml");
  assert.equal(
    result.problems.map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`),
    ["21:15 distribution valeur « gratuite » non reconnue ; valeurs possibles : libre, proprietaire, hybride"],
  );
  assert.is(result.solution, null);
});

test("the preview's page is the page the build writes, byte for byte", async () => {
  const { out } = await fixtureSite();
  for (const slug of ["visio-libre", "signature-piege", "ancien-partage"]) {
    const result = checkAgainstCatalogue(path.join(SITE_FIXTURE, "content", "solutions", `${slug}.yaml`), { root: SITE_FIXTURE, contentDir: path.join(SITE_FIXTURE, "content", "solutions"), today: TODAY });
    assert.ok(result.solution, slug);
    const site = previewSite(result.grid, result.solution, { root: SITE_FIXTURE, stats: result.stats });
    assert.is(site.page.url, `${BASE}/solutions/${slug}/`);
    assert.is(site.page.html, readFileSync(path.join(out, "solutions", slug, "index.html"), "utf8"), slug);
  }
});

test("the preview writes the page, its logo, the assets, and a notice for every other address; no list", async () => {
  const result = checkAgainstCatalogue(path.join(SITE_FIXTURE, "content", "solutions", "visio-libre.yaml"), { root: SITE_FIXTURE, contentDir: path.join(SITE_FIXTURE, "content", "solutions"), today: TODAY });
  const out = tempDir("apercu");
  await previewSite(result.grid, result.solution!, { root: SITE_FIXTURE, stats: result.stats }).write(out);
  for (const file of ["solutions/visio-libre/index.html", "solutions/visio-libre/logo.svg", "assets/dsfr/dsfr.min.css", "assets/dsfr/dsfr.module.min.js", "assets/css/site.css", "favicon.ico", "404.html"]) {
    assert.ok(existsSync(path.join(out, file)), file);
  }
  for (const file of ["catalogue/index.html", "themes/logiciel-libre/index.html", "categories/visioconference/index.html", "index.html", "solutions/signature-piege/index.html"]) {
    assert.not.ok(existsSync(path.join(out, file)), file);
  }
  const notice = readFileSync(path.join(out, "404.html"), "utf8");
  assert.match(notice, "<h1>Page absente de l'aperçu</h1>");
  assert.match(notice, 'href="/catalogue-solutions-numeriques/solutions/visio-libre/">Revenir à l\'aperçu de la fiche</a>');
  assert.match(notice, 'href="https://numerique-gouv.github.io/catalogue-solutions-numeriques">Voir le site publié</a>');
});

test("outside content/solutions, the page links the file where the repository will hold it", () => {
  const project = siteProject({ "brouillon/nouvelle.yaml": visioLike("nouvelle", "Nouvelle Visio", "https://nouvelle.example.org/") });
  const result = check(project, "brouillon/nouvelle.yaml");
  const html = previewSite(result.grid, result.solution!, { root: project, stats: result.stats, repositoryFile: shown(path.join(project, "content/solutions/nouvelle.yaml")) }).page.html;
  assert.match(html, "<code>content/solutions/nouvelle.yaml</code>");
  assert.not.match(html, "brouillon");
});

test.run();
