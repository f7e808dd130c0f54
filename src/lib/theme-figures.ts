// What a solution page shows for one theme, as words and figures: the level,
// the share of favourable answers and the criteria answered. Pure, so the
// site's views and the CLI's job summary say exactly the same thing.
import { BADGE_LABELS } from "./labels.ts";
import type { ThemeScore } from "./types.ts";

// A ratio in [0, 1] shown as a French percentage: 0.375 -> "38 %"
// (a no-break space before the sign, as French typography wants).
export function percent(ratio: unknown): string {
  const value = typeof ratio === "number" && Number.isFinite(ratio) ? ratio : 0;
  // The epsilon keeps 0.285 (stored as 0.28499…) from rounding down.
  return `${Math.round(value * 100 + 1e-9)}\u00a0%`;
}

/** « 1 réponse manquante », « 2 réponses manquantes ». */
export function missingText(missing: number): string {
  return missing > 1 ? `${missing} réponses manquantes` : `${missing} réponse manquante`;
}

export interface ThemeFigures {
  /** « Niveau avancé », « Incomplet (2 réponses manquantes) »… */
  label: string;
  /** What follows any wording of an « incomplet » level: « (2 réponses manquantes) », else "". */
  count: string;
  /** Share of favourable answers (« 73 % »), or « — » when nothing is answered or nothing applies. */
  favorable: string;
  /** « 9 sur 11 » criteria answered, or « — » when nothing applies. */
  filled: string;
}

export function themeFigures(score: ThemeScore): ThemeFigures {
  const count = score.level === "incomplet" ? ` (${missingText(score.essentiel.missing)})` : "";
  return {
    label: BADGE_LABELS[score.level] + count,
    count,
    // Nothing answered or nothing applies: « 0 % » would read as a score of zero.
    favorable: score.answered === 0 ? "—" : percent(score.compliance),
    filled: score.applicable === 0 ? "—" : `${score.answered} sur ${score.applicable}`,
  };
}
