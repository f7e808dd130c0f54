// Bytes -> plain object, for untrusted contributor files.
// Nothing is evaluated: YAML is parsed with the core schema only (no custom or
// JavaScript types), and anchors, aliases, several documents, duplicate keys,
// deep nesting, oversized files and invalid UTF-8 are refused before anything
// else looks at the data.
import { CORE_SCHEMA, load as parseYaml, YAMLException } from "js-yaml";
import { lineColumnAt, quote } from "./text.ts";
import { BOM } from "./unicode.ts";

/** Largest accepted solution file: real files weigh a few kilobytes. */
export const MAX_FILE_BYTES = 100 * 1024;
/** Deepest nesting of YAML nodes: a solution needs 4 (evaluation > criterion > answer > scalar). */
export const MAX_DEPTH = 6;

export interface LoadedDocument {
  /** The parsed YAML (front matter for Markdown files). */
  data: Record<string, unknown>;
  /** Normalised text of the YAML part, used later to locate fields. */
  yamlText: string;
  /** Number of lines before the YAML part in the file (1 for Markdown front matter). */
  yamlLineOffset: number;
  /** Markdown body of a .md file, undefined for .yaml. */
  body?: string;
  /** 1-based line where the body starts. */
  bodyLine?: number;
}

export interface LoadFailure {
  line: number;
  column: number;
  message: string;
}

export type LoadResult = { ok: true; doc: LoadedDocument } | { ok: false; error: LoadFailure };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Parses the bytes of a solution file; `kind` comes from the file extension. */
export function loadDocument(bytes: Uint8Array, kind: "yaml" | "md", maxDepth = MAX_DEPTH): LoadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return fail(1, 1, `le fichier fait ${bytes.length} octets, au-delà de la limite de ${MAX_FILE_BYTES} octets (100 Kio)`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const position = lineColumnAt(new TextDecoder("utf-8").decode(bytes.subarray(0, at)), Number.MAX_SAFE_INTEGER);
    return fail(position.line, position.column, `encodage invalide : le fichier doit être en UTF-8 (octet non valide à la position ${at})`);
  }
  // A BOM and Windows or old Mac line endings are accepted and normalised.
  if (text.startsWith(BOM)) text = text.slice(BOM.length);
  text = text.replace(/\r\n?/g, "\n");

  if (kind === "yaml") return parseDocument(text, 0, undefined, undefined, maxDepth);
  return loadMarkdown(text, maxDepth);
}

function loadMarkdown(text: string, maxDepth: number): LoadResult {
  const firstLineEnd = text.indexOf("\n");
  const firstLine = (firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)).trimEnd();
  if (firstLine.startsWith(";;;") || firstLine.startsWith("{")) {
    return fail(1, 1, "en-tête JSON refusé : l'en-tête d'un fichier .md doit être du YAML entre deux lignes « --- »");
  }
  if (!firstLine.startsWith("---")) {
    return fail(1, 1, "en-tête manquant : un fichier .md doit commencer par une ligne « --- », suivie des champs en YAML puis d'une autre ligne « --- »");
  }
  const language = firstLine.slice(3).trim().toLowerCase();
  if (language !== "" && language !== "yaml" && language !== "yml") {
    const kindOfHeader = /^(js|javascript|mjs|cjs|ts|coffee)$/.test(language) ? "JavaScript" : language === "json" ? "JSON" : quote(language);
    return fail(1, 4, `en-tête ${kindOfHeader} refusé : seul un en-tête YAML (« --- ») est accepté, rien n'y est exécuté`);
  }
  const match = /\n---[ \t]*(?:\n|$)/.exec(text.slice(firstLine.length));
  if (!match) {
    return fail(1, 1, "en-tête non fermé : ajoutez une ligne « --- » après les champs YAML");
  }
  const yamlStart = firstLineEnd + 1;
  const yamlEnd = firstLine.length + match.index + 1;
  const yamlText = text.slice(yamlStart, yamlEnd);
  const bodyStart = firstLine.length + match.index + match[0].length;
  const body = text.slice(bodyStart);
  const bodyLine = lineColumnAt(text, bodyStart).line;
  return parseDocument(yamlText, 1, body, bodyLine, maxDepth);
}

function parseDocument(yamlText: string, lineOffset: number, body: string | undefined, bodyLine: number | undefined, maxDepth: number): LoadResult {
  let data: unknown;
  try {
    data = parseYaml(yamlText, {
      schema: CORE_SCHEMA,
      maxDepth,
      // Anchors are refused as soon as one closes, before any alias can
      // reuse it: no alias expansion ever reaches the rest of the pipeline.
      listener(event: string, state: { anchor?: string | null; line: number; position: number; lineStart: number }) {
        if (event === "close" && state.anchor !== null && state.anchor !== undefined) {
          throw new AnchorRefused(state.line, state.position - state.lineStart);
        }
      },
    } as Parameters<typeof parseYaml>[1]);
  } catch (error) {
    return fail(...describeYamlError(error, lineOffset, maxDepth));
  }
  if (data === null || data === undefined) {
    return fail(lineOffset + 1, 1, "fichier vide : une fiche doit contenir au moins les champs obligatoires (name, slug, …)");
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return fail(lineOffset + 1, 1, "la fiche doit être une table de champs « clé: valeur », pas une liste ni une valeur seule");
  }
  const doc: LoadedDocument = { data: data as Record<string, unknown>, yamlText, yamlLineOffset: lineOffset };
  if (body !== undefined) {
    doc.body = body;
    doc.bodyLine = bodyLine;
  }
  return { ok: true, doc };
}

