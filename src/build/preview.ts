// Renders single pages without building the site: after a change to one
// solution file, its page in a fraction of a second, where a full build (or
// Eleventy's --incremental, which re-renders every page of a paginated
// template) takes the whole catalogue's time. Same renderer as the build
// (paginated-pages.ts): Eleventy's Nunjucks environment, obtained from a dry
// run of Eleventy (it renders the dozen non-paginated pages, in memory only).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildSiteData } from "../eleventy/site-data.ts";
import type { Catalogue, ScoredSolution } from "../lib/types.ts";
import type { PaginatedRenderer, RenderedPage } from "./paginated-pages.ts";
import { buildViews, pageRenderers, runEleventy, SOLUTION_TEMPLATE, STREAMED_TEMPLATES } from "./site-build.ts";

export interface PagePreview {
  /** The page of the solution `slug`, or undefined when the catalogue has none. */
  solutionPage(slug: string): RenderedPage | undefined;
}

/**
 * Prepares the rendering of single pages of `catalogue` (loaded once by the
 * caller; `root` is where its solution files, hence logos, live).
 */
export async function createPagePreview(catalogue: Catalogue, options: { root: string }): Promise<PagePreview> {
  const site = buildSiteData(catalogue);
  const views = buildViews(site);
  // A dry run writes no page, but the plugin's end-of-build step still writes
  // the DSFR bundle: give it a throwaway folder.
  const scratch = await mkdtemp(path.join(os.tmpdir(), "catalogue-preview-"));
  let renderer: PaginatedRenderer;
  try {
    const { engine } = await runEleventy({ catalogue, root: path.resolve(options.root), site, views, outputDir: scratch, renderedByBuild: STREAMED_TEMPLATES, dryRun: true });
    [renderer] = pageRenderers(engine, [SOLUTION_TEMPLATE], { catalogue, site }) as [PaginatedRenderer];
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const bySlug = new Map<string, ScoredSolution>();
  for (const entry of catalogue.solutions) bySlug.set(entry.solution.slug, entry);
  return {
    solutionPage(slug) {
      const entry = bySlug.get(slug);
      return entry ? renderer.render(entry) : undefined;
    },
  };
}
