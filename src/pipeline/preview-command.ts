// `catalogue preview FILE`: checks a solution file against the catalogue
// (preview-check.ts), then renders its page (preview.ts) and serves it on
// 127.0.0.1 with the assets it needs, until Ctrl+C; or writes the page's
// HTML to stdout (--no-serve), or the small preview site to a folder (--out).
// Loaded by src/cli/preview.ts only when the command runs.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { GridError } from "../lib/grid.ts";
import { errorsOf, formatProblems } from "../lib/report.ts";
import { escapeControls } from "../lib/text.ts";
import { outputFile } from "../view/urls.ts";
import { shownPath } from "../lib/catalogue.ts";
import { checkAgainstCatalogue } from "./preview-check.ts";
import { previewSite } from "./preview.ts";
import { createStaticServer } from "./serve.ts";

export interface PreviewCommand {
  file: string;
  /** serve: on 127.0.0.1 until stopped; html: the page on stdout; folder: the preview site written to `out`. */
  mode: "serve" | "html" | "folder";
  out?: string;
  /** 0 for a free port. */
  port: number;
  /** Project root holding criteria/ and content/ (the working directory by default, as for `validate`). */
  root?: string;
  today?: string;
}

const say = (text: string) => process.stderr.write(`${text}\n`);

/** Runs the command; resolves to the exit code (after Ctrl+C when serving). */
export async function runPreview(command: PreviewCommand): Promise<number> {
  const root = path.resolve(command.root ?? process.cwd());
  const contentDir = path.join(root, "content", "solutions");
  if (!existsSync(command.file)) {
    say(`catalogue preview : ${escapeControls(command.file)} : fichier introuvable`);
    return 2;
  }
  let check;
  try {
    check = checkAgainstCatalogue(command.file, { root, contentDir, ...(command.today ? { today: command.today } : {}) });
  } catch (error) {
    if (error instanceof GridError) {
      say(`catalogue preview : grille de critères invalide\n${escapeControls(error.message)}`);
      return 2;
    }
    throw error;
  }
  if (check.problems.length > 0) process.stderr.write(formatProblems(check.problems, "text"));
  const errors = errorsOf(check.problems).length;
  if (errors > 0 || !check.solution) {
    say(`Fiche invalide (${errors} ${errors > 1 ? "erreurs" : "erreur"}) : corrigez-la, puis relancez l'aperçu.`);
    return 1;
  }
  const solution = check.solution;
  const inContent = path.dirname(path.resolve(command.file)) === contentDir;
  if (check.replaces.length > 0) say(`Aperçu de ${escapeControls(shownPath(path.resolve(command.file)))} à la place de ${check.replaces.map(escapeControls).join(", ")}.`);
  const site = previewSite(check.grid, solution, {
    root,
    stats: check.stats,
    // Outside content/solutions, the page links the file where it will be.
    ...(inContent ? {} : { repositoryFile: shownPath(path.join(contentDir, path.basename(command.file))) }),
  });

  if (command.mode === "html") {
    process.stdout.write(site.page.html);
    return 0;
  }
  if (command.mode === "folder") {
    const out = path.resolve(command.out!);
    await site.write(out);
    process.stdout.write(`Aperçu écrit dans ${escapeControls(command.out!)} : la page de la fiche est ${escapeControls(path.join(command.out!, outputFile(site.page.url)))}\n`);
    return 0;
  }

  // Whoever reads our output may go first (a closed pipe): the server still stops cleanly.
  process.stdout.on("error", () => {});
  const dir = await mkdtemp(path.join(os.tmpdir(), "catalogue-apercu-"));
  try {
    await site.write(dir);
    const server = createStaticServer(dir);
    const port = await listen(server, command.port);
    if (port === undefined) {
      say(`catalogue preview : le port ${command.port} est déjà utilisé ; choisissez-en un autre (--port) ou laissez l'aperçu en trouver un libre (sans --port).`);
      return 2;
    }
    process.stdout.write(`Aperçu de « ${escapeControls(solution.name)} » : http://127.0.0.1:${port}${site.page.url}\nLes autres pages du site n'en font pas partie. Ctrl+C pour arrêter.\n`);
    await stopped();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    process.stdout.write("Aperçu arrêté.\n");
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Listens on 127.0.0.1 only; resolves to the port, or undefined when it is taken. */
function listen(server: Server, port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(undefined) : reject(error)));
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** Resolves on the first Ctrl+C (SIGINT) or SIGTERM. */
function stopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
