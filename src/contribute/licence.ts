// Licence strings as real publiccode.yml files write them ("agpl-3.0",
// "AGPLV3", "Apache 2.0", "MIT OR Apache-2.0") -> one current SPDX identifier
// a solution file accepts, with a French note for every change made.
import { isDeprecatedSpdxId, LICENSE_REF_PATTERN, SPDX_IDS } from "../lib/spdx.ts";
import { quote } from "../lib/text.ts";

export interface LicenceReading {
  /** A current SPDX identifier (or LicenseRef-…), undefined when none could be read. */
  id?: string;
  /** What was changed or left out, in French. */
  notes: string[];
}

const BY_LOWERCASE = new Map(SPDX_IDS.map((id) => [id.toLowerCase(), id]));
const LICENSE_REF = new RegExp(LICENSE_REF_PATTERN);
// The GNU family, whose bare ids ("GPL-3.0", "GPL-3.0+") SPDX deprecated for "-only" / "-or-later".
const GNU = /^(agpl|lgpl|gpl|gfdl)[\s_-]*v?(\d)(?:\.(\d))?(\+|-?or-later|-?only)?$/i;

export function readLicence(raw: string): LicenceReading {
  const expression = raw.trim().replace(/\s+/g, " ");
  const notes: string[] = [];
  const terms = expression.replace(/[()]/g, " ").trim().split(/ (OR|AND|WITH) /i);
  const first = terms[0] ?? "";
  if (terms.length > 1) {
    const operators = new Set(terms.filter((_, i) => i % 2 === 1).map((t) => t.toUpperCase()));
    const why = operators.has("OR") && operators.size === 1 ? "la licence est au choix" : "plusieurs licences ou exceptions s'appliquent";
    notes.push(`licence : l'expression ${quote(expression)} ne tient pas dans une fiche, qui indique une seule licence (${why}) : seule ${quote(first)} est reprise, vérifiez-la`);
  }
  const found = readIdentifier(first);
  if (found.id !== undefined && found.id !== first) notes.push(`licence : ${quote(first)} remplacée par ${quote(found.id)} (${found.why})`);
  if (found.id === undefined) notes.push(`licence : ${quote(first)} n'est pas un identifiant SPDX reconnu ; indiquez la licence avec l'option --licence (identifiants sur https://spdx.org/licenses/)`);
  return found.id === undefined ? { notes } : { id: found.id, notes };
}

function readIdentifier(token: string): { id?: string; why?: string } {
  if (SPDX_IDS.includes(token) || LICENSE_REF.test(token)) return { id: token };
  const gnu = GNU.exec(token);
  if (gnu) {
    const base = `${gnu[1]!.toUpperCase()}-${gnu[2]}.${gnu[3] ?? "0"}`;
    const suffix = gnu[4]?.toLowerCase();
    if (suffix === "+" || suffix?.endsWith("or-later")) return current(`${base}-or-later`, "« + » s'écrit « -or-later » en SPDX");
    if (suffix?.endsWith("only")) return current(`${base}-only`, "casse corrigée");
    // SPDX reads a bare GNU id as that version alone: "-only". "-or-later" is for the author to state.
    const later = `écrivez « ${base}-or-later » si la licence permet les versions ultérieures`;
    const why =
      base.toLowerCase() === token.toLowerCase() && isDeprecatedSpdxId(base)
        ? `identifiant SPDX obsolète, qui désigne la version ${gnu[2]}.${gnu[3] ?? "0"} seule ; ${later}`
        : `écriture non standard, lue comme l'identifiant SPDX obsolète ${quote(base)}, qui désigne la version ${gnu[2]}.${gnu[3] ?? "0"} seule ; ${later}`;
    return current(`${base}-only`, why);
  }
  const exact = BY_LOWERCASE.get(token.toLowerCase());
  if (exact) return { id: exact, why: "casse corrigée" };
  // "Apache License 2.0", "EUPL v1.2", "MIT License" -> "apache-2.0", "eupl-1.2", "mit".
  const loose = token
    .toLowerCase()
    .replace(/\b(?:the|license|licence)\b/g, " ")
    .replace(/\bv(?=\d)/g, "")
    .trim()
    .replace(/[\s_]+/g, "-");
  for (const candidate of [loose, `${loose}.0`]) {
    const id = BY_LOWERCASE.get(candidate);
    if (id) return { id, why: "écriture non standard" };
  }
  return {};
}

function current(id: string, why: string): { id?: string; why?: string } {
  return SPDX_IDS.includes(id) ? { id, why } : {};
}
