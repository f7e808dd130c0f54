// The `evaluation` part of a draft: every criterion that concerns the chosen
// hosting modes, under its theme, as a commented block the provider
// uncomments to answer. Left commented, a criterion stays « non renseigné »,
// so the draft validates as written. Everything comes from the grid.
import { expectedAnswer } from "../lib/checks.ts";
import { applicabilityLabel } from "../lib/grid.ts";
import { LEVEL_LABELS } from "../lib/labels.ts";
import { ANSWERS_NEEDING_JUSTIFICATION } from "../lib/schema.ts";
import { criterionConcerns } from "../lib/score.ts";
import { ANSWERS, type Criterion, type Grid } from "../lib/types.ts";
import { commentLines } from "./comments.ts";
import type { DraftValues } from "./fields.ts";

const INDENT = "  ";
const COMMENT = `${INDENT}# `;

/** The criteria a draft lists for these hosting modes, in grid order. */
export function listedCriteria(grid: Grid, hosting: readonly string[]): Criterion[] {
  return grid.criteria.filter((c) => criterionConcerns(c, hosting));
}

/** Lines of the `evaluation` mapping: version, date, then the commented criteria. */
export function evaluationLines(values: DraftValues, grid: Grid, date: string): string[] {
  const hosting = values.hosting ?? [];
  const listed = listedCriteria(grid, hosting);
  const lines = ["evaluation:", `${INDENT}grid_version: ${JSON.stringify(grid.version)}`, `${INDENT}date: ${JSON.stringify(date)}`];
  lines.push(...commentLines(summary(grid, hosting, listed), COMMENT));
  const noJustification = ANSWERS.filter((a) => !(ANSWERS_NEEDING_JUSTIFICATION as readonly string[]).includes(a));
  lines.push(
    ...commentLines(
      "Pour répondre à un critère, retirez « # » (le dièse et l'espace qui le suit) au début de ses quatre dernières lignes (identifiant, answer, justification, evidence), " +
        "puis complétez-les. Un critère laissé en commentaire reste « non renseigné ».",
      COMMENT,
    ),
    ...commentLines(
      `Réponses possibles : ${ANSWERS.join(", ")}. La justification est obligatoire, sauf pour ${noJustification.map((a) => `« ${a} »`).join(", ")} ; ` +
        "la preuve (evidence), facultative, est l'adresse https d'un document public. Supprimez les lignes que vous ne remplissez pas.",
      COMMENT,
    ),
  );
  for (const theme of grid.themes) {
    const criteria = theme.criteria.filter((c) => listed.includes(c));
    if (criteria.length === 0) continue;
    lines.push("", `${COMMENT}═══ ${theme.title} (${theme.id}) ═══`);
    for (const criterion of criteria) lines.push("", ...criterionLines(criterion, values, grid));
  }
  return lines;
}

function summary(grid: Grid, hosting: readonly string[], listed: Criterion[]): string {
  const modes = grid.vocabularies.hostingModes.filter((m) => hosting.includes(m.id)).map((m) => `« ${m.label} »`);
  const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
  const chosen = modes.length > 1 ? `les modes d'hébergement choisis (${modes.join(" et ")})` : `le mode d'hébergement choisi (${modes.join("")})`;
  let text = `Grille ${grid.version} : ${plural(listed.length, "critère concerne", "critères concernent")} ${chosen}.`;
  const left = grid.criteria.filter((c) => !listed.includes(c));
  if (left.length > 0) {
    const labels = [...new Set(left.map((c) => `« ${applicabilityLabel(grid, c.applicability)} »`))];
    text += ` ${plural(left.length, "critère réservé", "critères réservés")} aux ${labels.join(", ")} ${left.length > 1 ? "ne sont pas listés" : "n'est pas listé"}.`;
  }
  return text;
}

function criterionLines(c: Criterion, values: DraftValues, grid: Grid): string[] {
  const lines = [
    ...commentLines(`${c.id} — ${c.title} (${LEVEL_LABELS[c.level]}, ${applicabilityLabel(grid, c.applicability)})`, COMMENT),
    ...commentLines(`Question : ${c.question}`, COMMENT),
    ...commentLines(`Aide : ${c.help}`, COMMENT),
    ...commentLines(`Référentiel : ${c.referential.name} (${c.referential.url})`, COMMENT),
  ];
  if (c.check) {
    const input = { distribution: values.distribution, licence: values.licence, sourceCode: values.sourceCode, publicReferences: values.publicReferences ?? [] };
    const expected = expectedAnswer(c.check, input, grid);
    if (expected) {
      const answers = expected.accepted.map((a) => `« ${a} »`).join(" ou ");
      lines.push(...commentLines(`D'après la fiche, la réponse attendue est ${answers} : ${expected.because}.`, COMMENT));
    }
  }
  lines.push(`${COMMENT}${c.id}:`, `${COMMENT}  answer:`, `${COMMENT}  justification:`, `${COMMENT}  evidence:`);
  return lines;
}
