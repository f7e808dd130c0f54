// The facts a buyer needs at a glance, derived from a validated solution and
// the grid: accessibility status, certifications claimed, where the data is
// hosted. Pure functions; which criteria carry the facts is said by the grid
// (criteria/grid.yaml: accessibility_status, certification), never here, and
// the rules are explained in docs/methodologie.md (« Les faits clés d'une fiche »).
import { criterionConcerns } from "./score.ts";
import type { Answer, DataHostingLocation, Grid, Solution } from "./types.ts";

/** The RGAA accessibility status, as a declaration of accessibility states it, or « non renseigné ». */
export type AccessibilityStatus = "totalement-conforme" | "partiellement-conforme" | "non-conforme" | "non-renseigne";

/** The words of each status, those of the RGAA's accessibility declaration. */
export const ACCESSIBILITY_STATUS_LABELS: Readonly<Record<AccessibilityStatus, string>> = {
  "totalement-conforme": "totalement conforme",
  "partiellement-conforme": "partiellement conforme",
  "non-conforme": "non conforme",
  "non-renseigne": "non renseigné",
};

// The criterion's help defines its answers on the RGAA's scale: « oui » when
// every applicable RGAA criterion is met, « partiel » from 50 %, « non » below
// 50 % or without a valid audit.
const STATUS_BY_ANSWER: Readonly<Record<Answer, AccessibilityStatus>> = {
  oui: "totalement-conforme",
  partiel: "partiellement-conforme",
  non: "non-conforme",
  // No status is declared: the provider says the RGAA does not concern the solution.
  "sans-objet": "non-renseigne",
};

/**
 * The accessibility status from the answer to the grid's accessibility_status
 * criterion; « non renseigné » when it is unanswered, answered « sans objet »,
 * or when the grid marks no criterion.
 */
export function accessibilityStatus(solution: Solution, grid: Grid): AccessibilityStatus {
  const criterion = grid.criteria.find((c) => c.accessibilityStatus);
  const answer = criterion ? solution.evaluation.answers[criterion.id]?.answer : undefined;
  return answer ? STATUS_BY_ANSWER[answer] : "non-renseigne";
}

export interface ClaimedCertification {
  /** Name from the grid, e.g. "SecNumCloud". */
  name: string;
  /** The criterion whose answer « oui » claims it, e.g. "CONF-03". */
  criterionId: string;
  /** The evidence URL given with the answer, if any. */
  evidence?: string;
}

/**
 * The certifications and qualifications a solution claims: one per criterion
 * the grid marks with a certification, that concerns the solution's hosting
 * modes and is answered « oui », in grid order, each name once. « partiel »
 * claims nothing: for SecNumCloud (CONF-03) it means only the infrastructure
 * underneath is qualified, not the service; « non », « sans objet » and
 * missing answers claim nothing either.
 */
export function claimedCertifications(solution: Solution, grid: Grid): ClaimedCertification[] {
  const claimed: ClaimedCertification[] = [];
  for (const criterion of grid.criteria) {
    if (!criterion.certification || !criterionConcerns(criterion, solution.hosting)) continue;
    const given = solution.evaluation.answers[criterion.id];
    if (given?.answer !== "oui" || claimed.some((c) => c.name === criterion.certification)) continue;
    claimed.push({ name: criterion.certification, criterionId: criterion.id, ...(given.evidence ? { evidence: given.evidence } : {}) });
  }
  return claimed;
}

/** The location of the data from the vocabulary, or undefined when the file does not say. */
export function dataHostingLocation(solution: Solution, grid: Grid): DataHostingLocation | undefined {
  const hosting = solution.dataHosting;
  if (!hosting) return undefined;
  const location = grid.vocabularies.dataHostingLocations.find((l) => l.id === hosting.location);
  // The validator only lets through locations of the vocabulary.
  if (!location) throw new Error(`lieu d'hébergement des données « ${hosting.location} » absent de criteria/vocabularies.yaml`);
  return location;
}

/** « France — OVHcloud »: where the data is hosted and by whom, or undefined when the file does not say. */
export function dataHostingLabel(solution: Solution, grid: Grid): string | undefined {
  const location = dataHostingLocation(solution, grid);
  return location && `${location.label} — ${solution.dataHosting!.host}`;
}

/** All the data is hosted in the European Union, France included (the « en UE » filter); false when the file does not say. */
export function dataHostedInEuropeanUnion(solution: Solution, grid: Grid): boolean {
  return dataHostingLocation(solution, grid)?.inEuropeanUnion === true;
}
