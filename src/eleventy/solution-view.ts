// What a solution page, a solution card and a search record show, computed in
// TypeScript once per solution rather than in Nunjucks: rendering is the
// slowest part of the build, and this keeps the templates to plain output.
import path from "node:path";
import { ANSWER_LABELS, ANSWER_STATE_LABELS, BADGE_LABELS, NOT_ANSWERED_LABEL } from "../lib/labels.ts";
import type { Answer, AnswerState, BadgeLevel, ScoredSolution, ThemeScore } from "../lib/types.ts";
import { markdownText } from "./filters/markdown-text.ts";
import { percent } from "./filters/percent.ts";
import type { CriterionView, SiteData, ThemeView } from "./site-data.ts";

/** DSFR badge classes per level: the colour repeats what the text already says. */
export const BADGE_CLASSES: Readonly<Record<BadgeLevel, string>> = {
  avance: "fr-badge--success",
  essentiel: "fr-badge--info",
  "non-atteint": "fr-badge--warning",
  "non-evalue": "fr-badge--no-icon",
  "sans-objet": "fr-badge--no-icon",
};

/** The level as it reads after a theme name: « Sécurité : niveau avancé ». */
export const SHORT_BADGE_LABELS: Readonly<Record<BadgeLevel, string>> = {
  avance: "niveau avancé",
  essentiel: "niveau essentiel",
  "non-atteint": "niveau non atteint",
  "non-evalue": "non évalué",
  "sans-objet": "sans objet",
};

const ANSWER_CLASSES: Readonly<Record<Answer, string>> = {
  oui: "fr-badge--success fr-badge--no-icon",
  partiel: "fr-badge--yellow-tournesol",
  non: "fr-badge--error fr-badge--no-icon",
  "sans-objet": "fr-badge--no-icon",
};

const STATE_CLASSES: Readonly<Record<AnswerState, string>> = {
  declare: "fr-badge--beige-gris-galet",
  preuve: "fr-badge--blue-cumulus",
  verifie: "fr-badge--green-emeraude",
};

export interface ThemeBadge {
  theme: ThemeView;
  level: BadgeLevel;
  label: string;
  shortLabel: string;
  className: string;
  compliance: string;
  completeness: string;
  applicable: number;
  answered: number;
}

export interface CriterionRow {
  criterion: CriterionView;
  applicable: boolean;
  /** Why a criterion does not apply: hosting mode, or answered « sans objet ». */
  notApplicable?: string;
  answer: string;
  answerClass: string;
  state?: string;
  stateClass?: string;
  justification?: string;
  evidence?: string;
}

export interface Labelled {
  label: string;
  url?: string;
}

export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface SolutionCard {
  url: string;
  logo?: string;
  providerType: string;
  distribution: string;
  hosting: string[];
  badges: ThemeBadge[];
}

export interface SolutionPage extends SolutionCard {
  categories: Labelled[];
  purchaseChannels: Labelled[];
  licenceUrl?: string;
  compliance: string;
  completeness: string;
  evaluation: { badge: ThemeBadge; rows: CriterionRow[] }[];
  search: SearchRecord;
}

export interface SearchConfig {
  /** Filter groups, in the order the search page shows them. */
  groups: { key: string; label: string }[];
  themes: { id: string; shortTitle: string }[];
  levels: Record<BadgeLevel, { label: string; shortLabel: string; className: string }>;
}

/** What the search page's script needs to show filters and result badges (embedded as JSON). */
export function searchConfig(site: SiteData): SearchConfig {
  const levels = {} as SearchConfig["levels"];
  for (const level of Object.keys(BADGE_LABELS) as BadgeLevel[]) {
    levels[level] = { label: BADGE_LABELS[level], shortLabel: SHORT_BADGE_LABELS[level], className: BADGE_CLASSES[level] };
  }
  return { groups: searchFilterGroups(site), themes: site.themes.map((t) => ({ id: t.id, shortTitle: t.shortTitle })), levels };
}

function searchFilterGroups(site: SiteData): { key: string; label: string }[] {
  return [
    { key: "distribution", label: "Distribution" },
    { key: "hebergement", label: "Mode d'hébergement" },
    { key: "fournisseur", label: "Type de fournisseur" },
    { key: "categorie", label: "Catégorie" },
    { key: "licence", label: "Licence" },
    ...site.themes.map((theme) => ({ key: `theme-${theme.id}`, label: `${theme.title}\u00a0: niveau` })),
  ];
}

