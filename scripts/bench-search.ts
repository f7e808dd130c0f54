// npm run bench:search [-- --verbose] [--sizes 1000,10000]
//
// The search's relevance on the demo catalogue: builds it into a temporary
// folder, serves it on 127.0.0.1, types each query of
// tests/search/relevance.yaml into the search page in Chromium and prints
// recall at 5, mean reciprocal rank and the queries that fail. With --sizes,
// also builds synthetic catalogues of those sizes and prints the size of the
// search files (Pagefind's folder and the suggestion list) and what a first
// search loads in Chromium: the files of the search (Pagefind's script, its
// WebAssembly, index, filters and the fragments of the first results, and the
// suggestion list if fetched) for the search page opened, then « visio »
// typed. Printed, never asserted.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { closeSearchIndex } from "../src/pipeline/search-index.ts";
import { createStaticServer } from "../src/pipeline/serve.ts";
import { buildSite } from "../src/pipeline/site-build.ts";
import { failures, loadRelevanceSet, metrics, runQueries } from "../tests/search/relevance.ts";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/browser/support.ts";
import { writeSyntheticCatalogue } from "./bench-synthetic.ts";

const BASE = "/catalogue-solutions-numeriques";
const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false }, sizes: { type: "string" } } });

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} Kio`;

async function serve(outputDir: string) {
  const server = createStaticServer(outputDir);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function relevance(): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), "catalogue-bench-search-"));
  try {
    const outputDir = path.join(tmp, "site");
    const result = await buildSite({ outputDir });
    if (!result.ok) throw new Error("le catalogue de démonstration ne se construit pas");
    const { server, origin } = await serve(outputDir);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const outcomes = await runQueries(page, `${origin}${BASE}/recherche/`, loadRelevanceSet());
      const m = metrics(outcomes);
      process.stdout.write(`Pertinence (${m.total} requêtes, démonstration) : rappel à 5 ${m.recallAt5.toFixed(3)}, rang réciproque moyen ${m.mrr.toFixed(3)}, ${m.passed}/${m.total} requêtes conformes\n`);
      for (const outcome of outcomes) {
        const problems = failures(outcome);
        if (problems.length || values.verbose) {
          process.stdout.write(`  « ${outcome.query.query} » : ${outcome.names.slice(0, 5).join(", ") || "aucun résultat"}${problems.length ? ` — ${problems.join(" ; ")}` : ""}\n`);
        }
      }
    } finally {
      await browser.close();
      server.closeAllConnections();
      server.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Bytes of the search's files (Pagefind's, the suggestion list) a browser loads to open the search page and search `query`. */
async function firstSearchBytes(outputDir: string, query: string): Promise<number> {
  const { server, origin } = await serve(outputDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on("response", (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith(`${BASE}/pagefind/`) || pathname.endsWith("/suggestions.json")) sizes.push(response.body().then((b) => b.length, () => 0));
    });
    await page.goto(`${origin}${BASE}/recherche/`);
    await page.waitForFunction(() => /^\d+ solutions? /.test(document.getElementById("recherche-statut")?.textContent ?? ""));
    await page.locator("#recherche-input").fill(query);
    await page.waitForFunction((q) => (document.getElementById("recherche-statut")?.textContent ?? "").includes(q), query);
    await page.waitForLoadState("networkidle");
    return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}

async function sizes(count: number): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), "catalogue-bench-search-"));
  try {
    const contentDir = path.join(tmp, "content");
    const outputDir = path.join(tmp, "site");
    writeSyntheticCatalogue(path.join(process.cwd(), "content", "solutions"), contentDir, count);
    const result = await buildSite({ contentDir, outputDir });
    if (!result.ok) throw new Error(`le catalogue synthétique de ${count} fiches ne se construit pas`);
    const pagefind = folderBytes(path.join(outputDir, "pagefind"));
    const suggestions = readdirSync(path.join(outputDir, "recherche")).filter((f) => f.endsWith(".json"));
    const suggestionBytes = suggestions.reduce((n, f) => n + statSync(path.join(outputDir, "recherche", f)).size, 0);
    const first = await firstSearchBytes(outputDir, "visio");
    process.stdout.write(`${count} fiches : dossier pagefind ${kib(pagefind)}, liste de suggestions ${kib(suggestionBytes)}, première recherche ${kib(first)}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  await relevance();
  for (const count of (values.sizes ?? "").split(",").filter(Boolean).map(Number)) await sizes(count);
} finally {
  await closeSearchIndex();
}
