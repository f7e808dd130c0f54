// Renders single pages without building the site: after a change to one
// solution file, its page in a few milliseconds, where a full build takes
// the whole catalogue's time. It renders the output table's own entry for
// solution pages, with the same context as the build: same templates,
// filters and data, so the page is byte for byte the one the build writes.
import { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import type { Catalogue, ScoredSolution } from "../lib/types.ts";
import { createBuildContext } from "./build-context.ts";
import { outputNamed } from "./outputs.ts";

export interface RenderedPage {
  url: string;
  html: string;
}

export interface PagePreview {
  /** The page of the solution `slug`, or undefined when the catalogue has none. */
  solutionPage(slug: string): RenderedPage | undefined;
}

/** Prepares the rendering of single pages of `catalogue` (loaded once by the caller; `root` is where its solution files live). */
export function createPagePreview(catalogue: Catalogue, options: { root: string }): PagePreview {
  const context = createBuildContext(catalogue, { root: options.root, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });
  const output = outputNamed("solution");
  const bySlug = new Map<string, ScoredSolution>();
  for (const entry of catalogue.solutions) bySlug.set(entry.solution.slug, entry);
  return {
    solutionPage(slug) {
      const entry = bySlug.get(slug);
      return entry ? { url: output.url(entry), html: output.render(entry, context) as string } : undefined;
    },
  };
}
