// Shared shapes of the data core. Nothing here imports Eleventy: the CLI, the
// build and the tests all work on these plain objects.
import type { GridVersions, PreviousVersion } from "./version-types.ts";

export type { GridVersions, PreviousVersion, VersionMapping } from "./version-types.ts";

/** "all", or the id of a hosting mode of criteria/vocabularies.yaml (checked when the grid loads). */
export type Applicability = string;
export type CriterionLevel = "essentiel" | "avance";
export type Answer = "oui" | "partiel" | "non" | "sans-objet";
export const ANSWERS: readonly Answer[] = ["oui", "partiel", "non", "sans-objet"];

/** Names of the automatic checks a criterion can declare in the grid (see src/lib/checks.ts). */
export const CHECK_NAMES = ["distribution-libre", "licence-crpa", "licence-osi", "source-published", "public-references"] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface Referential {
  name: string;
  url: string;
}

export interface Criterion {
  id: string;
  themeId: string;
  title: string;
  question: string;
  help: string;
  referential: Referential;
  applicability: Applicability;
  level: CriterionLevel;
  check?: CheckName;
  /** The certification or qualification an answer « oui » claims, e.g. "SecNumCloud" (grid key certification). */
  certification?: string;
  /** This criterion's answer gives the RGAA accessibility status (grid key accessibility_status; one criterion at most). */
  accessibilityStatus?: true;
}

export interface Theme {
  id: string;
  slug: string;
  title: string;
  /** Short name for compact badges and tables, e.g. "Conception". */
  shortTitle: string;
  description: string;
  criteria: Criterion[];
}

export interface VocabularyEntry {
  id: string;
  label: string;
  description?: string;
  url?: string;
}

export interface Distribution extends VocabularyEntry {
  /** A solution of this distribution must state its licence. */
  licenceRequired: boolean;
  /** The only answer to the « distribution-libre » check (OSS-01) that agrees with this distribution. */
  freeSoftwareAnswer: Exclude<Answer, "sans-objet">;
}

export interface HostingMode extends VocabularyEntry {
  /** Label of the criteria that concern only this hosting mode, e.g. "Solutions SaaS". */
  applicabilityLabel: string;
}

export interface DataHostingLocation extends VocabularyEntry {
  /** All the data is in the European Union (France included). */
  inEuropeanUnion: boolean;
}

export interface Vocabularies {
  categories: VocabularyEntry[];
  providerTypes: VocabularyEntry[];
  distributions: Distribution[];
  hostingModes: HostingMode[];
  purchaseChannels: VocabularyEntry[];
  /** Where a provider hosts the data of its service (field data_hosting.location). */
  dataHostingLocations: DataHostingLocation[];
}

export interface Grid {
  version: string;
  /** Publication date of this version (YYYY-MM-DD). */
  published: string;
  /** An evaluation is to be updated this many months after its date. */
  evaluationValidityMonths: number;
  /** The version this one replaced, and how its criteria map to this one's. */
  previous?: PreviousVersion;
  /** All the versions kept; `versions.byVersion.get(v)` is the grid of version v. */
  versions: GridVersions;
  themes: Theme[];
  /** Every criterion of every theme, in grid order. */
  criteria: Criterion[];
  criteriaById: ReadonlyMap<string, Criterion>;
  vocabularies: Vocabularies;
  /** Label of each applicability: "all" and every hosting mode id (see applicabilityLabel in grid.ts). */
  applicabilityLabels: Readonly<Record<Applicability, string>>;
  /** SPDX identifiers of the licences listed by CRPA art. D.323-2-1. */
  crpaLicences: readonly string[];
  /** Fingerprint of the grid files and SPDX list the schema derives from. */
  sourceHash: string;
}

export interface CriterionAnswer {
  answer: Answer;
  justification?: string;
  evidence?: string;
}

export interface Provider {
  name: string;
  type: string;
  website?: string;
}

/** Where the provider hosts the data of its online service, and with which host. */
export interface DataHosting {
  /** Id of a data hosting location of criteria/vocabularies.yaml, e.g. "france". */
  location: string;
  /** Name of the host, e.g. "OVHcloud". */
  host: string;
}

export interface Withdrawal {
  reason: string;
  date: string;
}

export interface Evaluation {
  gridVersion: string;
  date: string;
  answers: Readonly<Record<string, CriterionAnswer>>;
}

