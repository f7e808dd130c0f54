// Shared test helpers: the small fixture project and a fixed "today".
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** A small project (criteria/ + content/) used instead of the real grid and content. */
export const FIXTURE_ROOT = path.join(PROJECT_ROOT, "tests/fixtures/root");
export const BAD_DIR = path.join(PROJECT_ROOT, "tests/fixtures/bad");
export const TODAY = "2026-11-23";
/**
 * The base path of the site's links in the tests: the path of package.json's
 * `homepage` (the test runner clears CATALOGUE_SITE_URL). Tests of other
 * addresses build in a child process with the variable set.
 */
export const BASE = "/catalogue-solutions-numeriques";
/** The versions fixture: criteria/ at grid 1.1 with 1.0 kept (renames, splits, a merge, a removal, an addition). */
export const VERSIONS_ROOT = path.join(PROJECT_ROOT, "tests/fixtures/grid-versions");
// The build and the CLI (child processes included) take "today" from
// CATALOGUE_TODAY (src/lib/calendar.ts): every test runs on the same day.
process.env.CATALOGUE_TODAY = TODAY;

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";

const created: string[] = [];
process.on("exit", () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A new folder in the system's temporary folder, removed when the test process ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `catalogue-${prefix}-`));
  created.push(dir);
  return dir;
}


/** A search record as Pagefind stores it (its fragment), with the fields the tests read. */
export interface PagefindRecord {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** The records Pagefind wrote under `out` (each fragment: gzip, a signature, then JSON), by URL. */
export function pagefindRecords(out: string): Map<string, PagefindRecord> {
  const found = new Map<string, PagefindRecord>();
  const dir = path.join(out, "pagefind", "fragment");
  for (const file of readdirSync(dir)) {
    const text = gunzipSync(readFileSync(path.join(dir, file))).toString("utf8");
    const record = JSON.parse(text.slice(text.indexOf("{"))) as PagefindRecord;
    found.set(record.url, record);
  }
  return found;
}
