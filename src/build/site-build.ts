// One build: load and validate the catalogue once, render the site into a
// temporary folder, index it with Pagefind, and only then swap it into
// place. On any failure the temporary folder is removed and the previous
// output is left as it was.
//
// How the work is laid out (measured with `npm run bench`, see README,
// « Performances »; figures at 10,000 solutions):
// - Eleventy renders the pages that are not paginated (home, grid,
//   methodology…); the build streams the paginated ones (solutions and the
//   lists, one page per item) to disk itself, with Eleventy's Nunjucks
//   environment (paginated-pages.ts): Eleventy would hold all of them in
//   memory (2.6 GB);
// - the search index is built from records, which need only the catalogue:
//   Pagefind (a separate process) indexes them as soon as the catalogue is
//   loaded, while Eleventy renders its pages and the build creates the
//   12,000 page folders (seconds of disk work that allocate nothing);
// - the paginated pages are rendered only once the index is written and
//   Pagefind's process stopped. Pagefind needs ~900 MB to write the index
//   (and keeps it until its process ends); rendering leaves up to ~600 MB of
//   garbage in V8's old generation before a full collection (V8 pretenures
//   the strings the templates build). At the same time they made 1.6 GB;
//   one after the other, 1.25 GB, for 4 to 5 s more.
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import eleventyConfig, { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import type { EleventyConfig, NunjucksEngine } from "../eleventy/eleventy-config.ts";
import { globalData } from "../eleventy/plugin.ts";
import { buildSiteData, type SiteData } from "../eleventy/site-data.ts";
import { createSolutionViews, type SolutionViews } from "../eleventy/solution-view.ts";
import { loadCatalogue } from "../lib/catalogue.ts";
import type { Catalogue, Problem } from "../lib/types.ts";
import { closeSearchIndex, type SearchIndexMode, writeSearchIndex } from "./search-index.ts";
import { createPageFolders, createPaginatedRenderer, type PaginatedRenderer, writePaginatedPages } from "./paginated-pages.ts";
import { siblingPath, swapInto } from "./swap.ts";

/** Who renders the paginated pages: the build, streaming them (default), or Eleventy with the rest (for comparison and tests). */
export type PagesMode = "stream" | "eleventy";

/** The template of solution pages, in src/site. */
export const SOLUTION_TEMPLATE = "solution.njk";

/** The paginated templates of src/site, which the build renders itself (see paginated-pages.ts). */
export const STREAMED_TEMPLATES: readonly string[] = [SOLUTION_TEMPLATE, "catalogue.njk", "theme.njk", "category.njk"];

export interface BuildOptions {
  /** Project root holding criteria/ and docs/; defaults to the project this file belongs to. */
  root?: string;
  /** Folder of the solution files; defaults to <root>/content/solutions. */
  contentDir?: string;
  /** Output folder; defaults to <root>/_site. */
  outputDir?: string;
  searchIndex?: SearchIndexMode;
  pages?: PagesMode;
}

/** Milliseconds, in the order of the build. */
export interface BuildTimings {
  load: number;
  /** The pages Eleventy renders (all of them with `pages: "eleventy"`), assets included. */
  eleventy: number;
  /** Creating the folders of the streamed pages. */
  folders: number;
  /** Building the search index, from its start (with records, alongside `eleventy` and `folders`). */
  index: number;
  /** Time the build spent waiting for the index, with nothing else to do. */
  indexWait: number;
  /** Rendering and writing the streamed pages. */
  stream: number;
  swap: number;
  total: number;
}

export type BuildResult =
  | { ok: true; catalogue: Catalogue; problems: Problem[]; pages: number; indexed: number; outputDir: string; timings: BuildTimings }
  | { ok: false; problems: Problem[] };

/**
 * The views the build shares between Eleventy and the search index. Cards
 * are cached (a card shows on several list pages); page views are not: each
 * solution page is rendered once, and a cached view per solution (its
 * evaluation rows) would be kept for the whole build.
 */
export function buildViews(site: SiteData): SolutionViews {
  const shared = createSolutionViews(site);
  return { card: shared.card, search: shared.search, page: (entry) => createSolutionViews(site).page(entry) };
}

interface EleventyRun {
  catalogue: Catalogue;
  root: string;
  site: SiteData;
  views: SolutionViews;
  outputDir: string;
  renderedByBuild: readonly string[];
  dryRun?: boolean;
}

/** Runs Eleventy on src/site; resolves to the number of pages it wrote and its Nunjucks environment. */
export async function runEleventy(run: EleventyRun): Promise<{ pages: number; engine: NunjucksEngine | undefined }> {
  let engine: NunjucksEngine | undefined;
  const eleventy = new Eleventy(path.relative(process.cwd(), INPUT_DIR) || ".", run.outputDir, {
    // No config file lookup: the configuration is the function below,
    // called with the catalogue loaded by the caller (never loaded twice).
    configPath: false,
    quietMode: true,
    dryRun: run.dryRun ?? false,
    config: (config: EleventyConfig) =>
      eleventyConfig(config, {
        catalogue: run.catalogue,
        root: run.root,
        site: run.site,
        views: run.views,
        renderedByBuild: run.renderedByBuild,
        onNunjucks: (found) => (engine = found),
      }),
  });
  const [, templates] = await eleventy.write();
  return { pages: templates.length, engine };
}

/** Renderers of the given paginated templates, with Eleventy's environment and the global data Eleventy gives its pages. */
export function pageRenderers(engine: NunjucksEngine | undefined, templates: readonly string[], data: { catalogue: Catalogue; site: SiteData }): PaginatedRenderer[] {
  if (!engine) throw new Error("Eleventy n'a pas créé son environnement Nunjucks");
  const global = globalData({ ...data, projectRoot: PROJECT_ROOT });
  return templates.map((template) => createPaginatedRenderer(engine, path.join(INPUT_DIR, template), global));
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(options.root ?? PROJECT_ROOT);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  const mode = options.searchIndex ?? "records";
  const streamed = (options.pages ?? "stream") === "stream" ? STREAMED_TEMPLATES : [];

  const { catalogue, problems } = await loadCatalogue({ root, ...(options.contentDir ? { contentDir: path.resolve(options.contentDir) } : {}) });
  if (!catalogue) return { ok: false, problems };
  const loaded = performance.now();

  const site = buildSiteData(catalogue);
  const views = buildViews(site);
  const tmpDir = siblingPath(outputDir, "tmp");
  let indexing: Promise<{ count: number; ms: number }> | undefined;
  const index = async () => {
    const start = performance.now();
    try {
      const count = await writeSearchIndex(tmpDir, catalogue, views, mode);
      return { count, ms: performance.now() - start };
    } finally {
      // Pagefind's process keeps the memory it used until it ends. (It is
      // one process for all of Node: builds in one process run one at a time.)
      await closeSearchIndex();
    }
  };
  try {
    // Records need no page: Pagefind starts at once (see the top of this file).
    if (mode === "records") {
      indexing = index();
      indexing.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    }
    const eleventy = await runEleventy({ catalogue, root, site, views, outputDir: tmpDir, renderedByBuild: streamed });
    const rendered = performance.now();
    let renderers: PaginatedRenderer[] = [];
    if (streamed.length) {
      renderers = pageRenderers(eleventy.engine, streamed, { catalogue, site });
      await createPageFolders(renderers, tmpDir);
    }
    const foldered = performance.now();
    const recorded = indexing ? await indexing : undefined;
    const waited = performance.now();
    let pages = eleventy.pages;
    for (const renderer of renderers) pages += await writePaginatedPages(renderer, tmpDir);
    const written = performance.now();
    // Crawling the HTML (--search-index html) needs the pages first.
    const { count: indexed, ms: indexMs } = recorded ?? (await index());
    const done = performance.now();
    await swapInto(tmpDir, outputDir);
    const end = performance.now();
    return {
      ok: true,
      catalogue,
      problems,
      pages,
      indexed,
      outputDir,
      timings: {
        load: loaded - started,
        eleventy: rendered - loaded,
        folders: foldered - rendered,
        index: indexMs,
        indexWait: recorded ? waited - foldered : done - written,
        stream: written - waited,
        swap: end - done,
        total: end - started,
      },
    };
  } catch (error) {
    // Let the indexing finish (or fail) before removing the folder it writes into.
    if (indexing) await indexing.catch(() => {});
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}
