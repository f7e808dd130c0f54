// End-to-end: builds the small fixture catalogue (tests/fixtures/site, never
// the real content/) into a temporary folder and reads the pages it wrote.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";
import { percent } from "../../src/view/filters/percent.ts";
import { scoreSolution } from "../../src/lib/score.ts";
import type { Catalogue } from "../../src/lib/types.ts";

const FIXTURE = path.resolve("tests/fixtures/site");
const build = suite<{ dir: string; out: string; catalogue: Catalogue }>("site build", { dir: "", out: "", catalogue: undefined as unknown as Catalogue });

const page = (out: string, url: string) => readFileSync(path.join(out, url, url.endsWith(".html") ? "" : "index.html"), "utf8");

function files(dir: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

build.before(async (context) => {
  context.dir = mkdtempSync(path.join(os.tmpdir(), "catalogue-site-"));
  context.out = path.join(context.dir, "_site");
  const result = await buildSite({ root: FIXTURE, outputDir: context.out });
  if (!result.ok) throw new Error(`the fixture should build: ${JSON.stringify(result.problems)}`);
  context.catalogue = result.catalogue;
});

build.after(async (context) => {
  await closeSearchIndex();
  rmSync(context.dir, { recursive: true, force: true });
});

build("a solution page shows the solution's name and the percentages that scoring computes", ({ out, catalogue }) => {
  const html = page(out, "solutions/visio-libre/");
  assert.match(html, /<h1[^>]*>Visio Libre<\/h1>/);
  const entry = catalogue.solutions.find((s) => s.solution.slug === "visio-libre")!;
  const score = scoreSolution(entry.solution, catalogue.grid);
  for (const theme of score.themes) {
    if (theme.applicable === 0) continue;
    const favorable = theme.answered === 0 ? "—" : percent(theme.compliance);
    assert.ok(html.includes(`data-theme="${theme.themeId}" data-measure="favorables">${favorable}<`), `favourable answers of ${theme.themeId}`);
    assert.ok(html.includes(`data-theme="${theme.themeId}" data-measure="renseignes">${theme.answered} sur ${theme.applicable}<`), `criteria answered of ${theme.themeId}`);
  }
  assert.ok(html.includes(`applicables&nbsp;: <strong>${percent(score.compliance)}</strong> de réponses favorables`));
});

build("a solution page shows the whole self-evaluation with trust states, evidence and referentials", ({ out }) => {
  const html = page(out, "solutions/visio-libre/");
  for (const text of ["Auto-évaluation déclarative", "Fiche de démonstration", "Cohérent avec la fiche", "Déclaré avec preuve", "Déclaré", "Non renseigné", "15 janvier 2026", "version 1.0"]) {
    assert.ok(html.includes(text), text);
  }
  assert.ok(html.includes('href="https://visio.example.org/accessibilite"'), "evidence link");
  assert.ok(html.includes('href="https://accessibilite.numerique.gouv.fr/"'), "referential link");
  assert.ok(html.includes("Ministère de l&#39;Exemple"), "public reference");
  assert.ok(html.includes('href="https://www.ugap.fr/"'), "purchase channel");
});

build("hostile contributor text is escaped and a javascript: link in Markdown stays inert", ({ out }) => {
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

build("the search index holds a description as plain text: link text, but no link target nor Markdown", ({ out }) => {
  const record = indexedRecords(out).get("/solutions/signature-piege/");
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

build("the home page's demonstration notice agrees in number with its one demonstration file", ({ out, catalogue }) => {
  assert.is(catalogue.stats.demo, 1, "the fixture has one demonstration file");
  const html = page(out, "");
  assert.ok(html.includes(`Une fiche sur ${catalogue.stats.solutions} est une fiche de démonstration\u00a0: ses informations`), "singular notice");
  assert.not.ok(html.includes("leurs informations"));
});

build("a withdrawn solution keeps its page with a notice but is neither listed nor indexed", ({ out }) => {
  const html = page(out, "solutions/ancien-partage/");
  assert.ok(html.includes("Solution retirée du catalogue le 1er mars 2026"));
  assert.not.ok(html.includes("data-pagefind-body"));
  assert.not.ok(page(out, "catalogue/").includes("ancien-partage"));
  assert.not.ok(page(out, "categories/partage-fichiers/").includes("ancien-partage"));
  const entry = JSON.parse(readFileSync(path.join(out, "pagefind", "pagefind-entry.json"), "utf8"));
  assert.is(entry.languages.fr.page_count, 2);
});

build("theme pages rank the listed solutions and category pages list theirs", ({ out }) => {
  const theme = page(out, "themes/logiciel-libre/");
  assert.ok(theme.indexOf("Visio Libre") < theme.indexOf("Signature &lt;script&gt;"), "the compliant solution ranks first");
  assert.ok(theme.includes("OSS-02"));
  assert.ok(page(out, "categories/visioconference/").includes('href="/solutions/visio-libre/"'));
});

build("the logo is copied next to the solution page", ({ out }) => {
  const copied = readFileSync(path.join(out, "solutions/visio-libre/logo.svg"));
  assert.ok(copied.equals(readFileSync(path.join(FIXTURE, "content/solutions/visio-libre.svg"))));
  assert.ok(page(out, "solutions/visio-libre/").includes('src="/solutions/visio-libre/logo.svg"'));
});

build("every page is French, titled, and links the legal pages with the accessibility status", ({ out }) => {
  for (const file of files(out, ".html")) {
    const html = readFileSync(file, "utf8");
    assert.match(html, /<html lang="fr"/, file);
    assert.match(html, /<title>[^<]+<\/title>/, file);
    for (const link of ["/plan-du-site/", "/mentions-legales/", "/accessibilite/", "/donnees-personnelles/"]) assert.ok(html.includes(`href="${link}"`), `${file} ${link}`);
    assert.ok(html.includes("Accessibilité&nbsp;: non conforme"), file);
  }
  for (const url of ["", "catalogue/", "criteres/", "methodologie/", "referencer/", "faq/", "a-propos/", "recherche/", "themes/", "categories/"]) page(out, url);
});

build("no page loads an asset from another site", ({ out }) => {
  const external = /<(?:script|link|img|source|iframe|use|video|audio|embed|object)\b[^>]*\s(?:src|href|srcset|data)="(?:https?:)?\/\//i;
  for (const file of files(out, ".html")) assert.not.match(readFileSync(file, "utf8"), external, file);
  for (const file of files(out, ".css")) assert.not.match(readFileSync(file, "utf8"), /url\(\s*["']?(?:https?:)?\/\//i, file);
  for (const file of files(out, ".js")) assert.not.match(readFileSync(file, "utf8"), /(?:import|fetch)\(\s*["'`](?:https?:)?\/\//i, file);
});

build("the DSFR assets referenced by the stylesheet are all in the output", ({ out }) => {
  const dir = path.join(out, "assets/dsfr");
  const css = readFileSync(path.join(dir, "dsfr.min.css"), "utf8");
  for (const match of css.matchAll(/url\((?!["']?data:)["']?([^)"']+)["']?\)/g)) assert.ok(existsSync(path.join(dir, match[1]!)), match[1]);
  assert.ok(existsSync(path.join(dir, "dsfr.module.min.js")));
});

build("a build with an invalid solution file fails and leaves the previous output untouched", async ({ dir, out }) => {
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

build.run();
