import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GridError, loadGrid } from "../../src/lib/grid.ts";
import {
  ACCESSIBILITY_STATUS_LABELS,
  accessibilityStatus,
  claimedCertifications,
  dataHostedInEuropeanUnion,
  dataHostingLabel,
  dataHostingLocation,
} from "../../src/lib/key-facts.ts";
import type { CriterionAnswer, Solution } from "../../src/lib/types.ts";
import { FIXTURE_ROOT, PROJECT_ROOT, tempDir } from "../helpers.ts";

const grid = loadGrid(PROJECT_ROOT);

function solution(hosting: string[], answers: Record<string, CriterionAnswer>, extra: Partial<Solution> = {}): Solution {
  return {
    slug: "s",
    name: "S",
    shortDescription: "",
    description: "",
    website: "https://s.example.org/",
    provider: { name: "P", type: "entreprise" },
    distribution: "proprietaire",
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
const answer = (value: CriterionAnswer["answer"], evidence?: string): CriterionAnswer =>
  value === "non" ? { answer: value } : { answer: value, justification: "Justifié.", ...(evidence ? { evidence } : {}) };

test("the grid marks NR-02 as the criterion that gives the accessibility status, and CONF-02 and CONF-03 as certifications", () => {
  assert.equal(grid.criteria.filter((c) => c.accessibilityStatus).map((c) => c.id), ["NR-02"]);
  assert.equal(grid.criteria.filter((c) => c.certification).map((c) => [c.id, c.certification]), [
    ["CONF-02", "HDS"],
    ["CONF-03", "SecNumCloud"],
  ]);
});

test("the accessibility status follows the answer to NR-02 on the RGAA's scale", () => {
  const status = (a?: CriterionAnswer) => accessibilityStatus(solution(["saas"], a ? { "NR-02": a } : {}), grid);
  assert.is(status(answer("oui")), "totalement-conforme");
  assert.is(status(answer("partiel")), "partiellement-conforme");
  assert.is(status(answer("non")), "non-conforme");
  assert.is(status(answer("sans-objet")), "non-renseigne");
  assert.is(status(undefined), "non-renseigne");
});

test("a published accessibility declaration alone (NR-01) does not give a status", () => {
  assert.is(accessibilityStatus(solution(["saas"], { "NR-01": answer("oui") }), grid), "non-renseigne");
});

test("the accessibility statuses read as the RGAA's declaration writes them", () => {
  assert.equal(ACCESSIBILITY_STATUS_LABELS, {
    "totalement-conforme": "totalement conforme",
    "partiellement-conforme": "partiellement conforme",
    "non-conforme": "non conforme",
    "non-renseigne": "non renseigné",
  });
});

test("a SaaS answering « oui » to CONF-02 and CONF-03 claims HDS and SecNumCloud, with their evidence", () => {
  const s = solution(["saas"], { "CONF-02": answer("oui", "https://esante.gouv.fr/hds"), "CONF-03": answer("oui") });
  assert.equal(claimedCertifications(s, grid), [
    { name: "HDS", criterionId: "CONF-02", evidence: "https://esante.gouv.fr/hds" },
    { name: "SecNumCloud", criterionId: "CONF-03" },
  ]);
});

test("« partiel », « non », « sans objet » and missing answers claim no certification", () => {
  assert.equal(claimedCertifications(solution(["saas"], { "CONF-02": answer("sans-objet"), "CONF-03": answer("partiel") }), grid), []);
  assert.equal(claimedCertifications(solution(["saas"], { "CONF-02": answer("non"), "CONF-03": answer("non") }), grid), []);
  assert.equal(claimedCertifications(solution(["saas"], {}), grid), []);
});

test("an answer « oui » to a certification criterion that does not concern the solution's hosting claims nothing", () => {
  assert.equal(claimedCertifications(solution(["on-premises"], { "CONF-03": answer("oui") }), grid), []);
});

test("the data hosting reads as its location's label and the host's name", () => {
  const s = solution(["saas"], {}, { dataHosting: { location: "france", host: "OVHcloud" } });
  assert.is(dataHostingLabel(s, grid), "France — OVHcloud");
  assert.is(dataHostingLocation(s, grid)?.id, "france");
  assert.is(dataHostingLabel(solution(["saas"], {}, { dataHosting: { location: "hors-union-europeenne", host: "Amazon Web Services" } }), grid), "Hors de l'Union européenne — Amazon Web Services");
});

test("a file that does not say where its data is hosted has no data hosting label", () => {
  assert.is(dataHostingLabel(solution(["saas"], {}), grid), undefined);
  assert.is(dataHostingLocation(solution(["saas"], {}), grid), undefined);
});

test("data hosted in France or in the rest of the Union is in the European Union; outside it or unknown is not", () => {
  const inEu = (location?: string) => dataHostedInEuropeanUnion(solution(["saas"], {}, location ? { dataHosting: { location, host: "H" } } : {}), grid);
  assert.equal([inEu("france"), inEu("union-europeenne"), inEu("hors-union-europeenne"), inEu(undefined)], [true, true, false, false]);
});

test("two criteria marked accessibility_status stop the grid, naming both", () => {
  const root = tempDir("facts");
  cpSync(path.join(FIXTURE_ROOT, "criteria"), path.join(root, "criteria"), { recursive: true });
  const file = path.join(root, "criteria", "grid.yaml");
  const text = readFileSync(file, "utf8");
  const edited = text.replace(/(        level: \w+\n)/g, "$1        accessibility_status: true\n");
  assert.is.not(edited, text);
  writeFileSync(file, edited);
  assert.throws(() => loadGrid(root), (e: unknown) => e instanceof GridError && /accessibility_status sur « NR-01 » et « NR-02 »/.test(e.message));
});

test("a certification name that starts with a space is refused by the grid file schema", () => {
  const root = tempDir("facts");
  cpSync(path.join(FIXTURE_ROOT, "criteria"), path.join(root, "criteria"), { recursive: true });
  const file = path.join(root, "criteria", "grid.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("        level: essentiel\n", '        level: essentiel\n        certification: " HDS"\n'));
  assert.throws(() => loadGrid(root), (e: unknown) => e instanceof GridError && /themes\.0\.criteria\.0\.certification/.test(e.message));
});

test.run();
