// Builds the JSON Schema of a solution file from the grid. The checked-in
// schemas/solution.schema.json is this function's output (npm run schema), and
// a test fails when they differ, so the grid stays the single source of truth.
import { LICENSE_REF_PATTERN, SPDX_IDS } from "./spdx.ts";
import { ANSWERS, type Grid, type VocabularyEntry } from "./types.ts";

export const SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
// https only, a host name with a dot (ASCII; IDN hosts in punycode), no
// credentials, and none of the characters a URL must percent-encode (white
// space, controls, double quotes, angle brackets…), so it stays inert wherever shown.
export const HTTPS_URL_PATTERN = "^https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{1,62}(?::[0-9]{1,5})?(?:[/?#][^\\s\\u0000-\\u001f\\u007f-\\u009f\"<>\\\\^`{|}]*)?$";
export const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
export const LOGO_PATTERN = "^[a-z0-9][a-z0-9_-]*(?:\\.[a-z0-9_-]+)*\\.(?:svg|png|webp|jpg|jpeg)$";
export const ANSWERS_NEEDING_JUSTIFICATION = ["oui", "partiel", "sans-objet"] as const;

export const LIMITS = {
  name: 80,
  shortDescription: 280,
  description: 20000,
  justification: 1500,
  url: 500,
  listItem: 150,
  publicReferences: 50,
  categories: 6,
} as const;

const ids = (entries: VocabularyEntry[]) => entries.map((e) => e.id);
const described = (entries: VocabularyEntry[]) => entries.map((e) => `${e.id} : ${e.label}`).join(" ; ");

export function buildSolutionSchema(grid: Grid): Record<string, unknown> {
  const v = grid.vocabularies;
  const criteriaProperties: Record<string, unknown> = {};
  for (const c of grid.criteria) {
    criteriaProperties[c.id] = {
      $ref: "#/$defs/answer",
      title: `${c.id} — ${c.title}`,
      description: `${c.question} Preuve attendue : ${c.help}`,
    };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://catalogue.numerique.example/schemas/solution.schema.json",
    title: "Fiche d'une solution du catalogue",
    description: `Une fiche par solution, dans content/solutions/<slug>.yaml ou <slug>.md. Grille de critères ${grid.version}. Fichier généré par « npm run schema » à partir de criteria/ : ne pas le modifier à la main.`,
    type: "object",
    additionalProperties: false,
    required: ["name", "slug", "short_description", "website", "provider", "distribution", "hosting", "categories", "evaluation"],
    properties: {
      name: { title: "Nom de la solution", type: "string", minLength: 1, maxLength: LIMITS.name },
      slug: {
        title: "Identifiant",
        description: "Identique au nom du fichier sans extension : lettres minuscules, chiffres et tirets.",
        type: "string",
        pattern: SLUG_PATTERN,
        maxLength: 60,
      },
      demo: { title: "Fiche de démonstration", description: "« true » pour une fiche d'exemple, signalée comme telle sur le site.", type: "boolean" },
      short_description: {
        title: "Description courte",
        description: "Une ou deux phrases, texte simple, 280 caractères au plus.",
        type: "string",
        minLength: 1,
        maxLength: LIMITS.shortDescription,
      },
      description: {
        title: "Description longue",
        description: "Texte en Markdown (le HTML n'est pas interprété). Dans un fichier .md, c'est le corps du fichier.",
        type: "string",
        maxLength: LIMITS.description,
      },
      website: { $ref: "#/$defs/httpsUrl", title: "Site web de la solution" },
      provider: {
        title: "Fournisseur",
        type: "object",
        additionalProperties: false,
        required: ["name", "type"],
        properties: {
          name: { title: "Nom du fournisseur", type: "string", minLength: 1, maxLength: LIMITS.name },
          type: { title: "Type de fournisseur", description: described(v.providerTypes), enum: ids(v.providerTypes) },
          website: { $ref: "#/$defs/httpsUrl", title: "Site web du fournisseur" },
        },
      },
      distribution: { title: "Distribution", description: described(v.distributions), enum: ids(v.distributions) },
      licence: {
        title: "Licence",
        description: "Identifiant SPDX (https://spdx.org/licenses/) ou « LicenseRef-… » ; obligatoire pour une distribution libre ou hybride.",
        type: "string",
        anyOf: [{ enum: SPDX_IDS }, { pattern: LICENSE_REF_PATTERN }],
      },
      source_code: { $ref: "#/$defs/httpsUrl", title: "Dépôt du code source" },
      hosting: {
        title: "Modes d'hébergement",
        description: described(v.hostingModes),
        type: "array",
        minItems: 1,
        uniqueItems: true,
        items: { enum: ids(v.hostingModes) },
      },
      categories: {
        title: "Catégories de besoin",
        description: described(v.categories),
        type: "array",
        minItems: 1,
        maxItems: LIMITS.categories,
        uniqueItems: true,
        items: { enum: ids(v.categories) },
      },
      public_references: {
        title: "Références publiques",
        description: "Administrations qui utilisent la solution, de façon publiquement vérifiable.",
        type: "array",
        maxItems: LIMITS.publicReferences,
        uniqueItems: true,
        items: { type: "string", minLength: 1, maxLength: LIMITS.listItem },
      },
      purchase_channels: {
        title: "Canaux d'achat",
        description: described(v.purchaseChannels),
        type: "array",
        uniqueItems: true,
        items: { enum: ids(v.purchaseChannels) },
      },
      contact: { $ref: "#/$defs/httpsUrl", title: "Page de contact" },
      logo: {
        title: "Logo",
        description: "Nom d'un fichier SVG, PNG, WebP ou JPEG placé à côté de la fiche.",
        type: "string",
        pattern: LOGO_PATTERN,
      },
      withdrawn: {
        title: "Retrait",
        description: "Une solution retirée reste publiée mais n'est plus listée par défaut.",
        type: "object",
        additionalProperties: false,
        required: ["reason", "date"],
        properties: {
          reason: { title: "Motif du retrait", type: "string", minLength: 1, maxLength: LIMITS.justification },
          date: { $ref: "#/$defs/date", title: "Date du retrait" },
        },
      },
      evaluation: {
        title: "Auto-évaluation",
        description: "Une entrée par critère renseigné ; un critère absent est « non renseigné ».",
        type: "object",
        additionalProperties: false,
        required: ["grid_version", "date"],
        properties: {
          grid_version: { title: "Version de la grille", description: "Entre guillemets, par exemple \"1.0\".", const: grid.version },
          date: { $ref: "#/$defs/date", title: "Date de l'auto-évaluation" },
          ...criteriaProperties,
        },
      },
    },
    allOf: [
      {
        if: { required: ["distribution"], properties: { distribution: { enum: ["libre", "hybride"] } } },
        then: { required: ["licence"] },
      },
    ],
    $defs: {
      httpsUrl: { type: "string", maxLength: LIMITS.url, pattern: HTTPS_URL_PATTERN },
      date: { type: "string", pattern: DATE_PATTERN, description: "Date entre guillemets au format \"AAAA-MM-JJ\"." },
      answer: {
        type: "object",
        additionalProperties: false,
        required: ["answer"],
        properties: {
          answer: { title: "Réponse", enum: [...ANSWERS] },
          justification: { title: "Justification", type: "string", minLength: 1, maxLength: LIMITS.justification },
          evidence: { $ref: "#/$defs/httpsUrl", title: "Preuve (adresse web)" },
        },
        if: { required: ["answer"], properties: { answer: { enum: ANSWERS_NEEDING_JUSTIFICATION } } },
        then: { required: ["justification"] },
      },
    },
  };
}
