// The few fields the preview needs from the other solution files: what the
// cross-file checks compare (slug, name, website) and what the page counts
// (demonstration and withdrawn files). Parsing 10,000 files with js-yaml
// costs seconds; most files write these fields as plain top-level lines
// (`name: Nextcloud`), which a line scan reads in microseconds. The scan
// only answers when the answer is certain to be js-yaml's; any other shape
// (quoted keys, escapes, multi-line values, values YAML would not read as a
// string, a key written twice…) goes to the real loader.
import { readFileSync } from "node:fs";
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
    const match = /^'((?:[^']|'')*)'$/.exec(value);
    return match ? match[1]!.replaceAll("''", "'") : undefined;
  }
  if (value.startsWith('"')) {
    const match = /^"([^"\\]*)"$/.exec(value);
    return match ? match[1] : undefined;
  }
  // A plain scalar: no comment, no `: ` (a nested mapping), no tab, no trailing colon.
  if (!PLAIN_START.test(value) || NOT_A_STRING.test(value) || /#|:[ \t]|:$|\t/.test(value)) return undefined;
  return value;
}

/** The YAML text of a file, as the loader cuts it (the front matter of a .md file), or undefined when it cannot tell. */
function yamlPart(text: string, markdown: boolean): string | undefined {
  // A byte order mark, Windows line ends, bytes that are not UTF-8 (read as
  // U+FFFD): normalised or refused by the loader, which then decides.
  if (text.startsWith("\uFEFF") || text.includes("\r") || text.includes("\uFFFD")) return undefined;
  if (!markdown) return text;
  const end = /\n---[ \t]*(?:\n|$)/.exec(text);
  return /^---[ \t]*\n/.test(text) && end ? text.slice(text.indexOf("\n") + 1, end.index + 1) : undefined;
}

/** Reads the fields by lines; undefined when a field is not written in the simple shape. */
function scanText(text: string): ScannedFile | undefined {
  if (UNUSUAL_TOP_LINE.test(text)) return undefined;
  const lines = text.split("\n");
  const found = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(":");
    if (colon < 1 || line[0] === "#" || line[0] === " " || line[0] === "\t") continue;
    const key = line.slice(0, colon);
    if (!(STRING_KEYS as readonly string[]).includes(key) && key !== "demo" && key !== "withdrawn") continue;
    if (found.has(key)) return undefined; // a duplicate key: the loader refuses the file
    const rest = line.slice(colon + 1).trim();
    if (key === "withdrawn") {
      found.set(key, rest);
      continue;
    }
    // A value continued on the next lines (after blank lines too) is not simple.
    let next = i + 1;
    while (next < lines.length && lines[next]!.trim() === "") next++;
    if (next < lines.length && /^[ \t]/.test(lines[next]!)) return undefined;
    if (key === "demo") {
      if (rest !== "true" && rest !== "false") return undefined;
      found.set(key, rest);
      continue;
    }
    const value = simpleScalar(rest);
    if (value === undefined) return undefined;
    found.set(key, value);
  }
  // `withdrawn:` opens a mapping (reason, date) in a valid file.
  if (found.has("withdrawn") && found.get("withdrawn") !== "") return undefined;
  const identity: Identity = {};
  for (const key of STRING_KEYS) if (found.has(key)) identity[key] = found.get(key);
  return { identity, demo: found.get("demo") === "true", withdrawn: found.has("withdrawn") };
}

/** The preview's fields of the solution file at `absolute`, by line scan or, when in doubt, by the loader. */
export function scanFile(absolute: string): ScannedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    return { identity: null, demo: false, withdrawn: false };
  }
  const markdown = path.extname(absolute).toLowerCase() === ".md";
  const text = bytes.toString("utf8");
  const yaml = bytes.length > MAX_FILE_BYTES ? undefined : yamlPart(text, markdown);
  const scanned = yaml === undefined ? undefined : scanText(yaml);
  if (scanned) return scanned;
  const loaded = loadDocument(bytes, markdown ? "md" : "yaml");
  if (!loaded.ok) return { identity: null, demo: false, withdrawn: false };
  const { data } = loaded.doc;
  return { identity: { slug: data.slug, name: data.name, website: data.website }, demo: data.demo === true, withdrawn: data.withdrawn !== undefined };
}
