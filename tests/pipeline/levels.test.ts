// Issue 14 on the built fixture site (tests/fixtures/site): the levels, the
// two measures in plain words, the trust states and the rankings as a buyer
// reads them. Expected values are worked out by hand from the fixture files.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";

const FIXTURE = path.resolve("tests/fixtures/site");
const levels = suite<{ dir: string; out: string }>("levels on pages", { dir: "", out: "" });

const page = (out: string, url: string) => readFileSync(path.join(out, url, "index.html"), "utf8");
/** The visible text of some HTML, spaces folded (no-break spaces included). */
const text = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replaceAll("&nbsp;", " ").replaceAll("&#39;", "'").replace(/[\s\u00a0]+/g, " ");

levels.before(async (context) => {
  context.dir = mkdtempSync(path.join(os.tmpdir(), "catalogue-levels-"));
  context.out = path.join(context.dir, "_site");
  const result = await buildSite({ root: FIXTURE, outputDir: context.out });
  if (!result.ok) throw new Error(`the fixture should build: ${JSON.stringify(result.problems)}`);
});

levels.after(async (context) => {
  await closeSearchIndex();
  rmSync(context.dir, { recursive: true, force: true });
});

levels("no page names a percentage « complétude » or « conformité », nor shows an answer as « Vérifié »", ({ out }) => {
  const checked: string[] = [];
  for (const entry of readdirSync(out, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    const words = text(readFileSync(path.join(out, file), "utf8"));
    assert.not.match(words, /complétude/i, file);
    assert.not.match(words, /conformité (?:globale|\d|: \d|: —)/i, file);
    assert.not.match(words, /Conformité Complétude/, file);
    assert.not.match(words, /«\s*Vérifié\s*»|>\s*Vérifié\s*</, file);
    checked.push(file);
  }
  assert.ok(checked.includes("solutions/visio-libre/index.html") && checked.includes("themes/securite/index.html") && checked.includes("recherche/index.html") && checked.includes("faq/index.html") && checked.includes("referencer/index.html"));
});

levels("a solution page says what each figure counts, theme by theme", ({ out }) => {
  const words = text(page(out, "solutions/visio-libre/"));
  // NR: NR-01 oui (essentiel), NR-02 partiel and NR-03 non (avancé): (1 + 0.5) / 3 = 50 %, avancé 25 %.
  // SEC: SEC-01 oui, SEC-02 (avancé, SaaS) unanswered: 1 / 2 = 50 %. CONF-01 is sans objet.
  assert.ok(words.includes("Réponses favorables Critères renseignés"), "the table's column headers");
  const row = (theme: string) => words.slice(words.indexOf(theme), words.indexOf(theme) + 90);
  assert.ok(row("Numérique responsable Niveau essentiel").includes("Niveau essentiel 50 % 3 sur 3"), row("Numérique responsable Niveau"));
  assert.ok(row("Sécurité Niveau").includes("Sécurité Niveau essentiel 50 % 1 sur 2"), row("Sécurité Niveau"));
  assert.ok(row("Conformité aux exigences du secteur public Sans").includes("Sans objet — —"), row("Conformité aux exigences du secteur public Sans"));
  // Overall: 11 applicable (3 + 2 + 2 + 1 + 0 + 3), 10 answered, 8 oui + 1 partiel = 8.5 points: 77 %.
  assert.ok(words.includes("Sur l'ensemble des critères applicables : 77 % de réponses favorables"), "overall share");
  assert.ok(words.includes("10 sur 11 critères renseignés"), "overall count");
  assert.ok(words.includes("Sécurité : niveau essentiel, 50 % de réponses favorables, 1 critère renseigné sur 2"), "accordion title");
});

levels("a theme with nothing answered shows « — », never « 0 % », and only « non atteint » is red", ({ out }) => {
  const html = page(out, "solutions/signature-piege/");
  const words = text(html);
  assert.ok(words.includes("Sécurité Non évalué — 0 sur 2"), "security not evaluated");
  assert.ok(words.includes("Logiciel libre Niveau non atteint 0 % 3 sur 3"), "OSS-01 answered non");
  const synthesis = html.slice(html.indexOf('id="synthese"'), html.indexOf('id="informations"'));
  const badges = [...synthesis.matchAll(/<td><p class="fr-badge fr-badge--sm ([^"]+)">([^<]+)<\/p><\/td>/g)].map((m) => `${m[2]}: ${m[1]}`);
  assert.equal(badges, [
    "Niveau essentiel: fr-badge--info",
    "Non évalué: fr-badge--no-icon",
    "Non évalué: fr-badge--no-icon",
    "Non évalué: fr-badge--no-icon",
    "Non évalué: fr-badge--no-icon",
    "Niveau non atteint: fr-badge--error",
  ]);
});

levels("answers consistent with the file say so in a neutral badge with a one-line explanation", ({ out }) => {
  const html = page(out, "solutions/visio-libre/");
  assert.ok(html.includes('<p class="fr-badge fr-badge--sm fr-badge--no-icon">Cohérent avec la fiche</p><small>Concorde avec la licence indiquée dans la fiche, elle aussi déclarée par le fournisseur.</small>'));
  assert.ok(html.includes("ce n'est pas une vérification par un tiers"), "the callout explains the state");
  assert.ok(page(out, "criteres/").includes("OSS-02 · contrôle de cohérence avec la fiche"));
});

levels("the levels legend is above the cards of the catalogue and of a category, on rankings and on solution pages", ({ out }) => {
  for (const url of ["catalogue/", "categories/visioconference/", "themes/securite/", "themes/securite/visioconference/", "solutions/visio-libre/"]) {
    const words = text(page(out, url));
    assert.ok(words.includes("Lire les niveaux"), url);
    assert.ok(words.includes("Incomplet des critères essentiels sont sans réponse (leur nombre est indiqué)"), url);
    assert.ok(words.includes("Niveau non atteint au moins un critère essentiel a la réponse « non » ou « partiel »."), url);
  }
  const catalogue = page(out, "catalogue/");
  assert.ok(catalogue.indexOf("Lire les niveaux") < catalogue.indexOf('class="fr-card '), "the legend comes before the cards");
});

levels("a theme ranks the evaluated solutions and lists the others apart, after them", ({ out }) => {
  const words = text(page(out, "themes/securite/"));
  assert.ok(words.includes("Rang Solution Niveau Réponses favorables Critères renseignés 1 Visio Libre Association Exemple Niveau essentiel 50 % 1 sur 2"), "ranked");
  const apart = words.indexOf("Solutions non évaluées dans ce thème");
  assert.ok(apart > words.indexOf("1 Visio Libre"), "listed after the ranked ones");
  assert.ok(words.slice(apart).includes("Piège (Société &quot;Exemple&quot; &amp; Cie) : non évalué"), words.slice(apart, apart + 300));
  const oss = text(page(out, "themes/logiciel-libre/"));
  assert.ok(oss.includes("1 Visio Libre Association Exemple Niveau avancé 100 % 3 sur 3"), "first");
  assert.ok(oss.includes("2 Signature"), "second");
  assert.not.ok(oss.includes("Solutions non évaluées dans ce thème"), "everyone answered");
});

levels("a theme's ranking narrowed to a category has its own page, listed from the theme page", ({ out }) => {
  const theme = page(out, "themes/securite/");
  assert.ok(theme.includes('<a class="fr-tag fr-tag--sm" href="/catalogue-solutions-numeriques/themes/securite/visioconference/">Visioconférence (1)</a>'));
  assert.ok(theme.includes('href="/catalogue-solutions-numeriques/themes/securite/signature-electronique/">Signature électronique (1)</a>'));
  const narrowed = text(page(out, "themes/securite/visioconference/"));
  assert.ok(narrowed.includes("Sécurité, catégorie Visioconférence"), "title");
  assert.ok(narrowed.includes("1 Visio Libre"), "ranked within the category");
  assert.not.ok(narrowed.includes("Signature"), "other categories left out");
  assert.ok(text(page(out, "themes/securite/signature-electronique/")).includes("Solutions non évaluées dans ce thème"));
  // Partage de fichiers holds only a withdrawn solution: no page.
  assert.not.ok(existsSync(path.join(out, "themes/securite/partage-fichiers/index.html")));
});

levels.run();
