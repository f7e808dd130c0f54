// Evaluations age: the grid says how many months an evaluation stays current
// (evaluation_validity_months). Past that, the file is still valid, but the
// validator warns and the site says « évaluation à mettre à jour ».
import { addMonths } from "./calendar.ts";
import type { EvaluationStatus, Grid, Solution } from "./types.ts";

/** First day an evaluation dated `date` is to be updated, under the current grid's validity. */
export function updateFrom(date: string, grid: Grid): string {
  return addMonths(date, currentGrid(grid).evaluationValidityMonths);
}

/** The validator's warning for an evaluation dated `date` on `today`, if it is to be updated. */
export function agingWarning(date: string, grid: Grid, today: string): string | undefined {
  const from = updateFrom(date, grid);
  if (today < from) return undefined;
  const months = currentGrid(grid).evaluationValidityMonths;
  return `évaluation du ${date}, plus ancienne que la durée de validité de ${months} mois fixée par la grille : à mettre à jour depuis le ${from} ; réévaluez la solution, puis mettez à jour evaluation.date`;
}

/** Where a valid solution's evaluation stands on `today`. */
export function evaluationStatus(solution: Solution, grid: Grid, today: string): EvaluationStatus {
  const from = updateFrom(solution.evaluation.date, grid);
  // A withdrawn solution is kept for the record: nobody is asked to update it.
  return { olderGrid: solution.evaluation.gridVersion !== grid.versions.current, updateFrom: from, outdated: !solution.withdrawn && today >= from };
}

function currentGrid(grid: Grid): Grid {
  return grid.versions.byVersion.get(grid.versions.current) ?? grid;
}
