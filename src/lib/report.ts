// Formats problems for people (text), programs (json) and GitHub Actions
// annotations (github). Every contributor-controlled part is escaped so a file
// cannot forge terminal sequences or workflow commands.
import { escapeControls } from "./text.ts";
import type { Problem } from "./types.ts";

export type ReportFormat = "text" | "json" | "github";

export function formatProblems(problems: readonly Problem[], format: ReportFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(
        problems.map((p) => ({ file: p.file, line: p.line, column: p.column, pointer: p.pointer, severity: p.severity, message: p.message })),
        null,
        2,
      )}\n`;
    case "github":
      return problems.map(githubLine).join("");
    case "text":
      return problems
        .map((p) => `${escapeControls(p.file)}:${p.line}:${p.column}  ${escapeControls(p.field)}  ${p.severity === "warning" ? "avertissement : " : ""}${escapeControls(p.message)}\n`)
        .join("");
  }
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function githubLine(p: Problem): string {
  const property = (v: string) => escapeControls(v).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
  const data = (v: string) => escapeControls(v).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const command = p.severity === "warning" ? "warning" : "error";
  return `::${command} file=${property(p.file)},line=${p.line},col=${p.column},title=${property(p.field)}::${data(p.message)}\n`;
}

/** One-line French summary for the end of a run. */
export function summary(files: number, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error");
  const invalid = new Set(errors.map((p) => p.file)).size;
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  if (files === 0 && errors.length === 0) return "Aucune fiche trouvée.";
  if (errors.length === 0) return `${plural(files, "fiche valide", "fiches valides")}.`;
  return `${plural(errors.length, "erreur", "erreurs")} dans ${plural(invalid, "fiche", "fiches")} sur ${files}.`;
}
