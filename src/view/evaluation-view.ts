// What pages, cards and the search say about the state of an evaluation
// (src/lib/aging.ts): to update once older than the grid's validity, and made
// on an older grid version (scored with that version's criteria).
import type { ScoredSolution } from "../lib/types.ts";
import type { CurrentGrid } from "./site-data.ts";

export interface EvaluationView {
  /** Date of the evaluation (YYYY-MM-DD). */
  date: string;
  /** When the evaluation is to be updated: « Évaluation à mettre à jour », since when, and the grid's validity in months. */
  outdated?: { label: string; since: string; months: number };
  /** When the file is on an older grid version: « Évalué selon la grille 1.0 », the version in force and its publication. */
  olderGrid?: { label: string; version: string; current: string; published: string };
}

/** The search filter « Évaluation »: à jour or à mettre à jour. */
export const EVALUATION_FILTER = { key: "evaluation", label: "Évaluation" } as const;
export const UP_TO_DATE = "À jour";
export const TO_UPDATE = "À mettre à jour";
export const TO_UPDATE_LABEL = "Évaluation à mettre à jour";

export function evaluationView(entry: ScoredSolution, current: CurrentGrid): EvaluationView {
  const { evaluation } = entry.solution;
  const status = entry.evaluationStatus;
  const view: EvaluationView = { date: evaluation.date };
  if (status.outdated) view.outdated = { label: TO_UPDATE_LABEL, since: status.updateFrom, months: current.evaluationValidityMonths };
  if (status.olderGrid) {
    view.olderGrid = { label: `Évalué selon la grille ${evaluation.gridVersion}`, version: evaluation.gridVersion, current: current.version, published: current.published };
  }
  return view;
}

/** The value of the « Évaluation » search filter for a solution. */
export function evaluationFilter(entry: ScoredSolution): string[] {
  return [entry.evaluationStatus.outdated ? TO_UPDATE : UP_TO_DATE];
}
