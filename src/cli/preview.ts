// `catalogue preview FILE [--port N] [--no-serve] [--out DIR]`: arguments
// only. The work (checking, rendering with the site's templates, serving)
// lives in src/pipeline and is imported when the command runs, so that
// `catalogue validate` never loads the templates or the build.
import { escapeControls } from "../lib/text.ts";

const USAGE_HINT = "utilisation : catalogue preview <fichier> [--port N] [--no-serve | --out <dossier>]";

export async function runPreviewCommand(args: string[]): Promise<number> {
  const files: string[] = [];
  let port = 0;
  let mode: "serve" | "html" | "folder" = "serve";
  let out: string | undefined;
  const fail = (message: string) => {
    process.stderr.write(`catalogue preview : ${message}\n${USAGE_HINT}\n`);
    return 2;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (name === "--port") {
      const value = inline ?? args[++i];
      if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65535) return fail(`port ${value === undefined ? "manquant" : `« ${escapeControls(value)} » invalide`} (un nombre de 0 à 65535 ; 0 pour un port libre)`);
      port = Number(value);
    } else if (name === "--no-serve") {
      mode = "html";
    } else if (name === "--out") {
      out = inline ?? args[++i];
      if (out === undefined || out === "") return fail("dossier manquant après --out");
      mode = "folder";
    } else if (arg === "--") {
      files.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith("-")) {
      return fail(`option inconnue « ${escapeControls(arg)} »`);
    } else files.push(arg);
  }
  if (files.length !== 1) return fail(files.length === 0 ? "fichier de fiche manquant" : "une seule fiche à la fois");
  if (args.includes("--no-serve") && out !== undefined) return fail("--no-serve et --out s'excluent : la page va sur la sortie standard ou dans le dossier");
  // Not bundled (the specifier is not a literal): the pipeline finds the
  // site's templates beside its sources, so bin/catalogue.js runs this
  // command from the sources.
  const pipeline: string = "../pipeline/preview-command.ts";
  const { runPreview } = (await import(pipeline)) as typeof import("../pipeline/preview-command.ts");
  return runPreview({ file: files[0]!, mode, port, ...(out !== undefined ? { out } : {}) });
}
