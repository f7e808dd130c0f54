// The values `catalogue new` collects, and where each goes in a solution file.
// Titles come from the field table (src/lib/fields.ts), which fields are
// required from the solution schema built from the grid: nothing here
// restates a rule of the schema.
import { field } from "../lib/fields.ts";
import type { Grid } from "../lib/types.ts";

export interface DraftValues {
  name?: string;
  slug?: string;
  shortDescription?: string;
  description?: string;
  website?: string;
  providerName?: string;
  providerType?: string;
  providerWebsite?: string;
  distribution?: string;
  licence?: string;
  sourceCode?: string;
  hosting?: string[];
  categories?: string[];
  publicReferences?: string[];
}

export type DraftKey = keyof DraftValues;

export interface DraftField {
  key: DraftKey;
  /** Command-line option, without the leading "--"; null when the value only comes from an import. */
  flag: string | null;
  /** JSON pointer of the field in a solution file. */
  pointer: string;
  /** "list": comma-separated on the command line; "choice": one id of a vocabulary. */
  kind: "text" | "choice" | "list";
}

/** Every value `catalogue new` can fill, in the order of a solution file. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  { key: "name", flag: "name", pointer: "/name", kind: "text" },
  { key: "slug", flag: "slug", pointer: "/slug", kind: "text" },
  { key: "shortDescription", flag: "short-description", pointer: "/short_description", kind: "text" },
  { key: "description", flag: "description", pointer: "/description", kind: "text" },
  { key: "website", flag: "website", pointer: "/website", kind: "text" },
  { key: "providerName", flag: "provider-name", pointer: "/provider/name", kind: "text" },
  { key: "providerType", flag: "provider-type", pointer: "/provider/type", kind: "choice" },
  { key: "providerWebsite", flag: "provider-website", pointer: "/provider/website", kind: "text" },
  { key: "distribution", flag: "distribution", pointer: "/distribution", kind: "choice" },
  { key: "licence", flag: "licence", pointer: "/licence", kind: "text" },
  { key: "sourceCode", flag: "source-code", pointer: "/source_code", kind: "text" },
  { key: "hosting", flag: "hosting", pointer: "/hosting", kind: "list" },
  { key: "categories", flag: "categories", pointer: "/categories", kind: "list" },
  { key: "publicReferences", flag: null, pointer: "/public_references", kind: "list" },
];

export function draftField(key: DraftKey): DraftField {
  return DRAFT_FIELDS.find((f) => f.key === key)!;
}

/** The French title of a value, from the field table, e.g. "Nom du fournisseur". */
export function fieldTitle(key: DraftKey): string {
  return field(draftField(key).pointer).title;
}

/**
 * Is this value required, given the others? Read from the solution schema:
 * its `required` lists (top level and provider), and the licence rule of the
 * distributions (licence_required in criteria/vocabularies.yaml).
 */
export function isRequired(key: DraftKey, values: DraftValues, schema: Record<string, unknown>, grid: Grid): boolean {
  if (key === "licence") return grid.vocabularies.distributions.some((d) => d.id === values.distribution && d.licenceRequired);
  const keys = draftField(key).pointer.split("/").slice(1);
  let node: Record<string, unknown> | undefined = schema;
  for (const segment of keys.slice(0, -1)) node = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[segment];
  return Array.isArray(node?.required) && (node.required as unknown[]).includes(keys[keys.length - 1]);
}

/** Required values still missing, in file order (the licence once the distribution asks for one). */
export function missingRequired(values: DraftValues, schema: Record<string, unknown>, grid: Grid): DraftField[] {
  return DRAFT_FIELDS.filter((f) => isRequired(f.key, values, schema, grid) && isEmpty(values[f.key]));
}

export function isEmpty(value: string | string[] | undefined): boolean {
  return value === undefined || value.length === 0;
}

/**
 * The solution file's data, keys in the schema's order; `evaluation` holds
 * only the grid version and the date: every criterion is left unanswered.
 */
export function draftData(values: DraftValues, grid: Grid, date: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) data[key] = value;
  };
  put("name", values.name);
  put("slug", values.slug);
  put("short_description", values.shortDescription);
  put("description", values.description);
  put("website", values.website);
  if (values.providerName !== undefined || values.providerType !== undefined || values.providerWebsite !== undefined) {
    const provider: Record<string, string> = {};
    if (values.providerName !== undefined) provider.name = values.providerName;
    if (values.providerType !== undefined) provider.type = values.providerType;
    if (values.providerWebsite !== undefined) provider.website = values.providerWebsite;
    data.provider = provider;
  }
  put("distribution", values.distribution);
  put("licence", values.licence);
  put("source_code", values.sourceCode);
  put("hosting", values.hosting);
  put("categories", values.categories);
  put("public_references", values.publicReferences);
  data.evaluation = { grid_version: grid.version, date };
  return data;
}
