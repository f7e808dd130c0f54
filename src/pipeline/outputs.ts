// The output table: every file the build writes, apart from the single pages
// Eleventy renders (src/site/*.njk) and the search index Pagefind writes.
// Each entry says which items it has, the URL of each (from src/view/urls.ts)
// and how to render it: a Nunjucks page, or a function returning bytes.
// Adding a kind of output (a JSON file per solution, a CSV, a feed, a badge)
// is one entry here; the writer (write-outputs.ts) streams them all to disk.
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildSolutionSchema } from "../lib/schema.ts";
import { schemaUrl } from "../lib/site-url.ts";
import type { ScoredSolution } from "../lib/types.ts";
import { ASSET_URLS, dsfrFileUrl, siteAssetUrl, sitePath, solutionLogoUrl, solutionUrl } from "../view/urls.ts";
import type { Chunk } from "../view/site-data.ts";
import type { BuildContext } from "./build-context.ts";
import { distDir } from "./dsfr-assets.ts";
import { logoSource } from "./logos.ts";
import { renderTemplate } from "./nunjucks.ts";

export type Content = string | Uint8Array;

export interface Output<T> {
  /** What the entry writes, for messages and counts. */
  name: string;
  /** A page of the site (counted as a page, listed in the site map of later outputs) or another file. */
  kind: "page" | "file";
  /** For a page, its template under src/site/_includes. */
  template?: string;
  items(context: BuildContext): readonly T[];
  url(item: T): string;
  render(item: T, context: BuildContext): Content | Promise<Content>;
}

/**
 * Pages rendered from `template` (under src/site/_includes) with the global
 * data, `data(item)` and `page.url`: the page's site path, as Eleventy gives
 * its own pages (without the base path).
 */
function pages<T>(name: string, template: string, items: (context: BuildContext) => readonly T[], url: (item: T) => string, data: (item: T) => object): Output<T> {
  return {
    name,
    kind: "page",
    template,
    items,
    url,
    render: (item, context) => renderTemplate(context.nunjucks, template, { ...context.data, ...data(item), page: { url: sitePath(url(item)) } }),
  };
}

/** Files copied as they are from `source(item)`. */
function copies<T>(name: string, items: (context: BuildContext) => readonly T[], url: (item: T) => string, source: (item: T, context: BuildContext) => string): Output<T> {
  return { name, kind: "file", items, url, render: (item, context) => readFile(source(item, context)) };
}

/** The files under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

type Pair = readonly [from: string, to: string];

/** schemas/solution.schema.json as this build publishes it: `$id` from the site address in effect (CATALOGUE_SITE_URL included). */
function publishedSchema(context: BuildContext): string {
  return `${JSON.stringify({ ...buildSolutionSchema(context.catalogue.grid), $id: schemaUrl() }, null, 2)}\n`;
}

export const OUTPUTS = [
  // One page per solution, withdrawn ones included (with a notice).
  pages("solution", "pages/solution.njk", (c) => c.catalogue.solutions, (entry: ScoredSolution) => solutionUrl(entry.solution.slug), (entry) => ({ entry })),
  // The lists, a page at a time (chunks computed once in src/view/site-data.ts).
  pages("catalogue", "pages/catalogue.njk", (c) => c.site.cataloguePages, (chunk: Chunk<ScoredSolution>) => chunk.url, (chunk) => ({ chunk })),
  pages("theme", "pages/theme.njk", (c) => c.site.themePages, (chunk) => chunk.url, (chunk) => ({ chunk })),
  // Each theme's ranking narrowed to one category, with the same template.
  pages("theme-category", "pages/theme.njk", (c) => c.site.themeCategoryPages, (chunk) => chunk.url, (chunk) => ({ chunk })),
  pages("category", "pages/category.njk", (c) => c.site.categoryPages, (chunk) => chunk.url, (chunk) => ({ chunk })),
  // The DSFR subset (dsfr-assets.ts): one stylesheet, one script, and the files they refer to.
  { name: "dsfr-css", kind: "file", items: () => [ASSET_URLS.dsfrCss], url: (u: string) => u, render: (_u: string, c: BuildContext) => c.dsfr.css },
  { name: "dsfr-js", kind: "file", items: () => [ASSET_URLS.dsfrJs], url: (u: string) => u, render: (_u: string, c: BuildContext) => c.dsfr.js },
  copies("dsfr-files", (c) => [...c.dsfr.files] as Pair[], ([, to]) => dsfrFileUrl(to), ([from], c) => path.join(distDir(c.projectRoot), from)),
  copies("favicon", () => [ASSET_URLS.faviconIco], (u) => u, (_u, c) => path.join(distDir(c.projectRoot), "favicon", "favicon.ico")),
  // The site's own stylesheet and scripts (src/site/assets).
  copies("site-assets", (c) => filesUnder(path.join(c.siteDir, "assets")), (file) => siteAssetUrl(file), (file, c) => path.join(c.siteDir, "assets", file)),
  // Solution logos (validated files beside each contributor file), beside the solution's page.
  copies(
    "logos",
    (c) => c.catalogue.solutions.filter((entry) => entry.solution.logo !== undefined),
    (entry) => solutionLogoUrl(entry.solution.slug, path.extname(entry.solution.logo!)),
    (entry, c) => logoSource(entry.solution, c.root),
  ),
  // The JSON Schema of solution files, for editors (« Référencer ma solution »):
  // generated from the grid like the checked-in one, named by this site's address.
  { name: "schema", kind: "file", items: () => [ASSET_URLS.schema], url: (u: string) => u, render: (_u: string, c: BuildContext) => publishedSchema(c) },
] as const satisfies readonly AnyOutput[];

// An entry's item type is its own; the table holds entries of every type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOutput = Output<any>;

export type OutputName = (typeof OUTPUTS)[number]["name"];

/** The entry named `name` (for single renders: the preview, tests). */
export function outputNamed(name: OutputName): AnyOutput {
  return OUTPUTS.find((output) => output.name === name)!;
}
