// What `catalogue new --from-publiccode` tells after reading the file: the
// values taken, every note (with the line of the publiccode.yml), and the
// fields left out. Contributor text is made inert before it is printed.
import { escapeControls } from "../lib/text.ts";
import { DRAFT_FIELDS, fieldTitle } from "./fields.ts";
import type { PubliccodeImport } from "./publiccode.ts";

export function importReport(imported: PubliccodeImport, file: string): string {
  const taken = DRAFT_FIELDS.filter((f) => imported.values[f.key] !== undefined).map((f) => {
    const value = imported.values[f.key]!;
    const count = Array.isArray(value) && value.length > 1 ? ` (${value.length})` : "";
    return `${fieldTitle(f.key).toLowerCase()}${count}${imported.proposed.includes(f.key) ? " (proposé)" : ""}`;
  });
  const lines = [`Import de ${escapeControls(file)} :`, `  Repris : ${taken.length > 0 ? taken.join(", ") : "aucune valeur"}`];
  for (const note of imported.notes) {
    const where = note.line === undefined ? escapeControls(file) : `${escapeControls(file)}:${note.line}  ${escapeControls(note.field)}`;
    lines.push(`  ${where}  ${escapeControls(note.message)}`);
  }
  if (imported.unmapped.length > 0) lines.push(`  Non repris (sans équivalent dans une fiche) : ${escapeControls(imported.unmapped.join(", "))}`);
  return `${lines.join("\n")}\n\n`;
}
