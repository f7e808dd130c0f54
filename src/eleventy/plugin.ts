// The catalogue plugin: everything the site registers with Eleventy, in one
// place. The catalogue arrives already loaded and validated (src/build/build.ts
// loads it once); contributor files are never Eleventy input.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Catalogue } from "../lib/types.ts";
import { buildDsfrAssets, distDir, DSFR_OUTPUT_DIR } from "./dsfr-assets.ts";
import type { EleventyConfig, NunjucksEngine } from "./eleventy-config.ts";
import * as filters from "./filters/index.ts";
import { copyLogos, logoCopies } from "./logos.ts";
import type { SiteData } from "./site-data.ts";
import { searchConfig, type SolutionViews } from "./solution-view.ts";

export interface CataloguePluginOptions {
  catalogue: Catalogue;
  /** Root of the data (criteria/, content/): where solution files, hence logos, are found. */
  root: string;
  /** Root of the project: holds node_modules/ (the DSFR) and docs/. */
  projectRoot: string;
  /** The Eleventy input folder (src/site), scanned for the DSFR icons it uses. */
  siteDir: string;
  /** Derived once from the catalogue by the build (see site-data.ts). */
  site: SiteData;
  /** Per-solution views, shared with the search index so both show the same data. */
  views: SolutionViews;
  /**
   * Paginated templates (paths relative to `siteDir`) the build renders
   * itself, streaming their pages to disk with Eleventy's own Nunjucks
   * environment (src/build/paginated-pages.ts), since Eleventy keeps every
   * page it renders in memory until the end. Eleventy skips them.
   */
  renderedByBuild?: readonly string[];
  /** Receives Eleventy's Nunjucks environment when Eleventy creates it. */
  onNunjucks?: (engine: NunjucksEngine) => void;
}

/** The site's accessibility status, shown in the footer and on /accessibilite/. No audit has been made yet. */
export const ACCESSIBILITY_STATUS = "non conforme";

/**
 * The global data of every page. The catalogue is the only source of
 * solution data; `site` holds what is derived from it once (labels, themes,
 * categories, page chunks). Pages the build renders itself get the same.
 */
export function globalData(options: Pick<CataloguePluginOptions, "catalogue" | "projectRoot" | "site">): Record<string, unknown> {
  // docs/methodologie.md is maintained in the repository; it is read at build
  // time and rendered through the same safe Markdown renderer.
  const methodologie = path.join(options.projectRoot, "docs", "methodologie.md");
  return {
    catalogue: options.catalogue,
    site: options.site,
    searchConfig: searchConfig(options.site),
    accessibilityStatus: ACCESSIBILITY_STATUS,
    methodologie: existsSync(methodologie) ? readFileSync(methodologie, "utf8") : "",
  };
}

export function cataloguePlugin(eleventyConfig: EleventyConfig, options: CataloguePluginOptions): void {
  const { catalogue, root, projectRoot, siteDir, views } = options;

  // --- Global data -------------------------------------------------------
  for (const [name, value] of Object.entries(globalData(options))) eleventyConfig.addGlobalData(name, value);

  // --- Pages rendered by the build ---------------------------------------
  // See `renderedByBuild`: Eleventy skips their templates and hands over its
  // Nunjucks environment, so those pages go through the very templates,
  // filters and autoescaping it uses. (Ignores are relative to the working
  // directory, like the input folder the build gives Eleventy.)
  for (const template of options.renderedByBuild ?? []) {
    eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(siteDir, template)).split(path.sep).join("/"));
  }
  if (options.onNunjucks) eleventyConfig.on("eleventy.engine.njk", options.onNunjucks);

  // --- Filters -----------------------------------------------------------
  // Pure filters, one per file in filters/; then the views of a solution,
  // computed in TypeScript once per solution.
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter as (...args: never[]) => unknown);
  eleventyConfig.addFilter("solutionCard", views.card as (...args: never[]) => unknown);
  eleventyConfig.addFilter("solutionPage", views.page as (...args: never[]) => unknown);

  // --- Passthrough -------------------------------------------------------
  // The DSFR fonts, icons, pictograms and favicons the bundle refers to, and
  // the site's own assets (src/site/assets). The DSFR bundle itself, built in
  // memory, and the solution logos are written once Eleventy is done.
  const dsfr = buildDsfrAssets(projectRoot, siteDir);
  const dist = distDir(projectRoot);
  const copies: Record<string, string> = {};
  for (const [from, to] of dsfr.files) copies[path.relative(process.cwd(), path.join(dist, from))] = `${DSFR_OUTPUT_DIR}/${to}`;
  copies[path.relative(process.cwd(), path.join(dist, "favicon", "favicon.ico"))] = "favicon.ico";
  copies[path.relative(process.cwd(), path.join(siteDir, "assets"))] = "assets";
  eleventyConfig.addPassthroughCopy(copies);

  const logos = logoCopies(catalogue, root);
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const target = path.join(directories.output, DSFR_OUTPUT_DIR);
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, "dsfr.min.css"), dsfr.css);
    await writeFile(path.join(target, "dsfr.module.min.js"), dsfr.js);
    await copyLogos(logos, directories.output);
  });
}
