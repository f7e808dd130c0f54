// The public site in a real browser (Debian's Chromium, playwright-core): the
// fixture catalogue of tests/fixtures/browser is built once with the
// project's build, served on 127.0.0.1, and visited by one browser.
//
// uvu swallows an error thrown in a `before` hook (the suite then "passes"
// with no test run), so the set-up is a lazy promise that every test awaits:
// if the build or the launch fails, every test fails with that error.
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser, BrowserContext, Dialog, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ScoredSolution } from "../../src/lib/types.ts";
import {
  type AxeViolation,
  type FixtureSite,
  checkChromium,
  formatViolations,
  launchBrowser,
  mergeViolations,
  openDisclosures,
  pageTypes,
  runAxe,
  settle,
  spaces,
  startFixtureSite,
  waitForSearch,
} from "./support.ts";

const SEARCHED_NAME = "Parapheur Colibri";
const SEARCHED_SLUG = "colibri";
const HOSTILE_SLUG = "piege";
/** The page the tests ask for to see the « page introuvable » (pageTypes, in support.ts): its 404 is expected. */
const NOT_FOUND_PATH = "/catalogue-solutions-numeriques/cette-page-n-existe-pas/";

interface Env {
  site: FixtureSite;
  browser: Browser;
  light: BrowserContext;
  dark: BrowserContext;
  /** A phone-sized window (390 × 844), light mode. */
  mobile: BrowserContext;
  /** Every request whose URL is not on the test server (data: and blob: excepted). */
  outside: string[];
  dialogs: string[];
  errors: string[];
  /** Every response of the test server with an error status, but the « page introuvable » visited on purpose. */
  missing: string[];
  visited: Set<string>;
  /** Records the requests, dialogs and errors of every page of `context`. */
  watch(context: BrowserContext, mode: string): void;
}

let envPromise: Promise<Env> | undefined;
const started = performance.now();

async function setUp(): Promise<Env> {
  const site = await startFixtureSite();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const origin = new URL(site.baseUrl).origin;
    const watch = (context: BrowserContext, mode: string) => {
      // Every page of both contexts, whichever test opens it.
      context.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin === origin) return;
        let from = "?";
        try {
          from = request.frame().url();
        } catch {
          // a request without a frame (service worker): keep "?"
        }
        env.outside.push(`${url} (from ${from})`);
      });
      context.on("response", (response) => {
        if (response.status() < 400 || new URL(response.url()).pathname === NOT_FOUND_PATH) return;
        env.missing.push(`${response.status()} ${response.url()} (from ${response.frame().url()})`);
      });
      context.on("dialog", (dialog: Dialog) => {
        env.dialogs.push(`${dialog.type()} « ${dialog.message()} » on ${dialog.page()?.url() ?? "?"}`);
        void dialog.dismiss().catch(() => undefined);
      });
      context.on("page", (page) => {
        // Generous: CI machines can be loaded; a real hang still fails.
        page.setDefaultTimeout(30_000);
        page.on("pageerror", (error) => env.errors.push(`${mode} ${page.url()}: ${error.message}`));
        page.on("framenavigated", (frame) => {
          if (frame === page.mainFrame()) env.visited.add(new URL(frame.url()).pathname);
        });
      });
    };
    const env: Env = { site, browser, light: undefined as never, dark: undefined as never, mobile: undefined as never, outside: [], dialogs: [], errors: [], missing: [], visited: new Set(), watch };
    // bypassCSP lets axe be injected as an inline script whatever the site's
    // policy; it can only make the hostile-content test stricter.
    const options = { viewport: { width: 1280, height: 900 }, locale: "fr-FR", bypassCSP: true, colorScheme: "light" as const };
    env.light = await browser.newContext(options);
    env.dark = await browser.newContext(options);
    env.mobile = await browser.newContext({ ...options, viewport: { width: 390, height: 844 } });
    // The DSFR keeps the chosen display mode in localStorage (key "scheme"),
    // read by the site's scheme.js before the first paint.
    await env.dark.addInitScript(() => {
      if (location.protocol === "http:") window.localStorage.setItem("scheme", "dark");
    });
    watch(env.light, "clair");
    watch(env.dark, "sombre");
    watch(env.mobile, "mobile");
    return env;
  } catch (error) {
    await browser?.close();
    await site.close();
    throw error;
  }
}

function env(): Promise<Env> {
  envPromise ??= setUp();
  return envPromise;
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: "load" });
  assert.ok(response, `no response for ${url}`);
  return page;
}

async function searchPage(e: Env, query = "", context = e.light): Promise<Page> {
  const page = await open(context, `${e.site.baseUrl}/recherche/${query ? `?q=${encodeURIComponent(query)}` : ""}`);
  await waitForSearch(page);
  return page;
}

const resultNames = (page: Page) => page.$$eval("#recherche-resultats > li h3 a", (links) => links.map((a) => a.textContent ?? ""));
const statusText = async (page: Page) => spaces(await page.locator("#recherche-statut").innerText());

