// Texts of a publiccode.yml made fit for a solution file: the language to
// read, invisible characters and HTML removed, one-line fields on one line,
// lengths within the field table's limits (cut at a sentence or a word).
import { FORBIDDEN_IN_TEXT } from "../lib/unicode.ts";

/** ISO 639-2 codes some files use instead of BCP 47 ones ("eng", "ita"). */
const THREE_LETTER: Readonly<Record<string, string>> = { fra: "fr", fre: "fr", eng: "en", ita: "it", deu: "de", ger: "de", nld: "nl", dut: "nl", spa: "es", por: "pt" };
/** The languages read first, in order: the catalogue is in French. */
const PREFERRED = ["fr", "en"];
const TEXT_KEYS = ["shortDescription", "longDescription", "features", "localisedName"];

export interface LanguageChoice {
  /** The key under `description` (undefined when the texts sit directly under it). */
  key?: string;
  /** The primary language read from the key, e.g. "fr" for "fr-FR" or "fra". */
  language?: string;
  block: Record<string, unknown>;
  /** Every language key found. */
  keys: string[];
}

export function primaryLanguage(key: string): string {
  const primary = key.toLowerCase().split(/[-_]/)[0] ?? "";
  return THREE_LETTER[primary] ?? primary;
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** The description block to read: French, else English, else the first language; undefined when there is none. */
export function chooseLanguage(description: unknown): LanguageChoice | undefined {
  if (!isMapping(description)) return undefined;
  // Some files put the texts directly under `description`, without a language.
  if (TEXT_KEYS.some((k) => Object.hasOwn(description, k))) return { block: description, keys: [] };
  const keys = Object.keys(description).filter((k) => isMapping(description[k]));
  if (keys.length === 0) return undefined;
  const key = PREFERRED.map((lang) => keys.find((k) => primaryLanguage(k) === lang)).find((k) => k !== undefined) ?? keys[0]!;
  return { key, language: primaryLanguage(key), block: description[key] as Record<string, unknown>, keys };
}

const INVISIBLE = new RegExp(FORBIDDEN_IN_TEXT.source, "gu");

/** Removes the characters the validator refuses in every text; returns how many were removed. */
export function withoutInvisible(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(INVISIBLE, () => {
    removed++;
    return "";
  });
  return { text: cleaned, removed };
}

/** A text on one line: every run of spaces, tabs and line breaks becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u2028\u2029]+/gu, " ").trim();
}

/** Paragraphs kept, trailing spaces and runs of blank lines dropped. */
export function tidyParagraphs(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };

/** Does the text hold HTML tags? (The site renders descriptions as Markdown without HTML.) */
export function hasHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i.test(text);
}

/** HTML as plain Markdown: links kept as [text](url), paragraphs and line breaks kept, other tags dropped. */
export function htmlToMarkdown(text: string): string {
  return text
    .replace(/<a\s[^>]*?href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/gi, (_, url: string, label: string) => `[${oneLine(label.replace(/<[^>]*>/g, ""))}](${url})`)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(?:p|div|h[1-6]|li|ul|ol)\s*>/gi, "\n\n")
    .replace(/<li[^>]*>/gi, "- ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? "");
}

/**
 * `text` within `max` characters (code points, as the schema counts them):
 * cut after the last sentence that fits, else at a word and ended by « … ».
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  const sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"), head.lastIndexOf("! "), head.lastIndexOf("? "));
  // A whole sentence, when that keeps at least half of the room.
  if (sentence >= head.length / 2) return head.slice(0, sentence + 1);
  const space = head.search(/\s\S*$/);
  return `${(space > 0 ? head.slice(0, space) : head).trimEnd()}…`;
}
