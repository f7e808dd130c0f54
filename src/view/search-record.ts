// What the search index holds for a solution (a Pagefind record, built from
// the data, never crawled from a page) and what the search page's script
// needs to show filters and result badges (embedded in the page as JSON).
import { BADGE_LABELS } from "../lib/labels.ts";
import type { BadgeLevel, Catalogue, ScoredSolution, Grid } from "../lib/types.ts";
import { markdownText } from "./filters/markdown-text.ts";
import { percent } from "./filters/percent.ts";
import { EVALUATION_FILTER, evaluationFilter } from "./evaluation-view.ts";
import { ACCESSIBILITY_FILTER, DATA_HOSTING_FILTER, keyFactFilters } from "./key-facts-view.ts";
import type { SiteData } from "./site-data.ts";
import { BADGE_CLASSES, SHORT_BADGE_LABELS, type SolutionViews } from "./solution-view.ts";
import { claimSections, gridLabels, SEARCH_WEIGHTS, searchRanking, vocabularySections, type WeightedSection } from "./search-terms.ts";
import { ASSET_URLS, categoryUrl, PAGE_URLS, PAGEFIND_BASE_URL, solutionLogoPattern } from "./urls.ts";

export interface SearchRecord {
  url: string;
  /** The indexed text, section by section, each with its weight (search-terms.ts). */
  sections: WeightedSection[];
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
  urls: { pagefind: string; pagefindBaseUrl: string; logoPattern: string; suggestions: string; catalogue: string; categories: string };
  /** The labels and certifications the grid names, searched as whole words (search-terms.ts). */
  labels: string[];
  /** Pagefind's ranking settings (search-terms.ts): any search of the catalogue uses these to rank as the site does. */
  ranking: ReturnType<typeof searchRanking>;
}

/** What the search page's script needs to show filters and result badges (embedded as JSON). */
export function searchConfig(site: SiteData, grid: Grid): SearchConfig {
  const levels = {} as SearchConfig["levels"];
  for (const level of Object.keys(BADGE_LABELS) as BadgeLevel[]) {
    levels[level] = { label: BADGE_LABELS[level], shortLabel: SHORT_BADGE_LABELS[level], className: BADGE_CLASSES[level] };
  }
  return {
    groups: searchFilterGroups(site),
    themes: site.themes.map((t) => ({ id: t.id, shortTitle: t.shortTitle })),
    levels,
    urls: {
      pagefind: ASSET_URLS.pagefindJs,
      pagefindBaseUrl: PAGEFIND_BASE_URL,
      logoPattern: solutionLogoPattern(),
      suggestions: ASSET_URLS.searchSuggestions,
      catalogue: PAGE_URLS.catalogue,
      categories: PAGE_URLS.categories,
    },
    labels: gridLabels(grid),
    ranking: searchRanking(searchMetaKeys(site)),
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

/** Every metadata key a record may carry (searchRecord). */
function searchMetaKeys(site: SiteData): string[] {
  return ["title", "fournisseur", "description", "favorables", "image", "evaluation", ...site.themes.flatMap((t) => [`niveau-${t.id}`, `manquantes-${t.id}`])];
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
  const sections: WeightedSection[] = [
    { weight: SEARCH_WEIGHTS.name, text: solution.name },
    { weight: SEARCH_WEIGHTS.shortDescription, text: solution.shortDescription },
    // The description as plain text: Pagefind's excerpts show what was
    // indexed, and Markdown source would read `[lien](javascript:…)` there.
    { weight: SEARCH_WEIGHTS.text, text: markdownText(solution.description) },
    { weight: SEARCH_WEIGHTS.provider, text: solution.provider.name },
    ...vocabularySections(entry, grid),
    ...claimSections(entry, grid),
    ...solution.publicReferences.map((text) => ({ weight: SEARCH_WEIGHTS.text, text })),
  ];
  return {
    url: base.url,
    sections,
    meta,
    filters,
    sort: { nom: sortKey(solution.name), favorables: String(Math.round(score.compliance * 1000)) },
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The record as the HTML document Pagefind indexes (addHTMLFile): weights can
 * only be given to HTML elements (data-pagefind-weight), custom records have
 * one weight for all their text. Metadata, filters and sort keys are read from
 * attributes inside an ignored block: they are stored, never indexed as text.
 * Every value is escaped; the document is never served.
 */
export function searchRecordHtml(record: SearchRecord): string {
  const attribute = (kind: string, key: string, value: string) => `<i data-pagefind-${kind}="${escapeHtml(key)}[data-v]" data-v="${escapeHtml(value)}"></i>`;
  const body = record.sections
    .filter((section) => section.text.trim())
    .map((section) => (section.weight === SEARCH_WEIGHTS.text ? `<p>${escapeHtml(section.text)}</p>` : `<p data-pagefind-weight="${section.weight}">${escapeHtml(section.text)}</p>`));
  const stored = [
    ...Object.entries(record.meta).map(([key, value]) => attribute("meta", key, value)),
    ...Object.entries(record.filters).flatMap(([key, values]) => values.map((value) => attribute("filter", key, value))),
    ...Object.entries(record.sort).map(([key, value]) => attribute("sort", key, value)),
  ];
  return `<!doctype html><html lang="fr"><head><title>${escapeHtml(record.meta.title ?? "")}</title></head><body data-pagefind-body>${body.join("")}<div data-pagefind-ignore>${stored.join("")}</div></body></html>`;
}

/**
 * The list the search page fetches when a search finds little: every listed
 * solution's name, and the categories that have solutions with their page
 * (from the grid's vocabulary, in its order). Names only: a suggestion runs a
 * search, so the list stays small however large the catalogue.
 */
export function searchSuggestions(catalogue: Catalogue): string {
  const names = [...new Set(catalogue.listed.map((entry) => entry.solution.name))];
  const categories = catalogue.grid.vocabularies.categories
    .filter((category) => catalogue.byCategory[category.id]?.length)
    .map((category) => ({ label: category.label, url: categoryUrl(category.id) }));
  return JSON.stringify({ names, categories });
}
