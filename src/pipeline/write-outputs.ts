// Writes the entries of the output table (outputs.ts) under an output
// folder, streaming: each file is rendered, written, then forgotten.
//
// Why: Eleventy keeps the HTML of every page it renders until the end of the
// build, and a solution page weighs ~63 KB: at 10,000 solutions that held
// 2.6 GB, and Eleventy's per-page work (data cascade, pagination, permalink,
// bookkeeping) cost more than the rendering itself. Here memory does not
// grow with the number of pages. The folders are created first (seconds of
// disk work at 10,000 solutions that allocate next to nothing, done while
// Pagefind indexes), then the files are written a few at a time: rendering
// (CPU, this thread) overlaps writing (libuv's thread pool).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { outputFile } from "../view/urls.ts";
import type { BuildContext } from "./build-context.ts";
import type { AnyOutput } from "./outputs.ts";

/**
 * Runs `task` on each item, at most `concurrency` at a time. Every task is
 * settled before it returns or throws (the caller may then remove the
 * folder they write into); the first failure is thrown.
 */
export async function eachLimited<T>(items: Iterable<T>, concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
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
 * The file of each item of each output, relative to the output folder.
 * Throws on a URL that two items share (one would overwrite the other),
 * including one of `taken` (the files Eleventy wrote).
 */
export function outputFiles(outputs: readonly AnyOutput[], context: BuildContext, taken: Iterable<string> = []): Map<AnyOutput, string[]> {
  const seen = new Map<string, string>();
  for (const file of taken) seen.set(file, "Eleventy");
  const files = new Map<AnyOutput, string[]>();
  for (const output of outputs) {
    const list: string[] = [];
    for (const item of output.items(context)) {
      const url = output.url(item);
      const file = outputFile(url);
      const other = seen.get(file);
      if (other) throw new Error(`deux sorties écrivent ${url} : « ${other} » et « ${output.name} »`);
      seen.set(file, output.name);
      list.push(file);
    }
    files.set(output, list);
  }
  return files;
}

/** Creates every folder the files need under `outputDir`, parents first. */
export async function createOutputFolders(files: Map<AnyOutput, string[]>, outputDir: string): Promise<void> {
  const folders = new Set<string>();
  for (const list of files.values()) {
    for (const file of list) for (let dir = path.dirname(file); dir !== "."; dir = path.dirname(dir)) folders.add(dir);
  }
  const byDepth: string[][] = [];
  for (const dir of folders) (byDepth[dir.split(path.sep).length - 1] ??= []).push(dir);
  await mkdir(outputDir, { recursive: true });
  for (const level of byDepth) if (level) await eachLimited(level, FS_CONCURRENCY, (dir) => mkdir(path.join(outputDir, dir), { recursive: true }).then(() => {}));
}

/**
 * Renders and writes every item of `outputs` under `outputDir`, whose folders
 * exist (createOutputFolders). Resolves to the number of files per output.
 */
export async function writeOutputs(outputs: readonly AnyOutput[], context: BuildContext, files: Map<AnyOutput, string[]>, outputDir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const output of outputs) {
    const items = output.items(context);
    const targets = files.get(output) ?? [];
    let index = 0;
    await eachLimited(items, FS_CONCURRENCY, (item) => {
      const file = targets[index++]!;
      // Rendered here, synchronously for pages: a page that fails to render
      // stops the loop before the next one starts.
      const content = output.render(item, context);
      return Promise.resolve(content).then((bytes) => writeFile(path.join(outputDir, file), bytes));
    });
    counts[output.name] = items.length;
  }
  return counts;
}
