// The Markdown job summary of `catalogue validate` on GitHub Actions: per
// file, valid or not, its errors and its warnings apart, and for a valid
// file its six theme levels as its page on the site will show them. All
// contributor text goes through markdownText().
import { markdownText } from "./markdown-escape.ts";
import { errorsOf, summary } from "./report.ts";
import { scoreSolution } from "./score.ts";
import { themeFigures } from "./theme-figures.ts";
import type { Grid, Problem, Solution } from "./types.ts";

/** GitHub refuses a step summary over 1 MiB (what earlier commands of the step wrote counts too). */
export const SUMMARY_MAX_BYTES = 1024 * 1024;
/** Room kept for the line that counts the files left out. */
const FOOTER_BYTES = 256;

export interface SummaryInput {
  grid: Grid;
  /** The solution files checked, as shown in messages. */
  files: readonly string[];
  /** Problems of those files, and of refused paths (which are listed too). */
  problems: readonly Problem[];
  /** The valid solutions among those files. */
  solutions: readonly Solution[];
  /** With --changed: the base the files were compared with. */
  base?: string;
}

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |\n`;
const shortField = (field: string) => (field.length > 80 ? `${field.slice(0, 79)}…` : field);

function problemTable(problems: readonly Problem[], heading: string): string {
  let table = row(["Ligne", "Champ", heading]) + row(["---:", "---", "---"]);
  for (const p of problems) table += row([String(p.line), markdownText(shortField(p.field)), markdownText(p.message)]);
  return table;
}

function levelsTable(solution: Solution, grid: Grid): string {
  let table = row(["Thème", "Niveau", "Réponses favorables", "Critères renseignés"]) + row(["---", "---", "---:", "---:"]);
  const score = scoreSolution(solution, grid);
  grid.themes.forEach((theme, i) => {
    const figures = themeFigures(score.themes[i]!);
    table += row([markdownText(theme.title), markdownText(figures.label), markdownText(figures.favorable), markdownText(figures.filled)]);
  });
  return table;
}

function fileSection(file: string, problems: readonly Problem[], solution: Solution | undefined, grid: Grid): string {
  const errors = errorsOf(problems);
  const warnings = problems.filter((p) => p.severity === "warning");
  const state = errors.length > 0 ? "invalide" : warnings.length > 0 ? "valide, avec des avertissements" : "valide";
  let section = `### ${markdownText(file)} : ${state}\n\n`;
  if (errors.length > 0) section += `${problemTable(errors, "Erreur")}\n`;
  if (warnings.length > 0) section += `${problemTable(warnings, "Avertissement")}\n`;
  if (errors.length === 0 && solution) section += `${levelsTable(solution, grid)}\n`;
  return section;
}

/**
 * The summary, invalid files first (they matter most when the size bound
 * cuts the list), then the others, each group in path order. The result
 * never exceeds `maxBytes` (UTF-8): past it, the remaining files are counted,
 * not detailed; "" when not even the heading fits.
 */
export function jobSummary(input: SummaryInput, maxBytes = SUMMARY_MAX_BYTES): string {
  const byFile = new Map<string, Problem[]>();
  for (const file of input.files) byFile.set(file, []);
  for (const p of input.problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const bySource = new Map(input.solutions.map((s) => [s.sourceFile, s]));
  const files = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const invalid = files.filter((f) => errorsOf(byFile.get(f)!).length > 0);
  const valid = files.filter((f) => errorsOf(byFile.get(f)!).length === 0);

  let head = "## Vérification des fiches\n\n";
  if (input.base !== undefined) head += `Fiches ajoutées, modifiées ou renommées par rapport à « ${markdownText(input.base)} ».\n\n`;
  const empty = input.files.length === 0 && input.problems.length === 0;
  head += `${markdownText(empty && input.base !== undefined ? "Aucune fiche ajoutée ni modifiée." : summary(input.files.length, input.problems))}\n\n`;

  let out = head;
  let bytes = Buffer.byteLength(out);
  if (bytes + FOOTER_BYTES > maxBytes) return "";
  let shown = 0;
  for (const file of [...invalid, ...valid]) {
    const section = fileSection(file, byFile.get(file)!, bySource.get(file), input.grid);
    const size = Buffer.byteLength(section);
    const last = shown === files.length - 1;
    if (bytes + size + (last ? 0 : FOOTER_BYTES) > maxBytes) break;
    out += section;
    bytes += size;
    shown++;
  }
  const left = files.length - shown;
  if (left > 0) {
    out += `${left} ${left > 1 ? "fiches non détaillées" : "fiche non détaillée"} ici : le résumé d'une étape est limité à 1 Mio par GitHub. Le journal de l'étape donne tous les messages.\n`;
  }
  return out;
}