/** A solution as validated from a contributor file: known keys only. */
export interface Solution {
  slug: string;
  name: string;
  shortDescription: string;
  /** Markdown, untrusted: render with raw HTML disabled. */
  description: string;
  website: string;
  provider: Provider;
  distribution: string;
  licence?: string;
  sourceCode?: string;
  hosting: string[];
  categories: string[];
  publicReferences: string[];
  purchaseChannels: string[];
  dataHosting?: DataHosting;
  contact?: string;
  /** File name of the logo, relative to the solution file's folder. */
  logo?: string;
  demo: boolean;
  withdrawn?: Withdrawal;
  evaluation: Evaluation;
  /** Path of the source file, relative to the project root, with forward slashes. */
  sourceFile: string;
}

/**
 * How much an answer can be trusted: declared only, declared with an evidence
 * URL, or consistent with other fields of the same file (« coherent »: the
 * provider wrote those too, so this is not a verification by a third party).
 */
export type AnswerState = "declare" | "preuve" | "coherent";

/**
 * The level of a theme. « incomplet »: some applicable essential criteria
 * are unanswered and none is answered non or partiel; « non-atteint »: an
 * applicable essential criterion is answered non or partiel.
 */
export type BadgeLevel = "avance" | "essentiel" | "incomplet" | "non-atteint" | "non-evalue" | "sans-objet";

export interface CriterionResult {
  criterionId: string;
  applicable: boolean;
  /** Undefined when the criterion is left out of the file (« non renseigné »). */
  answer?: Answer;
  state?: AnswerState;
}

export interface EssentielCounts {
  applicable: number;
  oui: number;
  /** Applicable essential criteria with no answer (« non renseigné »). */
  missing: number;
}

export interface ThemeScore {
  themeId: string;
  /** Criteria that apply to this solution (applicability matches, not answered sans-objet). */
  applicable: number;
  /** Applicable criteria answered oui, partiel or non. */
  answered: number;
  oui: number;
  partiel: number;
  non: number;
  /** answered / applicable, in [0, 1]; 0 when nothing applies. */
  completeness: number;
  /** (oui + partiel / 2) / applicable, in [0, 1]; 0 when nothing applies. */
  compliance: number;
  /** Applicable essential criteria: how many, how many answered oui, how many left unanswered. */
  essentiel: EssentielCounts;
  avance: { applicable: number; compliance: number };
  level: BadgeLevel;
  criteria: CriterionResult[];
}

export interface SolutionScore {
  themes: ThemeScore[];
  /** Over all applicable criteria of all themes. */
  completeness: number;
  compliance: number;
}

/** Where an evaluation stands on the build's day (src/lib/aging.ts). */
export interface EvaluationStatus {
  /** The grid version of the file is not the current one: its levels are computed with its own version. */
  olderGrid: boolean;
  /** First day the evaluation is to be updated: its date plus the grid's validity (YYYY-MM-DD). */
  updateFrom: string;
  /** The build's day is on or after `updateFrom` (never for a withdrawn solution). */
  outdated: boolean;
}

export interface ScoredSolution {
  solution: Solution;
  /** Computed with the grid version of the file (an older version during its transition period). */
  score: SolutionScore;
  evaluationStatus: EvaluationStatus;
}

export interface CatalogueStats {
  solutions: number;
  listed: number;
  withdrawn: number;
  demo: number;
  criteria: number;
  criteriaByTheme: Record<string, number>;
}

/** One row of a theme's ranking: `rank` is null for a solution not evaluated in the theme (or sans objet). */
export interface RankingRow {
  entry: ScoredSolution;
  rank: number | null;
}

/** The one immutable object the site and the exports are built from. */
export interface Catalogue {
  grid: Grid;
  /** The day the catalogue was built for (CATALOGUE_TODAY or the date in Paris): evaluations age against it. */
  today: string;
  /** Every valid solution, withdrawn ones included, sorted by name (French collation). */
  solutions: ScoredSolution[];
  /** Solutions not withdrawn, sorted by name. */
  listed: ScoredSolution[];
  /** Listed solutions per category id, sorted by name. */
  byCategory: Record<string, ScoredSolution[]>;
  /**
   * Listed solutions per theme id: first those ranked (by compliance, then
   * completeness, then name; equal scores share a rank), then, with a null
   * rank, those « non évalué » or « sans objet » in the theme, by name.
   */
  rankedByTheme: Record<string, RankingRow[]>;
  stats: CatalogueStats;
}

/** One problem found in a contributor file. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** JSON pointer of the field, "" for the whole file. */
  pointer: string;
  /** Field path in dotted form for humans, e.g. "evaluation.SEC-04.justification". */
  field: string;
  message: string;
  /** "warning" for what does not block the file (an evaluation to update); absent for an error. */
  severity?: "warning";
}
