// What the search index holds for a solution (a Pagefind record, built from
// the data, never crawled from a page) and what the search page's script
// needs to show filters and result badges (embedded in the page as JSON).
import { BADGE_LABELS } from "../lib/labels.ts";
import type { BadgeLevel, ScoredSolution, Grid } from "../lib/types.ts";
import { markdownText } from "./filters/markdown-text.ts";
import { percent } from "./filters/percent.ts";
import { EVALUATION_FILTER, evaluationFilter } from "./evaluation-view.ts";
import { ACCESSIBILITY_FILTER, DATA_HOSTING_FILTER, keyFactFilters } from "./key-facts-view.ts";
import type { SiteData } from "./site-data.ts";
import { BADGE_CLASSES, SHORT_BADGE_LABELS, type SolutionViews } from "./solution-view.ts";
import { ASSET_URLS, PAGEFIND_BASE_URL, solutionLogoPattern } from "./urls.ts";

export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface SearchConfig {
  /** Filter groups, in the order the search page shows them. */
  groups: { key: string; label: string }[];
  themes: { id: string; shortTitle: string }[];
  levels: Record<BadgeLevel, { label: string; shortLabel: string; className: string }>;
  /** The site URLs the script uses (see urls.ts): Pagefind's script, the base URL it puts before results' URLs, what a logo's URL looks like. */
  urls: { pagefind: string; pagefindBaseUrl: string; logoPattern: string };
}

/** What the search page's script needs to show filters and result badges (embedded as JSON). */
export function searchConfig(site: SiteData): SearchConfig {
  const levels = {} as SearchConfig["levels"];
  for (const level of Object.keys(BADGE_LABELS) as BadgeLevel[]) {
    levels[level] = { label: BADGE_LABELS[level], shortLabel: SHORT_BADGE_LABELS[level], className: BADGE_CLASSES[level] };
  }
  return {
    groups: searchFilterGroups(site),
    themes: site.themes.map((t) => ({ id: t.id, shortTitle: t.shortTitle })),
    levels,
    urls: { pagefind: ASSET_URLS.pagefindJs, pagefindBaseUrl: PAGEFIND_BASE_URL, logoPattern: solutionLogoPattern() },
  };
}

function searchFilterGroups(site: SiteData): { key: string; label: string }[] {
  return [
    { key: "distribution", label: "Distribution" },
    { key: "hebergement", label: "Mode d'hébergement" },
    { key: "fournisseur", label: "Type de fournisseur" },
    { key: "categorie", label: "Catégorie" },
    { key: "licence", label: "Licence" },
    DATA_HOSTING_FILTER,
    ACCESSIBILITY_FILTER,
    EVALUATION_FILTER,
    ...site.themes.map((theme) => ({ key: `theme-${theme.id}`, label: `${theme.title}\u00a0: niveau` })),
  ];
}

/** A name folded for sorting: Pagefind compares sort keys as plain strings. */
function sortKey(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** The Pagefind record of a listed solution, from the same card view its cards show. */
export function searchRecord(entry: ScoredSolution, views: SolutionViews, site: SiteData, grid: Grid): SearchRecord {
  const { solution, score } = entry;
  const base = views.card(entry);
  const categories = solution.categories.map((id) => site.labels.categories[id] ?? id);
  const filters: Record<string, string[]> = {
    distribution: [base.distribution],
    hebergement: base.hosting,
    fournisseur: [base.providerType],
    categorie: categories,
  };
  if (solution.licence) filters.licence = [solution.licence];
  Object.assign(filters, keyFactFilters(entry, grid));
  filters[EVALUATION_FILTER.key] = evaluationFilter(entry);
  const meta: Record<string, string> = {
    title: solution.name,
    fournisseur: solution.provider.name,
    description: solution.shortDescription,
  };
  // Nothing answered: no share of favourable answers (« 0 % » would read as a score of zero).
  if (score.themes.some((t) => t.answered > 0)) meta.favorables = percent(score.compliance);
  if (base.logo) meta.image = base.logo;
  // The result card says it, as the catalogue's cards do.
  if (base.evaluationStatus.outdated) meta.evaluation = base.evaluationStatus.outdated.label;
  for (const b of base.badges) {
    // The filter value is the level without its count: « Incomplet », not « Incomplet (2 réponses manquantes) ».
    filters[`theme-${b.theme.id}`] = [BADGE_LABELS[b.level]];
    meta[`niveau-${b.theme.id}`] = b.level;
    if (b.level === "incomplet") meta[`manquantes-${b.theme.id}`] = String(b.missing);
  }
  return {
    url: base.url,
    // The description as plain text: Pagefind's excerpts show what was
    // indexed, and Markdown source would read `[lien](javascript:…)` there.
    content: [solution.name, solution.shortDescription, markdownText(solution.description), solution.provider.name, ...categories, ...solution.publicReferences].join("\n"),
    meta,
    filters,
    sort: { nom: sortKey(solution.name), favorables: String(Math.round(score.compliance * 1000)) },
  };
}
