// The naive pipeline `npm run bench -- --naive` compares the build with:
// plain Eleventy renders every page (the solution and list pages paginated
// by Eleventy itself, from the wrappers in scripts/naive/pages, which include
// the build's own page templates), then the Pagefind CLI crawls the written
// HTML of the solution pages. Same synthetic content, same templates, same
// data; none of the build's streaming or record indexing. It lives here, not
// in the production build, and writes only the pages and the index.
//
// tsx scripts/naive/build.ts --content <dir> --out <dir> [--report json]
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import { formatProblems } from "../../src/lib/report.ts";
import { createBuildContext } from "../../src/pipeline/build-context.ts";
import { runEleventy } from "../../src/pipeline/site-build.ts";

const { values } = parseArgs({ options: { content: { type: "string" }, out: { type: "string" }, report: { type: "string" } } });
if (!values.content || !values.out) {
  process.stderr.write("usage : tsx scripts/naive/build.ts --content <dossier> --out <dossier> [--report json]\n");
  process.exit(2);
}
const started = performance.now();
const { catalogue, problems } = await loadCatalogue({ root: PROJECT_ROOT, contentDir: path.resolve(values.content) });
if (!catalogue) {
  process.stderr.write(formatProblems(problems, "text"));
  process.exit(1);
}
const loaded = performance.now();
const context = createBuildContext(catalogue, { root: PROJECT_ROOT, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });

// Eleventy's input: the site's templates, plus the paginated wrappers.
const input = mkdtempSync(path.join(tmpdir(), "catalogue-naive-"));
try {
  for (const entry of readdirSync(INPUT_DIR)) if (entry !== "assets") cpSync(path.join(INPUT_DIR, entry), path.join(input, entry), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, "scripts", "naive", "pages"), input, { recursive: true });
  const out = path.resolve(values.out);
  const pages = await runEleventy(context, out, input);
  const rendered = performance.now();
  const pagefind = path.join(PROJECT_ROOT, "node_modules", ".bin", "pagefind");
  // What the build's records hold: the solution pages' main content, without
  // the detailed self-evaluation (as the earlier data-pagefind-ignore did).
  const args = ["--site", out, "--glob", "solutions/**/*.html", "--root-selector", "main", "--exclude-selectors", "nav, .fr-alert, .fr-notice, .fr-callout, .catalogue-synthesis, .fr-accordions-group", "--force-language", "fr", "--quiet"];
  const indexed = spawnSync(pagefind, args, { stdio: "inherit" });
  if (indexed.status !== 0) throw new Error(`Pagefind a échoué (code ${indexed.status})`);
  const done = performance.now();
  process.stdout.write(`${catalogue.stats.solutions} fiches, ${pages.length} pages → ${out}\n`);
  if (values.report === "json") {
    const timings = { load: loaded - started, eleventy: rendered - loaded, index: done - rendered, total: done - started };
    const report = { solutions: catalogue.stats.solutions, pages: pages.length, indexed: catalogue.stats.listed, timings, maxRssKiB: process.resourceUsage().maxRSS };
    process.stdout.write(`${JSON.stringify({ report })}\n`);
  }
} finally {
  rmSync(input, { recursive: true, force: true });
}
