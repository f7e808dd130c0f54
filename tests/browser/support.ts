// Shared harness of the browser tests: Chromium (Debian's by default, or the
// one CATALOGUE_CHROMIUM names) driven by playwright-core, a fixture catalogue built with the project's own build
// into a temporary folder, the project's static server on an ephemeral port
// of 127.0.0.1, and axe-core injected into pages.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Result as AxeViolation, RunOptions } from "axe-core";
import { type Browser, type Page, chromium } from "playwright-core";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { createStaticServer } from "../../src/pipeline/serve.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";
import type { Catalogue } from "../../src/lib/types.ts";
import { BASE } from "../helpers.ts";

export type { AxeViolation };

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The fixture solutions; the grid and docs are the project's own (criteria/, docs/). */
export const FIXTURE_CONTENT = path.join(PROJECT_ROOT, "tests", "fixtures", "browser", "content", "solutions");

/** Debian's Chromium (package chromium), used unless CATALOGUE_CHROMIUM names another executable. */
export const CHROMIUM_PATH = "/usr/bin/chromium";
/** The setting that names the browser, e.g. /usr/bin/google-chrome on GitHub's hosted Ubuntu runners. */
export const CHROMIUM_SETTING = "CATALOGUE_CHROMIUM";

/** The Chromium executable the browser tests drive. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env[CHROMIUM_SETTING] || CHROMIUM_PATH;
}
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type ChromiumCheck = { status: "ready" } | { status: "skip" | "fail"; message: string };

/**
 * Whether the browser tests can run. Without Chromium they are skipped on a
 * developer's machine, but they fail in CI, where `.ci/run` installs it (or
 * the workflow names the runner's own browser): a missing browser there must
 * never look like a pass.
 */
export function checkChromium(env: NodeJS.ProcessEnv = process.env, executable = chromiumPath(env)): ChromiumCheck {
  if (existsSync(executable)) return { status: "ready" };
  const message = env[CHROMIUM_SETTING]
    ? `Chromium introuvable (${executable}, donné par ${CHROMIUM_SETTING}) : corrigez ce chemin, ou retirez la variable pour utiliser le Chromium de Debian (${CHROMIUM_PATH}).`
    : `Chromium introuvable (${executable}) : installez le paquet Debian « chromium » (apt-get install chromium), ou indiquez un autre navigateur Chromium dans ${CHROMIUM_SETTING}.`;
  return env.CI === "true" ? { status: "fail", message: `${message} En CI (CI=true), les tests navigateur doivent s'exécuter.` } : { status: "skip", message: `${message} Tests navigateur ignorés.` };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export interface FixtureSite {
  outputDir: string;
  catalogue: Catalogue;
  /** The site's address, under its base path (package.json's, tests/helpers.ts), without the final "/". */
  baseUrl: string;
  close(): Promise<void>;
}

/** Builds the fixture catalogue into a temporary folder and serves it on 127.0.0.1 (ephemeral port). */
export async function startFixtureSite(): Promise<FixtureSite> {
  const tmp = await mkdtemp(path.join(tmpdir(), "catalogue-browser-"));
  const outputDir = path.join(tmp, "site");
  try {
    const result = await buildSite({ root: PROJECT_ROOT, contentDir: FIXTURE_CONTENT, outputDir });
    if (!result.ok) {
      const lines = result.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.field}  ${p.message}`);
      throw new Error(`the browser fixture does not validate:\n${lines.join("\n")}`);
    }
    const server = createStaticServer(outputDir);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      outputDir,
      catalogue: result.catalogue,
      baseUrl: `http://127.0.0.1:${port}${BASE}`,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await rm(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  } finally {
    // Pagefind runs as a service process: stop it, or Node never exits.
    await closeSearchIndex();
  }
}

// --- Pages -------------------------------------------------------------

export interface PageType {
  name: string;
  path: string;
}

/** One URL per kind of page of the site, for the fixture catalogue. */
export function pageTypes(catalogue: Catalogue, searchQuery: string): PageType[] {
  const solution = catalogue.listed.find((e) => e.solution.logo) ?? catalogue.listed[0]!;
  const theme = catalogue.grid.themes[0]!;
  const category = solution.solution.categories[0]!;
  return [
    { name: "accueil", path: "/" },
    { name: "catalogue", path: "/catalogue/" },
    { name: "solution", path: `/solutions/${solution.solution.slug}/` },
    { name: "thèmes", path: "/themes/" },
    { name: "thème", path: `/themes/${theme.slug}/` },
    { name: "thème et catégorie", path: `/themes/${theme.slug}/${category}/` },
    { name: "catégories", path: "/categories/" },
    { name: "catégorie", path: `/categories/${category}/` },
    { name: "grille", path: "/criteres/" },
    { name: "méthodologie", path: "/methodologie/" },
    { name: "référencer", path: "/referencer/" },
    { name: "FAQ", path: "/faq/" },
    { name: "à propos", path: "/a-propos/" },
    { name: "mentions légales", path: "/mentions-legales/" },
    { name: "accessibilité", path: "/accessibilite/" },
    { name: "données personnelles", path: "/donnees-personnelles/" },
    { name: "plan du site", path: "/plan-du-site/" },
    { name: "recherche avec résultats", path: `/recherche/?q=${encodeURIComponent(searchQuery)}` },
    { name: "page introuvable", path: "/cette-page-n-existe-pas/" },
  ];
}

/**
 * Waits until the search page has answered: its status line gives a count
 * and the result list holds that many items (the first page of 20 at most).
 * The script fills the list before the status (a live region, which must
 * announce what is already there); both are checked all the same.
 */
export async function waitForSearch(page: Page, expect: { query?: string; filters?: number } = {}): Promise<void> {
  await page.waitForFunction(
    ({ query, filters }) => {
      // French typography puts no-break spaces inside « » and before « : ».
      const status = (document.getElementById("recherche-statut")?.textContent ?? "").replace(/\s+/g, " ");
      if (/n'a pas pu/.test(status)) return true;
      const match = /^(Aucune|\d+) solutions? trouvées?/.exec(status);
      if (!match) return false;
      if (query !== undefined && (query ? !status.includes(`« ${query} »`) : status.includes("«"))) return false;
      if (filters !== undefined && (filters ? !status.includes(`avec ${filters} filtre`) : status.includes("filtre"))) return false;
      const total = match[1] === "Aucune" ? 0 : Number(match[1]);
      return document.querySelectorAll("#recherche-resultats > li").length === Math.min(total, 20);
    },
    { query: expect.query, filters: expect.filters },
  );
}

/**
 * Waits until no CSS transition or animation runs (DSFR modals and
 * accordions fade and slide) and no DSFR collapse is still marked
 * `fr-collapsing` (it keeps its height until then, up to 500 ms).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector(".fr-collapsing") &&
      document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

// --- axe-core ----------------------------------------------------------

const AXE_SOURCE = readFileSync(path.join(PROJECT_ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
const AXE_OPTIONS: RunOptions = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } };

/** Runs axe-core (WCAG 2.2 A and AA rules: 2.0, 2.1 and 2.2 tags) on the whole page, or on the element `selector` designates. */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    async ({ selector, options }) => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const context = selector ? document.querySelector(selector) : document;
      if (!context) throw new Error(`axe: no element matches ${selector}`);
      const results = await axe.run(context as Element | Document, options);
      return results.violations;
    },
    { selector, options: AXE_OPTIONS },
  );
}

