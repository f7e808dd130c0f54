// The Pagefind index of the listed solutions, fed with records built from
// the data (addCustomRecord), never by crawling the written HTML: several
// times faster, and the pages carry no search markup. Records need only the
// catalogue, not the pages: the build runs this indexing while it renders
// (Pagefind works in its own process, on the other core), and waits for it
// before writing the output table's files.
// https://pagefind.app/docs/node-api/
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import { searchRecord } from "../view/search-record.ts";
import { ASSET_URLS, outputFolder } from "../view/urls.ts";
import type { BuildContext } from "./build-context.ts";

/** Records sent to Pagefind ahead of its replies. */
const RECORDS_IN_FLIGHT = 16;

/** Files of Pagefind's bundled UIs, unused: the search page is built on pagefind.js. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\b/;

export async function writeSearchIndex(outputDir: string, context: BuildContext): Promise<number> {
  const { catalogue, views, site } = context;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "fr" });
  if (!index) throw new Error(`Pagefind : ${errors.join(" ; ")}`);
  try {
    // One record per listed solution. Pagefind runs as a separate service
    // process that handles one message at a time: a few records in flight
    // keep it busy, while sending all 10,000 at once held them all, and
    // their pending replies, in this process's memory.
    let next = 0;
    const feed = async () => {
      while (next < catalogue.listed.length) {
        const entry = catalogue.listed[next++]!;
        const result = await index.addCustomRecord({ ...searchRecord(entry, views, site, catalogue.grid), language: "fr" });
        if (result.errors.length) {
          next = catalogue.listed.length; // stops the other feeders
          throw new Error(`Pagefind : ${result.errors.join(" ; ")}`);
        }
      }
    };
    await Promise.all(Array.from({ length: RECORDS_IN_FLIGHT }, feed));
    const target = path.join(outputDir, outputFolder(ASSET_URLS.pagefindDir));
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length) throw new Error(`Pagefind : ${written.errors.join(" ; ")}`);
    for (const file of await readdir(target)) if (UNUSED.test(file)) await rm(path.join(target, file), { recursive: true, force: true });
    return catalogue.listed.length;
  } finally {
    await index.deleteIndex();
  }
}

/** Stops Pagefind's service process so that Node can exit. */
export async function closeSearchIndex(): Promise<void> {
  await pagefind.close();
}
