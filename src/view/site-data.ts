// Everything the templates need beyond the catalogue itself, computed once per
// build from the catalogue: label lookups, theme and category views, and the
// page chunks the output table renders one page each (src/pipeline/outputs.ts).
// Templates never scan all the solutions: every list they show is one of
// these precomputed chunks.
import { applicabilityLabel } from "../lib/grid.ts";
import { ANSWER_LABELS, ANSWER_STATE_LABELS, BADGE_DESCRIPTIONS, BADGE_LABELS, LEVEL_LABELS, NOT_ANSWERED_LABEL } from "../lib/labels.ts";
import { rankTheme } from "../lib/ranking.ts";
import type { BadgeLevel, Catalogue, Criterion, RankingRow, ScoredSolution, Theme, VocabularyEntry } from "../lib/types.ts";
import { buildSolutionSchema } from "../lib/schema.ts";
import { type FieldRow, fieldTable } from "./field-table.ts";
import { listFr, lowerFirst } from "./filters/french-words.ts";
import { BADGE_CLASSES } from "./solution-view.ts";
import { categoryUrl, listPageUrl, PAGE_URLS, themeCategoryUrl, themeUrl } from "./urls.ts";

/** Solutions shown per catalogue or category page, and rows per theme ranking page. */
export const CARDS_PER_PAGE = 24;
export const ROWS_PER_PAGE = 50;

export interface CriterionView extends Criterion {
  levelLabel: string;
  applicabilityLabel: string;
}

export interface ThemeView {
  id: string;
  slug: string;
  title: string;
  shortTitle: string;
  description: string;
  url: string;
  criteria: CriterionView[];
  essentiel: number;
  avance: number;
}

export interface CategoryView {
  id: string;
  label: string;
  description: string;
  url: string;
  count: number;
}

export interface PageLink {
  number: number;
  url: string;
  current: boolean;
  /** An ellipsis stands for the page numbers left out of the bar. */
  ellipsis?: boolean;
}

/** One page of a paginated list: its items and the links of its pagination bar. */
export interface Chunk<T> {
  url: string;
  number: number;
  total: number;
  first?: string;
  previous?: string;
  next?: string;
  last?: string;
  /** At most seven links around the current page: the bar stays the same size whatever the list. */
  links: PageLink[];
  items: T[];
  /** Position of the first item in the whole list, from 1 (for rankings). */
  offset: number;
}

/** One page of a theme's ranking, for the whole catalogue or narrowed to `category`. */
export type ThemePage = Chunk<RankingRow> & {
  theme: ThemeView;
  /** Position of the theme in the grid, hence of its score in a solution's scores. */
  index: number;
  category?: CategoryView;
  /** The same ranking narrowed to each category that has listed solutions. */
  narrowed: { label: string; url: string; count: number }[];
  /** This page's items split: ranked rows, then rows of solutions not evaluated in the theme. */
  ranked: RankingRow[];
  unranked: RankingRow[];
};

function themePages(rows: readonly RankingRow[], base: string, fields: Pick<ThemePage, "theme" | "index" | "category" | "narrowed">): ThemePage[] {
  return chunk(rows, ROWS_PER_PAGE, base).map((page) => ({
    ...page,
    ...fields,
    ranked: page.items.filter((row) => row.rank !== null),
    unranked: page.items.filter((row) => row.rank === null),
  }));
}

/** One entry of the legend of levels (components/levels-legend.njk). */
export interface LevelLegendEntry {
  level: BadgeLevel;
  label: string;
  className: string;
  description: string;
}

/** The levels in the legend's order, best first. */
const LEGEND_ORDER: readonly BadgeLevel[] = ["avance", "essentiel", "incomplet", "non-atteint", "non-evalue", "sans-objet"];

export interface SiteData {
  labels: {
    categories: Record<string, string>;
    providerTypes: Record<string, string>;
    distributions: Record<string, string>;
    hostingModes: Record<string, string>;
    purchaseChannels: Record<string, VocabularyEntry>;
    badges: typeof BADGE_LABELS;
    answers: typeof ANSWER_LABELS;
    notAnswered: string;
    states: typeof ANSWER_STATE_LABELS;
    applicability: Readonly<Record<string, string>>;
    levels: typeof LEVEL_LABELS;
  };
  themes: ThemeView[];
  themesById: Record<string, ThemeView>;
  categories: CategoryView[];
  categoriesById: Record<string, CategoryView>;
  cataloguePages: Chunk<ScoredSolution>[];
  themePages: ThemePage[];
  /** Each theme's ranking narrowed to one category (/themes/<theme>/<category>/). */
  themeCategoryPages: ThemePage[];
  levelsLegend: LevelLegendEntry[];
  categoryPages: (Chunk<ScoredSolution> & { category: CategoryView })[];
  /** The most recently evaluated listed solutions, for the home page. */
  latest: ScoredSolution[];
  gridVersion: string;
  /** The grid in force: its version, publication and how long an evaluation stays current. */
  currentGrid: CurrentGrid;
  /** The criteria of each older grid version kept, per theme id: the rows of a page evaluated on that version. */
  criteriaByVersion: Record<string, Record<string, CriterionView[]>>;
  /** The themes' titles as they read inside a sentence: « numérique responsable, …, sécurité et logiciel libre ». */
  themeNamesInProse: string;
  /** The fields of a solution file, from its generated schema (« Référencer ma solution »). */
  fields: FieldRow[];
}

export interface CurrentGrid {
  version: string;
  published: string;
  evaluationValidityMonths: number;
  /** The older versions kept, and the first day each one's files are refused. */
  older: { version: string; refusedFrom: string }[];
}

function criterionView(criterion: Criterion, grid: Catalogue["grid"]): CriterionView {
  return { ...criterion, levelLabel: LEVEL_LABELS[criterion.level], applicabilityLabel: applicabilityLabel(grid, criterion.applicability) };
}

