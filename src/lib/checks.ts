// Criteria the grid marks as checkable: the answer must agree with the
// solution's own data. An agreeing answer is « vérifié »; a contradicting one
// is a validation error.
import { isOsiApproved } from "./spdx.ts";
import type { Answer, CheckName, Grid } from "./types.ts";

export interface CheckInput {
  distribution?: string;
  licence?: string;
  sourceCode?: string;
  publicReferences: readonly string[];
}

export interface Expectation {
  /** Answers that agree with the data. */
  accepted: readonly Answer[];
  /** Why, in French, quoting the data (shown in errors). */
  because: string;
}

/** What the data says the answer to a checked criterion must be; undefined when the data cannot tell. */
export function expectedAnswer(check: CheckName, input: CheckInput, grid: Grid): Expectation | undefined {
  switch (check) {
    case "distribution-libre": {
      // The agreeing answer of each distribution is in criteria/vocabularies.yaml (free_software_answer).
      const answer = grid.vocabularies.distributions.find((d) => d.id === input.distribution)?.freeSoftwareAnswer;
      return answer ? { accepted: [answer], because: `la distribution déclarée est « ${input.distribution} »` } : undefined;
    }
    case "licence-crpa": {
      if (input.licence === undefined) return { accepted: ["non"], because: "la fiche n'indique pas de licence" };
      return grid.crpaLicences.includes(input.licence)
        ? { accepted: ["oui"], because: `la licence « ${input.licence} » figure dans la liste de l'article D.323-2-1 du CRPA` }
        : { accepted: ["non"], because: `la licence « ${input.licence} » ne figure pas dans la liste de l'article D.323-2-1 du CRPA` };
    }
    case "licence-osi": {
      if (input.licence === undefined) return { accepted: ["non"], because: "la fiche n'indique pas de licence" };
      return isOsiApproved(input.licence)
        ? { accepted: ["oui"], because: `la licence « ${input.licence} » est approuvée par l'OSI` }
        : { accepted: ["non"], because: `la licence « ${input.licence} » n'est pas approuvée par l'OSI` };
    }
    case "source-published":
      return input.sourceCode === undefined
        ? { accepted: ["non"], because: "la fiche n'indique pas de dépôt de code source (champ source_code)" }
        : { accepted: ["oui", "partiel"], because: "la fiche indique un dépôt de code source (champ source_code)" };
    case "public-references":
      return input.publicReferences.length === 0
        ? { accepted: ["non"], because: "la fiche ne cite aucune référence publique (champ public_references)" }
        : { accepted: ["oui", "partiel"], because: "la fiche cite des références publiques (champ public_references)" };
  }
}
