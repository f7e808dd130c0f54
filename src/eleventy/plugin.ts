// Registration with Eleventy, and nothing else. Eleventy renders the site's
// single pages (home, grid, methodology, legal pages…: the templates in
// src/site); the build (src/pipeline) renders everything else from its
// output table. The catalogue arrives already loaded and validated, and
// contributor files are never Eleventy input.
import type { UserConfig } from "@11ty/eleventy";
import type { NunjucksEnvironment } from "../pipeline/nunjucks.ts";

export interface CataloguePluginOptions {
  /** The build's Nunjucks environment: its loader, filters and autoescaping serve every page. */
  nunjucks: NunjucksEnvironment;
  /** The data every page receives (src/view/global-data.ts). */
  data: Record<string, unknown>;
}

export function cataloguePlugin(eleventyConfig: UserConfig, options: CataloguePluginOptions): void {
  // --- Template language ---------------------------------------------------
  // One environment for the whole site, filters registered on it by the build.
  eleventyConfig.setLibrary("njk", options.nunjucks);

  // --- Global data ---------------------------------------------------------
  for (const [name, value] of Object.entries(options.data)) eleventyConfig.addGlobalData(name, value);
}
