import type { Answer, AnswerState, BadgeLevel, CheckName } from "./types.ts";

// French labels shown to people; ids stay ASCII in data and URLs.

export const BADGE_LABELS: Readonly<Record<BadgeLevel, string>> = {
  avance: "Niveau avancé",
  essentiel: "Niveau essentiel",
  incomplet: "Incomplet",
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
  // « Vérifié » is kept for checks against official sources, which do not exist yet.
  coherent: "Cohérent avec la fiche",
};

/** One sentence per level, for the legend shown above lists and on solution pages. */
export const BADGE_DESCRIPTIONS: Readonly<Record<BadgeLevel, string>> = {
  avance: "«\u00a0oui\u00a0» à tous les critères essentiels, et au moins la moitié des points sur les critères avancés.",
  essentiel: "«\u00a0oui\u00a0» à tous les critères essentiels.",
  incomplet: "des critères essentiels sont sans réponse (leur nombre est indiqué), et aucun n'a la réponse «\u00a0non\u00a0» ou «\u00a0partiel\u00a0».",
  "non-atteint": "au moins un critère essentiel a la réponse «\u00a0non\u00a0» ou «\u00a0partiel\u00a0».",
  "non-evalue": "le fournisseur n'a répondu à aucun critère du thème.",
  "sans-objet": "aucun critère du thème ne concerne la solution.",
};

// Applicability labels come from criteria/vocabularies.yaml: see applicabilityLabel() in grid.ts.

export const LEVEL_LABELS = {
  essentiel: "Essentiel",
  avance: "Avancé",
} as const;

/** The one line shown next to « Cohérent avec la fiche »: which field of the file the answer agrees with. */
export const COHERENCE_EXPLANATIONS: Readonly<Record<CheckName, string>> = {
  "distribution-libre": "Concorde avec la distribution indiquée dans la fiche, elle aussi déclarée par le fournisseur.",
  "licence-crpa": "Concorde avec la licence indiquée dans la fiche, elle aussi déclarée par le fournisseur.",
  "licence-osi": "Concorde avec la licence indiquée dans la fiche, elle aussi déclarée par le fournisseur.",
  "source-published": "Concorde avec l'adresse du code source indiquée dans la fiche, elle aussi déclarée par le fournisseur.",
  "public-references": "Concorde avec les références publiques citées dans la fiche, elles aussi déclarées par le fournisseur.",
};
