// The identifier suggested for a name: "Démarches simplifiées" -> "demarches-simplifiees".
import { field } from "../lib/fields.ts";

// Letters that do not decompose into a base letter and an accent.
const LIGATURES: Readonly<Record<string, string>> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", ł: "l", đ: "d", ı: "i" };

/** A slug for `name` (lowercase ASCII letters, digits, single hyphens), "" when nothing is left. */
export function suggestSlug(name: string): string {
  const max = field("/slug").maxLength ?? 60;
  const ascii = name
    .toLowerCase()
    .replace(/[œæßøłđı]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  let slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > max) {
    // Cut at a word boundary when there is one.
    const cut = slug.slice(0, max + 1);
    const lastHyphen = cut.lastIndexOf("-");
    slug = (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, "");
  }
  return slug;
}
