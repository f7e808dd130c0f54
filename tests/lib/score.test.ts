import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadGrid } from "../../src/lib/grid.ts";
import { badgeLevel, scoreSolution } from "../../src/lib/score.ts";
import type { CriterionAnswer, Solution, ThemeScore } from "../../src/lib/types.ts";
import { FIXTURE_ROOT, VERSIONS_ROOT } from "../helpers.ts";

// The fixture grid: NR has NR-01 (all, essentiel), NR-02 (saas, avancé),
// NR-03 (all, avancé), NR-04 (on-premises, essentiel); VIDE has no criterion;
// OSS-01..04 are checked criteria.
const grid = loadGrid(FIXTURE_ROOT);

function solution(hosting: string[], answers: Record<string, CriterionAnswer>, extra: Partial<Solution> = {}): Solution {
  return {
    slug: "s",
    name: "S",
    shortDescription: "",
    description: "",
    website: "https://s.example.org/",
    provider: { name: "P", type: "entreprise" },
    distribution: "libre",
    licence: "AGPL-3.0-or-later",
    hosting,
    categories: ["visioconference"],
    publicReferences: [],
    purchaseChannels: [],
    demo: false,
    evaluation: { gridVersion: "1.0", date: "2026-01-01", answers },
    sourceFile: "s.yaml",
    ...extra,
  };
}

const theme = (s: Solution, id: string): ThemeScore => scoreSolution(s, grid).themes.find((t) => t.themeId === id)!;
const oui = (j = "Oui.") => ({ answer: "oui" as const, justification: j });

test("worked example 1: a SaaS and on-premises solution with a missing essential answer is incomplete, not failed", () => {
  const t = theme(solution(["saas", "on-premises"], { "NR-01": oui(), "NR-02": { answer: "partiel", justification: "En partie." }, "NR-03": { answer: "non" } }), "NR");
  // 4 criteria apply; 3 answered; points 1 + 0.5 + 0; NR-04 (essentiel) is not answered.
  assert.equal([t.applicable, t.answered, t.oui, t.partiel, t.non], [4, 3, 1, 1, 1]);
  assert.equal(t.completeness, 0.75);
  assert.equal(t.compliance, 0.375);
  assert.equal(t.essentiel, { applicable: 2, oui: 1, missing: 1 });
  assert.equal(t.level, "incomplet");
});

test("worked example 2: SaaS-only criteria do not apply to an on-premises-only solution, and sans-objet is excluded", () => {
  const t = theme(
    solution(["on-premises"], {
      "NR-01": oui(),
      "NR-02": oui(), // SaaS-only: ignored for an on-premises solution
      "NR-03": { answer: "sans-objet", justification: "Pas d'interface graphique." },
      "NR-04": oui(),
    }),
    "NR",
  );
  assert.equal([t.applicable, t.answered, t.oui], [2, 2, 2]);
  assert.equal(t.completeness, 1);
  assert.equal(t.compliance, 1);
  // Every essentiel criterion at oui and no avancé criterion left: advanced level.
  assert.equal(t.level, "avance");
  assert.equal(t.criteria.find((c) => c.criterionId === "NR-02")!.applicable, false);
  assert.equal(t.criteria.find((c) => c.criterionId === "NR-03")!.applicable, false);
});

test("worked example 3: every essential criterion at oui but weak advanced answers gives the essential level", () => {
  const t = theme(solution(["saas"], { "NR-01": oui(), "NR-02": { answer: "non" }, "NR-03": { answer: "partiel", justification: "Partiel." } }), "NR");
  // NR-04 is on-premises only. Avancé: (0 + 0.5) / 2 = 25 % < 50 %.
  assert.equal([t.applicable, t.answered], [3, 3]);
  assert.equal(t.compliance, 0.5);
  assert.equal(t.avance, { applicable: 2, compliance: 0.25 });
  assert.equal(t.level, "essentiel");
});

test("a theme with no answer is not evaluated, and an empty theme is sans objet", () => {
  const s = solution(["saas"], {});
  const nr = theme(s, "NR");
  assert.equal([nr.applicable, nr.answered, nr.completeness, nr.compliance, nr.level], [3, 0, 0, 0, "non-evalue"]);
  const empty = theme(s, "VIDE");
  assert.equal([empty.applicable, empty.completeness, empty.compliance, empty.level], [0, 0, 0, "sans-objet"]);
});

test("a theme whose criteria are all sans objet is sans objet", () => {
  const t = theme(
    solution(["saas"], {
      "NR-01": { answer: "sans-objet", justification: "x" },
      "NR-02": { answer: "sans-objet", justification: "x" },
      "NR-03": { answer: "sans-objet", justification: "x" },
    }),
    "NR",
  );
  assert.equal([t.applicable, t.level], [0, "sans-objet"]);
});

test("overall completeness and compliance pool every applicable criterion, a partial answer counting half", () => {
  const score = scoreSolution(solution(["saas"], { "NR-01": oui(), "NR-03": { answer: "partiel", justification: "En partie." }, "OSS-01": oui(), "OSS-02": oui() }), grid);
  // Applicable: NR 3 + CI 2 + OSS 4 = 9; answered 4: 3 oui + 1 partiel = 3.5 points.
  assert.equal(score.completeness, 4 / 9);
  assert.equal(score.compliance, 3.5 / 9);
});

