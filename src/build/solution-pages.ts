// Solution pages, rendered outside Eleventy and streamed to disk.
//
// Why: Eleventy keeps the HTML of every page it renders until the end of the
// build, and a solution page weighs ~63 KB: 10,000 of them held 2.6 GB. Its
// per-page work (data cascade, permalink, bookkeeping) also cost more than
// the rendering itself. Here each page is rendered and written, then
// forgotten; memory no longer grows with the number of solutions.
//
// What stays the same: the page is rendered from the same template file
// (src/site/solution.njk, front matter included) by Eleventy's own Nunjucks
// environment, handed over by the plugin when Eleventy creates it: same
// loader, same filters, autoescaping on. tests/site/solution-pages.test.ts
// checks that the HTML is byte for byte what Eleventy writes.
//
// This is also the way to render one solution page alone (a preview after a
// change): `createSolutionPageRenderer(...).render(entry)`.
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { load } from "js-yaml";
import type { NunjucksEngine, NunjucksTemplate } from "../eleventy/eleventy-config.ts";
import type { ScoredSolution } from "../lib/types.ts";

export interface RenderedPage {
  url: string;
  /** Path of the page inside the output folder, e.g. solutions/<slug>/index.html. */
  file: string;
  html: string;
}

export interface SolutionPageRenderer {
  render(entry: ScoredSolution): RenderedPage;
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

/**
 * A renderer of solution pages from `templateFile` (the paginated template
 * Eleventy would render), with `engine` (Eleventy's Nunjucks) and `data`
 * (the global data Eleventy gives every page).
 */
export function createSolutionPageRenderer(engine: NunjucksEngine, templateFile: string, data: Readonly<Record<string, unknown>>): SolutionPageRenderer {
  const { environment, nunjucks } = engine;
  // Contributor values must stay escaped: refuse to render without autoescaping.
  if (environment.opts.autoescape === false) throw new Error("Nunjucks : l'échappement automatique doit rester actif");
  const { data: front, body } = splitFrontMatter(readFileSync(templateFile, "utf8"), templateFile);
  const { pagination, permalink } = front;
  // The renderer does what this front matter says for the shape it has now;
  // a template changed to another shape must be looked at, not half-followed.
  if (pagination?.data !== "catalogue.solutions" || pagination.size !== 1 || typeof pagination.alias !== "string" || typeof permalink !== "string") {
    throw new Error(`${templateFile} : pagination attendue sur catalogue.solutions, une fiche par page, avec un alias et un permalink`);
  }
  const alias = pagination.alias;
  const page: NunjucksTemplate = new nunjucks.Template(body, environment, templateFile, true);
  const url: NunjucksTemplate = new nunjucks.Template(permalink, environment, null, true);

  return {
    render(entry) {
      const context: Record<string, unknown> = { ...data, [alias]: entry };
      const pageUrl = url.render(context);
      // A URL made of the validated slug only, and a file inside the output folder.
      if (!/^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*\/$/.test(pageUrl)) throw new Error(`adresse de page inattendue : ${JSON.stringify(pageUrl)}`);
      // `page.url` is the only field of Eleventy's `page` object the templates
      // read; a template reading another one would differ from Eleventy's
      // output, which the identity test catches.
      context.page = { url: pageUrl };
      return { url: pageUrl, file: path.join(...pageUrl.split("/").filter(Boolean), "index.html"), html: page.render(context) };
    },
  };
}

/**
 * Renders the pages of `entries` and writes them under `outputDir`, a few
 * writes in flight at a time: rendering (CPU, this thread) overlaps writing
 * (libuv's thread pool), and at most `concurrency` pages are held at once.
 * Awaiting between pages also lets the Pagefind indexing, which runs meanwhile,
 * exchange its messages. Resolves to the number of pages written.
 */
export async function writeSolutionPages(renderer: SolutionPageRenderer, entries: readonly ScoredSolution[], outputDir: string, concurrency = 8): Promise<number> {
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const entry of entries) {
    if (failure) break;
    const { file, html } = renderer.render(entry);
    const target = path.join(outputDir, file);
    const write: Promise<void> = mkdir(path.dirname(target), { recursive: true })
      .then(() => writeFile(target, html))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => pending.delete(write));
    pending.add(write);
    if (pending.size >= concurrency) await Promise.race(pending);
  }
  // Every write is settled before returning or throwing: the caller may remove the folder.
  await Promise.all(pending);
  if (failure) throw failure.error;
  return entries.length;
}
