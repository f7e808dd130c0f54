// The search on the demo catalogue (content/solutions), built with the
// project's build and searched in Chromium as a buyer would: the relevance
// set of tests/search/relevance.yaml, every search alias of the grid, the
// four searches of issue 13, suggestions for typos, ties.
//
// The set-up is a lazy promise that every test awaits (uvu swallows errors
// thrown in a `before` hook), as in site.test.ts.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { failures, loadRelevanceSet, metrics, runQueries, TOP } from "../search/relevance.ts";
import { type FixtureSite, PROJECT_ROOT, checkChromium, launchBrowser, spaces, startFixtureSite, waitForSearch } from "./support.ts";

const DEMO = path.join(PROJECT_ROOT, "content", "solutions");
const VISIO = ["BigBlueButton", "Livestorm", "Microsoft 365", "Webex", "Zoom Workplace"];

interface Env {
  site: FixtureSite;
  browser: Browser;
  /** Every request whose URL is not on the test server. */
  outside: string[];
  /** Every request of the test server, by path. */
  requested: string[];
}
let envPromise: Promise<Env> | undefined;

async function setUp(): Promise<Env> {
  const site = await startFixtureSite(DEMO);
  try {
    const browser = await launchBrowser();
    return { site, browser, outside: [], requested: [] };
  } catch (error) {
    await site.close();
    throw error;
  }
}
const env = () => (envPromise ??= setUp());