test("answer states: checked answers that agree with the data are consistent with the file, evidence makes a declaration backed", () => {
  const s = solution(["saas"], {
    "OSS-01": oui(),
    "OSS-02": oui(),
    "NR-01": { answer: "oui", justification: "x", evidence: "https://s.example.org/a11y" },
    "NR-03": { answer: "non" },
  });
  const states = Object.fromEntries(scoreSolution(s, grid).themes.flatMap((t) => t.criteria).filter((c) => c.answer).map((c) => [c.criterionId, c.state]));
  assert.equal(states, { "NR-01": "preuve", "NR-03": "declare", "OSS-01": "coherent", "OSS-02": "coherent" });
});

test("badge thresholds: 50 % of advanced points is enough, just under is not", () => {
  assert.is(badgeLevel(4, 4, { applicable: 2, oui: 2, missing: 0 }, 2, 0.5), "avance");
  assert.is(badgeLevel(4, 4, { applicable: 2, oui: 2, missing: 0 }, 2, 0.49), "essentiel");
  assert.is(badgeLevel(4, 4, { applicable: 2, oui: 1, missing: 0 }, 2, 1), "non-atteint");
});

test("an essential criterion answered non or partiel fails the theme even when others are unanswered", () => {
  const partiel = theme(solution(["saas", "on-premises"], { "NR-01": { answer: "partiel", justification: "En partie." } }), "NR");
  assert.equal([partiel.essentiel.missing, partiel.level], [1, "non-atteint"]);
  const non = theme(solution(["on-premises"], { "NR-04": { answer: "non" } }), "NR");
  assert.equal([non.essentiel.missing, non.level], [1, "non-atteint"]);
});

test("unanswered essential criteria with the others at oui make the theme incomplete, with the count of missing answers", () => {
  // SaaS and on-premises: NR-01 and NR-04 are essential; only an avancé criterion is answered.
  const t = theme(solution(["saas", "on-premises"], { "NR-03": oui() }), "NR");
  assert.equal(t.essentiel, { applicable: 2, oui: 0, missing: 2 });
  assert.is(t.level, "incomplet");
  assert.is(badgeLevel(4, 1, { applicable: 2, oui: 1, missing: 1 }, 2, 1), "incomplet");
});

test("every essential criterion at oui with unanswered avancé criteria: unanswered avancé criteria count 0 towards the threshold", () => {
  // SaaS only: NR-01 essential (oui), NR-02 and NR-03 avancé, NR-03 unanswered. Avancé: (1 + 0) / 2 = 50 %.
  const reached = theme(solution(["saas"], { "NR-01": oui(), "NR-02": oui() }), "NR");
  assert.equal([reached.avance, reached.level], [{ applicable: 2, compliance: 0.5 }, "avance"]);
  // Only NR-01 answered: avancé 0 / 2 = 0 %, essential level.
  const essential = theme(solution(["saas"], { "NR-01": oui() }), "NR");
  assert.equal([essential.avance, essential.level], [{ applicable: 2, compliance: 0 }, "essentiel"]);
});

test("a file on an older grid version is scored with that version's criteria, theme by theme of the grid in force", () => {
  // The versions fixture: grid 1.1 in force; this file is on 1.0 (tests/fixtures/grid-versions/content/solutions/ancienne-grille.yaml).
  const versions = loadGrid(VERSIONS_ROOT);
  const answers = {
    "NR-01": oui(),
    "NR-02": { answer: "partiel" as const, justification: "En partie." },
    "NR-03": { answer: "non" as const },
    "NR-04": { answer: "sans-objet" as const, justification: "Pas sur site." },
    "CI-01": oui(),
    "OSS-01": oui(),
    "OSS-02": oui(),
    "OSS-03": oui(),
    "OSS-04": { answer: "partiel" as const, justification: "En partie." },
  };
  const old = solution(["saas"], answers, { licence: "EUPL-1.2", sourceCode: "https://git.example.org/s" });
  const score = scoreSolution({ ...old, evaluation: { gridVersion: "1.0", date: "2025-06-01", answers } }, versions);
  // NR under 1.0 (SaaS): NR-01 oui, NR-02 partiel, NR-03 non apply (NR-04 is on-premises): 1.5 / 3.
  // CI: CI-01 oui, CI-08 unanswered: 1 / 2. VIDE: no criterion. OSS: 3 oui + 1 partiel: 3.5 / 4.
  assert.equal(
    score.themes.map((t) => [t.themeId, t.applicable, t.answered, t.oui, t.partiel, t.non, t.compliance, t.level]),
    [
      ["NR", 3, 3, 1, 1, 1, 0.5, "essentiel"],
      ["CI", 2, 1, 1, 0, 0, 0.5, "essentiel"],
      ["VIDE", 0, 0, 0, 0, 0, 0, "sans-objet"],
      ["OSS", 4, 4, 3, 1, 0, 0.875, "avance"],
    ],
  );
  assert.equal(score.themes[0]!.criteria.map((c) => c.criterionId), ["NR-01", "NR-02", "NR-03", "NR-04"]);
  // 6 points over 9 applicable criteria, 8 answered.
  assert.equal([score.compliance, score.completeness], [6 / 9, 8 / 9]);
});

test.run();
