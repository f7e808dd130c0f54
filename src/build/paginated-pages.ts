// The paginated pages (one per solution, and the pages of the catalogue,
// theme and category lists), rendered outside Eleventy and streamed to disk.
//
// Why: Eleventy keeps the HTML of every page it renders until the end of the
// build, and a solution page weighs ~63 KB: at 10,000 solutions the build
// held 2.6 GB, and Eleventy's per-page work (data cascade, pagination,
// permalink, bookkeeping) cost more than the rendering itself. Here each page
// is rendered, written, then forgotten: memory no longer grows with the
// number of pages, and the build renders 10,000 solutions in half the time.
// The list pages (2,300 at 10,000 solutions) go the same way: left to
// Eleventy, they cost 3.7 s and left 350 MB of garbage in the heap while
// Pagefind, in its own process, needed 900 MB to write the index.
//
// What stays the same: each page is rendered from its template file in
// src/site, front matter included, by Eleventy's own Nunjucks environment,
// handed over by the plugin when Eleventy creates it: same loader, same
// filters, autoescaping on. tests/site/paginated-pages.test.ts checks that
// every page is byte for byte what Eleventy writes.
//
// This is also the way to render one solution page alone (a preview after a
// change): `createPaginatedRenderer(...).render(entry)`.
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { load } from "js-yaml";
import type { NunjucksEngine, NunjucksTemplate } from "../eleventy/eleventy-config.ts";

export interface PageLocation {
  url: string;
  /** Path of the page inside the output folder, e.g. solutions/<slug>/index.html. */
  file: string;
}

export interface RenderedPage extends PageLocation {
  html: string;
}

export interface PaginatedRenderer {
  /** The template file. */
  template: string;
  /** What the template paginates over, taken from the global data (`pagination.data`). */
  items: readonly unknown[];
  /** Where the page of one item goes (its permalink only: cheap). */
  locate(item: unknown): PageLocation;
  /** Renders the page of one item. */
  render(item: unknown): RenderedPage;
}

interface FrontMatter {
  pagination?: { data?: unknown; size?: unknown; alias?: unknown };
  permalink?: unknown;
}

/** Splits a template file into its YAML front matter and its body, as Eleventy (gray-matter) does. */
function splitFrontMatter(text: string, file: string): { data: FrontMatter; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) throw new Error(`${file} : en-tête YAML attendu`);
  return { data: (load(match[1]!) ?? {}) as FrontMatter, body: text.slice(match[0].length) };
}

/** `a.b.c` in `data`, as Eleventy reads `pagination.data`. */
function lookup(data: Readonly<Record<string, unknown>>, dotted: string): unknown {
  let value: unknown = data;
  for (const key of dotted.split(".")) value = value !== null && typeof value === "object" && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * A renderer of the pages of `templateFile`, a template paginated one item
 * per page, with `engine` (Eleventy's Nunjucks) and `data` (the global data
 * Eleventy gives every page).
 */
export function createPaginatedRenderer(engine: NunjucksEngine, templateFile: string, data: Readonly<Record<string, unknown>>): PaginatedRenderer {
  const { environment, nunjucks } = engine;
  // Contributor values must stay escaped: refuse to render without autoescaping.
  if (environment.opts.autoescape === false) throw new Error("Nunjucks : l'échappement automatique doit rester actif");
  const { data: front, body } = splitFrontMatter(readFileSync(templateFile, "utf8"), templateFile);
  const { pagination, permalink } = front;
  // This renderer follows the front matter of the shape the site uses; a
  // template changed to another shape must be looked at, not half-followed.
  const keys = Object.keys(front).filter((key) => key !== "pagination" && key !== "permalink");
  if (typeof pagination?.data !== "string" || pagination.size !== 1 || typeof pagination.alias !== "string" || typeof permalink !== "string" || keys.length) {
    throw new Error(`${templateFile} : en-tête attendu « pagination: {data, size: 1, alias} » et « permalink » seulement`);
  }
  const items = lookup(data, pagination.data);
  if (!Array.isArray(items)) throw new Error(`${templateFile} : ${pagination.data} n'est pas une liste`);
  const alias = pagination.alias;
  const page: NunjucksTemplate = new nunjucks.Template(body, environment, templateFile, true);
  const url: NunjucksTemplate = new nunjucks.Template(permalink, environment, null, true);

  const locate = (context: Record<string, unknown>): PageLocation => {
    const pageUrl = url.render(context);
    // URLs made of slugs only ([a-z0-9-], validated or from the grid), so
    // every file lands inside the output folder.
    if (!/^\/(?:[a-z0-9-]+\/)*$/.test(pageUrl)) throw new Error(`${templateFile} : adresse de page inattendue ${JSON.stringify(pageUrl)}`);
    return { url: pageUrl, file: path.join(...pageUrl.split("/").filter(Boolean), "index.html") };
  };
  return {
    template: templateFile,
    items,
    locate: (item) => locate({ ...data, [alias]: item }),
    render(item) {
      const context: Record<string, unknown> = { ...data, [alias]: item };
      const location = locate(context);
      // `page.url` is the only field of Eleventy's `page` object the
      // templates read; a template reading another one would differ from
      // Eleventy's output, which the identity test catches.
      context.page = { url: location.url };
      return { ...location, html: page.render(context) };
    },
  };
}

/**
 * Runs `task` on each item, at most `concurrency` at a time. Every task is
 * settled before it returns or throws (the caller may then remove the
 * folder they write into); the first failure is thrown.
 */
async function eachLimited<T>(items: Iterable<T>, concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const item of items) {
    if (failure) break;
    let running: Promise<void>;
    try {
      running = task(item);
    } catch (error) {
      failure = { error };
      break;
    }
    const tracked: Promise<void> = running
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
    if (pending.size >= concurrency) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (failure) throw failure.error;
}

/** Operations on the file system in flight at once (libuv runs four at a time by default). */
const FS_CONCURRENCY = 8;

/**
 * Creates the folder of every page of `renderers` under `outputDir`, parents
 * first. On this disk, creating 10,000 folders takes seconds, and allocates
 * next to nothing: the build does it while Pagefind indexes, before the
 * pages are rendered.
 */
export async function createPageFolders(renderers: readonly PaginatedRenderer[], outputDir: string): Promise<void> {
  const folders = new Set<string>();
  for (const renderer of renderers) {
    for (const item of renderer.items) {
      for (let dir = path.dirname(renderer.locate(item).file); dir !== "."; dir = path.dirname(dir)) folders.add(dir);
    }
  }
  const byDepth: string[][] = [];
  for (const dir of folders) (byDepth[dir.split(path.sep).length - 1] ??= []).push(dir);
  await mkdir(outputDir, { recursive: true });
  for (const level of byDepth) if (level) await eachLimited(level, FS_CONCURRENCY, (dir) => mkdir(path.join(outputDir, dir), { recursive: true }).then(() => {}));
}

/**
 * Renders every page of `renderer` and writes it under `outputDir` (whose
 * page folders exist, see createPageFolders), a few writes in flight at a
 * time: rendering (CPU, this thread) overlaps writing (libuv's thread pool),
 * and only the pages in flight are held in memory. Resolves to the number of
 * pages written.
 */
export async function writePaginatedPages(renderer: PaginatedRenderer, outputDir: string): Promise<number> {
  await eachLimited(renderer.items, FS_CONCURRENCY, (item) => {
    const { file, html } = renderer.render(item);
    return writeFile(path.join(outputDir, file), html);
  });
  return renderer.items.length;
}
