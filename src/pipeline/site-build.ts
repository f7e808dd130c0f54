// One build: load and validate the catalogue once, render the site into a
// temporary folder, index it with Pagefind, and only then swap it into
// place. On any failure the temporary folder is removed and the previous
// output is left as it was.
//
// How the work is laid out (measured with `npm run bench`, see README,
// « Performances »; figures at 10,000 solutions):
// - Eleventy renders the single pages (home, grid, methodology…); the
//   output table (outputs.ts) holds everything else, streamed to disk by
//   write-outputs.ts: Eleventy would hold every page in memory (2.6 GB);
// - the search index is built from records, which need only the catalogue:
//   Pagefind (a separate process) indexes them as soon as the catalogue is
//   loaded, while Eleventy renders its pages and the build creates the
//   12,000 page folders (seconds of disk work that allocate nothing);
// - the table's files are rendered only once the index is written and
//   Pagefind's process stopped. Pagefind needs ~900 MB to write the index
//   (and keeps it until its process ends); rendering leaves up to ~600 MB of
//   garbage in V8's old generation before a full collection. At the same
//   time they made 1.6 GB; one after the other, 1.25 GB, for 4 to 5 s more.
import { rm } from "node:fs/promises";
import v8 from "node:v8";
import vm from "node:vm";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Eleventy from "@11ty/eleventy";
import eleventyConfig, { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import { loadCatalogue } from "../lib/catalogue.ts";
import type { Catalogue, Problem } from "../lib/types.ts";
import { type BuildContext, createBuildContext } from "./build-context.ts";
import { OUTPUTS } from "./outputs.ts";
import { closeSearchIndex, writeSearchIndex } from "./search-index.ts";
import { siblingPath, swapInto } from "./swap.ts";
import { createOutputFolders, outputFiles, writeOutputs } from "./write-outputs.ts";

/**
 * A full garbage collection, now. V8 exposes `gc` only with --expose-gc; the
 * flag can be set at run time, and the function is then found in a new
 * context. (npm run build is started by tsx, which passes no V8 flag.)
 */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

export interface BuildOptions {
  /** Project root holding criteria/ and docs/; defaults to the project this file belongs to. */
  root?: string;
  /** Folder of the solution files; defaults to <root>/content/solutions. */
  contentDir?: string;
  /** Output folder; defaults to <root>/_site. */
  outputDir?: string;
  /** The catalogue, when the caller has loaded it already (the dev server keeps its files' checks). */
  catalogue?: Catalogue;
}

/** Milliseconds, in the order of the build. */
export interface BuildTimings {
  load: number;
  /** The single pages Eleventy renders. */
  eleventy: number;
  /** Creating the folders of the output table's files. */
  folders: number;
  /** Building the search index, from its start (alongside `eleventy` and `folders`). */
  index: number;
  /** Time the build spent waiting for the index, with nothing else to do. */
  indexWait: number;
  /** Rendering and writing the output table's files. */
  outputs: number;
  swap: number;
  total: number;
}

export type BuildResult =
  | { ok: true; catalogue: Catalogue; context: BuildContext; problems: Problem[]; pages: number; files: Record<string, number>; indexed: number; outputDir: string; timings: BuildTimings }
  | { ok: false; problems: Problem[] };

/**
 * Runs Eleventy on `inputDir` (src/site; the naive benchmark pipeline gives
 * its own) with the build's environment and data; resolves to the files it
 * wrote, relative to `outputDir`.
 */
export async function runEleventy(context: BuildContext, outputDir: string, inputDir = INPUT_DIR): Promise<string[]> {
  const eleventy = new Eleventy(path.relative(process.cwd(), inputDir) || ".", outputDir, {
    // No config file lookup: the configuration is the function below, with
    // the catalogue loaded by the caller (never loaded twice).
    configPath: false,
    quietMode: true,
    config: (config) => eleventyConfig(config, { nunjucks: context.nunjucks, data: context.data }),
  });
  const [, templates] = await eleventy.write();
  return (templates as { outputPath?: string | false }[]).flatMap(({ outputPath }) => (outputPath ? [path.relative(outputDir, path.resolve(outputPath))] : []));
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const root = path.resolve(options.root ?? PROJECT_ROOT);
  const outputDir = path.resolve(options.outputDir ?? path.join(root, "_site"));

  const { catalogue, problems } = options.catalogue
    ? { catalogue: options.catalogue, problems: [] }
    : await loadCatalogue({ root, ...(options.contentDir ? { contentDir: path.resolve(options.contentDir) } : {}) });
  if (!catalogue) return { ok: false, problems };
  const loaded = performance.now();

  const context = createBuildContext(catalogue, { root, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });
  const tmpDir = siblingPath(outputDir, "tmp");
  // Records need no page: Pagefind starts at once (see the top of this file).
  const indexing = (async () => {
    const start = performance.now();
    try {
      const count = await writeSearchIndex(tmpDir, context);
      return { count, ms: performance.now() - start };
    } finally {
      // Pagefind's process keeps the memory it used until it ends. (It is
      // one process for all of Node: builds in one process run one at a time.)
      await closeSearchIndex();
    }
  })();
  indexing.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
  try {
    const eleventyFiles = await runEleventy(context, tmpDir);
    const rendered = performance.now();
    const files = outputFiles(OUTPUTS, context, eleventyFiles);
    await createOutputFolders(files, tmpDir);
    const foldered = performance.now();
    // Pagefind reaches its peak memory while writing the index, after the
    // build has rendered Eleventy's pages and created the folders: collect
    // the garbage those left (and the files' parse trees) before it does.
    collectGarbage();
    const { count: indexed, ms: indexMs } = await indexing;
    const waited = performance.now();
    const counts = await writeOutputs(OUTPUTS, context, files, tmpDir);
    const written = performance.now();
    await swapInto(tmpDir, outputDir);
    const end = performance.now();
    const pages = OUTPUTS.reduce((sum, output) => sum + (output.kind === "page" ? (counts[output.name] ?? 0) : 0), eleventyFiles.length);
    return {
      ok: true,
      catalogue,
      context,
      problems,
      pages,
      files: { eleventy: eleventyFiles.length, ...counts },
      indexed,
      outputDir,
      timings: {
        load: loaded - started,
        eleventy: rendered - loaded,
        folders: foldered - rendered,
        index: indexMs,
        indexWait: waited - foldered,
        outputs: written - waited,
        swap: end - written,
        total: end - started,
      },
    };
  } catch (error) {
    // Let the indexing finish (or fail) before removing the folder it writes into.
    await indexing.catch(() => {});
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}
