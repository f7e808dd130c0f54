// The one table of the fields of a solution file: titles, descriptions,
// limits, value rules and messages. The schema generator (schema.ts) builds
// every field of schemas/solution.schema.json from it, and the validator
// (validate.ts) reads the same entries to pick its checks and messages, so a
// field added here is checked and described the same way everywhere.
import formats from "./formats.cjs";
import { pointerKeys } from "./pointer.ts";
import { quote } from "./text.ts";

/** One pattern for criterion ids, in the grid and in solution files. */
export const CRITERION_ID_PATTERN = "^[A-Z]+-[0-9]{2}$";
export const SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
export const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
export const LOGO_PATTERN = "^[a-z0-9][a-z0-9_-]*(?:\\.[a-z0-9_-]+)*\\.(?:svg|png|webp|jpg|jpeg)$";

/** Name of the ajv format of https URLs (src/lib/formats.cjs). */
export const HTTPS_URL_FORMAT = "https-url";
/** The ajv formats of the solution schema, shared with the precompiled validator. */
export const SCHEMA_FORMATS: Readonly<Record<typeof HTTPS_URL_FORMAT, (value: string) => boolean>> = formats;
/** Path of formats.cjs as the precompiled schemas/solution.validate.cjs requires it. */
export const FORMATS_FROM_SCHEMAS_DIR = "../src/lib/formats.cjs";

/** How a value is checked beyond its type, with the message shown when it is refused. */
export const VALUE_RULES = {
  "https-url": {
    schema: { format: HTTPS_URL_FORMAT },
    invalid: (value: unknown) => `adresse ${quote(value)} invalide : une adresse web absolue commençant par « https:// » est attendue`,
  },
  slug: {
    schema: { pattern: SLUG_PATTERN },
    invalid: (value: unknown) => `identifiant ${quote(value)} invalide : lettres minuscules sans accent, chiffres et tirets simples uniquement`,
  },
  date: {
    schema: { pattern: DATE_PATTERN },
    invalid: (value: unknown) => `date ${quote(value)} invalide : format "AAAA-MM-JJ" entre guillemets attendu`,
  },
  logo: {
    schema: { pattern: LOGO_PATTERN },
    invalid: (value: unknown) => `logo ${quote(value)} invalide : nom d'un fichier .svg, .png, .webp ou .jpg placé dans le même dossier que la fiche (sans chemin)`,
  },
} as const;
export type ValueRule = keyof typeof VALUE_RULES;

export interface FieldSpec {
  title: string;
  /** French, without the limits: fieldDescription() appends them. */
  description: string;
  value?: ValueRule;
  /** Text fields: line breaks and tabs are accepted (else the field holds on one line). */
  multiline?: boolean;
  /** Text fields: must contain at least one letter or digit. */
  meaningful?: boolean;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  /** Size limit of the file the field names (the logo). */
  maxBytes?: number;
}

const URL_MAX = 500;
const url = (title: string, description: string): FieldSpec => ({ title, description: `${description} Adresse web absolue commençant par « https:// ».`, value: "https-url", maxLength: URL_MAX });

/**
 * Every field of a solution file, by JSON pointer; "*" stands for any one key
 * or index (a criterion id, a list item). Text fields not marked multiline
 * hold on one line.
 */
export type FieldTable = Readonly<Record<string, FieldSpec>>;

