// npm run bench:preview [-- <count>] [--runs <n>] [--only preview|dev]
//
// Times what a contributor waits for, on a synthetic catalogue of `count`
// solutions (default 1,000; copies of the demo files, scripts/bench-synthetic.ts),
// processes started as a contributor starts them:
// - `catalogue preview FILE` on a new file: from the command's start to the
//   URL printed, then to the page and the DSFR stylesheet served (the budget
//   is 2 s at 10,000 solutions);
// - `npm run dev` (src/pipeline/dev.ts): after its first build, one
//   solution's name changed on disk, until its page is served with the new
//   name, and until the dev server reports the update done (lists and
//   single pages written; budget 2 s at 10,000 solutions).
//
// The synthetic project sits in the project's .cache/ folder (ignored by
// git), with a link to src/, so that its precompiled validator (schemas/)
// finds ajv's runtime and the formats it requires, as in the real project. Timings are printed, never asserted.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ASSET_URLS, solutionUrl } from "../src/view/urls.ts";
import { demoFiles, writeSyntheticCatalogue } from "./bench-synthetic.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "5" }, only: { type: "string" } } });
const count = Number(positionals[0] ?? 1000);
const runs = Number(values.runs);
const ROOT = process.cwd();
const DEMO = path.join(ROOT, "content", "solutions");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const show = (xs: number[]) => `médiane ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(", ")})`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the first line of `child`'s stdout that matches, and the time it came. */
function lineMatching(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<{ line: string; at: number }> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`pas de ligne ${pattern} après ${timeoutMs} ms :\n${buffer.slice(-2000)}`)), timeoutMs);
    const onData = (data: Buffer) => {
      buffer += data.toString();
      const line = buffer.split("\n").find((l) => pattern.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve({ line, at: performance.now() });
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`processus arrêté (code ${code}) avant la ligne ${pattern} :\n${buffer.slice(-2000)}`));
    });
  });
}

async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
}

/** Every process started, stopped whatever happens. */
const children = new Set<ChildProcess>();

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

/** npm run dev on the synthetic project: first build, then the name of `newcomer` changed `runs` times. */
async function benchDev(project: string, newcomer: string): Promise<void> {
  const dev = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src", "pipeline", "dev.ts"), "--root", project, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  children.add(dev);
  try {
    const startedAt = performance.now();
    const { line } = await lineMatching(dev, /servi sur http/, 600_000);
    console.log(`npm run dev, première construction   : ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    const origin = /http:\/\/\S+?\//.exec(line)![0];
    const pageUrl = new URL(solutionUrl("nouvelle-solution"), origin).href;
    const shown: number[] = [];
    const reported: number[] = [];
    const original = readFileSync(newcomer, "utf8");
    for (let run = 1; run <= runs; run++) {
      const name = `Nouvelle solution de mesure, version ${run}`;
      const done = lineMatching(dev, /nouvelle-solution\.\w+ : \d+ fichiers? réécrits?/, 120_000);
      const start = performance.now();
      writeFileSync(newcomer, original.replace(/^name: .*$/m, `name: ${name}`));
      while (!(await get(pageUrl)).body.includes(name)) await sleep(10);
      shown.push(performance.now() - start);
      reported.push((await done).at - start);
      await sleep(300);
    }
    console.log(`npm run dev, nom changé → page servie : ${show(shown)}`);
    console.log(`npm run dev, nom changé → mise à jour terminée (listes, pages uniques) : ${show(reported)}`);
  } finally {
    await stop(dev);
  }
}

const cache = path.join(ROOT, ".cache");
mkdirSync(cache, { recursive: true });
const project = mkdtempSync(path.join(cache, "bench-preview-"));
try {
  for (const dir of ["criteria", "schemas"]) cpSync(path.join(ROOT, dir), path.join(project, dir), { recursive: true });
  // The precompiled validator requires ../src/lib/formats.cjs.
  symlinkSync(path.join(ROOT, "src"), path.join(project, "src"));
  const contentDir = path.join(project, "content", "solutions");
  writeSyntheticCatalogue(DEMO, contentDir, count);
  // The newcomer: a demo file under a slug, name and website of its own.
  const demo = demoFiles(DEMO)[0]!;
  const extension = path.extname(demo);
  const newcomer = path.join(contentDir, `nouvelle-solution${extension}`);
  writeFileSync(
    newcomer,
    readFileSync(path.join(DEMO, demo), "utf8")
      .replace(/^slug: .*$/m, "slug: nouvelle-solution")
      .replace(/^name: .*$/m, "name: Nouvelle solution de mesure")
      .replace(/^website: .*$/m, "website: https://nouvelle-solution.example.org/")
      .replace(/^logo: .*\n/m, ""),
  );
  console.log(`${count} fiches (+ 1 nouvelle) dans ${path.relative(ROOT, project)}`);

  const url: number[] = [];
  const served: number[] = [];
  for (let run = 0; run < (values.only === "dev" ? 0 : runs); run++) {
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "catalogue.js"), "preview", newcomer], { cwd: project, stdio: ["ignore", "pipe", "inherit"] });
    children.add(child);
    const { line, at } = await lineMatching(child, /http:\/\/127\.0\.0\.1:\d+\//, 120_000);
    const address = /http:\/\/\S+/.exec(line)![0];
    const [page, css] = await Promise.all([get(address), get(`${new URL(address).origin}${ASSET_URLS.dsfrCss}`)]);
    const end = performance.now();
    if (page.status !== 200 || !page.body.includes("Nouvelle solution de mesure") || css.status !== 200) throw new Error(`aperçu incomplet : ${page.status} ${css.status}`);
    url.push(at - start);
    served.push(end - start);
    await stop(child);
  }
  if (url.length > 0) {
    console.log(`catalogue preview, URL affichée      : ${show(url)}`);
    console.log(`catalogue preview, page et CSS servis : ${show(served)}`);
  }
  if (values.only !== "preview") await benchDev(project, newcomer);

} finally {
  await Promise.all([...children].map(stop));
  rmSync(project, { recursive: true, force: true });
}
