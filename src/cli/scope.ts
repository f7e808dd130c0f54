// `catalogue validate --scope`: a pull request that adds or edits solutions
// touches only their files (content/solutions/<slug>.yaml or .md and the
// logo beside it), so that it can be reviewed as data; any other change goes
// in a pull request of its own.
import { markdownText } from "../lib/markdown-escape.ts";
import { formatProblems, type ReportFormat } from "../lib/report.ts";
import { escapeControls } from "../lib/text.ts";
import type { Problem } from "../lib/types.ts";
import { type BranchChanges } from "./git.ts";

/** The folder of the solution files, relative to the project root. */
export const SOLUTIONS_DIR = "content/solutions/";
/** Files listed by name in a message; the rest are counted. */
const LISTED = 20;

export interface Scope {
  /** Changed paths under content/solutions/. */
  solutions: string[];
  /** Every other changed path. */
  others: string[];
}

/** Splits the paths a branch touches (relative to the project root) into solution files and the rest. */
export function splitScope(paths: readonly string[]): Scope {
  const unique = [...new Set(paths)].sort();
  return { solutions: unique.filter((p) => p.startsWith(SOLUTIONS_DIR)), others: unique.filter((p) => !p.startsWith(SOLUTIONS_DIR)) };
}

export const isMixed = (scope: Scope) => scope.solutions.length > 0 && scope.others.length > 0;

const MIXED =
  "cette demande de fusion modifie à la fois des fiches (content/solutions/) et d'autres fichiers. " +
  "Une demande qui ajoute ou modifie des solutions ne contient que leurs fiches et leurs logos, pour être relue comme des données : " +
  "proposez les autres modifications dans une demande séparée.";

function listed(paths: readonly string[], show: (p: string) => string): string {
  const more = paths.length - LISTED;
  return paths.slice(0, LISTED).map(show).join(", ") + (more > 0 ? ` et ${more} autre${more > 1 ? "s" : ""}` : "");
}

/** The French explanation of a mixed pull request, one line per part. */
export function scopeText(scope: Scope): string {
  const show = (p: string) => escapeControls(p);
  return `${MIXED}\nFiches : ${listed(scope.solutions, show)}\nAutres fichiers : ${listed(scope.others, show)}\n`;
}

/** The same, for the job summary (contributor file names escaped for Markdown). */
export function scopeMarkdown(scope: Scope): string {
  const show = (p: string) => markdownText(p);
  return `## Périmètre de la demande de fusion\n\n${markdownText(MIXED)}\n\n- Fiches : ${listed(scope.solutions, show)}\n- Autres fichiers : ${listed(scope.others, show)}\n`;
}

/** One annotation per other file (the first ones), on line 1, for --format github. */
export function scopeAnnotations(scope: Scope): string {
  const problems: Problem[] = scope.others.slice(0, LISTED).map((file) => ({
    file,
    line: 1,
    column: 1,
    pointer: "",
    field: "-",
    message: "fichier hors de content/solutions/ dans une demande qui modifie aussi des fiches : proposez-le dans une demande séparée",
  }));
  return formatProblems(problems, "github");
}

export interface ScopeOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** Markdown for the job summary, when the scope is refused. */
  summary?: string;
}

export function checkScope(changes: BranchChanges, format: ReportFormat): ScopeOutcome {
  const scope = splitScope(changes.paths.map((p) => p.path));
  const against = `par rapport à « ${escapeControls(changes.base)} »`;
  if (!isMixed(scope)) {
    const n = scope.solutions.length;
    const what = n > 0 ? `ne modifie que des fiches (${n} fichier${n > 1 ? "s" : ""} sous ${SOLUTIONS_DIR})` : "ne modifie aucune fiche";
    return { code: 0, stdout: "", stderr: `Périmètre ${against} : la branche ${what}.\n` };
  }
  return {
    code: 1,
    stdout: format === "github" ? scopeAnnotations(scope) : "",
    stderr: `catalogue validate --scope : ${scopeText(scope)}`,
    summary: scopeMarkdown(scope),
  };
}
