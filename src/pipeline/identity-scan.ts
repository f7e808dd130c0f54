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

// The bytes are scanned as they are, without building the file's text
// (at 10,000 files, the text and its garbage cost more than the reading):
// the structure the scan reads is ASCII, and the few values it keeps are
// decoded from their bytes.
const NEWLINE = 0x0a;
const isBlank = (byte: number | undefined) => byte === 0x20 || byte === 0x09;
const isKeyStart = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
const isKeyByte = (byte: number) => isKeyStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d;
const FIELDS = new Set(["slug", "name", "website", "demo", "withdrawn"]);

/** The end of the line that starts at `start` (its newline, or `end`: what lies beyond is an earlier file's). */
function lineEnd(bytes: Buffer, start: number, end: number): number {
  const newline = bytes.indexOf(NEWLINE, start);
  return newline === -1 || newline > end ? end : newline;
}

/** Whether only blank characters lie between `start` and `end`. */
function blank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(bytes[i])) return false;
  return true;
}

/** Where the YAML of a file lies, as the loader cuts it (the front matter of a .md file), or undefined when it cannot tell. */
function yamlPart(bytes: Buffer, length: number, markdown: boolean): [number, number] | undefined {
  // A byte order mark, Windows line ends: normalised by the loader, which then decides.
  if ((bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || bytes.subarray(0, length).includes(0x0d)) return undefined;
  if (!markdown) return [0, length];
  const first = lineEnd(bytes, 0, length);
  if (first === length || bytes.toString("latin1", 0, 3) !== "---" || !blank(bytes, 3, first)) return undefined;
  for (let line = first + 1; line < length; ) {
    const end = lineEnd(bytes, line, length);
    if (bytes.toString("latin1", line, Math.min(line + 3, end)) === "---" && blank(bytes, line + 3, end)) return [first + 1, line];
    line = end + 1;
  }
  return undefined;
}

/** The UTF-8 text of bytes without the spaces and tabs around (YAML's), with U+FFFD for bytes that are not UTF-8 (then refused by simpleScalar). */
function text(bytes: Buffer, start: number, end: number): string {
  return bytes.toString("utf8", start, end).replace(/^[ \t]+|[ \t]+$/g, "");
}

/**
 * Reads the fields line by line; undefined when the file is not in the
 * simple shape: every top-level line a comment, blank, indented, or a
 * plain `key: value`, and the fields read one-line values.
 */
function scanBytes(bytes: Buffer, start: number, end: number): ScannedFile | undefined {
  const found = new Map<string, string>();
  for (let line = start; line < end; ) {
    const stop = lineEnd(bytes, line, end);
    const first = bytes[line]!;
    if (line === stop || first === 0x23 || isBlank(first)) {
      line = stop + 1;
      continue;
    }
    if (!isKeyStart(first)) return undefined;
    let colon = line + 1;
    while (colon < stop && isKeyByte(bytes[colon]!)) colon++;
    if (colon === stop || bytes[colon] !== 0x3a || (colon + 1 < stop && !isBlank(bytes[colon + 1]))) return undefined;
    const key = colon - line <= 9 ? bytes.toString("latin1", line, colon) : "";
    if (FIELDS.has(key)) {
      if (found.has(key)) return undefined; // a duplicate key: the loader refuses the file
      const rest = text(bytes, colon + 1, stop);
      // A value continued on the next lines (after blank lines too) is not simple.
      let next = stop + 1;
      while (next < end && blank(bytes, next, lineEnd(bytes, next, end))) next = lineEnd(bytes, next, end) + 1;
      const continued = next < end && isBlank(bytes[next]);
      // `withdrawn:` opens a mapping (reason, date) in a valid file.
      const value = key === "withdrawn" ? (rest === "" ? rest : undefined) : continued ? undefined : key === "demo" ? (rest === "true" || rest === "false" ? rest : undefined) : simpleScalar(rest);
      if (value === undefined) return undefined;
      found.set(key, value);
    }
    line = stop + 1;
  }
  const identity: Identity = {};
  for (const key of STRING_KEYS) if (found.has(key)) identity[key] = found.get(key);
  return { identity, demo: found.get("demo") === "true", withdrawn: found.has("withdrawn") };
}

// One buffer for every file: a solution file is at most MAX_FILE_BYTES, and
// open, read, close into it costs half of readFileSync at 10,000 files.
const shared = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

/** The number of bytes of the file read into `shared`, or undefined when it cannot be read or is over the size limit. */
function readShared(absolute: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, "r");
    const length = readSync(fd, shared, 0, shared.length, 0);
    return length > MAX_FILE_BYTES ? undefined : length;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The preview's fields of the solution file at `absolute`, by line scan or, when in doubt, by the loader. */
export function scanFile(absolute: string): ScannedFile {
  const markdown = path.extname(absolute).toLowerCase() === ".md";
  const length = readShared(absolute);
  const yaml = length === undefined ? undefined : yamlPart(shared, length, markdown);
  const scanned = yaml === undefined ? undefined : scanBytes(shared, yaml[0], yaml[1]);
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
