// One build: load and validate the catalogue once, render the site into a
// temporary folder, index it with Pagefind, and only then swap it into
// place. On any failure the temporary folder is removed and the previous
// output is left as it was.
//
// How the work is laid out (measured with `npm run bench`, see README,
// « Performances »):
// - Eleventy renders every page but the solution pages; the build streams
//   those to disk itself with Eleventy's Nunjucks environment
//   (solution-pages.ts), as Eleventy would hold all of them in memory;
// - the search index is built from records, which need only the catalogue,
//   so Pagefind (a separate process) indexes while the pages are rendered.
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import eleventyConfig, { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import type { EleventyConfig, NunjucksEngine } from "../eleventy/eleventy-config.ts";
import { globalData, SOLUTION_TEMPLATE } from "../eleventy/plugin.ts";
import { buildSiteData } from "../eleventy/site-data.ts";
import { createSolutionViews, type SolutionViews } from "../eleventy/solution-view.ts";
import { loadCatalogue } from "../lib/catalogue.ts";
import type { Catalogue, Problem } from "../lib/types.ts";
import { type SearchIndexMode, writeSearchIndex } from "./search-index.ts";
import { createSolutionPageRenderer, writeSolutionPages } from "./solution-pages.ts";
import { siblingPath, swapInto } from "./swap.ts";

/** Who renders the solution pages: the build, streaming them (default), or Eleventy with the rest (for comparison and tests). */
export type SolutionPagesMode = "stream" | "eleventy";

export interface BuildOptions {
  /** Project root holding criteria/ and docs/; defaults to the project this file belongs to. */
  root?: string;
  /** Folder of the solution files; defaults to <root>/content/solutions. */
  contentDir?: string;
  /** Output folder; defaults to <root>/_site. */
  outputDir?: string;
  searchIndex?: SearchIndexMode;
  solutionPages?: SolutionPagesMode;
}

/** Milliseconds. `index` runs alongside `pages` and `solutions` when indexing records; `indexWait` is what the build waited for it afterwards. */
export interface BuildTimings {
  load: number;
  /** The pages Eleventy renders (all of them with `solutionPages: "eleventy"`), assets included. */
  pages: number;
  /** The solution pages streamed by the build. */
  solutions: number;
  index: number;
  indexWait: number;
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
function buildViews(site: ReturnType<typeof buildSiteData>): SolutionViews {
  const shared = createSolutionViews(site);
  return { card: shared.card, search: shared.search, page: (entry) => createSolutionViews(site).page(entry) };
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(options.root ?? PROJECT_ROOT);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));
  const mode = options.searchIndex ?? "records";
  const separate = (options.solutionPages ?? "stream") === "stream";

  const { catalogue, problems } = await loadCatalogue({ root, ...(options.contentDir ? { contentDir: path.resolve(options.contentDir) } : {}) });
  if (!catalogue) return { ok: false, problems };
  const loaded = performance.now();

  const site = buildSiteData(catalogue);
  const views = buildViews(site);
  const tmpDir = siblingPath(outputDir, "tmp");
  let indexing: Promise<{ count: number; ms: number }> | undefined;
  const index = async () => {
    const start = performance.now();
    const count = await writeSearchIndex(tmpDir, catalogue, views, mode);
    return { count, ms: performance.now() - start };
  };
  try {
    // Records need no page: Pagefind indexes them while the pages render.
    if (mode === "records") {
      indexing = index();
      indexing.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    }
    let engine: NunjucksEngine | undefined;
    const eleventy = new Eleventy(path.relative(process.cwd(), INPUT_DIR) || ".", tmpDir, {
      // No config file lookup: the configuration is the function below,
      // called with the catalogue loaded above (never loaded twice).
      configPath: false,
      quietMode: true,
      config: (config: EleventyConfig) =>
        eleventyConfig(config, {
          catalogue,
          root,
          site,
          views,
          solutionPages: separate ? "separate" : "eleventy",
          onNunjucks: (found) => (engine = found),
        }),
    });
    const [, templates] = await eleventy.write();
    const rendered = performance.now();
    let pages = templates.length;
    if (separate) {
      if (!engine) throw new Error("Eleventy n'a pas créé son environnement Nunjucks");
      const renderer = createSolutionPageRenderer(engine, path.join(INPUT_DIR, SOLUTION_TEMPLATE), globalData({ catalogue, site, projectRoot: PROJECT_ROOT }));
      pages += await writeSolutionPages(renderer, catalogue.solutions, tmpDir);
    }
    const streamed = performance.now();
    const { count: indexed, ms: indexMs } = await (indexing ?? index());
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
        pages: rendered - loaded,
        solutions: streamed - rendered,
        index: indexMs,
        indexWait: done - streamed,
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
