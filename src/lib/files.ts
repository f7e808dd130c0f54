// Finds solution files under the paths given on the command line or by the build.
// Nothing found in a folder is skipped silently: every entry is either a
// solution file, a logo, or reported.
import { lstatSync, readdirSync, type Stats } from "node:fs";
import path from "node:path";

export const SOLUTION_EXTENSIONS = [".yaml", ".yml", ".md"] as const;
const ASSET_EXTENSIONS = new Set([".svg", ".png", ".webp", ".jpg", ".jpeg"]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface FoundFiles {
  /** Solution files, sorted and without duplicates, absolute. */
  solutions: string[];
  /** Paths that cannot be read as solutions, with a French reason. */
  rejected: { file: string; message: string }[];
  /** Paths given that do not exist. */
  missing: string[];
}

export function findSolutionFiles(paths: readonly string[]): FoundFiles {
  const found: FoundFiles = { solutions: [], rejected: [], missing: [] };
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat: Stats;
    try {
      stat = lstatSync(absolute);
    } catch {
      found.missing.push(given);
      continue;
    }
    if (stat.isDirectory()) walk(absolute, found);
    else classify(absolute, stat.isSymbolicLink(), stat.isFile(), found, true);
  }
  found.solutions = [...new Set(found.solutions)].sort();
  return found;
}

function walk(dir: string, found: FoundFiles): void {
  let entries;
  try {
    // Names are read as bytes: a name that is not UTF-8 is reported, not fatal.
    entries = readdirSync(dir, { withFileTypes: true, encoding: "buffer" });
  } catch (error) {
    found.rejected.push({ file: dir, message: `dossier illisible (${(error as NodeJS.ErrnoException).code ?? "erreur"})` });
    return;
  }
  const named = entries.map((entry) => {
    let name: string | undefined;
    try {
      name = utf8.decode(entry.name);
    } catch {
      name = undefined;
    }
    return { entry, name };
  });
  named.sort((a, b) => Buffer.compare(a.entry.name, b.entry.name));
  // Solution files sit directly in content/solutions: no sub-folders there.
  const inSolutions = path.basename(dir) === "solutions";
  for (const { entry, name } of named) {
    if (name === undefined) {
      const shown = path.join(dir, entry.name.toString("latin1"));
      found.rejected.push({ file: shown, message: "nom de fichier invalide : il doit être en UTF-8" });
      continue;
    }
    const full = path.join(dir, name);
    if (name.startsWith(".")) {
      found.rejected.push({ file: full, message: "fichier ou dossier caché refusé : une fiche est un fichier visible <identifiant>.yaml ou .md" });
    } else if (entry.isDirectory()) {
      if (inSolutions) found.rejected.push({ file: full, message: "sous-dossier refusé : les fiches sont placées directement dans content/solutions" });
      else walk(full, found);
    } else classify(full, entry.isSymbolicLink(), entry.isFile(), found, false);
  }
}

function classify(file: string, isLink: boolean, isFile: boolean, found: FoundFiles, explicit: boolean): void {
  const extension = path.extname(file).toLowerCase();
  const isSolution = (SOLUTION_EXTENSIONS as readonly string[]).includes(extension);
  if (isLink && (isSolution || explicit)) {
    // A link could make the build read any file of the machine.
    found.rejected.push({ file, message: "lien symbolique refusé : la fiche doit être un fichier ordinaire" });
  } else if (isSolution && isFile) {
    found.solutions.push(file);
  } else if (isSolution || (explicit && !ASSET_EXTENSIONS.has(extension))) {
    found.rejected.push({ file, message: `fichier non reconnu : une fiche porte l'extension ${SOLUTION_EXTENSIONS.join(", ")}` });
  } else if (!ASSET_EXTENSIONS.has(extension)) {
    found.rejected.push({ file, message: `fichier inattendu dans le dossier des fiches : seules les fiches (${SOLUTION_EXTENSIONS.join(", ")}) et leurs logos (.svg, .png, .webp, .jpg) y ont leur place` });
  }
}
