// Per-theme scoring, as pure functions of (solution, grid). The rule is
// published on the site (docs/methodologie.md); tests/lib/score.test.ts holds
// its worked examples. A file evaluated on an older grid version (during its
// transition period) is scored with that version's criteria.
import { evaluationStatus } from "./aging.ts";
import { expectedAnswer } from "./checks.ts";
import { solutionGrid } from "./grid-version-status.ts";
import type { AnswerState, BadgeLevel, Criterion, CriterionResult, EssentielCounts, Grid, ScoredSolution, Solution, SolutionScore, Theme, ThemeScore } from "./types.ts";

/** Does the criterion concern a solution offered in these hosting modes? */
export function criterionConcerns(criterion: Criterion, hosting: readonly string[]): boolean {
  return criterion.applicability === "all" || hosting.includes(criterion.applicability);
}

/** Share of avance points needed, on top of every essentiel criterion at oui, for the advanced level. */
export const ADVANCED_THRESHOLD = 0.5;

/** A solution with its scores and the state of its evaluation on `today` (the catalogue's entries). */
export function scoreEntry(solution: Solution, grid: Grid, today: string, score = scoreSolution(solution, grid)): ScoredSolution {
  return { solution, score, evaluationStatus: evaluationStatus(solution, grid, today) };
}

/**
 * Scores per theme of the grid in force, in its order (rankings and pages
 * index them so), each computed with the criteria of the file's own version:
 * a theme that version lacks has no criterion, hence « sans objet ».
 */
export function scoreSolution(solution: Solution, grid: Grid): SolutionScore {
  const own = solutionGrid(grid, solution);
  const themes = grid.themes.map((theme) => scoreTheme(solution, own === grid ? theme : (own.themes.find((t) => t.id === theme.id) ?? { ...theme, criteria: [] }), own));
  let applicable = 0;
  let answered = 0;
  let points = 0;
  for (const t of themes) {
    applicable += t.applicable;
    answered += t.answered;
    points += t.oui + t.partiel / 2;
  }
  return { themes, completeness: ratio(answered, applicable), compliance: ratio(points, applicable) };
}

export function scoreTheme(solution: Solution, theme: Theme, grid: Grid): ThemeScore {
  const counts = { applicable: 0, answered: 0, oui: 0, partiel: 0, non: 0 };
  const essentiel: EssentielCounts = { applicable: 0, oui: 0, missing: 0 };
  const avance = { applicable: 0, points: 0 };
  const criteria: CriterionResult[] = [];
  for (const criterion of theme.criteria) {
    const given = solution.evaluation.answers[criterion.id];
    const concerns = criterionConcerns(criterion, solution.hosting);
    const applicable = concerns && given?.answer !== "sans-objet";
    const result: CriterionResult = { criterionId: criterion.id, applicable };
    if (given) {
      result.answer = given.answer;
      result.state = answerState(criterion, solution, grid, given.evidence !== undefined);
    }
    criteria.push(result);
    if (!applicable) continue;
    counts.applicable++;
    const isOui = given?.answer === "oui";
    const point = isOui ? 1 : given?.answer === "partiel" ? 0.5 : 0;
    if (given) {
      counts.answered++;
      if (given.answer === "oui") counts.oui++;
      else if (given.answer === "partiel") counts.partiel++;
      else counts.non++;
    }
    if (criterion.level === "essentiel") {
      essentiel.applicable++;
      if (isOui) essentiel.oui++;
      if (!given) essentiel.missing++;
    } else {
      avance.applicable++;
      avance.points += point;
    }
  }
  const avanceCompliance = ratio(avance.points, avance.applicable);
  return {
    themeId: theme.id,
    ...counts,
    completeness: ratio(counts.answered, counts.applicable),
    compliance: ratio(counts.oui + counts.partiel / 2, counts.applicable),
    essentiel,
    avance: { applicable: avance.applicable, compliance: avanceCompliance },
    level: badgeLevel(counts.applicable, counts.answered, essentiel, avance.applicable, avanceCompliance),
    criteria,
  };
}

/**
 * The level of a theme, in this order: nothing applies (sans objet), nothing
 * answered (non évalué), an essential criterion answered non or partiel (non
 * atteint), an essential criterion unanswered (incomplet), then avancé or
 * essentiel. A missing answer never turns a theme into « non atteint »: only
 * an answer does, so answering part of a theme is never worse than answering
 * nothing. Unanswered avancé criteria count 0 towards the advanced threshold.
 */
export function badgeLevel(
  applicable: number,
  answered: number,
  essentiel: EssentielCounts,
  avanceApplicable: number,
  avanceCompliance: number,
): BadgeLevel {
  if (applicable === 0) return "sans-objet";
  if (answered === 0) return "non-evalue";
  if (essentiel.oui + essentiel.missing < essentiel.applicable) return "non-atteint";
  if (essentiel.missing > 0) return "incomplet";
  if (avanceApplicable === 0 || avanceCompliance >= ADVANCED_THRESHOLD) return "avance";
  return "essentiel";
}

function answerState(criterion: Criterion, solution: Solution, grid: Grid, hasEvidence: boolean): AnswerState {
  if (criterion.check) {
    const expected = expectedAnswer(
      criterion.check,
      { distribution: solution.distribution, licence: solution.licence, sourceCode: solution.sourceCode, publicReferences: solution.publicReferences },
      grid,
    );
    const answer = solution.evaluation.answers[criterion.id]?.answer;
    if (expected && answer && expected.accepted.includes(answer)) return "coherent";
  }
  return hasEvidence ? "preuve" : "declare";
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
