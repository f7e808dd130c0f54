// Finds solution files under the paths given on the command line or by the build.
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";

export const SOLUTION_EXTENSIONS = [".yaml", ".yml", ".md"] as const;
const ASSET_EXTENSIONS = new Set([".svg", ".png", ".webp", ".jpg", ".jpeg"]);

export interface FoundFiles {
  /** Solution files, sorted, as given or found (absolute). */
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
    let stat;
    try {
      stat = lstatSync(absolute);
    } catch {
      found.missing.push(given);
      continue;
    }
    if (stat.isDirectory()) walk(absolute, found);
    else classify(absolute, stat.isSymbolicLink(), stat.isFile(), found, true);
  }
  found.solutions.sort();
  return found;
}

function walk(dir: string, found: FoundFiles): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) walk(full, found);
    else classify(full, entry.isSymbolicLink(), entry.isFile(), found, false);
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
