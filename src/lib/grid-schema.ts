// The schemas of the two grid files (criteria/grid.yaml and
// criteria/vocabularies.yaml), checked by loadGrid (grid.ts) whenever the
// grid is not the one `npm run schema` already checked. A key the code does
// not read is refused, so a typo in the grid fails loudly.
import { CRITERION_ID_PATTERN, DATE_PATTERN } from "./fields.ts";
import { ANSWERS, CHECK_NAMES } from "./types.ts";

const nonEmpty = { type: "string", minLength: 1 } as const;
const httpsUrl = { type: "string", pattern: "^https://[^\\s]+$" } as const;
const vocabularyEntry = {
  type: "object",
  additionalProperties: false,
  required: ["id", "label"],
  properties: { id: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }, label: nonEmpty, description: nonEmpty, url: httpsUrl },
} as const;
const vocabulary = { type: "array", minItems: 1, items: vocabularyEntry } as const;
/** A vocabulary whose entries carry extra required fields. */
const vocabularyWith = (extra: Record<string, object>) =>
  ({
    type: "array",
    minItems: 1,
    items: {
      ...vocabularyEntry,
      required: [...vocabularyEntry.required, ...Object.keys(extra)],
      properties: { ...vocabularyEntry.properties, ...extra },
    },
  }) as const;

const version = { type: "string", pattern: "^[0-9]+\\.[0-9]+$" } as const;
const criterionId = { type: "string", pattern: CRITERION_ID_PATTERN } as const;
const criterionIds = { type: "array", uniqueItems: true, items: criterionId } as const;
/** A table keyed by criterion ids. */
const byCriterion = (value: object) => ({ type: "object", propertyNames: { pattern: CRITERION_ID_PATTERN }, additionalProperties: value }) as const;

/** What became of the previous version's criteria (see VersionMapping in types.ts and grid-versions.ts). */
const previousVersion = {
  type: "object",
  additionalProperties: false,
  required: ["grid_version", "transition_months"],
  properties: {
    grid_version: version,
    // Files of the previous version stay valid this many months after `published`.
    transition_months: { type: "integer", minimum: 1, maximum: 60 },
    renamed: byCriterion(criterionId),
    split: byCriterion({ ...criterionIds, minItems: 2 }),
    merged: byCriterion({ ...criterionIds, minItems: 2 }),
    removed: criterionIds,
    added: criterionIds,
  },
} as const;

export const gridFileSchema = {
  type: "object",
  additionalProperties: false,
  required: ["grid_version", "published", "evaluation_validity_months", "themes"],
  properties: {
    grid_version: version,
    published: { type: "string", pattern: DATE_PATTERN },
    evaluation_validity_months: { type: "integer", minimum: 1, maximum: 120 },
    previous: previousVersion,
    themes: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "slug", "title", "short_title", "description", "criteria"],
        properties: {
          id: { type: "string", pattern: "^[A-Z]+$" },
          slug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
          title: nonEmpty,
          short_title: { type: "string", minLength: 1, maxLength: 30 },
          description: nonEmpty,
          criteria: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id", "title", "question", "help", "referential", "applicability", "level"],
              properties: {
                id: { type: "string", pattern: CRITERION_ID_PATTERN },
                title: nonEmpty,
                question: nonEmpty,
                help: nonEmpty,
                referential: {
                  type: "object",
                  additionalProperties: false,
                  required: ["name", "url"],
                  properties: { name: nonEmpty, url: httpsUrl },
                },
                // "all" or a hosting mode id: checked against vocabularies.yaml in buildGrid.
                applicability: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
                level: { enum: ["essentiel", "avance"] },
                check: { enum: CHECK_NAMES },
                // The certification or qualification an « oui » to this criterion claims, e.g. "SecNumCloud" (key-facts.ts).
                certification: { type: "string", minLength: 1, maxLength: 40, pattern: "^[^\\s].*[^\\s]$" },
                // The criterion whose answer gives the RGAA accessibility status (key-facts.ts); one at most.
                accessibility_status: { const: true },
              },
            },
          },
        },
      },
    },
  },
} as const;

export const vocabulariesFileSchema = {
  type: "object",
  additionalProperties: false,
  required: ["categories", "provider_types", "distributions", "applicability_all_label", "hosting_modes", "purchase_channels", "data_hosting_locations", "crpa_licences"],
  properties: {
    categories: vocabulary,
    provider_types: vocabulary,
    distributions: vocabularyWith({ licence_required: { type: "boolean" }, free_software_answer: { enum: ANSWERS.filter((a) => a !== "sans-objet") } }),
    applicability_all_label: nonEmpty,
    hosting_modes: vocabularyWith({ applicability_label: nonEmpty }),
    purchase_channels: vocabulary,
    data_hosting_locations: vocabularyWith({ in_european_union: { type: "boolean" } }),
    crpa_licences: { type: "array", minItems: 1, uniqueItems: true, items: nonEmpty },
  },
} as const;
