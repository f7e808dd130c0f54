// The lists of a publiccode.yml: categories (and the tags of version 0.1),
// users (usedBy, which can run into the thousands), and the fields a
// solution file has no place for.
import { field } from "../lib/fields.ts";
import { quote } from "../lib/text.ts";
import type { Validator } from "../lib/validate.ts";
import { valueProblem } from "./check.ts";
import type { DraftKey, DraftValues } from "./fields.ts";
import type { PubliccodeImport } from "./publiccode.ts";
import { oneLine, withoutInvisible } from "./publiccode-text.ts";
import { CATEGORY_MAP, inVocabulary } from "./publiccode-vocab.ts";

type Keep = (key: DraftKey, value: string | string[] | undefined, pointer: string) => boolean;
type Note = (pointer: string, message: string) => void;

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function addCategories(data: Record<string, unknown>, validator: Validator, result: PubliccodeImport, keep: Keep, note: Note): void {
  const pointer = Object.hasOwn(data, "categories") ? "/categories" : "/tags";
  const given = [...asList(data.categories), ...asList(data.tags)].filter((c): c is string => typeof c === "string");
  if (given.length === 0) return;
  const mapped: string[] = [];
  const unmatched: string[] = [];
  for (const category of given) {
    const key = category.trim().toLowerCase();
    const id = Object.hasOwn(CATEGORY_MAP, key) ? CATEGORY_MAP[key]! : undefined;
    if (id !== undefined && inVocabulary(validator.grid, "categories", id)) {
      if (!mapped.includes(id)) mapped.push(id);
    } else unmatched.push(category);
  }
  const max = field("/categories").maxItems ?? Number.MAX_SAFE_INTEGER;
  if (mapped.length > max) {
    note(pointer, `catégories : ${max} reprises sur ${mapped.length} (${max} au plus dans une fiche) ; non reprises : ${mapped.slice(max).join(", ")}`);
    mapped.length = max;
  }
  if (keep("categories", mapped, pointer)) note(pointer, `catégories reprises : ${mapped.join(", ")}`);
  if (unmatched.length > 0) note(pointer, `sans équivalent parmi les catégories du catalogue : ${shortList(unmatched)}`);
}

/** usedBy -> public references: names only, each checked, duplicates dropped, within the field's limit. */
export function addPublicReferences(data: Record<string, unknown>, validator: Validator, values: DraftValues, today: string, note: Note): void {
  const list = asList(data.usedBy);
  if (list.length === 0) return;
  const max = field("/public_references").maxItems ?? Number.MAX_SAFE_INTEGER;
  const kept: string[] = [];
  let tables = 0;
  let duplicates = 0;
  const refused: string[] = [];
  let index = 0;
  // Stops once the field is full: a list of thousands is never checked whole.
  for (; index < list.length && kept.length < max; index++) {
    let item = list[index];
    if (isMapping(item) && typeof item.name === "string") {
      item = item.name;
      tables++;
    }
    if (typeof item === "number") item = String(item);
    if (typeof item !== "string" || oneLine(item) === "") {
      refused.push(`entrée ${index + 1} : texte attendu`);
      continue;
    }
    const name = oneLine(withoutInvisible(item).text);
    if (kept.includes(name)) {
      duplicates++;
      continue;
    }
    const problem = valueProblem(validator, values, "publicReferences", [name], today);
    if (problem) refused.push(`${quote(name, 40)} : ${problem}`);
    else kept.push(name);
  }
  if (kept.length > 0) values.publicReferences = kept;
  const notKept = list.length - kept.length;
  let message = `références publiques : ${plural(kept.length, "reprise", "reprises")} sur ${plural(list.length, "entrée", "entrées")} de usedBy`;
  if (notKept > 0) {
    const reasons: string[] = [];
    if (list.length - index > 0) reasons.push(`${list.length - index} au-delà de la limite de ${max} par fiche`);
    if (duplicates > 0) reasons.push(plural(duplicates, "doublon", "doublons"));
    if (refused.length > 0) reasons.push(`${refused.length} non valide${refused.length > 1 ? "s" : ""} (${refused.slice(0, 3).join(" ; ")}${refused.length > 3 ? " ; …" : ""})`);
    message += ` ; ${notKept} non reprise${notKept > 1 ? "s" : ""} : ${reasons.join(", ")}`;
  }
  if (tables > 0) message += ` ; ${plural(tables, "entrée donnée", "entrées données")} sous forme de table : seul le nom est repris`;
  note("/usedBy", message);
}

const READ_KEYS = new Set(["publiccodeYmlVersion", "publiccode-yaml-version", "publiccode-yml-version", "name", "url", "landingURL", "platforms", "softwareType", "categories", "tags", "usedBy"]);
const READ_SUBKEYS: Readonly<Record<string, readonly string[]>> = {
  legal: ["license", "mainCopyrightOwner", "repoOwner"],
  maintenance: ["contractors"],
  it: ["riuso"],
};
const READ_TEXTS = ["shortDescription", "longDescription", "features", "localisedName"];

/** Dotted paths of the fields left unread: top-level keys, and the parts of the sections read in part. */
export function unmappedKeys(data: Record<string, unknown>, languageKey: string | undefined, values: DraftValues): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (READ_KEYS.has(key)) continue;
    if (key === "description" && isMapping(value)) {
      for (const [lang, block] of Object.entries(value)) {
        if (lang !== languageKey) out.push(`description.${lang}`);
        else if (isMapping(block)) out.push(...Object.keys(block).filter((k) => !READ_TEXTS.includes(k)).map((k) => `description.${lang}.${k}`));
      }
    } else if (Object.hasOwn(READ_SUBKEYS, key) && isMapping(value)) {
      const read = READ_SUBKEYS[key]!;
      // The contractors are read only when the first one became the provider.
      const contractor = Array.isArray(value.contractors) && isMapping(value.contractors[0]) ? value.contractors[0].name : undefined;
      const unread = (k: string) => !read.includes(k) || (k === "contractors" && (contractor === undefined || contractor !== values.providerName));
      out.push(...Object.keys(value).filter(unread).map((k) => `${key}.${k}`));
    } else out.push(key);
  }
  return out.map((key) => (key.length > 60 ? `${key.slice(0, 59)}…` : key));
}

function shortList(items: string[]): string {
  const shown = items.slice(0, 10).map((item) => (item.length > 40 ? `${item.slice(0, 39)}…` : item));
  return `${shown.join(", ")}${items.length > 10 ? `, … (${items.length} en tout)` : ""}`;
}