/** Waits until the search for `query` with `filters` filters has answered and its results are shown. */
const waitForStatus = (page: Page, query: string, filters = 0) => waitForSearch(page, { query, filters });

/** Checks a filter as a person would: open its group (an accordion) if needed, then click its label. */
async function checkFilter(page: Page, group: string, value: string): Promise<void> {
  const button = page.locator(`button.fr-accordion__btn[aria-controls="filtre-groupe-${group}"]`);
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  const id = await page.locator(`#filtre-groupe-${group} input[type=checkbox][value="${value}"]`).getAttribute("id");
  await page.locator(`label[for="${id}"]`).click();
}

/** The result count a filter's label shows: the first number after its value. */
async function filterCount(page: Page, group: string, value: string): Promise<number> {
  const id = await page.locator(`#filtre-groupe-${group} input[type=checkbox][value="${value}"]`).getAttribute("id");
  const text = (await page.locator(`label[for="${id}"]`).textContent()) ?? "";
  assert.ok(text.startsWith(value), `label « ${text} » starts with its value`);
  const match = /\d+/.exec(text.slice(value.length));
  assert.ok(match, `label « ${text} » shows a count`);
  return Number(match[0]);
}

const listed = (e: Env): readonly ScoredSolution[] => e.site.catalogue.listed;

const test = suite("browser");
const check = checkChromium();

