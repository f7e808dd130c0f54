// What a solution page and a solution card show, computed in
// TypeScript once per solution rather than in Nunjucks: rendering is the
// slowest part of the build, and this keeps the templates to plain output.
import path from "node:path";
import { ANSWER_LABELS, ANSWER_STATE_LABELS, COHERENCE_EXPLANATIONS, NOT_ANSWERED_LABEL } from "../lib/labels.ts";
import type { Answer, AnswerState, BadgeLevel, ScoredSolution, ThemeScore } from "../lib/types.ts";
import { evaluationView, type EvaluationView } from "./evaluation-view.ts";
import { percent, themeFigures } from "../lib/theme-figures.ts";
import type { CriterionView, SiteData, ThemeView } from "./site-data.ts";
import { PAGE_URLS, solutionLogoUrl, solutionUrl } from "./urls.ts";

/**
 * DSFR badge classes per level: the colour repeats what the text already
 * says. Red (the DSFR error style) is for « non atteint » only, the one level
 * an answer « non » or « partiel » causes; a missing answer stays neutral.
 */
export const BADGE_CLASSES: Readonly<Record<BadgeLevel, string>> = {
  avance: "fr-badge--success",
  essentiel: "fr-badge--info",
  incomplet: "fr-badge--no-icon",
  "non-atteint": "fr-badge--error",
  "non-evalue": "fr-badge--no-icon",
  "sans-objet": "fr-badge--no-icon",
};

/** The level as it reads after a theme name: « Sécurité : niveau avancé ». */
export const SHORT_BADGE_LABELS: Readonly<Record<BadgeLevel, string>> = {
  avance: "niveau avancé",
  essentiel: "niveau essentiel",
  incomplet: "incomplet",
  "non-atteint": "niveau non atteint",
  "non-evalue": "non évalué",
  "sans-objet": "sans objet",
};

const ANSWER_CLASSES: Readonly<Record<Answer, string>> = {
  oui: "fr-badge--success fr-badge--no-icon",
  partiel: "fr-badge--yellow-tournesol",
  // Not red: red is kept for the level « non atteint » (BADGE_CLASSES).
  non: "fr-badge--orange-terre-battue fr-badge--no-icon",
  "sans-objet": "fr-badge--no-icon",
};

const STATE_CLASSES: Readonly<Record<AnswerState, string>> = {
  declare: "fr-badge--beige-gris-galet",
  preuve: "fr-badge--blue-cumulus",
  coherent: "fr-badge--no-icon",
};

export interface ThemeBadge {
  theme: ThemeView;
  level: BadgeLevel;
  /** « Niveau avancé », « Incomplet (2 réponses manquantes) »… */
  label: string;
  /** After the theme's name: « niveau avancé », « incomplet (2 réponses manquantes) »… */
  shortLabel: string;
  className: string;
  /** Share of favourable answers (« 73 % »), or « — » when nothing is answered or nothing applies. */
  favorable: string;
  /** « 9 sur 11 » criteria answered, or « — » when nothing applies. */
  filled: string;
  applicable: number;
  answered: number;
  /** Essential criteria left unanswered (the count an « incomplet » level shows). */
  missing: number;
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
  /** What a « cohérent avec la fiche » answer agrees with, in one line. */
  stateNote?: string;
  justification?: string;
  evidence?: string;
}

export interface Labelled {
  label: string;
  url?: string;
}

export interface SolutionCard {
  url: string;
  logo?: string;
  providerType: string;
  distribution: string;
  hosting: string[];
  badges: ThemeBadge[];
  /** To update, evaluated on an older grid version. */
  evaluationStatus: EvaluationView;
}

export interface SolutionPage extends SolutionCard {
  categories: Labelled[];
  licenceUrl?: string;
  /** Over all applicable criteria: « 45 % » of favourable answers (« — » when nothing is answered), « 30 sur 52 » criteria answered. */
  favorable: string;
  filled: string;
  /** Per theme, the rows of the criteria of the file's grid version. */
  evaluation: { badge: ThemeBadge; rows: CriterionRow[] }[];
}

export interface SolutionViews {
  /** Cached: a card shows on several list pages. */
  card(entry: ScoredSolution): SolutionCard;
  /** Not cached: each solution page is rendered once, and a cached view (its evaluation rows) would be held for the whole build. */
  page(entry: ScoredSolution): SolutionPage;
}

export function createSolutionViews(site: SiteData): SolutionViews {
  const cards = new WeakMap<ScoredSolution, SolutionCard>();
  const labels = site.labels;

  function badge(score: ThemeScore, theme: ThemeView): ThemeBadge {
    const figures = themeFigures(score);
    return {
      theme,
      level: score.level,
      label: figures.label,
      shortLabel: SHORT_BADGE_LABELS[score.level] + figures.count,
      className: BADGE_CLASSES[score.level],
      favorable: figures.favorable,
      filled: figures.filled,
      applicable: score.applicable,
      answered: score.answered,
      missing: score.essentiel.missing,
    };
  }

  function card(entry: ScoredSolution): SolutionCard {
    const cached = cards.get(entry);
    if (cached) return cached;
    const { solution, score } = entry;
    const url = solutionUrl(solution.slug);
    const view: SolutionCard = {
      url,
      providerType: labels.providerTypes[solution.provider.type] ?? solution.provider.type,
      distribution: labels.distributions[solution.distribution] ?? solution.distribution,
      hosting: solution.hosting.map((id) => labels.hostingModes[id] ?? id),
      badges: score.themes.flatMap((themeScore) => {
        const theme = site.themesById[themeScore.themeId];
        return theme ? [badge(themeScore, theme)] : [];
      }),
      evaluationStatus: evaluationView(entry, site.currentGrid),
    };
    if (solution.logo) view.logo = solutionLogoUrl(solution.slug, path.extname(solution.logo));
    cards.set(entry, view);
    return view;
  }

  function rows(entry: ScoredSolution, themeScore: ThemeScore, theme: ThemeView): CriterionRow[] {
    const { answers, gridVersion } = entry.solution.evaluation;
    // A file on an older grid version is shown, as it is scored, with that version's criteria.
    const criteria = site.criteriaByVersion[gridVersion]?.[theme.id] ?? (gridVersion === site.gridVersion ? theme.criteria : []);
    return criteria.map((criterion, i) => {
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
        if (result.state === "coherent" && criterion.check) row.stateNote = COHERENCE_EXPLANATIONS[criterion.check];
      }
      if (given?.justification) row.justification = given.justification;
      if (given?.evidence) row.evidence = given.evidence;
      return row;
    });
  }

  function page(entry: ScoredSolution): SolutionPage {
    const { solution, score } = entry;
    const base = card(entry);
    const view: SolutionPage = {
      ...base,
      categories: solution.categories.map((id) => ({ label: labels.categories[id] ?? id, url: site.categoriesById[id]?.url ?? PAGE_URLS.catalogue })),
      favorable: score.themes.every((t) => t.answered === 0) ? "—" : percent(score.compliance),
      filled: `${score.themes.reduce((n, t) => n + t.answered, 0)} sur ${score.themes.reduce((n, t) => n + t.applicable, 0)}`,
      evaluation: score.themes.flatMap((themeScore, i) => {
        const b = base.badges[i];
        return b ? [{ badge: b, rows: rows(entry, themeScore, b.theme) }] : [];
      }),
    };
    if (solution.licence && !solution.licence.startsWith("LicenseRef-")) view.licenceUrl = `https://spdx.org/licenses/${encodeURIComponent(solution.licence)}.html`;
    return view;
  }

  return { card, page };
}