export const FIELDS: FieldTable = {
  "/name": { title: "Nom de la solution", description: "Nom sous lequel la solution est connue.", meaningful: true, minLength: 1, maxLength: 80 },
  "/slug": { title: "Identifiant", description: "Identique au nom du fichier sans extension : lettres minuscules, chiffres et tirets.", value: "slug", maxLength: 60 },
  "/demo": { title: "Fiche de démonstration", description: "« true » pour une fiche d'exemple, signalée comme telle sur le site." },
  "/short_description": { title: "Description courte", description: "Une ou deux phrases, texte simple.", meaningful: true, minLength: 1, maxLength: 280 },
  "/description": {
    title: "Description longue",
    description: "Texte en Markdown (le HTML n'est pas interprété). Dans un fichier .md, c'est le corps du fichier.",
    multiline: true,
    maxLength: 20000,
  },
  "/website": url("Site web de la solution", "Page d'accueil de la solution."),
  "/provider": { title: "Fournisseur", description: "Qui édite ou fournit la solution : nom, type et site web." },
  "/provider/name": { title: "Nom du fournisseur", description: "Raison sociale ou nom usuel de l'éditeur ou du fournisseur.", meaningful: true, minLength: 1, maxLength: 80 },
  "/provider/type": { title: "Type de fournisseur", description: "Nature du fournisseur." },
  "/provider/website": url("Site web du fournisseur", "Site de l'éditeur ou du fournisseur."),
  "/distribution": { title: "Distribution", description: "Conditions de diffusion du code de la solution." },
  "/licence": { title: "Licence", description: "Identifiant SPDX (https://spdx.org/licenses/) ou « LicenseRef-… » pour une licence propriétaire." },
  "/source_code": url("Dépôt du code source", "Dépôt public du code source."),
  "/hosting": { title: "Modes d'hébergement", description: "Comment la solution est proposée, un mode au moins." },
  "/categories": { title: "Catégories de besoin", description: "Besoins auxquels répond la solution, une catégorie au moins.", maxItems: 6 },
  "/public_references": { title: "Références publiques", description: "Administrations qui utilisent la solution, de façon publiquement vérifiable.", maxItems: 50 },
  "/public_references/*": { title: "Référence publique", description: "Nom d'une administration qui utilise la solution.", minLength: 1, maxLength: 150 },
  "/purchase_channels": { title: "Canaux d'achat", description: "Comment un acheteur public peut se procurer la solution." },
  "/data_hosting": {
    title: "Hébergement des données",
    description:
      "Où le fournisseur héberge les données de son service en ligne, sauvegardes comprises, et chez quel hébergeur. Facultatif : à indiquer seulement si une source publique le dit (contrat, page de l'éditeur, certificat).",
  },
  "/data_hosting/location": { title: "Lieu d'hébergement des données", description: "Lieu de toutes les données du service, sauvegardes comprises." },
  "/data_hosting/host": {
    title: "Hébergeur des données",
    description: "Nom de l'hébergeur (raison sociale ou nom commercial), par exemple « OVHcloud » ; le fournisseur lui-même s'il exploite ses propres centres de données.",
    meaningful: true,
    minLength: 1,
    maxLength: 100,
  },
  "/contact": url("Page de contact", "Page ou formulaire de contact du fournisseur."),
  "/logo": {
    title: "Logo",
    description: "Nom d'un fichier SVG, PNG, WebP ou JPEG placé à côté de la fiche ; un SVG ne doit contenir ni script ni ressource externe.",
    value: "logo",
    maxBytes: 200 * 1024,
  },
  "/withdrawn": { title: "Retrait", description: "Une solution retirée reste publiée mais n'est plus listée par défaut." },
  "/withdrawn/reason": { title: "Motif du retrait", description: "Pourquoi la solution est retirée du catalogue.", multiline: true, meaningful: true, minLength: 1, maxLength: 1500 },
  "/withdrawn/date": { title: "Date du retrait", description: "Date entre guillemets au format \"AAAA-MM-JJ\".", value: "date" },
  "/evaluation": { title: "Auto-évaluation", description: "Une entrée par critère renseigné ; un critère absent est « non renseigné »." },
  "/evaluation/grid_version": { title: "Version de la grille", description: "Entre guillemets, par exemple \"1.0\"." },
  "/evaluation/date": { title: "Date de l'auto-évaluation", description: "Date entre guillemets au format \"AAAA-MM-JJ\".", value: "date" },
  "/evaluation/*/answer": { title: "Réponse", description: "Réponse au critère." },
  "/evaluation/*/justification": {
    title: "Justification",
    description: "Ce qui fonde la réponse ; obligatoire sauf pour la réponse « non ».",
    multiline: true,
    meaningful: true,
    minLength: 1,
    maxLength: 1500,
  },
  "/evaluation/*/evidence": url("Preuve (adresse web)", "Document public qui appuie la réponse."),
};

/** "204800" bytes as people read it: "200 Kio". */
export function bytesLabel(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} Kio` : `${bytes} octets`;
}

/** The sentence stating a field's limits, "" when it has none. */
export function limitsText(spec: FieldSpec): string {
  const parts: string[] = [];
  if (spec.maxLength !== undefined) parts.push(`${spec.maxLength} caractères au plus`);
  if (spec.maxItems !== undefined) parts.push(`${spec.maxItems} valeurs au plus`);
  if (spec.maxBytes !== undefined) parts.push(`fichier de ${bytesLabel(spec.maxBytes)} au plus`);
  if (parts.length === 0) return "";
  const sentence = parts.join(", ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** The description published in the schema: the table's text, then `extra`, then the limits. */
export function fieldDescription(spec: FieldSpec, extra = ""): string {
  return [spec.description, extra, limitsText(spec)].filter(Boolean).join(" ");
}

/** The templates of a table that hold a wildcard, split once per table (fieldAt runs for every value of every file). */
const wildcards = new WeakMap<FieldTable, { parts: string[]; spec: FieldSpec }[]>();

/** Answers already found, per table: the same pointers come back in every file. */
const answers = new WeakMap<FieldTable, Map<string, FieldSpec | undefined>>();
/** A bound on each table's answers: keys a file may invent must not grow it without end. */
const MAX_REMEMBERED = 10_000;

/** The spec of the field at a JSON pointer, if the table has one. */
export function fieldAt(pointer: string, fields: FieldTable = FIELDS): FieldSpec | undefined {
  let known = answers.get(fields);
  if (!known) answers.set(fields, (known = new Map()));
  if (known.has(pointer)) return known.get(pointer);
  const spec = findField(pointer, fields);
  if (known.size < MAX_REMEMBERED) known.set(pointer, spec);
  return spec;
}

function findField(pointer: string, fields: FieldTable): FieldSpec | undefined {
  const exact = fields[pointer];
  if (exact) return exact;
  let templates = wildcards.get(fields);
  if (!templates) {
    templates = Object.entries(fields)
      .filter(([template]) => template.split("/").includes("*"))
      .map(([template, spec]) => ({ parts: pointerKeys(template), spec }));
    wildcards.set(fields, templates);
  }
  const keys = pointerKeys(pointer);
  for (const { parts, spec } of templates) {
    if (parts.length === keys.length && parts.every((p, i) => p === keys[i] || (p === "*" && fields[`/${keys.slice(0, i + 1).join("/")}`] === undefined))) {
      return spec;
    }
  }
  return undefined;
}

/** The table entry of a field, or an error naming it (the schema generator requires every field to be in the table). */
export function field(pointer: string, fields: FieldTable = FIELDS): FieldSpec {
  const spec = fields[pointer];
  if (!spec) throw new Error(`champ ${pointer} absent de la table des champs (src/lib/fields.ts)`);
  return spec;
}
