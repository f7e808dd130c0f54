// `npm run dev`: builds the site once, serves it under its base path on
// http://127.0.0.1:8080/catalogue-solutions-numeriques/ (src/view/urls.ts;
// or --port, 0 for a free port), watches content/, criteria/ and src/site/,
// and keeps the site up to date:
// - a changed solution file (or logo): its page and the lists that show it
//   are rendered again, a few files instead of the whole site
//   (incremental.ts); the search index waits for the next full build;
// - a change in criteria/ or src/site/: a new builder process builds the
//   whole site in the background (grid, templates and assets are loaded
//   afresh), and the old site is served until the new one replaces it.
// Errors are reported in French; the last good site stays served.
//
// This process serves and watches; the building happens in a child process
// (dev-engine.ts), replaced on a full rebuild.
//
// Options: --root <dir> (criteria/ and content/; this project by default)
//   --content <dir>  --out <dir> (<root>/_site by default)  --port <n>
import { type ChildProcess, fork } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import { basePath, localSiteUrl } from "../view/urls.ts";
import { createStaticServer } from "./serve.ts";
import { type Burst, watchFolders } from "./watch.ts";

const ENGINE = fileURLToPath(new URL("./dev-engine.ts", import.meta.url));
const say = (text: string) => process.stdout.write(`${text}\n`);

function fail(message: string): never {
  process.stderr.write(`npm run dev : ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({ options: { root: { type: "string" }, content: { type: "string" }, out: { type: "string" }, port: { type: "string" } } });
const root = path.resolve(values.root ?? PROJECT_ROOT);
const contentDir = path.resolve(values.content ?? path.join(root, "content", "solutions"));
const outputDir = path.resolve(values.out ?? path.join(root, "_site"));
if (values.port !== undefined && (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)) fail(`port « ${values.port} » invalide (un nombre de 0 à 65535 ; 0 pour un port libre)`);
const criteriaDir = path.join(root, "criteria");
// The content folder is watched from its parent (content/), where logos may sit too.
const contentRoot = path.dirname(contentDir);
for (const dir of [contentRoot, criteriaDir, INPUT_DIR]) if (!existsSync(dir)) fail(`dossier introuvable : ${dir}`);
// A wrong site address (CATALOGUE_SITE_URL) stops here with its French message alone.
let prefix: string;
try {
  prefix = basePath();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

let engine: ChildProcess | undefined;
let announced = false;
let stopping = false;
let server: Server;

/** Removes what a stopped builder left beside the site (its unfinished build). */
function removeLeftovers(pid: number): void {
  const prefix = `${path.basename(outputDir)}.`;
  for (const name of readdirSync(path.dirname(outputDir))) {
    if (name.startsWith(prefix) && (name.includes(`.tmp-${pid}-`) || name.includes(`.old-${pid}-`))) rmSync(path.join(path.dirname(outputDir), name), { recursive: true, force: true });
  }
}

async function stopEngine(): Promise<void> {
  const current = engine;
  engine = undefined;
  if (!current || current.exitCode !== null || current.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    current.once("exit", () => resolve());
    current.kill("SIGTERM");
  });
  if (current.pid !== undefined) removeLeftovers(current.pid);
}

function startEngine(): void {
  const child = fork(ENGINE, ["--root", root, "--content", contentDir, "--out", outputDir], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  engine = child;
  child.on("message", (message: { type?: string }) => {
    if (message?.type !== "state" || announced) return;
    announced = true;
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : Number(values.port ?? 8080);
    say(`Site de développement servi sur ${localSiteUrl("127.0.0.1", port)} (dossier ${path.relative(process.cwd(), outputDir) || outputDir}). Ctrl+C pour arrêter.`);
  });
  child.on("exit", (code, signal) => {
    if (engine !== child || stopping) return; // stopped on purpose
    engine = undefined;
    process.stderr.write(`Le processus de construction s'est arrêté (${signal ?? `code ${code}`}) ; il repart à la prochaine modification. Le site servi reste le précédent.\n`);
  });
}

async function onBurst(burst: Burst): Promise<void> {
  if (burst.full.length > 0 || !engine) {
    // Editors' temporary files are gone by now: name what is still there.
    const named = burst.full.filter((file) => existsSync(file));
    const why = named.length > 0 ? named.slice(0, 3).join(", ") + (named.length > 3 ? "…" : "") : burst.full.length > 0 ? "criteria/ ou src/site/" : "Modification";
    say(`${why} : reconstruction complète en arrière-plan ; l'ancien site reste servi en attendant.`);
    await stopEngine();
    startEngine();
  } else if (burst.content.length > 0) {
    engine.send({ type: "changes", paths: burst.content });
  }
}

// Bursts are handled one after the other: a builder is never replaced twice at once.
let queue = Promise.resolve();
const watcher = watchFolders(
  [
    { dir: contentRoot, kind: "content" },
    { dir: criteriaDir, kind: "full" },
    { dir: INPUT_DIR, kind: "full" },
  ],
  (burst) => {
    queue = queue
      .then(() => onBurst(burst))
      .catch((error: unknown) => {
        process.stderr.write(`npm run dev : ${error instanceof Error ? error.message : String(error)}\n`);
      });
  },
);

server = createStaticServer(outputDir, prefix);
server.once("error", (error: NodeJS.ErrnoException) => {
  watcher.close();
  fail(error.code === "EADDRINUSE" ? `le port ${values.port ?? 8080} est déjà utilisé ; choisissez-en un autre avec --port (0 pour un port libre)` : error.message);
});
server.listen(Number(values.port ?? 8080), "127.0.0.1", () => startEngine());

async function shutdown(): Promise<void> {
  stopping = true;
  watcher.close();
  await stopEngine();
  server.closeAllConnections();
  server.close();
  say("Serveur de développement arrêté.");
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void shutdown());
