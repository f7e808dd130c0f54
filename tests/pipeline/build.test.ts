// End-to-end: builds the small fixture catalogue (tests/fixtures/site, never
// the real content/) into a temporary folder and reads the pages it wrote.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";
import type { Catalogue } from "../../src/lib/types.ts";

const FIXTURE = path.resolve("tests/fixtures/site");
const build = suite("site build");

const page = (out: string, url: string) => readFileSync(path.join(out, url, url.endsWith(".html") ? "" : "index.html"), "utf8");

function files(dir: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

interface Built {
  dir: string;
  out: string;
  catalogue: Catalogue;
}

let tmp: string | undefined;
let built: Promise<Built> | undefined;

/**
 * The fixture site, built once, on first use. Not in a `before` hook: uvu
 * 0.5.6 swallows an error thrown there and the suite's tests vanish; here
 * every test awaits the build and fails with its error.
 */
function fixture(): Promise<Built> {
  built ??= (async () => {
    const dir = (tmp = mkdtempSync(path.join(os.tmpdir(), "catalogue-site-")));
    const out = path.join(dir, "_site");
    const result = await buildSite({ root: FIXTURE, outputDir: out });
    if (!result.ok) throw new Error(`the fixture should build: ${JSON.stringify(result.problems)}`);
    return { dir, out, catalogue: result.catalogue };
  })();
  return built;
}

build.after(async () => {
  await built?.catch(() => undefined);
  await closeSearchIndex();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The row of the self-evaluation table whose header names `criterionId`. */
function criterionRow(html: string, criterionId: string): string {
  const rows = [...html.matchAll(/<tr\b[^>]*>\s*<th scope="row"><small>([A-Z]+-\d+) ·[\s\S]*?<\/tr>/g)].filter((m) => m[1] === criterionId);
  assert.is(rows.length, 1, `one evaluation row for ${criterionId}`);
  return rows[0]![0];
}

/** The texts of the badges in a piece of HTML. */
const badges = (html: string) => [...html.matchAll(/<p class="fr-badge[^"]*">([^<]*)<\/p>/g)].map((m) => m[1]);

build("a solution page shows the solution's name and the percentages and levels of the methodology", async () => {
  const { out } = await fixture();
  const html = page(out, "solutions/visio-libre/");
  assert.match(html, /<h1[^>]*>Visio Libre<\/h1>/);
  // Worked out by hand from tests/fixtures/site (docs/methodologie.md: oui 1
  // point, partiel ½, rounded to the unit). Visio Libre is SaaS and on premises.
  const expected: [theme: string, level: string, favorable: string, filled: string][] = [
    // NR-01 oui, NR-02 partiel, NR-03 non: 1.5 / 3; avancé (½ + 0) / 2 = 25 %.
    ["NR", "Niveau essentiel", "50 %", "3 sur 3"],
    ["CI", "Niveau avancé", "100 %", "2 sur 2"],
    // SEC-01 oui, SEC-02 (SaaS, avancé) not answered: 1 / 2.
    ["SEC", "Niveau essentiel", "50 %", "1 sur 2"],
    ["DON", "Niveau avancé", "100 %", "1 sur 1"],
    // CONF-01, its only criterion, is sans objet.
    ["CONF", "Sans objet", "—", "—"],
    ["OSS", "Niveau avancé", "100 %", "3 sur 3"],
  ];
  for (const [theme, level, favorable, filled] of expected) {
    const row = new RegExp(`<tr>(?:(?!</tr>)[\\s\\S])*data-theme="${theme}" data-measure="favorables">(?:(?!</tr>)[\\s\\S])*</tr>`).exec(html)?.[0] ?? "";
    assert.equal(badges(row), [level], `level of ${theme}`);
    assert.ok(row.includes(`data-theme="${theme}" data-measure="favorables">${favorable.replace(" ", "\u00a0")}<`), `favourable answers of ${theme}: ${favorable}`);
    assert.ok(row.includes(`data-theme="${theme}" data-measure="renseignes">${filled}<`), `criteria answered of ${theme}: ${filled}`);
  }
  // Overall: 11 applicable criteria, 10 answered; 8 oui + ½ partiel = 8.5 points.
  // 8.5 / 11 = 77.3 %.
  assert.ok(html.includes("applicables&nbsp;: <strong>77\u00a0%</strong> de réponses favorables"));
  assert.ok(html.includes("10 sur 11"));
});

build("a solution page shows the whole self-evaluation with trust states, evidence and referentials", async () => {
  const { out } = await fixture();
  const html = page(out, "solutions/visio-libre/");
  for (const text of ["Auto-évaluation déclarative", "Fiche de démonstration", "15 janvier 2026", "version 1.0"]) {
    assert.ok(html.includes(text), text);
  }
  // Each criterion's row shows its answer and how far it can be trusted.
  assert.equal(badges(criterionRow(html, "NR-01")), ["Oui", "Déclaré avec preuve"], "NR-01: oui with evidence");
  assert.equal(badges(criterionRow(html, "NR-02")), ["Partiel", "Déclaré"], "NR-02: partiel without evidence");
  assert.equal(badges(criterionRow(html, "CI-08")), ["Oui", "Cohérent avec la fiche"], "CI-08: public references agree with oui");
  assert.equal(badges(criterionRow(html, "OSS-02")), ["Oui", "Cohérent avec la fiche"], "OSS-02: AGPL-3.0-or-later is in the CRPA list");
  assert.equal(badges(criterionRow(html, "SEC-02")), ["Non renseigné"], "SEC-02: not answered, so no trust state");
  assert.ok(criterionRow(html, "NR-01").includes('href="https://visio.example.org/accessibilite"'), "NR-01's evidence link is in its row");
  assert.ok(html.includes('href="https://accessibilite.numerique.gouv.fr/"'), "referential link");
  assert.ok(html.includes("Ministère de l&#39;Exemple"), "public reference");
  assert.ok(html.includes('href="https://www.ugap.fr/"'), "purchase channel");
});

build("hostile contributor text is escaped and a javascript: link in Markdown stays inert", async () => {
  const { out } = await fixture();
  const html = page(out, "solutions/signature-piege/");
  assert.ok(html.includes("Signature &lt;script&gt;alert(1)&lt;/script&gt; Piège"));
  assert.not.match(html, /<script>alert/);
  assert.not.match(html, /<img src=x/i);
  assert.not.match(html, /<b>publiée<\/b>/);
  assert.not.match(html, /href="javascript:/i);
  assert.ok(html.includes("[lien piégé](javascript:alert(3))"), "the unsafe link is left as text");
  assert.ok(html.includes('<a href="https://signature.example.com/" rel="nofollow ugc noopener">lien sûr</a>'));
  assert.not.match(html, /<img[^>]*tracker\.example\.net/, "Markdown images are not rendered");
  assert.match(html, /<h3>Titre de niveau un<\/h3>/, "contributor headings are demoted");
  assert.ok(html.includes("Société &quot;Exemple&quot; &amp; Cie"));
});

/** The records Pagefind wrote (its fragments: gzip, a signature, then JSON), by URL. */
function indexedRecords(out: string): Map<string, { url: string; content: string; meta: Record<string, string> }> {
  const records = new Map();
  for (const file of files(path.join(out, "pagefind", "fragment"), ".pf_fragment")) {
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    const record = JSON.parse(text.slice(text.indexOf("{")));
    records.set(record.url, record);
  }
  return records;
}

build("the search index holds a description as plain text: link text, but no link target nor Markdown", async () => {
  const { out } = await fixture();
  const record = indexedRecords(out).get("/catalogue-solutions-numeriques/solutions/signature-piege/");
  assert.ok(record, "the hostile fixture is indexed");
  const content = record.content;
  assert.ok(content.includes("Un lien piégé et un lien sûr."), content);
  assert.ok(content.includes("Titre de niveau un"), "a heading's text is kept");
  assert.not.ok(/javascript:/i.test(content), `no javascript: in « ${content} »`);
  assert.not.ok(content.includes("]("), `no Markdown link syntax in « ${content} »`);
  assert.not.ok(content.includes("tracker.example.net"), "no image address");
  assert.not.ok(content.includes("https://signature.example.com/"), "no link address");
  assert.not.ok(/^#/m.test(content), "no heading marker");
});

build("the home page's demonstration notice agrees in number with its one demonstration file", async () => {
  const { out, catalogue } = await fixture();
  assert.is(catalogue.stats.demo, 1, "the fixture has one demonstration file");
  const html = page(out, "");
  assert.ok(html.includes(`Une fiche sur ${catalogue.stats.solutions} est une fiche de démonstration\u00a0: ses informations`), "singular notice");
  assert.not.ok(html.includes("leurs informations"));
});

build("a withdrawn solution keeps its page with a notice but is neither listed nor indexed", async () => {
  const { out } = await fixture();
  const html = page(out, "solutions/ancien-partage/");
  assert.ok(html.includes("Solution retirée du catalogue le 1er mars 2026"));
  assert.not.ok(html.includes("data-pagefind-body"));
  assert.not.ok(page(out, "catalogue/").includes("ancien-partage"));
  assert.not.ok(page(out, "categories/partage-fichiers/").includes("ancien-partage"));
  const entry = JSON.parse(readFileSync(path.join(out, "pagefind", "pagefind-entry.json"), "utf8"));
  assert.is(entry.languages.fr.page_count, 2);
});

build("theme pages rank the listed solutions and category pages list theirs", async () => {
  const { out } = await fixture();
  const theme = page(out, "themes/logiciel-libre/");
  const ranking = [...theme.matchAll(/<td class="catalogue-number">(\d+)<\/td>\s*<th scope="row"><a href="\/catalogue-solutions-numeriques\/solutions\/([^/"]+)\/">/g)].map((m) => `${m[1]} ${m[2]}`);
  // OSS: Visio Libre 100 %, Signature Piège 0 %; Ancien Partage is withdrawn.
  assert.equal(ranking, ["1 visio-libre", "2 signature-piege"], "the compliant solution ranks first");
  assert.ok(theme.includes("OSS-02"));
  assert.ok(page(out, "categories/visioconference/").includes('href="/catalogue-solutions-numeriques/solutions/visio-libre/"'));
});

build("the logo is copied next to the solution page", async () => {
  const { out } = await fixture();
  const copied = readFileSync(path.join(out, "solutions/visio-libre/logo.svg"));
  assert.ok(copied.equals(readFileSync(path.join(FIXTURE, "content/solutions/visio-libre.svg"))));
  assert.ok(page(out, "solutions/visio-libre/").includes('src="/catalogue-solutions-numeriques/solutions/visio-libre/logo.svg"'));
});

build("every page is French, titled, and links the legal pages with the accessibility status", async () => {
  const { out } = await fixture();
  for (const file of files(out, ".html")) {
    const html = readFileSync(file, "utf8");
    assert.match(html, /<html lang="fr"/, file);
    assert.match(html, /<title>[^<]+<\/title>/, file);
    for (const link of ["/catalogue-solutions-numeriques/plan-du-site/", "/catalogue-solutions-numeriques/mentions-legales/", "/catalogue-solutions-numeriques/accessibilite/", "/catalogue-solutions-numeriques/donnees-personnelles/"]) assert.ok(html.includes(`href="${link}"`), `${file} ${link}`);
    assert.ok(html.includes("Accessibilité&nbsp;: non conforme"), file);
  }
  for (const url of ["", "catalogue/", "criteres/", "methodologie/", "referencer/", "faq/", "a-propos/", "recherche/", "themes/", "categories/"]) page(out, url);
});

build("no page loads an asset from another site", async () => {
  const { out } = await fixture();
  const external = /<(?:script|link|img|source|iframe|use|video|audio|embed|object)\b[^>]*\s(?:src|href|srcset|data)="(?:https?:)?\/\//i;
  for (const file of files(out, ".html")) assert.not.match(readFileSync(file, "utf8"), external, file);
  for (const file of files(out, ".css")) assert.not.match(readFileSync(file, "utf8"), /url\(\s*["']?(?:https?:)?\/\//i, file);
  for (const file of files(out, ".js")) assert.not.match(readFileSync(file, "utf8"), /(?:import|fetch)\(\s*["'`](?:https?:)?\/\//i, file);
});

build("the DSFR assets referenced by the stylesheet are all in the output", async () => {
  const { out } = await fixture();
  const dir = path.join(out, "assets/dsfr");
  const css = readFileSync(path.join(dir, "dsfr.min.css"), "utf8");
  for (const match of css.matchAll(/url\((?!["']?data:)["']?([^)"']+)["']?\)/g)) assert.ok(existsSync(path.join(dir, match[1]!)), match[1]);
  assert.ok(existsSync(path.join(dir, "dsfr.module.min.js")));
});

build("a build with an invalid solution file fails and leaves the previous output untouched", async () => {
  const { dir, out } = await fixture();
  const marker = path.join(out, "marker.txt");
  writeFileSync(marker, "previous build");
  const before = statSync(path.join(out, "index.html")).mtimeMs;
  const content = path.join(dir, "broken");
  cpSync(path.join(FIXTURE, "content/solutions"), content, { recursive: true });
  writeFileSync(path.join(content, "cassee.yaml"), "name: Cassée\nslug: autre-slug\n");
  const result = await buildSite({ root: FIXTURE, contentDir: content, outputDir: out });
  assert.is(result.ok, false);
  if (!result.ok) assert.ok(result.problems.some((p) => p.file.endsWith("cassee.yaml")));
  assert.is(readFileSync(marker, "utf8"), "previous build");
  assert.is(statSync(path.join(out, "index.html")).mtimeMs, before);
  assert.equal(readdirSync(dir).filter((name) => name.startsWith("_site.")), [], "no temporary folder is left");
});

build("a build that fails while writing pages leaves the previous output untouched and no temporary folder", async () => {
  const { dir, out } = await fixture();
  const marker = path.join(out, "marker.txt");
  writeFileSync(marker, "previous build");
  const before = statSync(path.join(out, "index.html")).mtimeMs;
  const previous = readdirSync(out).sort();
  // The build writes into a new folder beside the output: as soon as it
  // appears, put a folder where Visio Libre's page goes, so that writing
  // that page fails once rendering has started.
  const planted: string[] = [];
  const watcher = watch(dir, (_event, name) => {
    if (!name?.startsWith("_site.") || planted.length) return;
    const obstacle = path.join(dir, name, "solutions/visio-libre/index.html");
    mkdirSync(obstacle, { recursive: true });
    planted.push(obstacle);
  });
  let failure: unknown;
  try {
    await buildSite({ root: FIXTURE, outputDir: out });
  } catch (error) {
    failure = error;
  } finally {
    watcher.close();
  }
  assert.is(planted.length, 1, "the build wrote into a new folder beside the output");
  assert.ok(failure, "the build reports the failure");
  assert.is(readFileSync(marker, "utf8"), "previous build");
  assert.is(statSync(path.join(out, "index.html")).mtimeMs, before);
  assert.equal(readdirSync(out).sort(), previous, "the previous output keeps its files");
  assert.equal(readdirSync(dir).filter((name) => name.startsWith("_site.")), [], "no temporary folder is left");
});

build.run();
