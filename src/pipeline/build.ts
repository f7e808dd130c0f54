// `npm run build`: validates the solution files, builds the site and its
// search index into a temporary folder, and swaps it into _site/ only when
// everything succeeded. Exit code 1 on invalid files or a failed build.
//
// Options (for tests and measurements): --content <dir>  --out <dir>
//   --root <dir>
//   --report json  also print, as the last line, the counts, phase timings (ms)
//                  and peak memory of this process (read by scripts/bench.ts)
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { formatProblems } from "../lib/report.ts";
import { SettingError } from "../lib/site-url.ts";
import { closeSearchIndex } from "./search-index.ts";
import { buildSite } from "./site-build.ts";

/** An error and its causes (Eleventy wraps template errors in several layers). */
function describe(error: unknown): string {
  // A wrong setting, even wrapped by Eleventy, is told by its message alone.
  for (let current = error, depth = 0; current instanceof Error && depth < 6; depth++) {
    if (current instanceof SettingError) return current.message;
    current = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
  }
  const lines: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 6; depth++) {
    if (!(current instanceof Error)) {
      lines.push(String(current));
      break;
    }
    lines.push(depth === 0 ? (current.stack ?? current.message) : `cause : ${current.message}`);
    current = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
  }
  return lines.join("\n");
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;

// V8 moves the strings the templates build into its old generation early
// (allocation-site pretenuring), where they wait for a full collection:
// rendering 10,000 pages then left hundreds of MB of garbage. Without it
// they die young, in the cheap collections. Set before any rendering.
v8.setFlagsFromString("--no-allocation-site-pretenuring");

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      root: { type: "string" },
      content: { type: "string" },
      out: { type: "string" },
      report: { type: "string" },
    },
  });
  try {
    const result = await buildSite({
      ...(values.root ? { root: values.root } : {}),
      ...(values.content ? { contentDir: values.content } : {}),
      ...(values.out ? { outputDir: values.out } : {}),
    });
    if (!result.ok) {
      process.stderr.write(formatProblems(result.problems, "text"));
      const errors = result.problems.filter((p) => p.severity !== "warning").length;
      process.stderr.write(`\n${errors} ${errors > 1 ? "erreurs" : "erreur"} : site non construit, le dossier de sortie est inchangé.\n`);
      return 1;
    }
    if (result.problems.length) process.stderr.write(formatProblems(result.problems, "text"));
    const { timings } = result;
    process.stdout.write(
      `${result.catalogue.stats.solutions} fiches (${result.catalogue.stats.listed} listées), ${result.pages} pages, ${result.indexed} solutions indexées → ${result.outputDir}\n` +
        `chargement ${seconds(timings.load)}, Eleventy ${seconds(timings.eleventy)}, dossiers ${seconds(timings.folders)}, ` +
        `index ${seconds(timings.index)} (attente ${seconds(timings.indexWait)}), autres fichiers ${seconds(timings.outputs)}, bascule ${seconds(timings.swap)}, total ${seconds(timings.total)}\n`,
    );
    if (values.report === "json") {
      // maxRSS is this process's high-water mark, in KiB (Pagefind's service
      // process is not included: the benchmark samples it separately).
      const report = { solutions: result.catalogue.stats.solutions, pages: result.pages, indexed: result.indexed, timings, maxRssKiB: process.resourceUsage().maxRSS };
      process.stdout.write(`${JSON.stringify({ report })}\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`Échec de la construction du site : ${describe(error)}\nLe dossier de sortie est inchangé.\n`);
    return 1;
  } finally {
    await closeSearchIndex();
  }
}

process.exitCode = await main();
