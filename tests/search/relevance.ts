// The search relevance set (relevance.yaml) and how it is measured: each
// query typed into the built site's search page, in a real browser, and its
// first five results read from the page. Shared by the browser test
// (tests/browser/search-relevance.test.ts) and `npm run bench:search`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import type { Page } from "playwright-core";

export const RELEVANCE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "relevance.yaml");
export const TOP = 5;

export interface RelevanceQuery {
  query: string;
  must?: string[];
  among?: string[];
  must_not?: string[];
  first?: string;
  none?: boolean;
  suggest?: string;
}

export interface QueryOutcome {
  query: RelevanceQuery;
  /** Every result's name, in the page's order. */
  names: string[];
  /** The names the page proposes (« Vouliez-vous dire : … ? »). */
  suggestions: string[];
  status: string;
}

export function loadRelevanceSet(file = RELEVANCE_FILE): RelevanceQuery[] {
  return (yaml.load(readFileSync(file, "utf8")) as { queries: RelevanceQuery[] }).queries;
}

/** The search page's answer to each query, typed in its search field as a buyer would. */
export async function runQueries(page: Page, searchUrl: string, queries: readonly RelevanceQuery[]): Promise<QueryOutcome[]> {
  await page.goto(searchUrl);
  await waitForStatus(page, "");
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    await page.locator("#recherche-input").fill(query.query);
    await waitForStatus(page, query.query);
    const names = await page.$$eval("#recherche-resultats > li h3 a", (links) => links.map((a) => (a.textContent ?? "").trim()));
    const suggestions = await page.$$eval("#recherche-suggestions a[data-suggestion]", (links) => links.map((a) => (a.textContent ?? "").trim()));
    const status = (await page.locator("#recherche-statut").innerText()).replace(/\s+/g, " ");
    outcomes.push({ query, names, suggestions, status });
  }
  return outcomes;
}

/** Waits for the status line of the search for `query` (it is written last, when the page is complete). */
async function waitForStatus(page: Page, query: string): Promise<void> {
  await page.waitForFunction((query) => {
    const status = (document.getElementById("recherche-statut")?.textContent ?? "").replace(/\s+/g, " ");
    if (/n'a pas pu/.test(status)) return true;
    if (!/^(Aucune|\d+) solutions? /.test(status)) return false;
    return query ? status.includes(`« ${query} »`) : !status.includes("«");
  }, query);
}

/** What went wrong with one query, in words (empty when it passed). */
export function failures(outcome: QueryOutcome): string[] {
  const { query, names, suggestions } = outcome;
  const top = names.slice(0, TOP);
  const problems: string[] = [];
  for (const name of query.must ?? []) if (!top.includes(name)) problems.push(`${name} absent des ${TOP} premiers`);
  for (const name of query.must_not ?? []) if (top.includes(name)) problems.push(`${name} parmi les ${TOP} premiers`);
  if (query.among) for (const name of top) if (!query.among.includes(name)) problems.push(`${name} inattendu parmi les ${TOP} premiers`);
  if (query.first && names[0] !== query.first) problems.push(`${query.first} attendu en premier, trouvé ${names[0] ?? "rien"}`);
  if (query.none && names.length) problems.push(`aucun résultat attendu, trouvé ${names.length}`);
  if (query.suggest && !suggestions.includes(query.suggest)) problems.push(`suggestion ${query.suggest} absente (${suggestions.join(", ") || "aucune"})`);
  return problems;
}

export interface Metrics {
  /** Share of the expected solutions (must, first) found in the first five, over every query that expects some. */
  recallAt5: number;
  /** Mean over the queries that name relevant solutions of 1 / rank of the first relevant result (0 if none). */
  mrr: number;
  passed: number;
  total: number;
}

export function metrics(outcomes: readonly QueryOutcome[]): Metrics {
  let expected = 0;
  let found = 0;
  let reciprocal = 0;
  let ranked = 0;
  for (const outcome of outcomes) {
    const { query, names } = outcome;
    const top = names.slice(0, TOP);
    const wanted = [...(query.must ?? []), ...(query.first ? [query.first] : [])];
    expected += wanted.length;
    found += wanted.filter((name) => top.includes(name)).length;
    const relevant = new Set([...wanted, ...(query.among ?? [])]);
    if (relevant.size) {
      ranked++;
      const rank = names.findIndex((name) => relevant.has(name));
      reciprocal += rank < 0 ? 0 : 1 / (rank + 1);
    }
  }
  const passed = outcomes.filter((o) => failures(o).length === 0).length;
  return { recallAt5: expected ? found / expected : 1, mrr: ranked ? reciprocal / ranked : 1, passed, total: outcomes.length };
}
