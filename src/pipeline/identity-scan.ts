// The few fields the preview needs from the other solution files: what the
// cross-file checks compare (slug, name, website) and what the page counts
// (demonstration and withdrawn files). Parsing 10,000 files with js-yaml
// costs seconds; most files write these fields as plain top-level lines
// (`name: Nextcloud`), which a line scan reads in microseconds. The scan
// only answers when the answer is certain to be js-yaml's; any other shape
// (quoted keys, escapes, multi-line values, values YAML would not read as a
// string, a key written twice…) goes to the real loader.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import { loadDocument, MAX_FILE_BYTES } from "../lib/load.ts";
import type { Identity } from "./file-check.ts";

export interface ScannedFile {
  /** Null when the file does not load: the cross-file checks then skip it, as `catalogue validate` does. */
  identity: Identity | null;
  demo: boolean;
  withdrawn: boolean;
}

const STRING_KEYS = ["slug", "name", "website"] as const;

// A top-level line that is not `key: …` with a plain key, a comment, an
// indented line or an empty one: a shape the scan leaves to the loader.
const UNUSUAL_TOP_LINE = /^(?![A-Za-z_][A-Za-z0-9_-]*:(?:[ \t]|$)|#|[ \t]|$)/m;
// Plain values YAML's core schema reads as something else than a string
// (numbers, booleans, null, dates are plain strings in the core schema but
// may start with a digit), or that would start another YAML construct.
const PLAIN_START = /^\p{L}/u;
const NOT_A_STRING = /^(?:true|false|null|y|n|yes|no|on|off)$/i;

/** The value of a one-line scalar as js-yaml reads it, or undefined when the line is not that simple. */
function simpleScalar(raw: string): string | undefined {
  const value = raw.replace(/[ \t]+$/, "");
  if (value.startsWith("'")) {
    const match = /^'((?:[^'\uFFFD]|'')*)'$/.exec(value);
    return match ? match[1]!.replaceAll("''", "'") : undefined;
  }
  if (value.startsWith('"')) {
    const match = /^"([^"\\\uFFFD]*)"$/.exec(value);
    return match ? match[1] : undefined;
  }
  // A plain scalar: no comment, no `: ` (a nested mapping), no tab, no trailing colon.
  if (!PLAIN_START.test(value) || NOT_A_STRING.test(value) || /#|:[ \t]|:$|\t|\uFFFD/.test(value)) return undefined;
  return value;
}

/** The YAML text of a file, as the loader cuts it (the front matter of a .md file), or undefined when it cannot tell. */
function yamlPart(text: string, markdown: boolean): string | undefined {
  // A byte order mark, Windows line ends: normalised by the loader, which then decides.
  if (text.startsWith(BOM_AS_LATIN1) || text.includes("\r")) return undefined;
  if (!markdown) return text;
  const end = /\n---[ \t]*(?:\n|$)/.exec(text);
  return /^---[ \t]*\n/.test(text) && end ? text.slice(text.indexOf("\n") + 1, end.index + 1) : undefined;
}

// The text is read byte for byte (latin1: a copy, where decoding UTF-8 cost
// a quarter of the scan): the structure the scan reads is ASCII, and the
// values it keeps are decoded from their bytes.
const BOM_AS_LATIN1 = "\xEF\xBB\xBF";

/** The UTF-8 text of bytes read as latin1, with U+FFFD for bytes that are not UTF-8 (then refused by simpleScalar). */
function utf8(latin1: string): string {
  return /[^\x00-\x7F]/.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;
}

// The lines of the fields the scan reads, at the top level.
const FIELD_LINE = /^(slug|name|website|demo|withdrawn):([^\n]*)/gm;
// After a value, the next line that is not blank: indented, it continues the value.
const CONTINUED = /(?:[ \t]*\n)*[ \t]/y;

/** Reads the fields by lines; undefined when a field is not written in the simple shape. */
function scanText(text: string): ScannedFile | undefined {
  if (UNUSUAL_TOP_LINE.test(text)) return undefined;
  const found = new Map<string, string>();
  for (const match of text.matchAll(FIELD_LINE)) {
    const key = match[1]!;
    if (found.has(key)) return undefined; // a duplicate key: the loader refuses the file
    const rest = match[2]!.trim();
    if (key === "withdrawn") {
      // `withdrawn:` opens a mapping (reason, date) in a valid file.
      if (rest !== "") return undefined;
      found.set(key, rest);
      continue;
    }
    // A value continued on the next lines (after blank lines too) is not simple.
    CONTINUED.lastIndex = match.index + match[0].length + 1;
    if (CONTINUED.test(text)) return undefined;
    const value = key === "demo" ? (rest === "true" || rest === "false" ? rest : undefined) : simpleScalar(utf8(rest));
    if (value === undefined) return undefined;
    found.set(key, value);
  }
  const identity: Identity = {};
  for (const key of STRING_KEYS) if (found.has(key)) identity[key] = found.get(key);
  return { identity, demo: found.get("demo") === "true", withdrawn: found.has("withdrawn") };
}

// One buffer for every file: a solution file is at most MAX_FILE_BYTES, and
// open, read, close into it costs half of readFileSync at 10,000 files.
const shared = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

/** The file's bytes as latin1 text, or undefined when it cannot be read or is over the size limit. */
function readLatin1(absolute: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, "r");
    const length = readSync(fd, shared, 0, shared.length, 0);
    return length > MAX_FILE_BYTES ? undefined : shared.toString("latin1", 0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The preview's fields of the solution file at `absolute`, by line scan or, when in doubt, by the loader. */
export function scanFile(absolute: string): ScannedFile {
  const markdown = path.extname(absolute).toLowerCase() === ".md";
  const text = readLatin1(absolute);
  const yaml = text === undefined ? undefined : yamlPart(text, markdown);
  const scanned = yaml === undefined ? undefined : scanText(yaml);
  if (scanned) return scanned;
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    return { identity: null, demo: false, withdrawn: false };
  }
  const loaded = loadDocument(bytes, markdown ? "md" : "yaml");
  if (!loaded.ok) return { identity: null, demo: false, withdrawn: false };
  const { data } = loaded.doc;
  return { identity: { slug: data.slug, name: data.name, website: data.website }, demo: data.demo === true, withdrawn: data.withdrawn !== undefined };
}
