// One solution file checked on its own, and the cross-file checks run apart:
// the checks of `checkSolutions` (src/lib/catalogue.ts) split so that the
// preview and the dev server check again only the files that changed. The
// file's own checks (load, schema, rules, logo) are kept per file; the
// cross-file checks (slug, name, website) compare the few fields they read,
// kept for every file. A test holds the two paths to the same problems.
import path from "node:path";
import { catalogueToday } from "../lib/calendar.ts";
import { readSolutionFile, shownPath, validateLoaded } from "../lib/catalogue.ts";
import { compiledGridHash } from "../lib/compiled-validator.ts";
import { crossCheck, type CrossCheckEntry } from "../lib/cross-check.ts";
import { LOGO_PATTERN } from "../lib/fields.ts";
import { loadGrid } from "../lib/grid.ts";
import type { LoadedDocument } from "../lib/load.ts";
import { locateField } from "../lib/locate.ts";
import { checkLogo } from "../lib/logo.ts";
import type { Grid, Problem, Solution } from "../lib/types.ts";
import { fieldName, getValidator, type Validator } from "../lib/validate.ts";

const LOGO = new RegExp(LOGO_PATTERN);

export interface Checker {
  root: string;
  grid: Grid;
  validator: Validator;
  today: string;
}

/** The grid and validator of the project at `root` (loaded once per process by src/lib). */
export function createChecker(root: string, today = catalogueToday()): Checker {
  const grid = loadGrid(root, compiledGridHash);
  return { root, grid, validator: getValidator(grid, root), today };
}

/** The fields the cross-file checks read, as the file writes them (unchecked). */
export interface Identity {
  slug?: unknown;
  name?: unknown;
  website?: unknown;
}

export interface FileCheck {
  /** Path shown in messages: relative to the working directory, forward slashes. */
  file: string;
  absolute: string;
  /** File name without its extension. */
  stem: string;
  /** Null when the file does not load (then no cross-file check reads it). */
  identity: Identity | null;
  /** The file's own problems: loading, schema, rules, logo. */
  problems: Problem[];
  /** The validated solution, or null when the file has an error of its own. */
  solution: Solution | null;
}

export function stemOf(file: string): string {
  return path.basename(file, path.extname(file));
}

function problem(file: string, line: number, column: number, pointer: string, message: string): Problem {
  return { file, line, column, pointer, field: fieldName(pointer), message };
}

/** Loads a solution file's YAML, for locating a field (null when it does not load). */
export function loadFile(absolute: string): LoadedDocument | null {
  const loaded = readSolutionFile(absolute);
  return loaded.ok ? loaded.doc : null;
}

function locate(doc: LoadedDocument | null, pointer: string, atKey: boolean): { line: number; column: number } {
  if (!doc) return { line: 1, column: 1 };
  const at = locateField(doc.yamlText, pointer, atKey);
  return { line: at.line + doc.yamlLineOffset, column: at.column };
}

/** Checks the solution file at `absolute` on its own. */
export function checkFile(absolute: string, checker: Checker): FileCheck {
  const file = shownPath(absolute);
  const stem = stemOf(absolute);
  const result: FileCheck = { file, absolute, stem, identity: null, problems: [], solution: null };
  const loaded = readSolutionFile(absolute);
  if (!loaded.ok) {
    result.problems.push(problem(file, loaded.line, loaded.column, "", loaded.message));
    return result;
  }
  const { data } = loaded.doc;
  result.identity = { slug: data.slug, name: data.name, website: data.website };
  const validated = validateLoaded(loaded.doc, file, stem, checker.validator, checker.today);
  result.problems.push(...validated.problems);
  result.solution = validated.solution;
  // The logo is the one cross-file check about the file alone (its
  // neighbour on disk): checked here, once, rather than for every file at
  // each cross check. A logo name that fails the schema is reported there.
  if (typeof data.logo === "string" && LOGO.test(data.logo)) {
    const message = checkLogo(absolute, data.logo);
    if (message) {
      const at = locate(loaded.doc, "/logo", false);
      result.problems.push(problem(file, at.line, at.column, "/logo", message));
      result.solution = null;
    }
  }
  return result;
}

/** An entry of the cross-file checks (src/lib/cross-check.ts), without the logo, checked per file. */
export function crossEntry(check: Pick<FileCheck, "file" | "absolute" | "stem" | "identity">): CrossCheckEntry {
  return { file: check.file, absolute: check.absolute, stem: check.stem, data: check.identity as Record<string, unknown> | null };
}

/**
 * The cross-file problems of `entries` (in path order: a problem goes to
 * the later file), located in their files. `doc` gives a file's loaded YAML
 * when the caller has it, else the file is read again (only files with a
 * problem are).
 */
export function crossProblems(entries: readonly CrossCheckEntry[], doc: (absolute: string) => LoadedDocument | null = loadFile): Problem[] {
  const byFile = new Map(entries.map((entry) => [entry.file, entry.absolute]));
  const docs = new Map<string, LoadedDocument | null>();
  return crossCheck(entries).map((cross) => {
    const absolute = byFile.get(cross.file)!;
    if (!docs.has(absolute)) docs.set(absolute, doc(absolute));
    const at = locate(docs.get(absolute)!, cross.pointer, cross.atKey ?? false);
    return problem(cross.file, at.line, at.column, cross.pointer, cross.message);
  });
}

