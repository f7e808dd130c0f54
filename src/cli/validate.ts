// `catalogue validate [paths…] [--format text|json|github] [--changed [--base REF]] [--scope]`
import { checkSolutions } from "../lib/catalogue.ts";
import { GridError } from "../lib/grid.ts";
import { jobSummary } from "../lib/job-summary.ts";
import { errorsOf, formatProblems, summary, type ReportFormat } from "../lib/report.ts";
import { escapeControls } from "../lib/text.ts";
import type { Problem } from "../lib/types.ts";
import { branchChanges, GitError, type BranchChanges } from "./git.ts";
import { checkScope } from "./scope.ts";
import { appendStepSummary } from "./step-summary.ts";

const FORMATS: readonly ReportFormat[] = ["text", "json", "github"];
const DEFAULT_PATHS = ["content"];

interface Options {
  format: ReportFormat;
  paths: string[];
  changed: boolean;
  base?: string;
  scope: boolean;
}

const usageError = (message: string) => {
  process.stderr.write(`catalogue validate : ${message}\n`);
  return 2;
};

/** The options, or an exit code after a usage error. */
function parse(args: string[]): Options | number {
  const options: Options = { format: "text", paths: [], changed: false, scope: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const valued = (name: string) => arg === name || arg.startsWith(`${name}=`);
    const value = (name: string) => (arg === name ? args[++i] : arg.slice(name.length + 1));
    if (valued("--format")) {
      const format = value("--format");
      if (!FORMATS.includes(format as ReportFormat)) {
        return usageError(`format ${format === undefined ? "manquant" : `« ${escapeControls(format)} » inconnu`} ; formats possibles : ${FORMATS.join(", ")}`);
      }
      options.format = format as ReportFormat;
    } else if (valued("--base")) {
      const base = value("--base");
      if (base === undefined) return usageError("--base attend une référence git (branche, étiquette ou commit)");
      options.base = base;
    } else if (arg === "--changed") options.changed = true;
    else if (arg === "--scope") options.scope = true;
    else if (arg === "--") {
      options.paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith("-")) return usageError(`option inconnue « ${escapeControls(arg)} »`);
    else options.paths.push(arg);
  }
  if ((options.changed || options.scope) && options.paths.length > 0) {
    return usageError("--changed et --scope portent sur les fichiers modifiés de la branche : n'indiquez pas de chemin");
  }
  if (options.base !== undefined && !options.changed && !options.scope) return usageError("--base ne s'emploie qu'avec --changed ou --scope");
  return options;
}

export function runValidate(args: string[]): number {
  const options = parse(args);
  if (typeof options === "number") return options;
  const { format } = options;

  let changes: BranchChanges | undefined;
  if (options.changed || options.scope) {
    try {
      changes = branchChanges(process.cwd(), options.base);
    } catch (error) {
      if (error instanceof GitError) return usageError(error.message);
      throw error;
    }
  }
  if (options.scope) {
    const outcome = checkScope(changes!, format);
    process.stdout.write(outcome.stdout);
    process.stderr.write(outcome.stderr);
    if (outcome.summary) warn(appendStepSummary((budget) => (Buffer.byteLength(outcome.summary!) <= budget ? outcome.summary! : "")));
    return outcome.code;
  }

  // Deleted files are gone; every other path the branch touches may be a solution file or a logo.
  const changed = changes?.paths.filter((p) => p.status !== "D");
  let result;
  try {
    result = checkSolutions(options.paths.length > 0 ? options.paths : DEFAULT_PATHS, changed && { changed: changed.map((p) => p.absolute) });
  } catch (error) {
    if (error instanceof GridError) {
      process.stderr.write(`catalogue validate : grille de critères invalide\n${escapeControls(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  if (result.missing.length > 0) {
    // A path that does not exist is a usage error, not an invalid file.
    for (const missing of result.missing) process.stderr.write(`catalogue validate : ${escapeControls(missing)} : fichier ou dossier introuvable\n`);
    return 2;
  }
  const problems: Problem[] = [...result.problems];
  // A name git gives that is not UTF-8 matches no file the loader reads: report it here.
  for (const p of changed ?? []) {
    if (!p.utf8 && DEFAULT_PATHS.some((dir) => p.path.startsWith(`${dir}/`))) {
      problems.push({ file: p.path, line: 1, column: 1, pointer: "", field: "-", message: "nom de fichier invalide : il doit être en UTF-8" });
    }
  }

  process.stdout.write(formatProblems(problems, format));
  if (format === "text") {
    const line = summary(result.files, problems);
    if (!changes) process.stderr.write(`${line}\n`);
    else {
      const none = result.files === 0 && problems.length === 0;
      process.stderr.write(`Par rapport à « ${escapeControls(changes.base)} » : ${none ? "aucune fiche ajoutée ni modifiée." : line}\n`);
    }
  }
  warn(appendStepSummary((budget) => jobSummary({ grid: result.grid, files: result.checked, problems, solutions: result.solutions, base: changes?.base }, budget)));
  return errorsOf(problems).length > 0 ? 1 : 0;
}

function warn(message: string | undefined): void {
  if (message) process.stderr.write(`catalogue validate : ${message}\n`);
}
