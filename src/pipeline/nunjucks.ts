// The site's one Nunjucks environment. The build creates it, registers the
// filters once, renders the output table's pages with it, and gives it to
// Eleventy (`setLibrary("njk", …)`, Eleventy's documented way to use your own
// environment: https://www.11ty.dev/docs/languages/nunjucks/), so every page
// goes through the same loader, filters and autoescaping.
import path from "node:path";
import nunjucks from "nunjucks";
import * as filters from "../view/filters/index.ts";
import type { KeyFacts } from "../view/key-facts-view.ts";
import type { SolutionViews } from "../view/solution-view.ts";
import type { ScoredSolution } from "../lib/types.ts";

export type NunjucksEnvironment = nunjucks.Environment;

/** An environment loading templates from `<siteDir>/_includes`, with the site's filters and the solution views. */
export function createNunjucksEnvironment(siteDir: string, views: SolutionViews, keyFacts: (entry: ScoredSolution) => KeyFacts): NunjucksEnvironment {
  const loader = new nunjucks.FileSystemLoader(path.join(siteDir, "_includes"));
  // Contributor values must stay escaped: autoescape is set here, explicitly.
  // `dev` keeps template stack traces in errors, as Eleventy's default does.
  const environment = new nunjucks.Environment(loader, { autoescape: true, dev: true });
  for (const [name, filter] of Object.entries(filters)) environment.addFilter(name, filter as (...args: unknown[]) => unknown);
  // Views are computed in TypeScript once per solution rather than in templates.
  environment.addFilter("solutionCard", views.card);
  environment.addFilter("solutionPage", views.page);
  environment.addFilter("keyFacts", keyFacts);
  return environment;
}

/**
 * Renders the template `name` (relative to _includes) with `context`.
 * Synchronous: no filter or tag of the site is asynchronous.
 */
export function renderTemplate(environment: NunjucksEnvironment, name: string, context: object): string {
  return environment.getTemplate(name, true).render(context);
}
