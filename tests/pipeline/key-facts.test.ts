// The facts a buyer needs at a glance: at the top of a solution page, on its
// card, and as search filters. The site fixture's grid marks NR-02 as the
// accessibility status and SEC-01 as the ISO/IEC 27001 claim; Visio Libre
// answers NR-02 « partiel » and SEC-01 « oui », and hosts its data in France.
import { readFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { pagefindRecords } from "../helpers.ts";
import { fixtureSite } from "./fixture-site.ts";

const test = suite("key facts");

test.after(() => closeSearchIndex());

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&nbsp;|\u00a0/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ");

test("a solution page opens with where its data is hosted, its accessibility status, its certifications and purchase channels", async () => {
  const { out } = await fixtureSite();
  const html = readFileSync(path.join(out, "solutions/visio-libre/index.html"), "utf8");
  const brief = text(html.slice(html.indexOf('id="en-bref"'), html.indexOf("</dl>", html.indexOf('id="en-bref"'))));
  assert.ok(brief.includes("Hébergement des données France — Hébergeur Exemple"), brief);
  assert.ok(brief.includes("Accessibilité (RGAA) Partiellement conforme (déclaré par le fournisseur)"), brief);
  assert.ok(brief.includes("Certifications et qualifications déclarées ISO/IEC 27001 (réponse à SEC-01)"), brief);
  assert.ok(brief.includes("Canaux d'achat UGAP"), brief);
  assert.ok(html.indexOf('id="en-bref"') < html.indexOf('id="synthese"'), "before the summary of the themes");
});

test("a solution that states nothing says so rather than leaving a blank", async () => {
  const { out } = await fixtureSite();
  const html = readFileSync(path.join(out, "solutions/signature-piege/index.html"), "utf8");
  const brief = text(html.slice(html.indexOf('id="en-bref"'), html.indexOf("</dl>", html.indexOf('id="en-bref"'))));
  assert.ok(brief.includes("Hébergement des données Non renseigné"), brief);
  assert.ok(brief.includes("Accessibilité (RGAA) Non renseigné"), brief);
  assert.ok(brief.includes("Certifications et qualifications déclarées Aucune déclarée"), brief);
});

test("a card shows the known key facts as tags, and none for a solution that states none", async () => {
  const { out } = await fixtureSite();
  const html = readFileSync(path.join(out, "catalogue/index.html"), "utf8");
  const card = (name: string) => {
    const start = html.lastIndexOf('<div class="fr-card fr-enlarge-link', html.indexOf(`>${name}</a>`));
    const next = html.indexOf('<div class="fr-card fr-enlarge-link', start + 1);
    return html.slice(start, next === -1 ? html.indexOf("</main>") : next);
  };
  const visio = text(card("Visio Libre"));
  for (const fact of ["Données : France — Hébergeur Exemple", "Accessibilité : partiellement conforme", "ISO/IEC 27001 (déclaré)"]) assert.ok(visio.includes(fact), `${fact} in « ${visio} »`);
  assert.not.ok(card("Signature &lt;script&gt;alert(1)&lt;/script&gt; Piège").includes("catalogue-key-facts"));
  // Shown with the levels at the foot of the card, after the distribution and hosting tags.
  const html1 = card("Visio Libre");
  assert.ok(html1.indexOf("catalogue-key-facts") > html1.indexOf('<div class="fr-card__end">'), "in the card's foot");
});


test("search can filter on data hosted in France, in the European Union, and on the accessibility status", async () => {
  const { out } = await fixtureSite();
  const indexed = pagefindRecords(out);
  assert.equal(indexed.get("/catalogue-solutions-numeriques/solutions/visio-libre/")?.filters.donnees, ["France", "Dans l'Union européenne, France comprise"]);
  assert.equal(indexed.get("/catalogue-solutions-numeriques/solutions/visio-libre/")?.filters.accessibilite, ["partiellement conforme"]);
  assert.equal(indexed.get("/catalogue-solutions-numeriques/solutions/signature-piege/")?.filters.donnees, ["Non renseigné"]);
  assert.equal(indexed.get("/catalogue-solutions-numeriques/solutions/signature-piege/")?.filters.accessibilite, ["non renseigné"]);
  const config = readFileSync(path.join(out, "recherche/index.html"), "utf8");
  assert.ok(config.includes('{"key":"donnees","label":"Hébergement des données"},{"key":"accessibilite","label":"Accessibilité (RGAA)"}'));
});

test.run();
