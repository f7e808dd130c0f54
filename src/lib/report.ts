// Formats problems for people (text), programs (json) and GitHub Actions
// annotations (github). Every contributor-controlled part is escaped so a file
// cannot forge terminal sequences or workflow commands.
import { escapeControls } from "./text.ts";
import type { Problem } from "./types.ts";
import { RAW_IN_JSON, unicodeEscape } from "./unicode.ts";

export type ReportFormat = "text" | "json" | "github";

// GitHub's runner also reads the legacy "##[command]" syntax anywhere in a
// log line: break it in text and JSON output.
const neutraliseLegacyCommands = (text: string) => text.replaceAll("##[", "##\\u005b");

/** Field paths are shown shortened: a key can be as long as the file. */
const shortField = (field: string) => (field.length > 80 ? `${field.slice(0, 79)}…` : field);

export function formatProblems(problems: readonly Problem[], format: ReportFormat): string {
  switch (format) {
    case "json": {
      const json = JSON.stringify(
        problems.map((p) => ({ file: p.file, line: p.line, column: p.column, pointer: p.pointer, severity: p.severity ?? "error", message: p.message })),
        null,
        2,
      );
      // Characters JSON.stringify leaves raw but a terminal or a reviewer must not receive raw.
      return `${neutraliseLegacyCommands(json.replace(RAW_IN_JSON, unicodeEscape))}\n`;
    }
    case "github":
      return problems.map(githubLine).join("");
    case "text":
      return neutraliseLegacyCommands(
        problems
          .map((p) => `${escapeControls(p.file)}:${p.line}:${p.column}  ${p.severity === "warning" ? "avertissement : " : ""}${escapeControls(shortField(p.field))}  ${escapeControls(p.message)}\n`)
          .join(""),
      );
  }
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function githubLine(p: Problem): string {
  const property = (v: string) => escapeControls(v).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
  const data = (v: string) => escapeControls(v).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return `::${p.severity === "warning" ? "warning" : "error"} file=${property(p.file)},line=${p.line},col=${p.column},title=${property(shortField(p.field))}::${neutraliseLegacyCommands(data(p.message))}\n`;
}

/** The problems that block a file (every problem but warnings). */
export const errorsOf = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.severity !== "warning");

/** One-line French summary for the end of a run. */
export function summary(files: number, problems: readonly Problem[]): string {
  const errors = errorsOf(problems);
  const warnings = problems.length - errors.length;
  const invalid = new Set(errors.map((p) => p.file)).size;
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const warned = warnings > 0 ? ` ; ${plural(warnings, "avertissement", "avertissements")}` : "";
  if (files === 0 && problems.length === 0) return "Aucune fiche trouvée.";
  if (errors.length === 0) return `${plural(files, "fiche valide", "fiches valides")}${warned}.`;
  return `${plural(errors.length, "erreur", "erreurs")} dans ${plural(invalid, "fiche", "fiches")} sur ${files}${warned}.`;
}
