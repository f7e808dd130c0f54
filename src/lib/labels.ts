import type { Answer, AnswerState, BadgeLevel } from "./types.ts";

// French labels shown to people; ids stay ASCII in data and URLs.

export const BADGE_LABELS: Readonly<Record<BadgeLevel, string>> = {
  avance: "Niveau avancé",
  essentiel: "Niveau essentiel",
  "non-atteint": "Niveau non atteint",
  "non-evalue": "Non évalué",
  "sans-objet": "Sans objet",
};

export const ANSWER_LABELS: Readonly<Record<Answer, string>> = {
  oui: "Oui",
  partiel: "Partiel",
  non: "Non",
  "sans-objet": "Sans objet",
};

export const NOT_ANSWERED_LABEL = "Non renseigné";

export const ANSWER_STATE_LABELS: Readonly<Record<AnswerState, string>> = {
  declare: "Déclaré",
  preuve: "Déclaré avec preuve",
  verifie: "Vérifié",
};

// Applicability labels come from criteria/vocabularies.yaml: see applicabilityLabel() in grid.ts.

export const LEVEL_LABELS = {
  essentiel: "Essentiel",
  avance: "Avancé",
} as const;
