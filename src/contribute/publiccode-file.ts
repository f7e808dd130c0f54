// Reads a publiccode.yml given on the command line through the same safe path
// as solution files (src/lib/load.ts): size checked before reading, strict
// UTF-8, YAML core schema without anchors or aliases, bounded depth.
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { loadDocument, MAX_FILE_BYTES, type LoadFailure, type LoadedDocument } from "../lib/load.ts";

/** Deepest nesting accepted: a publiccode.yml nests deeper than a solution file (description > language > features > item). */
const PUBLICCODE_MAX_DEPTH = 12;

export type PubliccodeFile =
  | { ok: true; doc: LoadedDocument }
  /** `missing`: the path names nothing (a usage error); else the file is unreadable or invalid. */
  | { ok: false; missing?: true; error: LoadFailure };

const failure = (message: string, line = 1, column = 1): PubliccodeFile => ({ ok: false, error: { line, column, message } });

export function readPubliccodeFile(file: string): PubliccodeFile {
  let size: number;
  try {
    const stat = statSync(file);
    // A device or a pipe could stream without end: only a regular file is read.
    if (!stat.isFile()) return failure(stat.isDirectory() ? "c'est un dossier : indiquez le chemin du fichier publiccode.yml" : "ce n'est pas un fichier ordinaire");
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, missing: true, error: { line: 1, column: 1, message: "fichier introuvable" } };
    return failure(`lecture impossible (${code ?? "erreur"})`);
  }
  if (size > MAX_FILE_BYTES) return tooLarge(size);
  let bytes: Uint8Array;
  try {
    bytes = readBounded(file);
  } catch (error) {
    return failure(`lecture impossible (${(error as NodeJS.ErrnoException).code ?? "erreur"})`);
  }
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes.length);
  const loaded = loadDocument(bytes, "yaml", PUBLICCODE_MAX_DEPTH);
  if (loaded.ok) return loaded;
  return { ok: false, error: { ...loaded.error, message: forPubliccode(loaded.error.message) } };
}

function tooLarge(size: number): PubliccodeFile {
  return failure(`le fichier fait ${size} octets, au-delà de la limite de ${MAX_FILE_BYTES} octets (${MAX_FILE_BYTES / 1024} Kio) : un publiccode.yml pèse quelques kilo-octets`);
}

/** At most MAX_FILE_BYTES + 1 bytes: a file that grew since it was measured is still refused, never read whole. */
function readBounded(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error("not a file"), { code: "EINVAL" });
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

// The loader speaks of solution files (« fiche ») in two messages: say what a publiccode.yml must be instead.
function forPubliccode(message: string): string {
  if (message.startsWith("fichier vide")) return "fichier vide : un publiccode.yml contient au moins les champs publiccodeYmlVersion, name et url";
  if (message.startsWith("la fiche doit être une table")) return "un publiccode.yml est une table de champs « clé: valeur » (publiccodeYmlVersion, name, url…), pas une liste ni une valeur seule";
  return message;
}