async function searchPage(e: Env, query = ""): Promise<Page> {
  const context = await e.browser.newContext({ locale: "fr-FR" });
  const origin = new URL(e.site.baseUrl).origin;
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin === origin) e.requested.push(url.pathname);
    else e.outside.push(request.url());
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${e.site.baseUrl}/recherche/${query ? `?q=${encodeURIComponent(query)}` : ""}`);
  await waitForSearch(page, { query });
  return page;
}
const names = (page: Page) => page.$$eval("#recherche-resultats > li h3 a", (links) => links.map((a) => (a.textContent ?? "").trim()));
const status = async (page: Page) => spaces(await page.locator("#recherche-statut").innerText());
const sorted = (list: readonly string[]) => [...list].sort((a, b) => a.localeCompare(b, "fr"));

const test = suite("search relevance");
const check = checkChromium();

if (check.status === "fail") {
  test("Chromium is installed for the browser tests", () => {
    assert.unreachable(check.message);
  });
} else if (check.status === "skip") {
  console.log(`\n  ${check.message}\n`);
} else {
  test.after(async () => {
    const e = await envPromise?.catch(() => undefined);
    if (!e) return;
    await e.browser.close().catch(() => undefined);
    await e.site.close();
  });

  test("the relevance set passes on the demo build: recall at 5 ≥ 0.9, no « must not » in a first five", async () => {
    const e = await env();
    const page = await searchPage(e);
    const outcomes = await runQueries(page, `${e.site.baseUrl}/recherche/`, loadRelevanceSet());
    const m = metrics(outcomes);
    console.log(`\n  pertinence : rappel à ${TOP} ${m.recallAt5.toFixed(3)}, rang réciproque moyen ${m.mrr.toFixed(3)}, ${m.passed}/${m.total} requêtes conformes`);
    const failed = outcomes.flatMap((o) => failures(o).map((problem) => `« ${o.query.query} » : ${problem}`));
    assert.ok(outcomes.length >= 40, "at least 40 queries");
    assert.ok(m.recallAt5 >= 0.9, `recall at 5 ${m.recallAt5}\n${failed.join("\n")}`);
    // « must not », « none » and the suggestions are never a matter of degree.
    assert.equal(failed.filter((f) => / parmi les | aucun résultat attendu|suggestion /.test(f)), []);
    await page.context().close();
  });

  test("every search alias of the grid finds every listed solution that carries its value", async () => {
    const e = await env();
    const page = await searchPage(e);
    const { grid, listed } = e.site.catalogue;
    const v = grid.vocabularies;
    const carriers: [string, string, string[]][] = [];
    const add = (entries: typeof v.categories, carries: (id: string, s: (typeof listed)[number]["solution"]) => boolean) => {
      for (const entry of entries) {
        const urls = listed.filter((l) => carries(entry.id, l.solution)).map((l) => l.solution.slug);
        for (const alias of entry.searchAliases ?? []) if (urls.length) carriers.push([entry.id, alias, urls]);
      }
    };
    add(v.categories, (id, s) => s.categories.includes(id));
    add(v.distributions, (id, s) => s.distribution === id);
    add(v.hostingModes, (id, s) => s.hosting.includes(id));
    add(v.providerTypes, (id, s) => s.provider.type === id);
    add(v.dataHostingLocations, (id, s) => s.dataHosting?.location === id);
    assert.ok(carriers.length > 80, `${carriers.length} aliases checked`);
    const missing = await page.evaluate(async (carriers) => {
      const config = JSON.parse(document.getElementById("recherche-config")!.textContent!);
      const pagefind = await import(config.urls.pagefind);
      await pagefind.options({ baseUrl: config.urls.pagefindBaseUrl, ranking: config.ranking });
      const out: string[] = [];
      for (const [id, alias, slugs] of carriers) {
        const search = await pagefind.search(alias);
        const found = new Set(await Promise.all(search.results.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url.split("/").at(-2))));
        for (const slug of slugs) if (!found.has(slug)) out.push(`« ${alias} » (${id}) ne trouve pas ${slug}`);
      }
      return out;
    }, carriers);
    assert.equal(missing, []);
    await page.context().close();
  });

  test("issue 13: « réunion à distance » finds the five videoconferencing solutions first", async () => {
    const page = await searchPage(await env(), "réunion à distance");
    assert.equal(sorted((await names(page)).slice(0, 5)), VISIO);
    await page.context().close();
  });

  test("issue 13: « open source » finds every solution under a free licence, free software first", async () => {
    const page = await searchPage(await env(), "open source");
    const found = await names(page);
    const free = ["BigBlueButton", "Collabora Online", "Decidim", "Démarche Numérique", "Framadate", "GLPI", "LibreOffice", "Matomo", "Moodle", "Nextcloud", "PeerTube", "QGIS", "RDV Service Public", "Tchap"];
    const openCore = ["Alfresco", "Grist", "Mattermost", "ONLYOFFICE Docs", "Zimbra"];
    assert.equal(sorted(found.slice(0, free.length)), free);
    assert.equal(sorted(found.slice(free.length)), openCore);
    assert.match(await status(page), /^19 solutions trouvées pour « open source »$/);
    await page.context().close();
  });

  test("issue 13: « hébergé en France » finds the solutions whose data is hosted in France first", async () => {
    const page = await searchPage(await env(), "hébergé en France");
    assert.equal(sorted((await names(page)).slice(0, 2)), ["Tchap", "Yousign"]);
    await page.context().close();
  });

  test("issue 13: « SecNumCloud » finds no solution, since none claims it, and says so", async () => {
    const page = await searchPage(await env(), "SecNumCloud");
    assert.equal(await names(page), []);
    assert.is(await status(page), "Aucune solution trouvée pour « SecNumCloud ». Aucune solution du catalogue ne déclare « SecNumCloud ».");
    await page.context().close();
  });

  test("a claimed label finds the solutions that claim it: « RGAA » finds the two with a published accessibility declaration", async () => {
    const page = await searchPage(await env(), "RGAA");
    assert.equal(sorted(await names(page)), ["Démarche Numérique", "RDV Service Public"]);
    await page.context().close();
  });

  test("issue 13: « nextclod » proposes « Nextcloud », a link that runs that search, and where to browse; nothing leaves the site", async () => {
    const e = await env();
    const page = await searchPage(e, "nextclod");
    assert.match(await status(page), /Vouliez-vous dire : Nextcloud \?$/);
    const box = page.locator("#recherche-suggestions");
    assert.ok(await box.isVisible());
    assert.is(spaces(await box.locator("p").first().innerText()), "Vouliez-vous dire : Nextcloud ?");
    assert.is(await box.locator('a[href="/catalogue-solutions-numeriques/catalogue/"]').count(), 1, "the catalogue");
    assert.is(await box.locator('a[href="/catalogue-solutions-numeriques/categories/"]').count(), 1, "the categories");
    await box.locator("a[data-suggestion]", { hasText: "Nextcloud" }).click();
    await waitForSearch(page, { query: "Nextcloud" });
    assert.is((await names(page))[0], "Nextcloud");
    assert.is(new URL(page.url()).searchParams.get("q"), "Nextcloud");
    assert.ok(await box.isHidden(), "no suggestion when the search finds enough");
    assert.ok(e.requested.includes("/catalogue-solutions-numeriques/recherche/suggestions.json"));
    assert.equal(e.outside, []);
    await page.context().close();
  });

  test("the suggestion list is fetched only when a search finds little", async () => {
    const e = await env();
    e.requested.length = 0;
    const page = await searchPage(e, "visio");
    assert.equal(sorted((await names(page)).slice(0, 5)), VISIO);
    assert.not.ok(e.requested.some((p) => p.endsWith("/suggestions.json")), e.requested.join(" "));
    await page.context().close();
  });

  test("equal matches come in order of favourable answers, all themes", async () => {
    // « tchat » is an alias of instant messaging: its seven solutions match it
    // the same way, and Pagefind alone lists them in another order.
    const page = await searchPage(await env(), "tchat");
    const rows = await page.$$eval("#recherche-resultats > li", (items) =>
      items.map((li) => [(li.querySelector("h3 a")?.textContent ?? "").trim(), /Réponses favorables, tous thèmes\s*:\s*(\d+)\s*%/.exec(li.textContent ?? "")?.[1] ?? "?"]),
    );
    assert.equal(rows.slice(0, 2), [
      ["Mattermost", "14"],
      ["Tchap", "9"],
    ]);
    const shares = rows.slice(0, 7).map(([, share]) => Number(share));
    assert.equal(shares, [14, 9, 4, 4, 4, 2, 2]);
    await page.context().close();
  });

  test("the search page explains its ordering in one sentence and keeps its sort options", async () => {
    const page = await searchPage(await env());
    assert.is(
      spaces(await page.locator("#recherche-ordre").innerText()),
      "Par pertinence, le nom compte d'abord, puis la catégorie, la licence, l'hébergement ou les engagements déclarés, puis le texte ; à égalité, la part de réponses favorables.",
    );
    assert.equal(await page.$$eval("#recherche-tri option", (options) => options.map((o) => o.textContent)), ["Pertinence", "Nom (A à Z)", "Réponses favorables, tous thèmes (décroissant)"]);
    await page.context().close();
  });
}

test.run();
