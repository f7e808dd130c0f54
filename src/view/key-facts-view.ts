// The facts a buyer needs at a glance (src/lib/key-facts.ts), as a solution
// page, a card and the search filters show them: where the data is hosted,
// the accessibility status, the certifications claimed, the purchase channels.
import { ACCESSIBILITY_STATUS_LABELS, type AccessibilityStatus, accessibilityStatus, claimedCertifications, dataHostingLabel, dataHostingLocation } from "../lib/key-facts.ts";
import { solutionGrid } from "../lib/grid-version-status.ts";
import type { Grid, ScoredSolution } from "../lib/types.ts";
import type { Labelled } from "./solution-view.ts";
import type { SiteData } from "./site-data.ts";

export interface KeyFacts {
  /** « France — OVHcloud », or undefined when the file does not say. */
  dataHosting?: string;
  accessibility: { status: AccessibilityStatus; label: string };
  certifications: { name: string; criterionId: string; evidence?: string }[];
  purchaseChannels: Labelled[];
}

/**
 * The search filter « Hébergement des données »: the location's label from
 * the vocabulary (« France », « Union européenne », « Hors de l'Union
 * européenne »), plus IN_EU for every location inside the Union, France
 * included, so that one value finds all the data hosted in the Union.
 */
export const DATA_HOSTING_FILTER = { key: "donnees", label: "Hébergement des données" } as const;
export const IN_EU = "Dans l'Union européenne, France comprise";
export const NOT_STATED = "Non renseigné";
export const ACCESSIBILITY_FILTER = { key: "accessibilite", label: "Accessibilité (RGAA)" } as const;

/** `grid` is the grid in force; the facts read the criteria of the file's own version. */
export function keyFacts(entry: ScoredSolution, site: SiteData, grid: Grid): KeyFacts {
  const { solution } = entry;
  grid = solutionGrid(grid, solution);
  const status = accessibilityStatus(solution, grid);
  const dataHosting = dataHostingLabel(solution, grid);
  const facts: KeyFacts = {
    accessibility: { status, label: ACCESSIBILITY_STATUS_LABELS[status] },
    certifications: claimedCertifications(solution, grid),
    purchaseChannels: solution.purchaseChannels.map((id) => {
      const channel = site.labels.purchaseChannels[id];
      return channel?.url ? { label: channel.label, url: channel.url } : { label: channel?.label ?? id };
    }),
  };
  if (dataHosting) facts.dataHosting = dataHosting;
  return facts;
}

/** The values of the two key-fact search filters for a solution. */
export function keyFactFilters(entry: ScoredSolution, grid: Grid): Record<string, string[]> {
  const { solution } = entry;
  grid = solutionGrid(grid, solution);
  const location = dataHostingLocation(solution, grid);
  const hosting = location ? [location.label, ...(location.inEuropeanUnion ? [IN_EU] : [])] : [NOT_STATED];
  const status = accessibilityStatus(solution, grid);
  return { [DATA_HOSTING_FILTER.key]: hosting, [ACCESSIBILITY_FILTER.key]: [ACCESSIBILITY_STATUS_LABELS[status]] };
}
