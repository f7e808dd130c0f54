// One build: load and validate the catalogue once, render the site with
// Eleventy into a temporary folder, index it with Pagefind, and only then
// swap it into place. On any failure the temporary folder is removed and the
// previous output is left as it was.
import { rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import eleventyConfig, { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import type { EleventyConfig } from "../eleventy/eleventy-config.ts";
import { buildSiteData } from "../eleventy/site-data.ts";
import { createSolutionViews } from "../eleventy/solution-view.ts";
import { loadCatalogue } from "../lib/catalogue.ts";
import type { Catalogue, Problem } from "../lib/types.ts";
import { type SearchIndexMode, writeSearchIndex } from "./search-index.ts";
import { siblingPath, swapInto } from "./swap.ts";

export interface BuildOptions {
  /** Project root holding criteria/ and docs/; defaults to the project this file belongs to. */
  root?: string;
  /** Folder of the solution files; defaults to <root>/content/solutions. */
  contentDir?: string;
  /** Output folder; defaults to <root>/_site. */
  outputDir?: string;
  searchIndex?: SearchIndexMode;
}

export interface BuildTimings {
  load: number;
  render: number;
  index: number;
  total: number;
}

export type BuildResult =
  | { ok: true; catalogue: Catalogue; problems: Problem[]; pages: number; indexed: number; outputDir: string; timings: BuildTimings }
  | { ok: false; problems: Problem[] };

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(options.root ?? PROJECT_ROOT);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));

  const { catalogue, problems } = await loadCatalogue({ root, ...(options.contentDir ? { contentDir: path.resolve(options.contentDir) } : {}) });
  if (!catalogue) return { ok: false, problems };
  const loaded = performance.now();

  const site = buildSiteData(catalogue);
  const views = createSolutionViews(site);
  const tmpDir = siblingPath(outputDir, "tmp");
  try {
    const eleventy = new Eleventy(path.relative(process.cwd(), INPUT_DIR) || ".", tmpDir, {
      // No config file lookup: the configuration is the function below,
      // called with the catalogue loaded above (never loaded twice).
      configPath: false,
      quietMode: true,
      config: (config: EleventyConfig) => eleventyConfig(config, { catalogue, root, site, views }),
    });
    const [, templates] = await eleventy.write();
    const rendered = performance.now();
    const indexed = await writeSearchIndex(tmpDir, catalogue, views, options.searchIndex ?? "records");
    const done = performance.now();
    await swapInto(tmpDir, outputDir);
    return {
      ok: true,
      catalogue,
      problems,
      pages: templates.length,
      indexed,
      outputDir,
      timings: { load: loaded - started, render: rendered - loaded, index: done - rendered, total: performance.now() - started },
    };
  } catch (error) {
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}
