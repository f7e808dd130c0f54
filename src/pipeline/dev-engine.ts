// The dev server's builder (`npm run dev`), a child process of dev.ts: it
// checks every solution file once, builds the site, then takes the changed
// paths dev.ts sends it and brings the site up to date (incremental.ts),
// or builds it whole again when a change touches every page. dev.ts starts
// a new one when criteria/ or src/site/ change: the grid, the templates and
// everything derived from them are then loaded afresh.
//
// Messages: from dev.ts { type: "changes", paths }; to dev.ts
// { type: "state", ok } after each build or update (ok: the site is up to date).
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { formatProblems } from "../lib/report.ts";
import type { Catalogue } from "../lib/types.ts";
import { CatalogueFiles } from "./dev-state.ts";
import { SolutionTokens } from "./fingerprint.ts";
import { nextContext, refreshSinglePages, type SiteSnapshot, snapshot, writeChanges } from "./incremental.ts";
import { closeSearchIndex } from "./search-index.ts";
import { buildSite } from "./site-build.ts";

// As in build.ts: template strings die young instead of filling the old generation.
v8.setFlagsFromString("--no-allocation-site-pretenuring");

const { values } = parseArgs({ options: { root: { type: "string" }, content: { type: "string" }, out: { type: "string" } } });
const root = path.resolve(values.root!);
const contentDir = path.resolve(values.content ?? path.join(root, "content", "solutions"));
const outputDir = path.resolve(values.out!);

const say = (text: string) => process.stdout.write(`${text}\n`);
const ms = (start: number) => `${Math.round(performance.now() - start)} ms`;
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1).replace(".", ",")} s`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const report = (ok: boolean) => process.send?.({ type: "state", ok });

let files: CatalogueFiles | undefined;
const tokens = new SolutionTokens();
/** The site as last written by this process; undefined until a full build. */
let site: SiteSnapshot | undefined;
/** Whether a site is in the output folder (this process's, or an earlier one's). */
let served = existsSync(outputDir);

/** Why an error happened, in one line per cause (Eleventy wraps template errors). */
function describe(error: unknown): string {
  const lines: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 6; depth++) {
    lines.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? ((current as Error & { originalError?: unknown }).originalError ?? current.cause) : undefined;
  }
  return lines.join("\n  cause : ");
}

async function buildAll(catalogue: Catalogue, why?: string): Promise<void> {
  const started = performance.now();
  const building = `onstruction complète du site en cours${site || served ? " ; le site servi reste le précédent jusqu'à la fin" : ""}.`;
  say(why ? `${why} : c${building}` : `C${building}`);
  const result = await buildSite({ root, contentDir, outputDir, catalogue });
  if (!result.ok) throw new Error("construction impossible");
  site = snapshot(result.context, tokens);
  served = true;
  say(`Site construit : ${plural(result.catalogue.stats.solutions, "fiche", "fiches")}, ${result.pages} pages, recherche à jour, en ${seconds(started)}.`);
}

/** Brings the site up to date with the files, after `changed` (none at start). */
async function settle(changed: string[]): Promise<void> {
  const started = performance.now();
  if (!files) return; // the grid is broken: a new builder comes with its fix
  const rechecked = changed.length > 0 ? files.update(changed) : [];
  const { problems, catalogue } = files.result();
  if (problems.length > 0) process.stderr.write(formatProblems(problems, "text"));
  if (!catalogue) {
    const errors = problems.filter((p) => p.severity !== "warning").length;
    process.stderr.write(`${plural(errors, "erreur", "erreurs")} : le site n'est pas mis à jour, le site servi reste la dernière version valide.\n`);
    report(false);
    return;
  }
  if (!site) {
    await buildAll(catalogue, changed.length > 0 ? "Fiches valides" : undefined);
    report(true);
    return;
  }
  const next = snapshot(nextContext(site.context, catalogue), tokens);
  const previous = site;
  // Until this update is written whole, the next change rebuilds everything.
  site = undefined;
  const changes = await writeChanges(previous, next, outputDir);
  if (changes === "full") {
    await buildAll(catalogue, "Nombre de fiches, de fiches de démonstration ou de solutions par catégorie modifié (affiché sur toutes les pages)");
    report(true);
    return;
  }
  site = next;
  const written = changes.written.length > 3 ? [...changes.written.slice(0, 3), `… et ${changes.written.length - 3} autres`] : changes.written;
  const pagesTime = ms(started);
  const singleStart = performance.now();
  const single = await refreshSinglePages(next.context, outputDir);
  const what = rechecked.length > 0 ? rechecked.join(", ") : "aucune fiche";
  say(
    `${what} : ${plural(changes.written.length, "fichier réécrit", "fichiers réécrits")}${written.length > 0 ? ` (${written.join(", ")})` : ""}${changes.removed > 0 ? `, ${plural(changes.removed, "supprimé", "supprimés")}` : ""} en ${pagesTime} ; ` +
      `pages uniques ${single.length > 0 ? `réécrites : ${single.join(", ")}` : "inchangées"} (${ms(singleStart)}). ` +
      "La recherche n'est pas mise à jour : elle le sera à la prochaine construction complète.",
  );
  report(true);
}

const pending = new Set<string>();
let running = false;

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    do {
      const changed = [...pending];
      pending.clear();
      try {
        await settle(changed);
      } catch (error) {
        process.stderr.write(`Échec de la mise à jour du site : ${describe(error)}\nLe site servi reste le précédent ; il sera reconstruit à la prochaine modification.\n`);
        site = undefined;
        report(false);
      }
    } while (pending.size > 0);
  } finally {
    running = false;
  }
}

process.on("message", (message: { type?: string; paths?: string[] }) => {
  if (message?.type !== "changes" || !Array.isArray(message.paths)) return;
  for (const changed of message.paths) pending.add(changed);
  void drain();
});

// Stopped by dev.ts (a new builder, or the end): Pagefind's process goes too.
const stop = () => void closeSearchIndex().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);

const loading = performance.now();
try {
  files = new CatalogueFiles(root, contentDir);
  files.loadAll();
  say(`Fiches vérifiées en ${seconds(loading)}.`);
  void drain();
} catch (error) {
  // A broken grid (criteria/): reported, and this builder waits to be replaced.
  files = undefined;
  process.stderr.write(`Impossible de vérifier les fiches : ${describe(error)}\n`);
  report(false);
}
