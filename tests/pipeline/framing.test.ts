// What the pages say about the catalogue itself: the demonstration notice on
// every page while demo files are published, one statement of who publishes
// the catalogue and whose grid it is, what the catalogue is not, no promise
// the site does not keep, and the repository linked where contributors need it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { fixtureSite } from "./fixture-site.ts";

const REPOSITORY = "https://github.com/numerique-gouv/catalogue-solutions-numeriques";
const PUBLISHER = "Ce catalogue est proposé par la mission LABEL de la Direction interministérielle du numérique (DINUM).";
const test = suite("framing");

test.after(() => closeSearchIndex());

const page = (out: string, url: string) => readFileSync(path.join(out, url, "index.html"), "utf8");
const htmlFiles = (out: string) =>
  readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.join(e.parentPath, e.name));

test("every page carries the demonstration notice while a demonstration file is published, a demonstration file's page its own", async () => {
  const { out } = await fixtureSite();
  const pages = htmlFiles(out);
  assert.ok(pages.length > 20);
  for (const file of pages) {
    const html = readFileSync(file, "utf8");
    // The demonstration file's own page says it of itself, once.
    const own = file.endsWith(path.join("solutions", "visio-libre", "index.html"));
    assert.is(html.includes("Une fiche sur 3 est une fiche de démonstration\u00a0: ses informations"), !own, file);
    if (own) assert.ok(html.includes("Fiche de démonstration."), file);
  }
});

test("the home page, the about page and the footer say who publishes the catalogue in the same words", async () => {
  const { out } = await fixtureSite();
  for (const url of ["", "a-propos", "catalogue", "mentions-legales"]) assert.ok(page(out, url).includes(PUBLISHER), url);
  assert.ok(page(out, "").includes("ce n&#39;est pas la grille officielle de la DINUM"));
  assert.not.ok(page(out, "").includes("Mis en place par"));
});

test("the home page says what the catalogue is not, and promises no sharing of experience", async () => {
  const { out } = await fixtureSite();
  const home = page(out, "");
  assert.ok(home.includes("<h2 class=\"fr-mt-8w\">Ce que ce catalogue n'est pas</h2>"));
  for (const text of ["Ni un label ni une certification", "Ni une centrale d'achat ni un marché public", "Pas exhaustif", "Pas une recommandation"]) assert.ok(home.includes(text), text);
  for (const file of htmlFiles(out)) assert.not.match(readFileSync(file, "utf8"), /partage d(?:&#39;|')expérience/i, file);
});

test("the repository is linked from the footer, the contributor guide and each solution's source file", async () => {
  const { out } = await fixtureSite();
  for (const file of htmlFiles(out)) assert.ok(readFileSync(file, "utf8").includes(`<a class="fr-footer__bottom-link" href="${REPOSITORY}">`), file);
  assert.ok(page(out, "referencer").includes(`du <a href="${REPOSITORY}">dépôt du catalogue</a>`));
  assert.ok(page(out, "solutions/visio-libre").includes(`<a href="${REPOSITORY}/blob/main/content/solutions/visio-libre.yaml"><code>content/solutions/visio-libre.yaml</code></a>`));
});

test.run();
