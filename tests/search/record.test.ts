// What a solution's search record holds: the values of the vocabularies it
// carries with their search aliases, what its answers claim (oui and partiel
// only), the weights the search ranks by, and the HTML document Pagefind
// indexes, escaped.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildCatalogue } from "../../src/lib/catalogue.ts";
import { loadGrid } from "../../src/lib/grid.ts";
import type { CriterionAnswer, Solution } from "../../src/lib/types.ts";
import { searchRecordHtml, type SearchRecord, searchSuggestions } from "../../src/view/search-record.ts";
import { claimSections, gridLabels, vocabularySections } from "../../src/view/search-terms.ts";
import { BASE, PROJECT_ROOT, TODAY } from "../helpers.ts";

const grid = loadGrid(PROJECT_ROOT);

function solution(answers: Record<string, CriterionAnswer>, extra: Partial<Solution> = {}): Solution {
  return {
    slug: "s",
    name: "S",
    shortDescription: "Courte.",
    description: "Longue.",
    website: "https://s.example.org/",
    provider: { name: "P", type: "association" },
    distribution: "libre",
    licence: "MIT",
    hosting: ["saas"],
    categories: ["visioconference"],
    publicReferences: [],
    purchaseChannels: [],
    demo: false,
    evaluation: { gridVersion: "1.0", date: "2026-10-01", answers },
    sourceFile: "s.yaml",
    ...extra,
  };
}
const said = (answer: CriterionAnswer["answer"]): CriterionAnswer => (answer === "non" ? { answer } : { answer, justification: "Justifié." });
const entryOf = (s: Solution) => buildCatalogue(grid, [s], TODAY).listed[0]!;

test("a solution carries its vocabulary values with their search aliases, at the vocabulary weight", () => {
  const sections = vocabularySections(entryOf(solution({}, { dataHosting: { location: "france", host: "H" } })), grid);
  assert.equal(sections, [
    { weight: 10, text: "Visioconférence : réunion à distance, visio, webinaire, webinar, vidéoconférence, conférence à distance." },
    { weight: 10, text: "Logiciel libre : open source, open-source, code ouvert, code source ouvert, licence libre, FOSS." },
    { weight: 10, text: "SaaS (service en ligne) : cloud, SaaS, hébergé, hébergé par l'éditeur, service hébergé, infonuagique." },
    { weight: 10, text: "Association : fondation, communauté, associatif, non lucratif." },
    { weight: 10, text: "France : hébergé en France, hébergement en France, données en France, données hébergées en France." },
  ]);
});

test("an « oui » claims the criterion's title and referential, and the certification it names", () => {
  const sections = claimSections(entryOf(solution({ "CONF-03": said("oui") })), grid);
  assert.equal(sections, [
    { weight: 8, text: "SecNumCloud." },
    { weight: 3, text: "Qualification SecNumCloud (SecNumCloud 3.2 (ANSSI))." },
  ]);
});

test("a « partiel » claims the title and referential with less weight, never the certification", () => {
  const sections = claimSections(entryOf(solution({ "CONF-03": said("partiel") })), grid);
  assert.equal(sections, [{ weight: 1.5, text: "Qualification SecNumCloud (SecNumCloud 3.2 (ANSSI))." }]);
});

test("claims are grouped by answer, each referential named once without its article", () => {
  const sections = claimSections(entryOf(solution({ "NR-05": said("oui"), "NR-06": said("oui"), "NR-01": said("partiel") })), grid);
  assert.equal(sections, [
    { weight: 3, text: "Référent écoconception ; Empreinte mesurée et objectifs de réduction (RGESN 2024)." },
    { weight: 1.5, text: "Déclaration d'accessibilité publiée (RGAA 4.1.2)." },
  ]);
});

test("« non », « sans objet », a missing answer or a criterion that does not apply claim nothing", () => {
  assert.equal(claimSections(entryOf(solution({ "CONF-03": said("non"), "CONF-02": said("sans-objet") })), grid), []);
  assert.equal(claimSections(entryOf(solution({})), grid), []);
  // CONF-03 concerns SaaS only: an on-premises solution's « oui » claims nothing.
  assert.equal(claimSections(entryOf(solution({ "CONF-03": said("oui") }, { hosting: ["on-premises"] })), grid), []);
});

test("the grid's labels are its acronyms and brands, searched as whole words", () => {
  const labels = gridLabels(grid);
  for (const label of ["SecNumCloud", "HDS", "RGAA", "FranceConnect", "ProConnect", "RGPD"]) assert.ok(labels.includes(label), label);
  for (const word of ["Qualification", "cloud", "Certification"]) assert.not.ok(labels.includes(word), word);
});

test("the indexed document escapes every value, weights each section and keeps metadata and filters out of the text", () => {
  const record: SearchRecord = {
    url: `${BASE}/solutions/s/`,
    sections: [
      { weight: 10, text: `<img src=x onerror="alert(1)">` },
      { weight: 1, text: "Texte & suite" },
    ],
    meta: { title: `A "B" <C>` },
    filters: { categorie: ["Site web & CMS"] },
    sort: { nom: "a" },
  };
  const html = searchRecordHtml(record);
  assert.ok(html.includes(`<p data-pagefind-weight="10">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p><p>Texte &amp; suite</p>`), html);
  assert.ok(html.includes(`<div data-pagefind-ignore><i data-pagefind-meta="title[data-v]" data-v="A &quot;B&quot; &lt;C&gt;"></i><i data-pagefind-filter="categorie[data-v]" data-v="Site web &amp; CMS"></i><i data-pagefind-sort="nom[data-v]" data-v="a"></i></div>`), html);
  assert.not.ok(html.includes("<img"));
});

test("the suggestion list holds the listed solutions' names and the categories that have solutions, with their pages", () => {
  const catalogue = buildCatalogue(grid, [solution({}, { name: "Nextcloud", slug: "nextcloud" }), solution({}, { name: "Retirée", slug: "retiree", withdrawn: { reason: "Fin.", date: "2026-09-01" } })], TODAY);
  assert.equal(JSON.parse(searchSuggestions(catalogue)), {
    names: ["Nextcloud"],
    categories: [{ label: "Visioconférence", url: `${BASE}/categories/visioconference/` }],
  });
});

test.run();
