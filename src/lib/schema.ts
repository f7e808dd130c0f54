// Builds the JSON Schema of a solution file from the grid. The checked-in
// schemas/solution.schema.json is this function's output (npm run schema), and
// a test fails when they differ, so the grid stays the single source of truth.
import { field, fieldDescription, FIELDS, VALUE_RULES, type FieldSpec, type FieldTable } from "./fields.ts";
import { LICENSE_REF_PATTERN, SPDX_IDS } from "./spdx.ts";
import { ANSWERS, type Grid, type VocabularyEntry } from "./types.ts";
import { schemaUrl } from "./site-url.ts";

export { DATE_PATTERN, LOGO_PATTERN, SLUG_PATTERN } from "./fields.ts";
export const ANSWERS_NEEDING_JUSTIFICATION = ["oui", "partiel", "sans-objet"] as const;

const ids = (entries: VocabularyEntry[]) => entries.map((e) => e.id);
const described = (entries: VocabularyEntry[]) => `Valeurs possibles : ${entries.map((e) => `${e.id} (${e.label})`).join(", ")}.`;

/** Schema keywords of a field's limits and value rule, from the table. */
function keywords(spec: FieldSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.minLength !== undefined) out.minLength = spec.minLength;
  if (spec.maxLength !== undefined) out.maxLength = spec.maxLength;
  if (spec.maxItems !== undefined) out.maxItems = spec.maxItems;
  if (spec.value) Object.assign(out, VALUE_RULES[spec.value].schema);
  return out;
}

/** The schema of a solution file for `grid`; every field's title, description and limits come from `fields`. */
export function buildSolutionSchema(grid: Grid, fields: FieldTable = FIELDS): Record<string, unknown> {
  /** A field of the schema: title and description from the table, then `shape`, then the table's limits. */
  const property = (pointer: string, shape: Record<string, unknown>, extra = ""): Record<string, unknown> => {
    const spec = field(pointer, fields);
    return { title: spec.title, description: fieldDescription(spec, extra), ...shape, ...keywords(spec) };
  };
  const text = (pointer: string) => property(pointer, { type: "string" });
  const v = grid.vocabularies;
  const licenceRequiredFor = v.distributions.filter((d) => d.licenceRequired).map((d) => d.id);
  const { order, current, refusedFrom } = grid.versions;
  const versionNotes = order.map((version) => (version === current ? `${version} (en vigueur)` : `${version} (refusée à partir du ${refusedFrom.get(version)})`));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    // The committed file names the default address (package.json); a fork
    // publishing elsewhere gets its own `$id` in the schema its build publishes.
    $id: schemaUrl({}),
    title: "Fiche d'une solution du catalogue",
    description: `Une fiche par solution, dans content/solutions/<slug>.yaml ou <slug>.md. Grille de critères ${grid.version}. Fichier généré par « npm run schema » à partir de criteria/ : ne pas le modifier à la main.`,
    type: "object",
    additionalProperties: false,
    required: ["name", "slug", "short_description", "website", "provider", "distribution", "hosting", "categories", "evaluation"],
    properties: {
      name: text("/name"),
      slug: text("/slug"),
      demo: property("/demo", { type: "boolean" }),
      short_description: text("/short_description"),
      description: text("/description"),
      website: text("/website"),
      provider: property("/provider", {
        type: "object",
        additionalProperties: false,
        required: ["name", "type"],
        properties: {
          name: text("/provider/name"),
          type: property("/provider/type", { enum: ids(v.providerTypes) }, described(v.providerTypes)),
          website: text("/provider/website"),
        },
      }),
      distribution: property("/distribution", { enum: ids(v.distributions) }, described(v.distributions)),
      licence: property(
        "/licence",
        { type: "string", anyOf: [{ enum: SPDX_IDS }, { pattern: LICENSE_REF_PATTERN }] },
        licenceRequiredFor.length > 0 ? `Obligatoire quand la distribution est ${licenceRequiredFor.map((d) => `« ${d} »`).join(" ou ")}.` : "",
      ),
      source_code: text("/source_code"),
      hosting: property("/hosting", { type: "array", minItems: 1, uniqueItems: true, items: { enum: ids(v.hostingModes) } }, described(v.hostingModes)),
      categories: property("/categories", { type: "array", minItems: 1, uniqueItems: true, items: { enum: ids(v.categories) } }, described(v.categories)),
      public_references: property("/public_references", { type: "array", uniqueItems: true, items: text("/public_references/*") }),
      purchase_channels: property("/purchase_channels", { type: "array", uniqueItems: true, items: { enum: ids(v.purchaseChannels) } }, described(v.purchaseChannels)),
      data_hosting: property("/data_hosting", {
        type: "object",
        additionalProperties: false,
        required: ["location", "host"],
        properties: {
          location: property("/data_hosting/location", { enum: ids(v.dataHostingLocations) }, described(v.dataHostingLocations)),
          host: text("/data_hosting/host"),
        },
      }),
      contact: text("/contact"),
      logo: text("/logo"),
      withdrawn: property("/withdrawn", {
        type: "object",
        additionalProperties: false,
        required: ["reason", "date"],
        properties: { reason: text("/withdrawn/reason"), date: text("/withdrawn/date") },
      }),
      // The criteria depend on the file's grid version: each version's own
      // list is a definition below, applied when grid_version names it.
      evaluation: property("/evaluation", {
        type: "object",
        required: ["grid_version", "date"],
        properties: {
          grid_version: property("/evaluation/grid_version", { enum: [...order] }, `Versions acceptées : ${versionNotes.join(", ")}.`),
          date: text("/evaluation/date"),
        },
        allOf: order.map((version) => ({
          if: { required: ["grid_version"], properties: { grid_version: { const: version } } },
          then: { $ref: `#/$defs/${evaluationDef(version)}` },
        })),
      }),
    },
    ...(licenceRequiredFor.length > 0
      ? { allOf: [{ if: { required: ["distribution"], properties: { distribution: { enum: licenceRequiredFor } } }, then: { required: ["licence"] } }] }
      : {}),
    $defs: {
      ...Object.fromEntries(order.map((version) => [evaluationDef(version), versionCriteria(grid.versions.byVersion.get(version)!)])),
      answer: {
        type: "object",
        additionalProperties: false,
        required: ["answer"],
        properties: {
          answer: property("/evaluation/*/answer", { enum: [...ANSWERS] }, `Valeurs possibles : ${ANSWERS.join(", ")}.`),
          justification: text("/evaluation/*/justification"),
          evidence: text("/evaluation/*/evidence"),
        },
        if: { required: ["answer"], properties: { answer: { enum: ANSWERS_NEEDING_JUSTIFICATION } } },
        then: { required: ["justification"] },
      },
    },
  };
}

/** The name of the definition of a version's criteria, e.g. "evaluation-1.0". */
export const evaluationDef = (version: string) => `evaluation-${version}`;

/** The keys an evaluation on `grid`'s version may hold: grid_version, date and its criteria. */
function versionCriteria(grid: Grid): Record<string, unknown> {
  const properties: Record<string, unknown> = { grid_version: true, date: true };
  for (const c of grid.criteria) {
    properties[c.id] = { $ref: "#/$defs/answer", title: `${c.id} — ${c.title}`, description: `${c.question} Preuve attendue : ${c.help}` };
  }
  return { title: `Critères de la grille ${grid.version}`, type: "object", additionalProperties: false, properties };
}
