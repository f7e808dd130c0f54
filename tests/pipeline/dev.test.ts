// `npm run dev` (src/pipeline/dev.ts) on a copy of the fixture project:
// builds and serves the site, follows a change of one solution file without
// rewriting the other pages, reports a broken edit in French while serving
// the last good site, rebuilds everything after a change of the grid, and
// stops cleanly. Waits poll generously; nothing here measures time.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BASE, PROJECT_ROOT } from "../helpers.ts";
import { siteProject } from "./preview-project.ts";

const test = suite("npm run dev");
const project = siteProject();
const solutions = path.join(project, "content", "solutions");
const site = path.join(project, "_site");
let dev: ChildProcess | undefined;
let output = "";
let origin = "";

async function until<T>(condition: () => T | undefined | Promise<T | undefined>, what: string, seconds = 50): Promise<T> {
  for (let waited = 0; waited < seconds * 1000; waited += 100) {
    const value = await condition();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`délai dépassé : ${what}\n${output.slice(-3000)}`);
}

/** The page at site path `sitePath`, under the base path as the site is published. */
async function page(sitePath: string): Promise<string> {
  const response = await fetch(new URL(`${BASE}${sitePath}`, origin));
  return response.text();
}

function edit(file: string, from: RegExp, to: string): void {
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
}

test.after(() => {
  dev?.kill("SIGKILL");
});

test("builds the site once and serves it", async () => {
  dev = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "src", "pipeline", "dev.ts"), "--root", project, "--port", "0"], { cwd: PROJECT_ROOT });
  dev.stdout!.on("data", (data: Buffer) => (output += data.toString()));
  dev.stderr!.on("data", (data: Buffer) => (output += data.toString()));
  // The address printed is the site's home, under the base path.
  origin = await until(() => /Site de développement servi sur (http:\/\/127\.0\.0\.1:\d+)\/catalogue-solutions-numeriques\/ \(/.exec(output)?.[1], "l'adresse du site");
  assert.match(await page("/"), "<!doctype html>");
  assert.match(await page("/solutions/visio-libre/"), '<h1 class="fr-mb-1w">Visio Libre</h1>');
});

test("a name changed: its page and the catalogue show it, another solution's page is not rewritten", async () => {
  const other = path.join(site, "solutions", "signature-piege", "index.html");
  utimesSync(other, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
  edit(path.join(solutions, "visio-libre.yaml"), /^name: .*$/m, "name: Visio Libérée");
  await until(async () => ((await page("/solutions/visio-libre/")).includes('<h1 class="fr-mb-1w">Visio Libérée</h1>') ? true : undefined), "la fiche renommée");
  assert.match(await page("/catalogue/"), "Visio Libérée");
  await until(() => (output.includes("La recherche n'est pas mise à jour") ? true : undefined), "le compte rendu de la mise à jour");
  assert.is(statSync(other).mtime.toISOString(), "2026-01-01T00:00:00.000Z");
});

test("a broken edit: the error in French, and the last good page still served", async () => {
  edit(path.join(solutions, "visio-libre.yaml"), /^distribution: .*$/m, "distribution: gratuite");
  await until(() => (output.includes("le site n'est pas mis à jour, le site servi reste la dernière version valide") ? true : undefined), "l'erreur");
  assert.match(output, /content\/solutions\/visio-libre\.yaml:21:15 {2}distribution {2}valeur « gratuite » non reconnue ; valeurs possibles : libre, proprietaire, hybride\n1 erreur : le site n'est pas mis à jour/);
  assert.match(await page("/solutions/visio-libre/"), '<h1 class="fr-mb-1w">Visio Libérée</h1>');
  edit(path.join(solutions, "visio-libre.yaml"), /^distribution: .*$/m, "distribution: libre");
});

test("a change in criteria/: the whole site built again, the old one served meanwhile", async () => {
  edit(path.join(project, "criteria", "grid.yaml"), /title: Numérique responsable/, "title: Numérique sobre");
  await until(async () => ((await page("/themes/numerique-responsable/")).includes("Numérique sobre") ? true : undefined), "la grille modifiée");
  assert.match(output, "reconstruction complète en arrière-plan ; l'ancien site reste servi en attendant.");
  // The solution file, fixed just before, is in the new site.
  assert.match(await page("/solutions/visio-libre/"), '<h1 class="fr-mb-1w">Visio Libérée</h1>');
});

test("Ctrl+C stops it cleanly", async () => {
  const exited = new Promise<number | null>((resolve) => dev!.once("exit", (code) => resolve(code)));
  dev!.kill("SIGINT");
  assert.is(await exited, 0);
  assert.match(output, /Serveur de développement arrêté\.\n$/);
  dev = undefined;
});

test.run();