if (check.status === "fail") {
  test("Chromium is installed for the browser tests", () => {
    assert.unreachable(check.message);
  });
} else if (check.status === "skip") {
  console.log(`\n  ${check.message}\n`);
} else {
  let testStart = 0;
  test.before.each(() => {
    testStart = performance.now();
  });
  test.after.each((state) => {
    if (process.env.BROWSER_TESTS_VERBOSE) console.log(`\n  ${((performance.now() - testStart) / 1000).toFixed(1)} s  ${state.__test__}`);
  });

  test.after(async () => {
    if (!envPromise) return;
    const e = await envPromise.catch(() => undefined);
    if (!e) return;
    await e.browser.close().catch(() => undefined);
    await e.site.close();
    if (process.env.BROWSER_TESTS_VERBOSE) console.log(`\n  browser suite: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  test("the home page loads with its title and the « Accessibilité : » mention in the footer", async () => {
    const e = await env();
    const page = await open(e.light, `${e.site.baseUrl}/`);
    assert.match(await page.title(), /Catalogue des solutions numériques/);
    assert.is(await page.locator("html").getAttribute("lang"), "fr");
    assert.ok(await page.locator("h1").first().isVisible(), "the home page has a visible h1");
    const footer = page.locator("footer.fr-footer");
    const mention = footer.locator("a", { hasText: /^Accessibilité\s*:\s*\S/ });
    assert.is(await mention.count(), 1, "the footer links « Accessibilité : <status> »");
    assert.is(await mention.getAttribute("href"), "/catalogue-solutions-numeriques/accessibilite/");
    for (const href of ["/catalogue-solutions-numeriques/mentions-legales/", "/catalogue-solutions-numeriques/donnees-personnelles/", "/catalogue-solutions-numeriques/plan-du-site/"]) {
      assert.is(await footer.locator(`a[href="${href}"]`).count(), 1, `the footer links ${href}`);
    }
    await page.close();
  });

  test("searching a solution's exact name returns it as the first result", async () => {
    const e = await env();
    const page = await searchPage(e);
    for (const { solution } of listed(e).filter((s) => s.solution.slug !== HOSTILE_SLUG)) {
      await page.locator("#recherche-input").fill(solution.name);
      await waitForStatus(page, solution.name);
      const first = page.locator("#recherche-resultats > li").first().locator("h3 a");
      assert.is(await first.innerText(), solution.name, `first result for « ${solution.name} »`);
      assert.is(await first.getAttribute("href"), `/catalogue-solutions-numeriques/solutions/${solution.slug}/`);
    }
    await page.close();
  });

  test("checking the « Logiciel libre » filter narrows the results to the count it shows", async () => {
    const e = await env();
    const page = await searchPage(e);
    const all = listed(e);
    assert.match(await statusText(page), new RegExp(`^${all.length} solutions trouvées`));
    assert.is((await resultNames(page)).length, all.length, "without query nor filter, every listed solution is shown");

    const libre = all.filter((s) => s.solution.distribution === "libre").map((s) => s.solution.name);
    assert.ok(libre.length > 0 && libre.length < all.length, "the fixture has free and non-free solutions");
    assert.is(await filterCount(page, "distribution", "Logiciel libre"), libre.length, "the filter shows its count");

    await checkFilter(page, "distribution", "Logiciel libre");
    await waitForStatus(page, "", 1);
    assert.match(await statusText(page), new RegExp(`^${libre.length} solutions trouvées avec 1 filtre`));
    assert.equal((await resultNames(page)).sort(), [...libre].sort(), "only the free solutions are left");
    assert.ok(await page.locator("#recherche-filtres input[type=checkbox][value='Logiciel libre']").isChecked());

    // Another group's counts now describe the narrowed results.
    const onPremises = all.filter((s) => s.solution.distribution === "libre" && s.solution.hosting.includes("on-premises")).length;
    assert.is(await filterCount(page, "hebergement", "Sur site (on-premises)"), onPremises);
    // The other values of the checked group keep the results they would add.
    const proprietary = all.filter((s) => s.solution.distribution === "proprietaire").length;
    const hybrid = all.filter((s) => s.solution.distribution === "hybride").length;
    assert.ok(proprietary > 0 && hybrid > 0, "the fixture has proprietary and open-core solutions");
    assert.is(await filterCount(page, "distribution", "Propriétaire"), proprietary, "« Propriétaire » still counts every proprietary solution");
    assert.is(await filterCount(page, "distribution", "Hybride (open core)"), hybrid);
    assert.is(await filterCount(page, "distribution", "Logiciel libre"), libre.length);
    await page.close();
  });

  test("a checked value leaves its group's other counts as the results they would add, for the query", async () => {
    const e = await env();
    const query = "signature";
    const page = await searchPage(e, query);
    await waitForStatus(page, query, 0);
    const found = await resultNames(page);
    const proprietary = listed(e).filter((s) => s.solution.distribution === "proprietaire" && found.includes(s.solution.name)).length;
    const libre = listed(e).filter((s) => s.solution.distribution === "libre" && found.includes(s.solution.name)).length;
    assert.ok(proprietary > 0, `« ${query} » finds proprietary solutions`);
    assert.is(await filterCount(page, "distribution", "Propriétaire"), proprietary);

    await checkFilter(page, "distribution", "Logiciel libre");
    await waitForStatus(page, query, 1);
    assert.is((await resultNames(page)).length, libre);
    assert.is(await filterCount(page, "distribution", "Propriétaire"), proprietary, "« Propriétaire » is not 0: checking it adds its results");
    assert.is(await filterCount(page, "distribution", "Logiciel libre"), libre);

    // Checking it too gives exactly what its count announced (values of a group are OR'ed).
    await checkFilter(page, "distribution", "Propriétaire");
    await waitForStatus(page, query, 2);
    assert.is((await resultNames(page)).length, libre + proprietary);
    await page.close();
  });

  test("the status line is updated after the results it counts are in the list", async () => {
    const e = await env();
    const page = await searchPage(e);
    // Each change of the live region, with what the list holds at that moment.
    await page.evaluate(() => {
      const status = document.getElementById("recherche-statut")!;
      const list = document.getElementById("recherche-resultats")!;
      const log: { status: string; items: number }[] = [];
      (window as unknown as { statusLog: typeof log }).statusLog = log;
      new MutationObserver(() => log.push({ status: status.textContent ?? "", items: list.children.length })).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#recherche-input").fill("libre");
    await waitForStatus(page, "libre", 0);
    await checkFilter(page, "distribution", "Logiciel libre");
    await waitForStatus(page, "libre", 1);
    await page.locator("#recherche-input").fill("zzzzzz");
    await waitForStatus(page, "zzzzzz", 1);
    const log = await page.evaluate(() => (window as unknown as { statusLog: { status: string; items: number }[] }).statusLog);
    assert.ok(log.length >= 3, `the status changed for each search (${log.length})`);
    for (const entry of log) {
      const match = /^(Aucune|\d+) solutions? trouvées?/.exec(spaces(entry.status));
      assert.ok(match, `a count in « ${entry.status} »`);
      const total = match[1] === "Aucune" ? 0 : Number(match[1]);
      assert.is(entry.items, Math.min(total, 20), `« ${spaces(entry.status)} » announced with ${entry.items} results in the list`);
    }
    await page.close();
  });

  test("search results show the solution's logo as a decorative image, as the catalogue's cards do", async () => {
    const e = await env();
    const page = await searchPage(e);
    const items = page.locator("#recherche-resultats > li");
    assert.is(await items.count(), listed(e).length, "every listed solution is shown");
    assert.ok(listed(e).some((s) => s.solution.logo), "the fixture has a solution with a logo");
    for (const item of await items.all()) {
      const name = await item.locator("h3 a").innerText();
      const { solution } = listed(e).find((s) => s.solution.name === name)!;
      const img = item.locator("img");
      if (!solution.logo) {
        assert.is(await img.count(), 0, `${solution.slug} has no logo`);
        continue;
      }
      assert.is(await img.getAttribute("src"), `/catalogue-solutions-numeriques/solutions/${solution.slug}/logo${path.extname(solution.logo).toLowerCase()}`);
      assert.is(await img.getAttribute("alt"), "", "the name is the link text: the logo is decorative");
      // Lazily loaded: shown once scrolled to.
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((i: HTMLImageElement) => (i.complete ? undefined : new Promise((resolve) => i.addEventListener("load", resolve, { once: true }))));
      assert.ok(await img.evaluate((i: HTMLImageElement) => i.naturalWidth > 0), "the logo loads");
      const box = await img.boundingBox();
      assert.ok(box && box.width <= 64 && box.height <= 64, `the logo stays small (${JSON.stringify(box)})`);
    }
    await page.close();
  });

  test("each search result card shows the solution's name, provider and short description", async () => {
    const e = await env();
    const page = await searchPage(e);
    const items = page.locator("#recherche-resultats > li");
    assert.is(await items.count(), listed(e).length, "every listed solution is shown");
    for (const item of await items.all()) {
      const name = await item.locator("h3 a").innerText();
      const found = listed(e).find((s) => s.solution.name === name);
      assert.ok(found, `« ${name} » is a listed solution`);
      const { solution } = found;
      assert.is(spaces(await item.locator(".fr-card__desc").innerText()), spaces(solution.shortDescription), `${solution.slug} description`);
      assert.is(spaces(await item.locator(".fr-card__start .fr-card__detail").innerText()), spaces(solution.provider.name), `${solution.slug} provider`);
    }
    await page.close();
  });

  test("the query, the filters and the sort order are kept in the URL and restored from it", async () => {
    const e = await env();
    const page = await searchPage(e);
    await checkFilter(page, "hebergement", "Sur site (on-premises)");
    await waitForStatus(page, "", 1);
    await page.locator("#recherche-input").fill("libre");
    await waitForStatus(page, "libre", 1);
    await page.locator("#recherche-tri").selectOption("nom");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("tri") === "nom");
    await waitForStatus(page, "libre", 1);
    const names = await resultNames(page);
    assert.ok(names.length > 0, "the combined search has results");

    const url = new URL(page.url());
    assert.is(url.pathname, "/catalogue-solutions-numeriques/recherche/");
    assert.is(url.searchParams.get("q"), "libre");
    assert.equal(url.searchParams.getAll("hebergement"), ["Sur site (on-premises)"]);
    assert.is(url.searchParams.get("tri"), "nom");

    // A fresh page from that address: a bookmark or a shared link.
    const restored = await open(e.light, url.href);
    await waitForStatus(restored, "libre", 1);
    assert.is(await restored.locator("#recherche-input").inputValue(), "libre");
    assert.ok(await restored.locator("#recherche-filtres input[type=checkbox][value='Sur site (on-premises)']").isChecked());
    assert.is(await restored.locator("#recherche-tri").inputValue(), "nom");
    assert.equal(await resultNames(restored), names, "the same results in the same order");

    await page.reload();
    await waitForStatus(page, "libre", 1);
    assert.equal(await resultNames(page), names, "a reload keeps the search");
    await page.close();
    await restored.close();
  });

  // Worked out from tests/fixtures/browser and criteria/grid.yaml with the
  // rule of docs/methodologie.md (oui 1 point, partiel ½, rounded to the
  // unit): overall [favourable answers, criteria answered], then per theme,
  // in the grid's order, [level, favourable answers, criteria answered]. A
  // theme with an essential criterion unanswered and none answered « non »
  // or « partiel » is « Incomplet », with the count of essential answers missing.
  const ESSENTIEL = "Niveau essentiel";
  const NON_ATTEINT = "Niveau non atteint";
  const NON_EVALUE = "Non évalué";
  const incomplet = (missing: number) => `Incomplet (${missing} réponses manquantes)`;
  const EXPECTED_SCORES: Record<string, { overall: [string, string]; themes: [string, string, string, string][] }> = {
    // SaaS, 56 applicable; 7 answered, 3.5 points.
    colibri: {
      overall: ["6 %", "7 sur 56"],
      themes: [["NR", NON_ATTEINT, "5 %", "1 sur 11"], ["CI", NON_EVALUE, "—", "0 sur 8"], ["SEC", incomplet(3), "22 %", "2 sur 9"], ["DON", NON_EVALUE, "—", "0 sur 12"], ["CONF", incomplet(3), "13 %", "1 sur 8"], ["OSS", NON_ATTEINT, "0 %", "3 sur 8"]],
    },
    // SaaS and on premises, 57 applicable; 11 answered, 8.5 points.
    hirondelle: {
      overall: ["15 %", "11 sur 57"],
      themes: [["NR", NON_ATTEINT, "14 %", "3 sur 11"], ["CI", incomplet(3), "25 %", "2 sur 8"], ["SEC", incomplet(3), "9 %", "2 sur 11"], ["DON", incomplet(5), "8 %", "1 sur 12"], ["CONF", NON_EVALUE, "—", "0 sur 7"], ["OSS", ESSENTIEL, "38 %", "3 sur 8"]],
    },
    // On premises, 46 applicable; 6 answered, all oui.
    mesange: {
      overall: ["13 %", "6 sur 46"],
      themes: [["NR", NON_EVALUE, "—", "0 sur 9"], ["CI", incomplet(2), "13 %", "1 sur 8"], ["SEC", NON_EVALUE, "—", "0 sur 6"], ["DON", incomplet(3), "10 %", "1 sur 10"], ["CONF", NON_EVALUE, "—", "0 sur 5"], ["OSS", ESSENTIEL, "50 %", "4 sur 8"]],
    },
    // SaaS, 56 applicable; 5 answered, 2 points.
    piege: {
      overall: ["4 %", "5 sur 56"],
      themes: [["NR", incomplet(3), "9 %", "1 sur 11"], ["CI", incomplet(3), "13 %", "1 sur 8"], ["SEC", NON_EVALUE, "—", "0 sur 9"], ["DON", NON_EVALUE, "—", "0 sur 12"], ["CONF", NON_EVALUE, "—", "0 sur 8"], ["OSS", NON_ATTEINT, "0 %", "3 sur 8"]],
    },
    // SaaS, 56 applicable; 2 answered, 1.5 points.
    pivert: {
      overall: ["3 %", "2 sur 56"],
      themes: [["NR", incomplet(3), "9 %", "1 sur 11"], ["CI", NON_EVALUE, "—", "0 sur 8"], ["SEC", NON_EVALUE, "—", "0 sur 9"], ["DON", NON_EVALUE, "—", "0 sur 12"], ["CONF", NON_EVALUE, "—", "0 sur 8"], ["OSS", NON_ATTEINT, "6 %", "1 sur 8"]],
    },
    // On premises, 46 applicable; 3 answered, 1.5 points.
    sittelle: {
      overall: ["3 %", "3 sur 46"],
      themes: [["NR", NON_EVALUE, "—", "0 sur 9"], ["CI", NON_EVALUE, "—", "0 sur 8"], ["SEC", NON_ATTEINT, "0 %", "1 sur 6"], ["DON", incomplet(3), "5 %", "1 sur 10"], ["CONF", NON_EVALUE, "—", "0 sur 5"], ["OSS", incomplet(2), "13 %", "1 sur 8"]],
    },
  };

  test("a solution page shows the favourable answers, the criteria answered and the levels of the methodology", async () => {
    const e = await env();
    assert.equal(listed(e).map((s) => s.solution.slug).sort(), Object.keys(EXPECTED_SCORES).sort(), "a figure for every listed solution");
    for (const { solution } of listed(e)) {
      const expected = EXPECTED_SCORES[solution.slug]!;
      const page = await open(e.light, `${e.site.baseUrl}/solutions/${solution.slug}/`);
      assert.is(await page.locator("h1").innerText(), solution.name);
      const summary = spaces(await page.locator("#synthese + p").innerText());
      assert.ok(summary.includes(`critères applicables : ${expected.overall[0]} de réponses favorables`), `${solution.slug}: « ${summary} »`);
      assert.ok(summary.includes(`${expected.overall[1]} critères renseignés`), `${solution.slug}: « ${summary} »`);
      for (const [i, [theme, level, favorable, filled]] of expected.themes.entries()) {
        const cell = async (measure: string) => spaces(await page.locator(`td[data-theme="${theme}"][data-measure="${measure}"]`).innerText());
        assert.is(await cell("favorables"), favorable, `${solution.slug} ${theme} réponses favorables`);
        assert.is(await cell("renseignes"), filled, `${solution.slug} ${theme} critères renseignés`);
        const row = page.locator("#synthese ~ .fr-table tbody tr").nth(i);
        // textContent: the DSFR shows badges in capitals (text-transform).
        assert.is(spaces(await row.locator(".fr-badge").textContent()), level, `${solution.slug} ${theme} niveau`);
      }
      await page.close();
    }
  });

  interface AxeOutcome {
    counts: { page: string; count: number }[];
    report: string[];
  }

  async function axeEveryPage(e: Env, mode: "clair" | "sombre"): Promise<AxeOutcome> {
    const outcome: AxeOutcome = { counts: [], report: [] };
    const page = await (mode === "clair" ? e.light : e.dark).newPage();
    for (const type of pageTypes(e.site.catalogue, SEARCHED_NAME)) {
      await page.goto(`${e.site.baseUrl}${type.path}`, { waitUntil: "load" });
      const theme = await page.evaluate(() => document.documentElement.getAttribute("data-fr-theme"));
      assert.is(theme ?? "light", mode === "sombre" ? "dark" : "light", `${type.name}: display mode`);
      if (type.path.startsWith("/recherche/")) {
        await waitForSearch(page);
        assert.ok((await resultNames(page)).length > 0, "the search page is checked with results");
      }
      // Let DSFR finish its start-up (it marks <html> once its JS is ready).
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
      let violations: AxeViolation[] = await runAxe(page);
      // Once more with every accordion open (evaluation tables, FAQ, filters).
      if (await openDisclosures(page)) violations = mergeViolations(violations, await runAxe(page));
      const count = violations.reduce((n, v) => n + v.nodes.length, 0);
      outcome.counts.push({ page: type.name, count });
      if (count) outcome.report.push(formatViolations(`[${mode}] ${type.name} ${type.path}`, violations));
    }
    await page.close();
    return outcome;
  }

  test("axe reports no WCAG 2.2 A/AA violation on any page type, in light and in dark mode", async () => {
    const e = await env();
    // Both modes at once: each page runs in its own renderer process.
    const [light, dark] = await Promise.all([axeEveryPage(e, "clair"), axeEveryPage(e, "sombre")]);
    const summary = (o: AxeOutcome) => o.counts.map((c) => `${c.page} ${c.count}`).join(", ");
    if (process.env.BROWSER_TESTS_VERBOSE) console.log(`\n  axe (nodes in violation), clair: ${summary(light)}\n  axe (nodes in violation), sombre: ${summary(dark)}`);
    const report = [...light.report, ...dark.report];
    if (report.length) {
      console.error(`\naxe-core, WCAG 2.2 A/AA:\n${report.join("\n")}\n`);
      const failing = (mode: string, o: AxeOutcome) => o.counts.filter((c) => c.count).map((c) => `${c.page} [${mode}] (${c.count})`);
      assert.unreachable(`axe-core reports violations on: ${[...failing("clair", light), ...failing("sombre", dark)].join(", ")}`);
    }
  });

  test("the display settings switch the site to dark mode and remember it", async () => {
    const e = await env();
    // A context of its own: the choice it stores must not reach other tests.
    const context = await e.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    e.watch(context, "réglage");
    try {
      const page = await context.newPage();
      await page.goto(`${e.site.baseUrl}/`);
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
      await page.getByRole("button", { name: "Paramètres d'affichage" }).click();
      const dialog = page.locator("#fr-theme-modal");
      await dialog.waitFor({ state: "visible" });
      await settle(page);
      const violations = await runAxe(page, "#fr-theme-modal");
      assert.ok(violations.length === 0, formatViolations("display settings", violations));
      await dialog.locator("label[for='fr-radios-theme-dark']").click();
      await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "dark");
      await page.goto(`${e.site.baseUrl}/catalogue/`);
      assert.is(await page.evaluate(() => document.documentElement.getAttribute("data-fr-theme")), "dark", "the choice holds on the next page");
    } finally {
      await context.close();
    }
  });

  test("the search is usable with the keyboard alone, from the skip links to a solution page", async () => {
    const e = await env();
    const page = await open(e.light, `${e.site.baseUrl}/`);
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { tag: el?.tagName ?? "", id: el?.id ?? "", type: el?.getAttribute("type") ?? "", text: (el?.textContent ?? "").trim(), href: el?.getAttribute("href") ?? "" };
      });

    // From the top of the page, Tab until the « Recherche » skip link.
    let tabs = 0;
    for (; tabs < 10; tabs++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      if (f.tag === "A" && f.text === "Recherche") break;
    }
    assert.ok(tabs < 10, "a « Recherche » skip link is among the first stops");
    await page.keyboard.press("Enter");
    let f = await focused();
    assert.is(f.type, "search", `the skip link puts the focus in a search field (got ${f.tag}#${f.id})`);

    await page.keyboard.type(SEARCHED_NAME);
    await Promise.all([page.waitForURL(/\/recherche\/\?/), page.keyboard.press("Enter")]);
    await waitForStatus(page, SEARCHED_NAME);
    assert.is((await resultNames(page))[0], SEARCHED_NAME);

    // From the top of the search page: the « Résultats » skip link leads to
    // the result count, and the first result follows in a few Tabs.
    const firstHref = `/catalogue-solutions-numeriques/solutions/${SEARCHED_SLUG}/`;
    /** Tabs until `wanted` has the focus, following the skip link `skipLink` (Enter) on the way. */
    const tabsTo = async (wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, max: number, skipLink?: string): Promise<number> => {
      for (let tab = 1; tab <= max; tab++) {
        await page.keyboard.press("Tab");
        const now = await focused();
        if (skipLink && now.tag === "A" && now.text === skipLink) {
          await page.keyboard.press("Enter");
          continue;
        }
        if (wanted(now)) return tab;
      }
      return Number.POSITIVE_INFINITY;
    };
    const isFirstResult = (now: Awaited<ReturnType<typeof focused>>) => now.tag === "A" && now.href === firstHref;
    const fromTop = await tabsTo(isFirstResult, 20, "Résultats");
    if (process.env.BROWSER_TESTS_VERBOSE) console.log(`\n  keyboard: ${fromTop} Tabs from the top of the search page to the first result`);
    assert.ok(fromTop < 10, `the first result is reached in fewer than 10 Tabs from the top of the page (${fromTop})`);

    // A new query typed in the page's own field, reached by the « Recherche »
    // skip link: « Aller aux résultats » then skips the filters.
    await page.reload();
    await waitForStatus(page, SEARCHED_NAME);
    assert.ok((await tabsTo((now) => now.tag === "A" && now.text === "Recherche", 10)) < 10, "a « Recherche » skip link");
    await page.keyboard.press("Enter");
    assert.is((await focused()).id, "recherche-input", "on the search page, « Recherche » leads to the page's own field");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Colibri");
    await waitForStatus(page, "Colibri");
    const fromField = await tabsTo(isFirstResult, 20, "Aller aux résultats");
    if (process.env.BROWSER_TESTS_VERBOSE) console.log(`  keyboard: ${fromField} Tabs from the search field to the first result`);
    assert.ok(fromField < 10, `the first result is reached in fewer than 10 Tabs after typing the query (${fromField})`);
    assert.is(await page.evaluate(() => document.activeElement?.closest("#recherche-resultats") !== null), true);

    await Promise.all([page.waitForURL(`**${firstHref}`), page.keyboard.press("Enter")]);
    assert.is(await page.locator("h1").innerText(), SEARCHED_NAME);
    await page.close();
  });

  test("on a phone, the search filters fold behind a « Filtres » button and the results follow the search field", async () => {
    const e = await env();
    const page = await searchPage(e, "", e.mobile);
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
    const toggle = page.locator("button[aria-controls='recherche-filtres-panneau']");
    assert.ok(await toggle.isVisible(), "the « Filtres » button is shown");
    assert.is(await toggle.getAttribute("aria-expanded"), "false");
    assert.not.ok(await page.locator("button.fr-accordion__btn[aria-controls='filtre-groupe-distribution']").isVisible(), "the filter groups are folded");
    const first = await page.locator("#recherche-resultats > li").first().boundingBox();
    assert.ok(first && first.y < 844, `the first result starts on the first screen (y = ${first?.y})`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "nothing scrolls sideways");

    await toggle.click();
    await settle(page);
    assert.is(await toggle.getAttribute("aria-expanded"), "true");
    await checkFilter(page, "distribution", "Logiciel libre");
    await waitForStatus(page, "", 1);
    const libre = listed(e).filter((s) => s.solution.distribution === "libre").length;
    assert.is((await resultNames(page)).length, libre);
    assert.match(spaces(await toggle.innerText()), /^Filtres \(1 actif\)$/, "the button tells how many filters are on");
    const violations = await runAxe(page);
    assert.ok(violations.length === 0, formatViolations("recherche 390 px, filtres ouverts", violations));
    await page.close();
  });

  test("on a phone, the mobile menu shows « Référencer ma solution » once", async () => {
    const e = await env();
    const page = await open(e.mobile, `${e.site.baseUrl}/`);
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
    await page.locator("#bouton-menu").click();
    const menu = page.locator("#modal-menu");
    await menu.waitFor({ state: "visible" });
    await settle(page);
    assert.is(await menu.getByRole("link", { name: "Référencer ma solution" }).count(), 1);
    assert.is(await page.locator("header").getByRole("link", { name: "Référencer ma solution" }).count(), 1, "once in the whole header");
    await page.close();
  });

  test("on a phone, the summary and evaluation tables stack each row and stay tables for assistive technologies", async () => {
    const e = await env();
    const { solution } = listed(e).find((s) => s.solution.slug === SEARCHED_SLUG)!;
    const page = await open(e.mobile, `${e.site.baseUrl}/solutions/${solution.slug}/`);
    await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
    await openDisclosures(page);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "the page does not scroll sideways");
    // Every cell of every row, in the summary and in the evaluation, lies
    // inside the window: nothing is off-screen to the right.
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll("#synthese ~ .fr-table tbody :is(th, td), .catalogue-evaluation tbody :is(th, td)")].filter((cell) => {
        const box = cell.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth + 0.5;
      }).length,
    );
    assert.is(outside, 0, "cells beyond the window's width");
    const summary = await page.locator("#synthese ~ .fr-table table").ariaSnapshot();
    assert.ok(summary.includes('columnheader "Critères renseignés"'), "the summary stays a table");
    const table = page.locator(".catalogue-evaluation table").first();
    const referential = table.locator("tbody tr").first().locator("td").nth(2);
    assert.ok(await referential.isVisible(), "the referential is shown");
    const snapshot = await table.ariaSnapshot();
    for (const header of ["Critère", "Réponse", "Justification et preuve", "Référentiel"]) assert.ok(snapshot.includes(`columnheader "${header}"`), `column header « ${header} » in\n${snapshot.slice(0, 600)}`);
    assert.match(snapshot, /rowheader "/, "criteria are row headers");
    assert.match(snapshot, /- cell "/, "answers are cells");
    assert.not.ok(/cell "Justification et preuve/.test(snapshot), "the visual labels are not read as cell content");
    const violations = await runAxe(page);
    assert.ok(violations.length === 0, formatViolations("solution 390 px, évaluation ouverte", violations));
    await page.close();
  });

  test("on a phone, no page scrolls sideways and no table cell is off-screen", async () => {
    const e = await env();
    const page = await e.mobile.newPage();
    const problems: string[] = [];
    for (const type of pageTypes(e.site.catalogue, SEARCHED_NAME)) {
      await page.goto(`${e.site.baseUrl}${type.path}`, { waitUntil: "load" });
      if (type.path.startsWith("/recherche/")) await waitForSearch(page);
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
      await openDisclosures(page);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth} px wide`);
        const cells = [...document.querySelectorAll(".catalogue-stack tbody :is(th, td)")].filter((cell) => {
          const box = cell.getBoundingClientRect();
          return box.width > 0 && (box.left < 0 || box.right > window.innerWidth + 0.5);
        });
        if (cells.length) out.push(`${cells.length} table cells off-screen`);
        return out;
      });
      for (const problem of found) problems.push(`${type.name}: ${problem}`);
      if (["thème", "grille"].includes(type.name)) {
        const violations = await runAxe(page);
        if (violations.length) problems.push(formatViolations(`${type.name} 390 px`, violations));
      }
    }
    await page.close();
    assert.equal(problems, []);
  });

  test("the hostile fixture's markup stays text: no script, handler or javascript: link runs", async () => {
    const e = await env();
    const hostile = listed(e).find((s) => s.solution.slug === HOSTILE_SLUG);
    assert.ok(hostile, "the fixture has a hostile solution");
    const name = hostile.solution.name;
    const paths = [`/solutions/${HOSTILE_SLUG}/`, "/catalogue/", "/categories/signature-electronique/", `/themes/${e.site.catalogue.grid.themes[0]!.slug}/`, "/"];
    for (const path of paths) {
      const page = await open(e.light, `${e.site.baseUrl}${path}`);
      await assertInert(page, path);
      await page.close();
    }
    const solution = await open(e.light, `${e.site.baseUrl}/solutions/${HOSTILE_SLUG}/`);
    assert.is(await solution.locator("h1").innerText(), name, "the name is shown as text, tags included");
    // Open every accordion: justifications are inside.
    await openDisclosures(solution);
    await assertInert(solution, "solution (accordions open)");
    await solution.close();

    const search = await searchPage(e, "Piège");
    assert.ok((await resultNames(search)).includes(name), "the hostile solution is found and its name shown as text");
    await assertInert(search, "/recherche/?q=Piège");
    await search.close();
    assert.equal(e.dialogs, [], "no alert, confirm or prompt was ever opened");
  });

  async function assertInert(page: Page, where: string): Promise<void> {
    const found = await page.evaluate(() => {
      const problems: string[] = [];
      for (const script of document.querySelectorAll("script")) {
        const src = script.getAttribute("src");
        const type = script.getAttribute("type") ?? "";
        if (src !== null) {
          if (!/^\/catalogue-solutions-numeriques\/(assets|pagefind)\//.test(src)) problems.push(`script src=${src}`);
        } else if (type !== "application/json" && !script.textContent?.startsWith("/*! axe")) {
          problems.push(`inline script: ${script.textContent?.slice(0, 80)}`);
        } else if (/alert\(/.test(script.textContent ?? "")) {
          problems.push(`data script with alert(: ${script.id}`);
        }
      }
      for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) problems.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
          if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
            problems.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
          }
        }
      }
      for (const el of document.querySelectorAll("iframe, object, embed, img")) {
        if (el.tagName !== "IMG" || !/^\/catalogue-solutions-numeriques\/(assets|solutions)\//.test(el.getAttribute("src") ?? "")) problems.push(el.outerHTML.slice(0, 120));
      }
      // Tags written in the fixture's text must not have become elements.
      for (const el of document.querySelectorAll("b")) if (/^(gras|publiée)$/.test(el.textContent ?? "")) problems.push(el.outerHTML);
      return problems;
    });
    assert.equal(found, [], `${where}: active content from a contributor file`);
  }

  test("no page throws a JavaScript error", async () => {
    const e = await env();
    assert.ok(e.visited.size >= 15, `the other tests visited the pages (${e.visited.size})`);
    assert.equal(e.errors, []);
  });

  test("every page, style sheet, font, icon, script and search file a visited page asks for is found under the base path", async () => {
    const e = await env();
    assert.ok(e.visited.size >= 15, `the other tests visited the pages (${e.visited.size})`);
    assert.ok([...e.visited].every((visited) => visited.startsWith("/catalogue-solutions-numeriques/")), [...e.visited].join(" "));
    assert.equal(e.missing, []);
  });

  test("no request of any visited page leaves 127.0.0.1", async () => {
    const e = await env();
    assert.ok(e.visited.size >= 15, `the other tests visited the pages (${e.visited.size})`);
    assert.equal(e.outside, [], "requests to other hosts");
    assert.equal(e.dialogs, [], "no dialog opened on any page");
  });
}

test.run();