/** A name folded for sorting: Pagefind compares sort keys as plain strings. */
function sortKey(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export interface SolutionViews {
  card(entry: ScoredSolution): SolutionCard;
  page(entry: ScoredSolution): SolutionPage;
  search(entry: ScoredSolution): SearchRecord;
}

export function createSolutionViews(site: SiteData): SolutionViews {
  const cards = new WeakMap<ScoredSolution, SolutionCard>();
  const pages = new WeakMap<ScoredSolution, SolutionPage>();
  const labels = site.labels;

  function badge(score: ThemeScore, theme: ThemeView): ThemeBadge {
    return {
      theme,
      level: score.level,
      label: BADGE_LABELS[score.level],
      shortLabel: SHORT_BADGE_LABELS[score.level],
      className: BADGE_CLASSES[score.level],
      // Nothing applies (« sans objet »): a percentage would mean nothing.
      compliance: score.applicable === 0 ? "—" : percent(score.compliance),
      completeness: score.applicable === 0 ? "—" : percent(score.completeness),
      applicable: score.applicable,
      answered: score.answered,
    };
  }

  function card(entry: ScoredSolution): SolutionCard {
    const cached = cards.get(entry);
    if (cached) return cached;
    const { solution, score } = entry;
    const url = `/solutions/${solution.slug}/`;
    const view: SolutionCard = {
      url,
      providerType: labels.providerTypes[solution.provider.type] ?? solution.provider.type,
      distribution: labels.distributions[solution.distribution] ?? solution.distribution,
      hosting: solution.hosting.map((id) => labels.hostingModes[id] ?? id),
      badges: score.themes.flatMap((themeScore) => {
        const theme = site.themesById[themeScore.themeId];
        return theme ? [badge(themeScore, theme)] : [];
      }),
    };
    if (solution.logo) view.logo = `${url}logo${path.extname(solution.logo).toLowerCase()}`;
    cards.set(entry, view);
    return view;
  }

  function search(entry: ScoredSolution): SearchRecord {
    const { solution, score } = entry;
    const base = card(entry);
    const categories = solution.categories.map((id) => labels.categories[id] ?? id);
    const filters: Record<string, string[]> = {
      distribution: [base.distribution],
      hebergement: base.hosting,
      fournisseur: [base.providerType],
      categorie: categories,
    };
    if (solution.licence) filters.licence = [solution.licence];
    const meta: Record<string, string> = {
      title: solution.name,
      fournisseur: solution.provider.name,
      description: solution.shortDescription,
      conformite: percent(score.compliance),
    };
    if (base.logo) meta.image = base.logo;
    for (const b of base.badges) {
      filters[`theme-${b.theme.id}`] = [b.label];
      meta[`niveau-${b.theme.id}`] = b.level;
    }
    return {
      url: base.url,
      // The description as plain text: Pagefind's excerpts show what was
      // indexed, and Markdown source would read `[lien](javascript:…)` there.
      content: [solution.name, solution.shortDescription, markdownText(solution.description), solution.provider.name, ...categories, ...solution.publicReferences].join("\n"),
      meta,
      filters,
      sort: { nom: sortKey(solution.name), conformite: String(Math.round(score.compliance * 1000)) },
    };
  }

  function rows(entry: ScoredSolution, themeScore: ThemeScore, theme: ThemeView): CriterionRow[] {
    const answers = entry.solution.evaluation.answers;
    return theme.criteria.map((criterion, i) => {
      const result = themeScore.criteria[i];
      const given = Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined;
      const row: CriterionRow = {
        criterion,
        applicable: result?.applicable ?? false,
        answer: given ? ANSWER_LABELS[given.answer] : NOT_ANSWERED_LABEL,
        answerClass: given ? ANSWER_CLASSES[given.answer] : "fr-badge--no-icon",
      };
      if (!row.applicable) {
        row.notApplicable = given?.answer === "sans-objet" ? "Déclaré sans objet par le fournisseur" : `Concerne uniquement les ${criterion.applicabilityLabel.toLowerCase()}`;
      }
      if (result?.state) {
        row.state = ANSWER_STATE_LABELS[result.state];
        row.stateClass = STATE_CLASSES[result.state];
      }
      if (given?.justification) row.justification = given.justification;
      if (given?.evidence) row.evidence = given.evidence;
      return row;
    });
  }

  function page(entry: ScoredSolution): SolutionPage {
    const cached = pages.get(entry);
    if (cached) return cached;
    const { solution, score } = entry;
    const base = card(entry);
    const view: SolutionPage = {
      ...base,
      categories: solution.categories.map((id) => ({ label: labels.categories[id] ?? id, url: site.categoriesById[id]?.url ?? "/catalogue/" })),
      purchaseChannels: solution.purchaseChannels.map((id) => {
        const channel = labels.purchaseChannels[id];
        return channel?.url ? { label: channel.label, url: channel.url } : { label: channel?.label ?? id };
      }),
      compliance: percent(score.compliance),
      completeness: percent(score.completeness),
      evaluation: score.themes.flatMap((themeScore, i) => {
        const b = base.badges[i];
        return b ? [{ badge: b, rows: rows(entry, themeScore, b.theme) }] : [];
      }),
      search: search(entry),
    };
    if (solution.licence && !solution.licence.startsWith("LicenseRef-")) view.licenceUrl = `https://spdx.org/licenses/${encodeURIComponent(solution.licence)}.html`;
    pages.set(entry, view);
    return view;
  }

  return { card, page, search };
}
