// Eleventy configuration, kept thin: the catalogue plugin does the work.
//
// Eleventy 3 does not load a TypeScript config file by itself, so the build
// (src/pipeline/site-build.ts, run with tsx) passes this function to
// Eleventy's programmatic API with `configPath: false`, together with its
// Nunjucks environment and the global data. Input is src/site; the output
// folder comes from the build.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { cataloguePlugin, type CataloguePluginOptions } from "./src/eleventy/plugin.ts";

export const PROJECT_ROOT = path.dirname(fileURLToPath(import.meta.url));
export const INPUT_DIR = path.join(PROJECT_ROOT, "src", "site");

export default function eleventyConfig(config: UserConfig, options: CataloguePluginOptions): void {
  // Contributor files are data, never templates: Eleventy would otherwise let
  // their front matter choose permalink, layout or engine, or run JavaScript.
  config.ignores.add("content/**");
  // Only Nunjucks pages: the site's assets are written by the output table.
  config.setTemplateFormats(["njk"]);
  // The build prints its own summary.
  config.setQuietMode(true);
  config.setIncludesDirectory("_includes");
  config.addPlugin(cataloguePlugin, options);
}
