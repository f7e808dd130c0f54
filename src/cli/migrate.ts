// `catalogue migrate FILE…`: rewrites solution files evaluated on an older
// grid version to the version in force (src/lib/migrate.ts), and says, per
// file, which criteria the provider must answer again. Every file is
// migrated in memory first: on any error, no file is written. Each file is
// then written whole to a temporary file and renamed over the original.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../contribute/write.ts";
import { shownPath } from "../lib/catalogue.ts";
import { compiledGridHash } from "../lib/compiled-validator.ts";
import { findSolutionFiles } from "../lib/files.ts";
import { GridError, loadGrid } from "../lib/grid.ts";
import { migrateFile, type Migration } from "../lib/migrate.ts";
import { escapeControls } from "../lib/text.ts";

const shown = (file: string) => escapeControls(shownPath(file));

export function runMigrate(args: string[]): number {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("-")) {
      process.stderr.write(`catalogue migrate : option inconnue « ${escapeControls(arg)} »\n`);
      return 2;
    }
    paths.push(arg);
  }
  if (paths.length === 0) {
    process.stderr.write("catalogue migrate : indiquez les fiches à migrer, par exemple : catalogue migrate content/solutions/ma-solution.yaml\n");
    return 2;
  }
  let grid;
  try {
    grid = loadGrid(process.cwd(), compiledGridHash);
  } catch (error) {
    if (error instanceof GridError) {
      process.stderr.write(`catalogue migrate : grille de critères invalide\n${escapeControls(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  const found = findSolutionFiles(paths);
  for (const missing of found.missing) process.stderr.write(`catalogue migrate : ${escapeControls(missing)} : fichier ou dossier introuvable\n`);
  if (found.missing.length > 0) return 2;

  const errors = found.rejected.map(({ file, message }) => `${shown(file)}:1:1  ${message}`);
  const results: { file: string; migration: Migration }[] = [];
  for (const file of found.solutions) {
    let migration: Migration;
    try {
      migration = migrateFile(readFileSync(file), path.extname(file).toLowerCase() === ".md" ? "md" : "yaml", grid);
    } catch (error) {
      migration = { status: "error", line: 1, column: 1, message: `fiche illisible : ${error instanceof Error ? error.message : "erreur inattendue"}` };
    }
    if (migration.status === "error") errors.push(`${shown(file)}:${migration.line}:${migration.column}  ${escapeControls(migration.message)}`);
    results.push({ file, migration });
  }
  if (errors.length > 0) {
    process.stderr.write(`${errors.join("\n")}\nAucune fiche n'a été modifiée : corrigez ${errors.length > 1 ? "ces erreurs" : "cette erreur"}, puis relancez la commande.\n`);
    return 1;
  }

  let migrated = 0;
  for (const { file, migration } of results) {
    if (migration.status === "current") {
      process.stdout.write(`${shown(file)} : déjà évaluée selon la grille ${migration.version} en vigueur, rien à faire.\n`);
      continue;
    }
    if (migration.status !== "migrated") continue;
    try {
      // Replaces the file in one step, keeping its permissions: never a half-written file.
      writeFileAtomic(file, migration.text, true, statSync(file).mode & 0o777);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "erreur";
      process.stderr.write(`${shown(file)} : écriture impossible (${code}) ; le fichier est inchangé.${migrated > 0 ? ` Les ${migrated} fiches précédentes sont déjà migrées.` : ""}\n`);
      return 1;
    }
    migrated++;
    process.stdout.write(report(shown(file), migration));
  }
  const current = results.length - migrated;
  process.stdout.write(`${results.length} ${results.length > 1 ? "fiches" : "fiche"} : ${migrated} ${migrated > 1 ? "migrées" : "migrée"} vers la grille ${grid.version}, ${current} déjà à jour.\n`);
  return 0;
}

function report(file: string, m: Extract<Migration, { status: "migrated" }>): string {
  const lines = [`${file} : grille ${m.from} → ${m.to}, fiche réécrite.`];
  if (m.toAnswer.length > 0) {
    lines.push("  Critères à renseigner de nouveau :");
    for (const item of m.toAnswer) {
      lines.push(`    - ${item.id} « ${item.title} » : ${item.kind === "confirm" ? "à confirmer" : "à renseigner"} ; ${escapeControls(item.reason)}`);
    }
  } else lines.push("  Aucun critère à renseigner de nouveau.");
  if (m.renamed.length > 0) lines.push(`  Réponses gardées sous un nouvel identifiant : ${m.renamed.map(([from, to]) => `${from} → ${to}`).join(", ")}.`);
  if (m.removed.length > 0) lines.push(`  Réponses retirées (critères supprimés de la grille) : ${m.removed.join(", ")}.`);
  lines.push(`  Vérifiez ensuite la fiche : catalogue validate ${file}`);
  return `${lines.join("\n")}\n`;
}
