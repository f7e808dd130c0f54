// The Pagefind index of the listed solutions. Two ways to feed it were
// measured (see README, « Performances »): crawling the written HTML
// (addDirectory, which reads the data-pagefind-* attributes of solution
// pages) or giving Pagefind records built from the data (addCustomRecord).
// The build uses records, several times faster at 1,000 solutions; the
// HTML attributes stay in the pages so both modes index the same data.
// Records need only the catalogue, not the pages: the build runs this
// indexing while it renders the pages (Pagefind works in its own process,
// on the other core), and waits for it only before the swap.
// https://pagefind.app/docs/node-api/
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Catalogue } from "../lib/types.ts";
import type { SolutionViews } from "../eleventy/solution-view.ts";

export type SearchIndexMode = "records" | "html";

/** Records sent to Pagefind ahead of its replies. */
const RECORDS_IN_FLIGHT = 16;

/** Files of Pagefind's bundled UIs, unused: the search page is built on pagefind.js. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\b/;

export async function writeSearchIndex(outputDir: string, catalogue: Catalogue, views: SolutionViews, mode: SearchIndexMode = "records"): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "fr" });
  if (!index) throw new Error(`Pagefind : ${errors.join(" ; ")}`);
  try {
    let count = 0;
    if (mode === "html") {
      const result = await index.addDirectory({ path: outputDir });
      if (result.errors.length) throw new Error(`Pagefind : ${result.errors.join(" ; ")}`);
      count = result.page_count;
    } else {
      // One record per listed solution. Pagefind runs as a separate service
      // process that handles one message at a time: a few records in flight
      // keep it busy, while sending all 10,000 at once held them all, and
      // their pending replies, in this process's memory.
      let next = 0;
      const feed = async () => {
        while (next < catalogue.listed.length) {
          const entry = catalogue.listed[next++]!;
          const result = await index.addCustomRecord({ ...views.search(entry), language: "fr" });
          if (result.errors.length) {
            next = catalogue.listed.length; // stops the other feeders
            throw new Error(`Pagefind : ${result.errors.join(" ; ")}`);
          }
        }
      };
      await Promise.all(Array.from({ length: RECORDS_IN_FLIGHT }, feed));
      count = catalogue.listed.length;
    }
    const target = path.join(outputDir, "pagefind");
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length) throw new Error(`Pagefind : ${written.errors.join(" ; ")}`);
    for (const file of await readdir(target)) if (UNUSED.test(file)) await rm(path.join(target, file), { recursive: true, force: true });
    return count;
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's service process so that Node can exit. */
export async function closeSearchIndex(): Promise<void> {
  await pagefind.close();
}
