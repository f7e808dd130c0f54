// The versions fixture built (grid 1.1 in force, 1.0 kept; today is TODAY,
// 2026-11-23, through CATALOGUE_TODAY): a page evaluated on grid 1.0 says so
// and shows that version's criteria and levels; an evaluation older than 18
// months says « évaluation à mettre à jour »; cards and search say it too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";
import { BASE, pagefindRecords, VERSIONS_ROOT, tempDir } from "../helpers.ts";

const test = suite("grid versions and aging on the site");
test.after(() => closeSearchIndex());

let built: Promise<string> | undefined;
function site(): Promise<string> {
  built ??= (async () => {
    const out = path.join(tempDir("versions-site"), "_site");
    const result = await buildSite({ root: VERSIONS_ROOT, outputDir: out });
    if (!result.ok) throw new Error(`the fixture should build: ${JSON.stringify(result.problems)}`);
    // Warnings do not stop the build.
    assert.equal(result.problems.map((p) => [p.file.split("/").pop(), p.field, p.severity]), [
      ["ancienne-grille.yaml", "evaluation.grid_version", "warning"],
      ["evaluation-ancienne.yaml", "evaluation.date", "warning"],
    ]);
    return out;
  })();
  return built;
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&nbsp;|\u00a0/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
const page = async (slug: string) => readFileSync(path.join(await site(), "solutions", slug, "index.html"), "utf8");
const alerts = (html: string) => [...html.matchAll(/<div class="fr-alert fr-alert--(warning|info) fr-alert--sm fr-mb-4w">(.*?)<\/div>/gs)].map((m) => `${m[1]}: ${text(m[2]!)}`);

test("a page evaluated on grid 1.0 says « évalué selon la grille 1.0 », with that version's criteria and levels", async () => {
  const html = await page("ancienne-grille");
  assert.equal(alerts(html), ["info: Évalué selon la grille 1.0 : la grille 1.1 est en vigueur depuis le 1er mars 2025. Les niveaux de cette fiche sont calculés avec les critères de la grille 1.0."]);
  assert.equal([...html.matchAll(/<small>([A-Z]+-\d\d) ·/g)].map((m) => m[1]), ["NR-01", "NR-02", "NR-03", "NR-04", "CI-01", "CI-08", "OSS-01", "OSS-02", "OSS-03", "OSS-04"]);
  // Worked by hand with the 1.0 criteria (tests/lib/score.test.ts): NR 1.5 / 3, CI 1 / 2, OSS 3.5 / 4; 6 / 9 in all.
  assert.equal([...html.matchAll(/data-measure="favorables">([^<]*)</g)].map((m) => m[1]), ["50\u00a0%", "50\u00a0%", "—", "88\u00a0%"]);
  assert.match(text(html), "Sur l'ensemble des critères applicables : 67 % de réponses favorables");
  assert.match(text(html), "· 8 sur 9 critères renseignés. Évaluation du 1er juin 2025, grille de critères version 1.0.");
});

test("an evaluation older than the grid's validity reads « évaluation à mettre à jour », with its date", async () => {
  assert.equal(alerts(await page("evaluation-ancienne")), [
    "warning: Évaluation à mettre à jour : auto-évaluation du 10 avril 2025, à mettre à jour depuis le 10 octobre 2026 (une évaluation reste à jour 18 mois). Ses réponses peuvent ne plus refléter la solution.",
  ]);
  assert.equal(alerts(await page("a-jour")), []);
});

test("cards say it too", async () => {
  const html = readFileSync(path.join(await site(), "catalogue/index.html"), "utf8");
  const card = (name: string) => {
    const start = html.lastIndexOf('<div class="fr-card fr-enlarge-link', html.indexOf(`>${name}</a>`));
    const next = html.indexOf('<div class="fr-card fr-enlarge-link', start + 1);
    return html.slice(start, next === -1 ? html.indexOf("</main>") : next);
  };
  const badges = (name: string) => [...card(name).matchAll(/<p class="fr-badge fr-badge--sm fr-badge--(?:warning|no-icon)">([^<]*)<\/p>/g)].map((m) => m[1]);
  assert.equal(badges("Ancienne Grille"), ["Évalué selon la grille 1.0"]);
  assert.equal(badges("Évaluation Ancienne"), ["Évaluation à mettre à jour"]);
  assert.equal(badges("À Jour"), []);
});

test("the criteria page says when the grid was published, how long an evaluation stays current, and until when files on 1.0 are accepted", async () => {
  const html = text(readFileSync(path.join(await site(), "criteres/index.html"), "utf8"));
  assert.match(
    html,
    "Version publiée le 1er mars 2025. Une autoévaluation reste à jour 18 mois après sa date ; au-delà, sa fiche indique « Évaluation à mettre à jour ». Les fiches évaluées selon la grille 1.0 ne sont plus acceptées à partir du 1er mars 2027 : comment les migrer .",
  );
});


test("search can filter on evaluations up to date or to update", async () => {
  const out = await site();
  const indexed = pagefindRecords(out);
  assert.equal(
    [...indexed].map(([url, r]) => [url, r.filters.evaluation, r.meta.evaluation]).sort(),
    [
      [`${BASE}/solutions/a-jour/`, ["À jour"], undefined],
      [`${BASE}/solutions/ancienne-grille/`, ["À jour"], undefined],
      [`${BASE}/solutions/evaluation-ancienne/`, ["À mettre à jour"], "Évaluation à mettre à jour"],
    ],
  );
  assert.ok(readFileSync(path.join(out, "recherche/index.html"), "utf8").includes('{"key":"accessibilite","label":"Accessibilité (RGAA)"},{"key":"evaluation","label":"Évaluation"}'));
});

test.run();