/**
 * axe only checks what is shown. Opens every collapsed DSFR accordion, so
 * that one more axe run covers their content. A group of accordions keeps
 * one open at a time unless `data-fr-group="false"` (DSFR's own switch,
 * observed by its script): the test sets it first. Returns how many were opened.
 */
export async function openDisclosures(page: Page): Promise<number> {
  // Clicked from the page (HTMLElement.click, which DSFR handles as any
  // click): Playwright's own click would wait for each slide to end.
  const ids = await page.evaluate(() => {
    for (const group of document.querySelectorAll(".fr-accordions-group")) group.setAttribute("data-fr-group", "false");
    const buttons = [...document.querySelectorAll<HTMLButtonElement>("button.fr-accordion__btn[aria-controls][aria-expanded='false']")].filter((b) => b.getClientRects().length > 0);
    for (const button of buttons) button.click();
    return buttons.map((b) => b.getAttribute("aria-controls") ?? "");
  });
  if (ids.length) {
    await page.waitForFunction(
      (ids) => ids.every((id) => document.getElementById(id)?.classList.contains("fr-collapse--expanded")),
      ids,
    );
    await settle(page);
  }
  return ids.length;
}

/** Both runs' violations, each rule once and each of its nodes once. */
export function mergeViolations(first: readonly AxeViolation[], second: readonly AxeViolation[]): AxeViolation[] {
  const byRule = new Map<string, AxeViolation>();
  for (const v of [...first, ...second]) {
    const known = byRule.get(v.id);
    if (!known) {
      byRule.set(v.id, { ...v, nodes: [...v.nodes] });
      continue;
    }
    const targets = new Set(known.nodes.map((n) => n.target.join(" ")));
    for (const node of v.nodes) if (!targets.has(node.target.join(" "))) known.nodes.push(node);
  }
  return [...byRule.values()];
}

/** Violations in a form a person can act on: rule, impact, help link, and each node's selector, markup and summary. */
export function formatViolations(label: string, violations: readonly AxeViolation[]): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`${label} — ${v.id} (${v.impact ?? "?"}) : ${v.help}  ${v.helpUrl}`);
    for (const node of v.nodes) {
      lines.push(`    ${node.target.join(" ")}`);
      lines.push(`      ${node.html.replace(/\s+/g, " ").slice(0, 300)}`);
      if (node.failureSummary) lines.push(`      ${node.failureSummary.replace(/\s*\n\s*/g, " | ")}`);
    }
  }
  return lines.join("\n");
}

/** A percentage as the site prints it, e.g. 0.375 -> "38 %" (compare after `spaces`). */
export function frenchPercent(ratio: number): string {
  return `${Math.round(ratio * 100 + 1e-9)} %`;
}

/** Text with every run of white space (no-break and narrow no-break ones included) as one plain space. */
export function spaces(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
