// The text of a new solution file: the schema line editors read, the values
// collected, the optional fields as commented lines, then the grid to answer.
import { dump } from "js-yaml";
import type { Grid } from "../lib/types.ts";
import { commentLines } from "./comments.ts";
import { draftData, type DraftValues } from "./fields.ts";
import { evaluationLines } from "./draft-grid.ts";
import { field } from "../lib/fields.ts";

export interface DraftOptions {
  /** The published JSON Schema's address (schemaUrl() in src/lib/site-url.ts). */
  schemaUrl: string;
  /** YYYY-MM-DD, the evaluation's date. */
  date: string;
  /** Path of the file, as the next steps show it. */
  file: string;
  /** The publiccode.yml the values were imported from, if any. */
  importedFrom?: string;
}

// Optional fields offered as commented lines; `demo` and `withdrawn` are for the catalogue's team.
const OPTIONAL_FIELDS = ["description", "licence", "source_code", "public_references", "purchase_channels", "data_hosting", "contact", "logo"] as const;

export function renderDraft(values: DraftValues, grid: Grid, schema: Record<string, unknown>, options: DraftOptions): string {
  const data = draftData(values, grid, options.date);
  delete data.evaluation;
  const origin = options.importedFrom === undefined ? "" : ` à partir de ${options.importedFrom}`;
  const lines = [
    // Read by the YAML language server (VS Code and others): completion and help from the schema.
    `# yaml-language-server: $schema=${options.schemaUrl}`,
    ...commentLines(`Fiche créée par « catalogue new » le ${options.date}${origin}. Relisez chaque valeur, puis répondez aux critères de la partie « evaluation ».`, "# "),
    ...commentLines(`Vérifiez la fiche avec : npx catalogue validate ${options.file}`, "# "),
    "",
    dump(data, { lineWidth: -1, noRefs: true, quotingType: '"' }).trimEnd(),
    "",
    ...optionalLines(data, schema),
    "",
    ...evaluationLines(values, grid, options.date),
  ];
  return `${lines.join("\n")}\n`;
}

/** One commented line per optional field left out: its key, its title and the values it takes. */
function optionalLines(data: Record<string, unknown>, schema: Record<string, unknown>): string[] {
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const left = OPTIONAL_FIELDS.filter((key) => !Object.hasOwn(data, key) && properties[key] !== undefined);
  if (left.length === 0) return [];
  const lines = ["# Champs facultatifs : retirez « # » au début d'une ligne pour la renseigner."];
  for (const key of left) {
    const hint = valuesHint(properties[key]!);
    lines.push(`# ${`${key}:`.padEnd(20)} # ${field(`/${key}`).title}${hint ? ` (${hint})` : ""}`);
  }
  return lines;
}

/** The values a field takes, read from its schema: a short list of ids, or the keys of an object. */
function valuesHint(property: Record<string, unknown>): string {
  const ids = (node: Record<string, unknown> | undefined) => (Array.isArray(node?.enum) && node.enum.length <= 12 ? (node.enum as string[]) : undefined);
  const own = ids(property) ?? ids(property.items as Record<string, unknown> | undefined);
  if (own) return `${property.type === "array" ? "liste parmi" : "valeurs possibles"} : ${own.join(", ")}`;
  const children = property.properties as Record<string, Record<string, unknown>> | undefined;
  if (children) {
    return Object.entries(children)
      .map(([key, child]) => `${key} : ${ids(child)?.join(", ") ?? String(child.title ?? "").toLowerCase()}`)
      .join(" ; ");
  }
  if (property.type === "array") return "liste";
  return "";
}
