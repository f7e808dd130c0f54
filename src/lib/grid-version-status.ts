// Which grid version a solution file is evaluated on, and whether it is still
// accepted: the version in force, an older version during the transition
// period its successor declares (a warning), or past it (an error).
import type { Grid, Solution } from "./types.ts";

/** The grid of `version`, or undefined when the grid keeps no such version. */
export function gridOfVersion(grid: Grid, version: string): Grid | undefined {
  return grid.versions.byVersion.get(version);
}

/** The grid a valid solution is scored with: the version of its file. */
export function solutionGrid(grid: Grid, solution: Solution): Grid {
  return gridOfVersion(grid, solution.evaluation.gridVersion) ?? grid;
}

/** « 1.1 (en vigueur), 1.0 »: the versions a file may name. */
export function knownVersions(grid: Grid): string {
  return grid.versions.order.map((v) => (v === grid.versions.current ? `${v} (en vigueur)` : v)).join(", ");
}

export interface VersionProblem {
  severity: "warning" | "error";
  message: string;
}

/** The problem of a file evaluated on `version` (a known version) on `today`; `file` is named in the fix. */
export function versionProblem(grid: Grid, version: string, today: string, file: string): VersionProblem | undefined {
  const { current, byVersion, refusedFrom } = grid.versions;
  const until = refusedFrom.get(version);
  if (version === current || until === undefined) return undefined;
  const since = byVersion.get(current)!.published;
  const fix = `« catalogue migrate ${file} »`;
  if (today < until) {
    return { severity: "warning", message: `évaluation selon la grille ${version} ; la grille ${current} est en vigueur depuis le ${since} : migrez la fiche avant le ${until} avec ${fix}` };
  }
  return {
    severity: "error",
    message: `évaluation selon la grille ${version}, qui n'est plus acceptée depuis le ${until} (fin de la période de transition) : la grille ${current} est en vigueur depuis le ${since} ; migrez la fiche avec ${fix}, puis répondez aux critères qu'elle indique`,
  };
}

