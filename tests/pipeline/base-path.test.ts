// The site under another address than package.json's: builds the browser
// fixture (the project's grid, so that the published schema compares with
// the checked-in one) with CATALOGUE_SITE_URL set, once to the root of a host
// and once to a path, each in a child process (the setting is read once per
// process), and reads the links the pages, the search page and the index
// carry. The files stay at the root of the output folder either way.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pagefindRecords, PROJECT_ROOT, tempDir, type PagefindRecord } from "../helpers.ts";

const CONTENT = path.join(PROJECT_ROOT, "tests", "fixtures", "browser", "content", "solutions");
const COMMITTED_SCHEMA = readFileSync(path.join(PROJECT_ROOT, "schemas", "solution.schema.json"), "utf8");

interface Built {
  out: string;
  page(file: string): string;
  /** Pagefind's records (its fragments: gzip, a signature, then JSON), by URL. */
  records(): Map<string, PagefindRecord>;
}

/** The fixture, with a description that links a solution relatively and a page of the site from the root. */
function content(): string {
  const dir = path.join(tempDir("base-path-content"), "solutions");
  cpSync(CONTENT, dir, { recursive: true });
  const file = path.join(dir, "hirondelle.yaml");
  const yaml = readFileSync(file, "utf8");
  const linked = yaml.replace("Voir la [documentation](https://hirondelle.example.org/docs).", "Voir la [documentation](https://hirondelle.example.org/docs), la fiche [Colibri](../colibri/) et le [catalogue](/catalogue/).");
  assert.is.not(linked, yaml, "the fixture's description line is where the test expects it");
  writeFileSync(file, linked);
  return dir;
}

