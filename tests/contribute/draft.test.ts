import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkDraftText, valueProblem } from "../../src/contribute/check.ts";
import { renderDraft } from "../../src/contribute/draft.ts";
import type { DraftValues } from "../../src/contribute/fields.ts";
import { suggestSlug } from "../../src/contribute/slug.ts";
import { loadGrid } from "../../src/lib/grid.ts";
import { loadDocument } from "../../src/lib/load.ts";
import { scoreSolution } from "../../src/lib/score.ts";
import { getValidator, validateDocument } from "../../src/lib/validate.ts";
import { FIXTURE_ROOT, TODAY } from "../helpers.ts";

const grid = loadGrid(FIXTURE_ROOT);
const validator = getValidator(grid);
const SCHEMA_URL = "https://catalogue.exemple.gouv.fr/schemas/solution.schema.json";

const values = (hosting: string[], extra: DraftValues = {}): DraftValues => ({
  name: "Visio Test",
  slug: "visio-test",
  shortDescription: "Une visioconférence.",
  website: "https://visio.example.org",
  providerName: "Exemple SAS",
  providerType: "entreprise",
  distribution: "proprietaire",
  hosting,
  categories: ["visioconference"],
  ...extra,
});

const draft = (v: DraftValues) => renderDraft(v, grid, validator.schema, { schemaUrl: SCHEMA_URL, date: TODAY, file: "content/solutions/visio-test.yaml" });
/** The criteria offered for an answer: the commented « ID: » lines. */
const offered = (text: string) => [...text.matchAll(/^ {2}# ([A-Z]+-[0-9]{2}):$/gm)].map((m) => m[1]);

test("the first line names the schema for the YAML language server", () => {
  assert.is(draft(values(["saas"])).split("\n")[0], `# yaml-language-server: $schema=${SCHEMA_URL}`);
});

test("a SaaS-only draft lists the criteria for all solutions and for SaaS, not those for on-premises", () => {
  assert.equal(offered(draft(values(["saas"]))), ["NR-01", "NR-02", "NR-03", "CI-01", "CI-08", "OSS-01", "OSS-02", "OSS-03", "OSS-04"]);
});

test("an on-premises-only draft lists the on-premises criterion instead of the SaaS one", () => {
  assert.equal(offered(draft(values(["on-premises"]))), ["NR-01", "NR-03", "NR-04", "CI-01", "CI-08", "OSS-01", "OSS-02", "OSS-03", "OSS-04"]);
});

test("both hosting modes list every criterion, under theme headings; a theme with no criterion has none", () => {
  const text = draft(values(["saas", "on-premises"]));
  assert.equal(offered(text), ["NR-01", "NR-02", "NR-03", "NR-04", "CI-01", "CI-08", "OSS-01", "OSS-02", "OSS-03", "OSS-04"]);
  assert.equal([...text.matchAll(/^ {2}# ═══ (.*) ═══$/gm)].map((m) => m[1]), ["Numérique responsable (NR)", "Conception et innovation (CI)", "Logiciel libre (OSS)"]);
});

test("each criterion carries its title, level, applicability, question, help and referential as comments", () => {
  const text = draft(values(["saas"]));
  assert.ok(
    text.includes(
      "  # NR-02 — Poids des pages (Avancé, Solutions SaaS)\n" +
        "  # Question : Le poids des pages est-il plafonné ?\n" +
        "  # Aide : Seuils et mesures.\n" +
        "  # Référentiel : RGESN 2024 (https://ecoresponsable.numerique.gouv.fr/)\n" +
        "  # NR-02:\n  #   answer:\n  #   justification:\n  #   evidence:\n",
    ),
  );
  assert.ok(text.includes("  # Grille 1.0 : 9 critères concernent le mode d'hébergement choisi (« SaaS »). 1 critère réservé\n  # aux « Solutions sur site » n'est pas listé.\n"));
});

test("checked criteria say which answer the file's data calls for", () => {
  const text = draft(values(["saas"], { distribution: "libre", licence: "EUPL-1.2" }));
  assert.ok(text.includes("  # D'après la fiche, la réponse attendue est « oui » : la distribution déclarée est « libre ».\n  # OSS-01:\n"));
  assert.ok(text.includes("  # D'après la fiche, la réponse attendue est « non » : la fiche n'indique pas de dépôt de code\n  # source (champ source_code).\n"));
});

test("the draft validates as written: grid version and today's date, every criterion « non renseigné »", () => {
  const text = draft(values(["saas"]));
  assert.equal(checkDraftText(text, "content/solutions/visio-test.yaml", "visio-test", validator, TODAY), []);
  assert.ok(text.includes(`evaluation:\n  grid_version: "1.0"\n  date: "${TODAY}"\n`));
  const loaded = loadDocument(new TextEncoder().encode(text), "yaml");
  assert.ok(loaded.ok);
  const solution = validateDocument(loaded.doc, "visio-test.yaml", "visio-test", validator, TODAY).solution!;
  assert.equal(Object.keys(solution.evaluation.answers), []);
  assert.is(scoreSolution(solution, grid).completeness, 0);
});

test("a criterion block, uncommented and filled in, is a valid answer", () => {
  const answered = draft(values(["saas"])).replace(
    "  # NR-01:\n  #   answer:\n  #   justification:\n  #   evidence:\n",
    "  NR-01:\n    answer: oui\n    justification: Déclaration publiée en 2026.\n    evidence: https://visio.example.org/accessibilite\n",
  );
  const loaded = loadDocument(new TextEncoder().encode(answered), "yaml");
  assert.ok(loaded.ok);
  const result = validateDocument(loaded.doc, "visio-test.yaml", "visio-test", validator, TODAY);
  assert.equal(result.problems, []);
  assert.equal(result.solution!.evaluation.answers["NR-01"], { answer: "oui", justification: "Déclaration publiée en 2026.", evidence: "https://visio.example.org/accessibilite" });
});

test("values that YAML would read otherwise are quoted, and read back unchanged", () => {
  const tricky = values(["saas"], { name: "yes", shortDescription: "# pas un commentaire : « 2024-01-01 »", providerName: "1.10" });
  const loaded = loadDocument(new TextEncoder().encode(draft(tricky)), "yaml");
  assert.ok(loaded.ok);
  assert.is(loaded.doc.data.name, "yes");
  assert.is(loaded.doc.data.short_description, "# pas un commentaire : « 2024-01-01 »");
  assert.equal(loaded.doc.data.provider, { name: "1.10", type: "entreprise" });
});

test("optional fields left out are offered as commented lines with their values", () => {
  const text = draft(values(["saas"]));
  assert.ok(text.includes("# purchase_channels:   # Canaux d'achat (liste parmi : ugap)\n"));
  assert.ok(text.includes("# licence:             # Licence\n"));
  assert.not.ok(draft(values(["saas"], { licence: "MIT" })).includes("# licence:"));
});

test("values are checked with the validator's own messages", () => {
  const v = values(["saas"]);
  assert.is(valueProblem(validator, v, "website", "http://visio.example.org", TODAY), "adresse « http://visio.example.org » invalide : une adresse web absolue commençant par « https:// » est attendue");
  assert.is(valueProblem(validator, v, "hosting", ["cloud"], TODAY), "valeur « cloud » non reconnue ; valeurs possibles : saas, on-premises");
  assert.is(valueProblem(validator, v, "name", "Visio\u200bTest", TODAY), "caractère invisible ou de contrôle interdit (U+200B) ; ce champ tient sur une ligne");
  assert.is(valueProblem(validator, v, "slug", "Visio", TODAY), "identifiant « Visio » invalide : lettres minuscules sans accent, chiffres et tirets simples uniquement");
  assert.is(valueProblem(validator, v, "website", "https://visio.example.org", TODAY), undefined);
});

test("the slug suggested for a name", () => {
  assert.is(suggestSlug("Démarches simplifiées"), "demarches-simplifiees");
  assert.is(suggestSlug("  Œuvre & Cœur — l'Été  "), "oeuvre-coeur-l-ete");
  assert.is(suggestSlug("GLPI 10.0"), "glpi-10-0");
  assert.is(suggestSlug("Кириллица"), "");
  assert.is(suggestSlug(`${"mot-".repeat(20)}fin`), "mot-mot-mot-mot-mot-mot-mot-mot-mot-mot-mot-mot-mot-mot-mot");
});

test.run();
