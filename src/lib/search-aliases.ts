// The search aliases of the vocabularies (criteria/vocabularies.yaml,
// `search_aliases`): the buyers' words for a value (« visio » for
// videoconferencing, « open source » for free software). The search indexes
// them with every solution that carries the value (src/view/search-record.ts).
// An alias must lead to one value only: the same words on two values of a
// vocabulary, or an alias that is another value's label, would send a buyer
// to the wrong solutions.
import { gridErrorAt } from "./grid-error.ts";
import type { VersionSource } from "./grid-versions.ts";
import { pointerOf } from "./pointer.ts";

/** Words compared as a buyer would type them: case, accents and spacing ignored. */
export function foldWords(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

interface RawEntry {
  id: string;
  label: string;
  search_aliases?: unknown;
}

/** Throws a located GridError on an alias given twice in a vocabulary, or that is another value's label. */
export function checkSearchAliases(source: VersionSource): void {
  const data = source.data as Record<string, unknown>;
  for (const [name, entries] of Object.entries(data)) {
    if (!Array.isArray(entries)) continue;
    const owners = new Map<string, string>();
    for (const entry of entries as RawEntry[]) if (entry && typeof entry === "object" && typeof entry.label === "string") owners.set(foldWords(entry.label), entry.id);
    const seen = new Map<string, string>();
    entries.forEach((entry: RawEntry, index) => {
      if (!entry || typeof entry !== "object" || !Array.isArray(entry.search_aliases)) return;
      entry.search_aliases.forEach((alias: unknown, j: number) => {
        const at = (message: string) => gridErrorAt(source.file, source.yamlText, pointerOf(name, index, "search_aliases", j), message);
        if (typeof alias !== "string" || !alias.trim()) throw at("alias de recherche attendu : un texte non vide");
        const key = foldWords(alias);
        const label = owners.get(key);
        if (label !== undefined && label !== entry.id) throw at(`l'alias « ${alias} » est le libellé de « ${label} » : il mènerait à deux valeurs`);
        const other = seen.get(key);
        if (other !== undefined) {
          throw at(other === entry.id ? `alias « ${alias} » en double` : `l'alias « ${alias} » est déjà celui de « ${other} » : un alias ne mène qu'à une valeur`);
        }
        seen.set(key, entry.id);
      });
    });
  }
}