function build(siteUrl: string): Promise<Built> {
  const out = path.join(tempDir("base-path"), "_site");
  const args = ["--import", "tsx", path.join(PROJECT_ROOT, "src", "pipeline", "build.ts"), "--root", PROJECT_ROOT, "--content", content(), "--out", out];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, CATALOGUE_SITE_URL: siteUrl }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the build for ${siteUrl} failed (${code}):\n${output}`));
      resolve({
        out,
        page: (file) => readFileSync(path.join(out, file), "utf8"),
        records: () => pagefindRecords(out),
      });
    });
  });
}

// Both builds start at once, on first use (not in a `before` hook: uvu 0.5.6
// swallows its errors); each test awaits the one it reads.
let builds: { root: Promise<Built>; sub: Promise<Built> } | undefined;
const sites = () =>
  (builds ??= {
    root: build("https://catalogue.exemple.fr"),
    sub: build("https://exemple.github.io/mon-catalogue/"),
  });

const atRoot = suite("site at the root of its host");

atRoot("pages link the site's paths from the root", async () => {
  const site = await sites().root;
  const html = site.page("solutions/hirondelle/index.html");
  assert.ok(html.includes('<link rel="stylesheet" href="/assets/dsfr/dsfr.min.css">'), "the DSFR stylesheet");
  assert.ok(html.includes('<script type="module" src="/assets/dsfr/dsfr.module.min.js"></script>'), "the DSFR script");
  assert.ok(html.includes('<link rel="icon" href="/assets/dsfr/favicon/favicon.svg" type="image/svg+xml">'), "the favicon");
  assert.ok(html.includes('href="/categories/visioconference/"'), "the solution's category");
  assert.ok(html.includes('src="/solutions/hirondelle/logo.svg"'), "the logo");
  assert.ok(html.includes('<a class="fr-nav__link" href="/catalogue/" aria-current="true">Catalogue</a>'), "the navigation, with the current section");
  assert.ok(html.includes('<a href="/" title="Accueil - Catalogue des solutions numériques'), "the home page");
  assert.ok(html.includes('href="../colibri/">Colibri</a>'), "a relative link of the description, as written");
  assert.ok(html.includes('href="/catalogue/">catalogue</a>'), "a link of the description to a page of the site");
});

atRoot("the search page and the index name the bundle and the solutions from the root", async () => {
  const site = await sites().root;
  assert.ok(site.page("recherche/index.html").includes('"urls":{"pagefind":"/pagefind/pagefind.js","pagefindBaseUrl":"/","logoPattern":"^\\\\/solutions\\\\/[a-z0-9-]+\\\\/logo\\\\.[a-z]+$"}'));
  const record = site.records().get("/solutions/hirondelle/");
  assert.ok(record, "the record's URL");
  assert.is(record.meta.image, "/solutions/hirondelle/logo.svg");
});

atRoot("the published schema is named by the site's address, and is otherwise the checked-in one", async () => {
  const site = await sites().root;
  const schema = site.page("schemas/solution.schema.json");
  assert.is(JSON.parse(schema).$id, "https://catalogue.exemple.fr/schemas/solution.schema.json");
  const committedId = '"$id": "https://numerique-gouv.github.io/catalogue-solutions-numeriques/schemas/solution.schema.json",';
  assert.ok(COMMITTED_SCHEMA.includes(committedId), "the checked-in schema has package.json's address");
  assert.is(schema.replace('"$id": "https://catalogue.exemple.fr/schemas/solution.schema.json",', committedId), COMMITTED_SCHEMA);
  assert.ok(site.page("referencer/index.html").includes("# yaml-language-server: $schema=https://catalogue.exemple.fr/schemas/solution.schema.json"));
});

atRoot.run();

const underPath = suite("site under a path");

underPath("pages link the site's paths under its base path; the files stay at the root of the output", async () => {
  const site = await sites().sub;
  assert.ok(existsSync(path.join(site.out, "solutions", "hirondelle", "index.html")));
  assert.ok(existsSync(path.join(site.out, "assets", "dsfr", "dsfr.min.css")));
  assert.not.ok(existsSync(path.join(site.out, "mon-catalogue")), "no folder named after the base path");
  const html = site.page("solutions/hirondelle/index.html");
  assert.ok(html.includes('<link rel="stylesheet" href="/mon-catalogue/assets/dsfr/dsfr.min.css">'), "the DSFR stylesheet");
  assert.ok(html.includes('<script type="module" src="/mon-catalogue/assets/dsfr/dsfr.module.min.js"></script>'), "the DSFR script");
  assert.ok(html.includes('<link rel="stylesheet" href="/mon-catalogue/assets/css/site.css">'), "the site's stylesheet");
  assert.ok(html.includes('<link rel="icon" href="/mon-catalogue/assets/dsfr/favicon/favicon.svg" type="image/svg+xml">'), "the favicon");
  assert.ok(html.includes('href="/mon-catalogue/assets/dsfr/artwork/pictograms/environment/sun.svg#artwork-major"'), "a display-settings pictogram");
  assert.ok(html.includes('href="/mon-catalogue/categories/visioconference/"'), "the solution's category");
  assert.ok(html.includes('href="/mon-catalogue/themes/securite/"'), "a theme");
  assert.ok(html.includes('src="/mon-catalogue/solutions/hirondelle/logo.svg"'), "the logo");
  assert.ok(html.includes('<a class="fr-nav__link" href="/mon-catalogue/catalogue/" aria-current="true">Catalogue</a>'), "the navigation, with the current section");
  assert.ok(html.includes('<a href="/mon-catalogue/" title="Accueil - Catalogue des solutions numériques'), "the home page");
  assert.ok(html.includes('action="/mon-catalogue/recherche/"'), "the header's search form");
  assert.ok(html.includes('href="../colibri/">Colibri</a>'), "a relative link of the description, as written");
  assert.ok(html.includes('href="/mon-catalogue/catalogue/">catalogue</a>'), "a link of the description to a page of the site gets the base path");
  assert.not.match(html, /(?:href|src|action)="\/(?!mon-catalogue\/)/, "no link from the root of the host");
  // The DSFR's fonts and icons: relative to the stylesheet's folder, found there.
  const css = site.page("assets/dsfr/dsfr.min.css");
  for (const match of css.matchAll(/url\((?!["']?data:)["']?([^)"']+)["']?\)/g)) {
    assert.not.ok(match[1]!.startsWith("/"), match[1]);
    assert.ok(existsSync(path.join(site.out, "assets", "dsfr", match[1]!)), match[1]);
  }
});

underPath("the lists, the site map and the page not found link under the base path", async () => {
  const site = await sites().sub;
  assert.ok(site.page("catalogue/index.html").includes('href="/mon-catalogue/solutions/hirondelle/"'));
  const map = site.page("plan-du-site/index.html");
  assert.ok(map.includes('<a href="/mon-catalogue/criteres/">Grille de critères</a>'));
  assert.ok(map.includes('<a class="fr-nav__link" href="/mon-catalogue/criteres/">'), "not the current page: no aria-current");
  assert.ok(site.page("criteres/index.html").includes('<a class="fr-nav__link" href="/mon-catalogue/criteres/" aria-current="page">'), "an Eleventy page knows itself");
  assert.ok(site.page("catalogue/index.html").includes('<a class="fr-nav__link" href="/mon-catalogue/catalogue/" aria-current="page">'), "a page of the output table knows itself");
  assert.ok(site.page("themes/securite/index.html").includes('<a class="fr-nav__link" href="/mon-catalogue/themes/" aria-current="true">'), "and its section");
  const notFound = site.page("404.html");
  assert.ok(notFound.includes('<a class="fr-btn" href="/mon-catalogue/">Page d\'accueil</a>'));
  assert.ok(notFound.includes('href="/mon-catalogue/recherche/"'));
});

underPath("the search page and the index name the bundle and the solutions under the base path", async () => {
  const site = await sites().sub;
  assert.ok(site.page("recherche/index.html").includes('"urls":{"pagefind":"/mon-catalogue/pagefind/pagefind.js","pagefindBaseUrl":"/","logoPattern":"^\\\\/mon-catalogue\\\\/solutions\\\\/[a-z0-9-]+\\\\/logo\\\\.[a-z]+$"}'));
  assert.ok(site.page("recherche/index.html").includes('<script type="module" src="/mon-catalogue/assets/js/recherche.js"></script>'));
  const records = site.records();
  assert.ok(records.has("/mon-catalogue/solutions/colibri/"), [...records.keys()].join(" "));
  assert.is(records.get("/mon-catalogue/solutions/hirondelle/")?.meta.image, "/mon-catalogue/solutions/hirondelle/logo.svg");
});

underPath("the published schema and « Référencer ma solution » give the schema's address under the path", async () => {
  const site = await sites().sub;
  const schema = site.page("schemas/solution.schema.json");
  assert.is(JSON.parse(schema).$id, "https://exemple.github.io/mon-catalogue/schemas/solution.schema.json");
  const committedId = '"$id": "https://numerique-gouv.github.io/catalogue-solutions-numeriques/schemas/solution.schema.json",';
  assert.is(schema.replace('"$id": "https://exemple.github.io/mon-catalogue/schemas/solution.schema.json",', committedId), COMMITTED_SCHEMA);
  const page = site.page("referencer/index.html");
  assert.ok(page.includes('<a href="https://exemple.github.io/mon-catalogue/schemas/solution.schema.json">schéma JSON des fiches</a>'));
  assert.ok(page.includes("<code># yaml-language-server: $schema=https://exemple.github.io/mon-catalogue/schemas/solution.schema.json</code>"));
  assert.ok(page.includes("<code>http://localhost:8080/mon-catalogue/</code>"), "where npm start serves it");
});

underPath.run();

const wrongSetting = suite("a wrong site address");

wrongSetting("stops the build with the setting's message, no stack trace, and the output folder untouched", () => {
  const out = path.join(tempDir("base-path-wrong"), "_site");
  const args = ["--import", "tsx", path.join(PROJECT_ROOT, "src", "pipeline", "build.ts"), "--root", PROJECT_ROOT, "--content", content(), "--out", out];
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, CATALOGUE_SITE_URL: "http://catalogue.exemple.fr" }, encoding: "utf8" });
  assert.is(result.status, 1);
  assert.is(
    result.stderr,
    'Échec de la construction du site : adresse du site invalide dans CATALOGUE_SITE_URL : "http://catalogue.exemple.fr" (une adresse https:// sans paramètres est attendue, par exemple https://catalogue.exemple.gouv.fr)\nLe dossier de sortie est inchangé.\n',
  );
  assert.not.ok(existsSync(out));
});

wrongSetting.run();
