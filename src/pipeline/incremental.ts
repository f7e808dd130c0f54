// Brings a built site up to date after a change of solution files, writing
// only the files the change touches. Which ones is derived from the output
// table (outputs.ts), not listed by hand: every item of every entry is
// fingerprinted (fingerprint.ts) before and after, and an item is rendered
// again when its fingerprint changed (its solution, its place in a list, a
// rank, a count on it), written when new, removed when gone.
//
// Beyond its item, a page reads the global data. Its lists of solutions are
// cut into the items already; the rest (the catalogue's counts, solutions
// per category, labels, the grid) is fingerprinted once, and a change there
// touches every page: the caller then builds the whole site again.
//
// Eleventy's single pages (home, grid, methodology…: a fixed dozen, whatever
// the catalogue's size) are rendered again each time into a folder aside,
// and only those whose content changed are moved into the site: the home
// page when it lists the changed solution among the latest.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import type { Catalogue } from "../lib/types.ts";
import { outputFile } from "../view/urls.ts";
import { type BuildContext, createBuildContext } from "./build-context.ts";
import { Fingerprinter, type SolutionTokens } from "./fingerprint.ts";
import { type AnyOutput, OUTPUTS } from "./outputs.ts";
import { runEleventy } from "./site-build.ts";
import { siblingPath } from "./swap.ts";

interface ItemState {
  output: AnyOutput;
  item: unknown;
  fingerprint: number;
}

/** A built site as the dev server knows it: its context and the fingerprint of each file of the output table. */
export interface SiteSnapshot {
  context: BuildContext;
  /** By URL. */
  items: Map<string, ItemState>;
  /** The global data without its lists. */
  shared: number;
}

export function snapshot(context: BuildContext, tokens: SolutionTokens): SiteSnapshot {
  const fingerprints = new Fingerprinter(tokens);
  const items = new Map<string, ItemState>();
  for (const output of OUTPUTS as readonly AnyOutput[]) {
    for (const item of output.items(context)) items.set(output.url(item), { output, item, fingerprint: fingerprints.of(item) });
  }
  return { context, items, shared: fingerprints.withoutLists(context.data) };
}

/**
 * The context of `catalogue`, keeping the Nunjucks environment of
 * `previous`: its templates are compiled already (a fresh environment
 * compiles them again on first use, ~200 ms). The new context's filters
 * (views of the new catalogue) are registered on it in place of the old ones.
 */
export function nextContext(previous: BuildContext, catalogue: Catalogue): BuildContext {
  const fresh = createBuildContext(catalogue, { root: previous.root, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });
  // Nunjucks keeps an environment's filters in `filters` (not in its typings).
  const filters = (fresh.nunjucks as unknown as { filters?: Record<string, (...args: unknown[]) => unknown> }).filters;
  if (!filters || typeof filters !== "object") return fresh;
  for (const [name, filter] of Object.entries(filters)) previous.nunjucks.addFilter(name, filter);
  return { ...fresh, nunjucks: previous.nunjucks, dsfr: previous.dsfr };
}

/** Writes `content` to `file` through a temporary file beside it: a reader sees the old file or the new one. */
async function replaceFile(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

export interface Changes {
  /** URLs of the files written. */
  written: string[];
  /** Files removed (their item is gone). */
  removed: number;
}

/**
 * Updates the site in `outputDir` from `previous` to `next`; resolves to
 * what it wrote, or to "full" when the change touches every page (nothing
 * is written then).
 */
export async function writeChanges(previous: SiteSnapshot, next: SiteSnapshot, outputDir: string): Promise<Changes | "full"> {
  if (next.shared !== previous.shared) return "full";
  const changes: Changes = { written: [], removed: 0 };
  for (const [url, state] of next.items) {
    const before = previous.items.get(url);
    if (before && before.fingerprint === state.fingerprint && before.output.name === state.output.name) continue;
    await replaceFile(path.join(outputDir, outputFile(url)), await state.output.render(state.item, next.context));
    changes.written.push(url);
  }
  for (const url of previous.items.keys()) {
    if (next.items.has(url)) continue;
    await rm(path.join(outputDir, outputFile(url)), { force: true });
    changes.removed++;
  }
  return changes;
}

/** Renders Eleventy's pages aside and moves into `outputDir` those that differ; resolves to them (relative to the site). */
export async function refreshSinglePages(context: BuildContext, outputDir: string): Promise<string[]> {
  const aside = siblingPath(outputDir, "tmp");
  try {
    const changed: string[] = [];
    for (const file of await runEleventy(context, aside)) {
      const fresh = await readFile(path.join(aside, file));
      const current = await readFile(path.join(outputDir, file)).catch(() => undefined);
      if (current && current.equals(fresh)) continue;
      await mkdir(path.dirname(path.join(outputDir, file)), { recursive: true });
      await rename(path.join(aside, file), path.join(outputDir, file));
      changed.push(file);
    }
    return changed;
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
}