class AnchorRefused extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super("anchor");
  }
}

function describeYamlError(error: unknown, lineOffset: number, maxDepth: number): [number, number, string] {
  if (error instanceof AnchorRefused) {
    return [lineOffset + error.line + 1, error.column + 1, "ancre YAML (« &nom ») refusée : les ancres et les alias ne sont pas acceptés, écrivez chaque valeur en entier"];
  }
  if (error instanceof YAMLException) {
    const mark = error.mark as { line?: number; column?: number } | undefined;
    const line = lineOffset + (mark?.line ?? 0) + 1;
    const column = (mark?.column ?? 0) + 1;
    return [line, column, translateYamlReason(error.reason ?? error.message, maxDepth)];
  }
  return [lineOffset + 1, 1, "YAML illisible"];
}

function translateYamlReason(reason: string, maxDepth: number): string {
  if (reason.includes("duplicated mapping key")) return "clé en double : chaque champ ne peut apparaître qu'une fois";
  if (reason.includes("unknown tag") || reason.includes("explicit tag")) {
    const tag = (/!<([^>]*)>/.exec(reason)?.[1] ?? "").replace("tag:yaml.org,2002:", "!!");
    return `étiquette YAML ${quote(tag)} refusée : les types personnalisés (« !… », « !!… ») ne sont pas acceptés`;
  }
  if (reason.includes("unidentified alias")) return "alias YAML (« *nom ») refusé : les ancres et les alias ne sont pas acceptés";
  if (reason.includes("expected a single document")) return "plusieurs documents YAML : une fiche ne contient qu'un document (retirez les lignes « --- » en trop)";
  if (reason.includes("maxDepth")) return `imbrication trop profonde : au plus ${maxDepth} niveaux sont acceptés`;
  if (reason.includes("non-printable")) return "caractère de contrôle interdit dans le fichier";
  if (reason.includes("merge")) return "clé de fusion YAML (« << ») refusée";
  const known = SYNTAX_REASONS.find(([english]) => reason.startsWith(english));
  return `YAML invalide : ${known ? known[1] : quote(reason, 120)}`;
}

/** The syntax mistakes contributors make most, told in French (js-yaml's reason, its French). */
const SYNTAX_REASONS: readonly (readonly [string, string])[] = [
  ["bad indentation of a mapping entry", "indentation incorrecte : alignez ce champ sur les autres champs du même niveau"],
  ["bad indentation of a sequence entry", "indentation incorrecte : alignez cet élément (« - ») sur les autres éléments de la liste"],
  ["can not read an implicit mapping pair; a colon is missed", "deux-points manquant : un champ s'écrit « nom: valeur »"],
  ["can not read a block mapping entry; a multiline key may not be an implicit key", "ligne incomprise : un champ « nom: valeur » est attendu (un texte sur plusieurs lignes s'écrit entre guillemets, ou après « | »)"],
  ["missed comma between flow collection entries", "virgule manquante entre deux éléments d'une liste entre crochets"],
  ["unexpected end of the stream within a flow collection", "crochet « [ » ou accolade « { » non refermé"],
  ["unexpected end of the stream within a double quoted scalar", "guillemet « \" » non refermé"],
  ["unexpected end of the document within a double quoted scalar", "guillemet « \" » non refermé"],
  ["unexpected end of the stream within a single quoted scalar", "apostrophe « ' » ouvrante non refermée (dans un texte entre apostrophes, doublez l'apostrophe : « '' »)"],
  ["unexpected end of the document within a single quoted scalar", "apostrophe « ' » ouvrante non refermée (dans un texte entre apostrophes, doublez l'apostrophe : « '' »)"],
  ["tab characters must not be used in indentation", "tabulation dans l'indentation : indentez avec des espaces"],
  ["end of the stream or a document separator is expected", "contenu inattendu : vérifiez l'indentation et les deux-points de cette ligne"],
  ["unknown escape sequence", "séquence d'échappement inconnue entre guillemets doubles (écrivez « \\\\ » pour une barre oblique inverse)"],
  ["a whitespace character is expected after the key-value separator", "une espace est attendue après « : »"],
];

function fail(line: number, column: number, message: string): LoadResult {
  return { ok: false, error: { line, column, message } };
}

/** Index of the first byte that breaks UTF-8, for the error position. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return i;
}