function byId(entries: readonly VocabularyEntry[]): Record<string, string> {
  const map: Record<string, string> = Object.create(null);
  for (const entry of entries) map[entry.id] = entry.label;
  return map;
}

/** Splits `items` into pages at `base`, `base`page-2/, … */
export function chunk<T>(items: readonly T[], size: number, base: string): Chunk<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const urlOf = (n: number) => listPageUrl(base, n);
  const chunks: Chunk<T>[] = [];
  for (let number = 1; number <= total; number++) {
    const links: PageLink[] = [];
    for (let n = 1; n <= total; n = n === 1 && number - 3 > 2 ? number - 3 : n + 1) {
      if (n !== 1 && n !== total && Math.abs(n - number) > 2) {
        if (Math.abs(n - number) === 3) links.push({ number: n, url: urlOf(n), current: false, ellipsis: true });
        if (n > number + 3) n = total - 1;
        continue;
      }
      links.push({ number: n, url: urlOf(n), current: n === number });
    }
    const page: Chunk<T> = { url: urlOf(number), number, total, links, items: items.slice((number - 1) * size, number * size), offset: (number - 1) * size + 1 };
    if (number > 1) Object.assign(page, { first: urlOf(1), previous: urlOf(number - 1) });
    if (number < total) Object.assign(page, { next: urlOf(number + 1), last: urlOf(total) });
    chunks.push(page);
  }
  return chunks;
}

export function buildSiteData(catalogue: Catalogue): SiteData {
  const { grid } = catalogue;
  const themes: ThemeView[] = grid.themes.map((theme: Theme) => ({
    id: theme.id,
    slug: theme.slug,
    title: theme.title,
    shortTitle: theme.shortTitle,
    description: theme.description,
    url: themeUrl(theme.slug),
    criteria: theme.criteria.map((criterion) => criterionView(criterion, grid)),
    essentiel: theme.criteria.filter((c) => c.level === "essentiel").length,
    avance: theme.criteria.filter((c) => c.level === "avance").length,
  }));
  const themesById: Record<string, ThemeView> = Object.create(null);
  for (const theme of themes) themesById[theme.id] = theme;

  const categories: CategoryView[] = grid.vocabularies.categories.map((category) => ({
    id: category.id,
    label: category.label,
    description: category.description ?? "",
    url: categoryUrl(category.id),
    count: catalogue.byCategory[category.id]?.length ?? 0,
  }));
  const categoriesById: Record<string, CategoryView> = Object.create(null);
  for (const category of categories) categoriesById[category.id] = category;

  const purchaseChannels: Record<string, VocabularyEntry> = Object.create(null);
  for (const channel of grid.vocabularies.purchaseChannels) purchaseChannels[channel.id] = channel;

  const latest = [...catalogue.listed]
    .sort((a, b) => (a.solution.evaluation.date < b.solution.evaluation.date ? 1 : a.solution.evaluation.date > b.solution.evaluation.date ? -1 : 0))
    .slice(0, 6);

  return {
    labels: {
      categories: byId(grid.vocabularies.categories),
      providerTypes: byId(grid.vocabularies.providerTypes),
      distributions: byId(grid.vocabularies.distributions),
      hostingModes: byId(grid.vocabularies.hostingModes),
      purchaseChannels,
      badges: BADGE_LABELS,
      answers: ANSWER_LABELS,
      notAnswered: NOT_ANSWERED_LABEL,
      states: ANSWER_STATE_LABELS,
      applicability: grid.applicabilityLabels,
      levels: LEVEL_LABELS,
    },
    themes,
    themesById,
    categories,
    categoriesById,
    cataloguePages: chunk(catalogue.listed, CARDS_PER_PAGE, PAGE_URLS.catalogue),
    themePages: themes.flatMap((theme, index) => {
      const narrowed = categories
        .filter((category) => category.count > 0)
        .map((category) => ({ label: category.label, url: themeCategoryUrl(theme.slug, category.id), count: category.count }));
      return themePages(catalogue.rankedByTheme[theme.id] ?? [], theme.url, { theme, index, narrowed });
    }),
    themeCategoryPages: themes.flatMap((theme, index) =>
      categories
        .filter((category) => category.count > 0)
        .flatMap((category) =>
          themePages(rankTheme(catalogue.byCategory[category.id] ?? [], index), themeCategoryUrl(theme.slug, category.id), { theme, index, category, narrowed: [] }),
        ),
    ),
    levelsLegend: LEGEND_ORDER.map((level) => ({ level, label: BADGE_LABELS[level], className: BADGE_CLASSES[level], description: BADGE_DESCRIPTIONS[level] })),
    categoryPages: categories.flatMap((category) =>
      chunk(catalogue.byCategory[category.id] ?? [], CARDS_PER_PAGE, category.url).map((page) => ({ ...page, category })),
    ),
    latest,
    gridVersion: grid.version,
    currentGrid: {
      version: grid.version,
      published: grid.published,
      evaluationValidityMonths: grid.evaluationValidityMonths,
      older: [...grid.versions.refusedFrom].map(([version, refusedFrom]) => ({ version, refusedFrom })),
    },
    criteriaByVersion: Object.fromEntries(
      grid.versions.order
        .filter((version) => version !== grid.version)
        .map((version) => {
          const older = grid.versions.byVersion.get(version)!;
          return [version, Object.fromEntries(older.themes.map((theme) => [theme.id, theme.criteria.map((criterion) => criterionView(criterion, older))]))];
        }),
    ),
    themeNamesInProse: listFr(themes.map((theme) => lowerFirst(theme.title))),
    fields: fieldTable(buildSolutionSchema(grid)),
  };
}
