// What a solution's search record says, section by section, with the weight
// Pagefind gives each one (an element's weight, from 0 to 10; text is 1):
// the name first, then the values of the vocabularies the solution carries
// with their search aliases (criteria/vocabularies.yaml), then what its
// answers claim, then its text. Pagefind adds scores per matched word: a
// buyer's « visio » finds the videoconferencing solutions by their category
// before any description that happens to contain the word.
// https://pagefind.app/docs/weighting/
import { solutionGrid } from "../lib/grid-version-status.ts";
import type { Grid, ScoredSolution, VocabularyEntry } from "../lib/types.ts";

/**
 * The weights, the ordering the search page explains in one sentence: the name
 * (which also counts as metadata, searchRanking, so an exact name comes
 * first), the values the solution carries and their aliases, then claims, then
 * text. Pagefind saturates a word's score as its weighted count grows: a
 * vocabulary value at the top weight is what keeps the solutions that carry it
 * above those whose text or claims mention the words several times.
 */
export const SEARCH_WEIGHTS = {
  name: 10,
  certification: 8,
  vocabulary: 10,
  provider: 6,
  claim: 3,
  partialClaim: 1.5,
  shortDescription: 2,
  text: 1,
} as const;

export interface WeightedSection {
  weight: number;
  text: string;
}

/** « Visioconférence : réunion à distance, webinaire, visio. » — a value and its aliases, as the excerpt shows them. */
function vocabularyText(entry: VocabularyEntry): string {
  return entry.searchAliases?.length ? `${entry.label} : ${entry.searchAliases.join(", ")}.` : `${entry.label}.`;
}

/** The vocabulary values a solution carries: categories, distribution, hosting modes, provider type, data location. */
export function vocabularySections(entry: ScoredSolution, grid: Grid): WeightedSection[] {
  const { solution } = entry;
  const v = grid.vocabularies;
  const pick = (entries: readonly VocabularyEntry[], ids: readonly string[]) => entries.filter((e) => ids.includes(e.id));
  const values = [
    ...pick(v.categories, solution.categories),
    ...pick(v.distributions, [solution.distribution]),
    ...pick(v.hostingModes, solution.hosting),
    ...pick(v.providerTypes, [solution.provider.type]),
    ...(solution.dataHosting ? pick(v.dataHostingLocations, [solution.dataHosting.location]) : []),
  ];
  return values.map((value) => ({ weight: SEARCH_WEIGHTS.vocabulary, text: vocabularyText(value) }));
}

/** A referential's name without its article or section: « RGESN 2024 » for « RGESN 2024 — critère 1.3 ». */
function referentialShortName(name: string): string {
  return name.split(" — ")[0]!.trim();
}

/**
 * What the solution's answers claim: the titles of the criteria answered
 * « oui », then those answered « partiel » (less weight), each group followed
 * by its referentials, each named once and without its article (« RGESN
 * 2024 »: the index and the fragments the browser loads stay small); for an
 * « oui » to a criterion that names a certification (SecNumCloud, HDS), that
 * name too, with more weight. Only criteria that apply to the solution count.
 * « non », « sans objet » and missing answers add nothing: the solution never
 * matches a claim it does not make. The criteria are those of the file's own
 * grid version.
 */
export function claimSections(entry: ScoredSolution, current: Grid): WeightedSection[] {
  const grid = solutionGrid(current, entry.solution);
  const certifications: string[] = [];
  const groups = { oui: { titles: [] as string[], referentials: new Set<string>() }, partiel: { titles: [] as string[], referentials: new Set<string>() } };
  for (const theme of entry.score.themes) {
    for (const result of theme.criteria) {
      if (!result.applicable || (result.answer !== "oui" && result.answer !== "partiel")) continue;
      const criterion = grid.criteriaById.get(result.criterionId);
      if (!criterion) continue;
      if (result.answer === "oui" && criterion.certification && !certifications.includes(criterion.certification)) certifications.push(criterion.certification);
      groups[result.answer].titles.push(criterion.title);
      groups[result.answer].referentials.add(referentialShortName(criterion.referential.name));
    }
  }
  const sections: WeightedSection[] = [];
  if (certifications.length) sections.push({ weight: SEARCH_WEIGHTS.certification, text: `${certifications.join(", ")}.` });
  for (const [answer, weight] of [["oui", SEARCH_WEIGHTS.claim], ["partiel", SEARCH_WEIGHTS.partialClaim]] as const) {
    const { titles, referentials } = groups[answer];
    if (titles.length) sections.push({ weight, text: `${titles.join(" ; ")} (${[...referentials].join(" ; ")}).` });
  }
  return sections;
}

/**
 * The labels and certifications the grid names (« SecNumCloud », « RGAA »,
 * « FranceConnect »): the words of its criteria's titles, referentials and
 * certifications written with a capital inside (acronyms, brands). The search
 * page looks them up as whole words: Pagefind, finding no such word in the
 * index, would otherwise split it into pieces (« cloud », « num… ») and
 * answer with solutions that merely contain those.
 */
export function gridLabels(grid: Grid): string[] {
  const labels = new Set<string>();
  for (const criterion of grid.criteria) {
    for (const text of [criterion.title, criterion.referential.name, criterion.certification ?? ""]) {
      for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
        if (word.length >= 3 && /\p{Lu}/u.test(word.slice(1))) labels.add(word);
      }
    }
  }
  return [...labels].sort((a, b) => a.localeCompare(b, "fr"));
}

/**
 * Pagefind's ranking settings, the same for every search of the site
 * (pagefind.options({ ranking })). pageLength 0: a long description must not
 * sink a solution whose category matches, and equal matches then score the
 * same, so that the page can order them by share of favourable answers.
 * metaWeights: Pagefind also scores words found in the metadata; only the
 * name counts there (exact name first), and the provider a little; the short
 * description is already in the text, with its own weight, and the other
 * metadata (levels, shares) are not words a buyer types.
 * https://pagefind.app/docs/ranking/
 */
export function searchRanking(metaKeys: readonly string[]): { pageLength: number; metaWeights: Record<string, number> } {
  const metaWeights: Record<string, number> = {};
  for (const key of metaKeys) metaWeights[key] = 0;
  return { pageLength: 0, metaWeights: { ...metaWeights, title: 3, fournisseur: 1 } };
}
