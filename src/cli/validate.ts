// `catalogue validate [paths…] [--format text|json|github]`
import { checkSolutions } from "../lib/catalogue.ts";
import { GridError } from "../lib/grid.ts";
import { errorsOf, formatProblems, summary, type ReportFormat } from "../lib/report.ts";
import { escapeControls } from "../lib/text.ts";

const FORMATS: readonly ReportFormat[] = ["text", "json", "github"];

export function runValidate(args: string[]): number {
  let format: ReportFormat = "text";
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg === "--format" ? args[++i] : arg.slice("--format=".length);
      if (!FORMATS.includes(value as ReportFormat)) {
        process.stderr.write(`catalogue validate : format ${value === undefined ? "manquant" : `« ${escapeControls(value)} » inconnu`} ; formats possibles : ${FORMATS.join(", ")}\n`);
        return 2;
      }
      format = value as ReportFormat;
    } else if (arg === "--") {
      paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith("-")) {
      process.stderr.write(`catalogue validate : option inconnue « ${escapeControls(arg)} »\n`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) paths.push("content");

  let result;
  try {
    result = checkSolutions(paths);
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
  const output = formatProblems(result.problems, format);
  process.stdout.write(output);
  if (format === "text") process.stderr.write(`${summary(result.files, result.problems)}\n`);
  return errorsOf(result.problems).length > 0 ? 1 : 0;
}
