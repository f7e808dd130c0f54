// Files -> one immutable catalogue: load, validate, cross-check, score, index.
// Used by `catalogue validate` and by the build, so each file is parsed once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { catalogueToday } from "./calendar.ts";
import { compiledGridHash } from "./compiled-validator.ts";
import { crossCheck, type CrossCheckEntry } from "./cross-check.ts";
import { findSolutionFiles } from "./files.ts";
import { loadGrid } from "./grid.ts";
import { loadDocument, type LoadedDocument } from "./load.ts";
import { locateField } from "./locate.ts";
import { scoreEntry, scoreSolution } from "./score.ts";
import { rankTheme } from "./ranking.ts";
import type { Catalogue, Grid, Problem, RankingRow, ScoredSolution, Solution, SolutionScore } from "./types.ts";
import { fieldName, getValidator, validateDocument, type Validator } from "./validate.ts";

export interface CheckOptions {
  /** Project root holding criteria/; defaults to the current directory. */
  root?: string;
  /** Overrides today's date (YYYY-MM-DD); else CATALOGUE_TODAY or the date in Paris (calendar.ts). */
  today?: string;
  /**
   * Paths of the files a change adds, modifies or renames (solution files,
   * logos, anything): only the solution files among them, those whose logo is
   * among them, and the refused paths among them are validated and reported.
   * Every other file is only loaded, for the cross-file checks, and never
   * reported. Undefined: every file is validated and reported.
   */
  changed?: readonly string[];
}

export interface CheckResult {
  grid: Grid;
  files: number;
  /** The solution files validated and reported (paths as shown in messages). */
  checked: string[];
  /** The valid solutions among the files reported. */
  solutions: Solution[];
  problems: Problem[];
  /** Paths given that do not exist (a usage error for the CLI). */
  missing: string[];
  /** The day the files were checked for. */
  today: string;
}

/** A path as messages show it: relative to the working directory, forward slashes. */
export function shownPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join("/") || absolute;
}

/** Problems in the order `catalogue validate` prints them: by file, then line and column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
}

/** Reads and loads one solution file; a failure comes with its position and French message. */
export function readSolutionFile(absolute: string): { ok: true; doc: LoadedDocument } | { ok: false; unreadable: boolean; line: number; column: number; message: string } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { ok: false, unreadable: true, line: 1, column: 1, message: `lecture impossible (${(error as NodeJS.ErrnoException).code ?? "erreur"})` };
  }
  const loaded = loadDocument(bytes, path.extname(absolute).toLowerCase() === ".md" ? "md" : "yaml");
  return loaded.ok ? { ok: true, doc: loaded.doc } : { ok: false, unreadable: false, ...loaded.error };
}

/** Validates a loaded file; a hostile file that breaks the validator is reported like any invalid file, never thrown. */
export function validateLoaded(doc: LoadedDocument, file: string, stem: string, validator: Validator, today: string): { problems: Problem[]; solution: Solution | null } {
  try {
    return validateDocument(doc, file, stem, validator, today);
  } catch (error) {
    const message = `fiche illisible : ${error instanceof Error ? error.message : "erreur inattendue"}`;
    return { problems: [{ file, line: 1, column: 1, pointer: "", field: fieldName(""), message }], solution: null };
  }
}

/** Validates every solution file under `paths` (files or folders) and returns the valid solutions and all problems. */
export function checkSolutions(paths: readonly string[], options: CheckOptions = {}): CheckResult {
  const root = path.resolve(options.root ?? process.cwd());
  const grid = loadGrid(root, compiledGridHash);
  const validator = getValidator(grid, root);
  const today = options.today ?? catalogueToday();
  const found = findSolutionFiles(paths);

  const problems: Problem[] = [];
  const add = (file: string, line: number, column: number, pointer: string, message: string) =>
    problems.push({ file, line, column, pointer, field: fieldName(pointer), message });

  const changed = options.changed && new Set(options.changed.map((p) => path.resolve(p)));
  // A refused folder is reported when the change touched a file inside it.
  const rejectedChanged = (file: string) => [...changed!].some((p) => p === file || p.startsWith(`${file}${path.sep}`));
  const logoChanged = (absolute: string, data: Record<string, unknown>) =>
    typeof data.logo === "string" && changed!.has(path.resolve(path.dirname(absolute), data.logo));
  for (const { file, message } of found.rejected) if (!changed || rejectedChanged(file)) add(shownPath(file), 1, 1, "", message);
  const checked: string[] = [];

  const docs = new Map<string, LoadedDocument>();
  const entries: CrossCheckEntry[] = [];
  const solutions: Solution[] = [];
  for (const absolute of found.solutions) {
    const file = shownPath(absolute);
    const extension = path.extname(absolute);
    const stem = path.basename(absolute, extension);
    const named = !changed || changed.has(absolute);
    const loaded = readSolutionFile(absolute);
    if (!loaded.ok) {
      if (named) {
        checked.push(file);
        add(file, loaded.line, loaded.column, "", loaded.message);
      }
      // An unreadable file has no name to compare; one that does not load still has its file name.
      if (!loaded.unreadable) entries.push({ file, absolute, stem, data: null, existing: !named });
      continue;
    }
    if (!named && !logoChanged(absolute, loaded.doc.data)) {
      // Unchanged: compared with, never validated nor reported.
      entries.push({ file, absolute, stem, data: loaded.doc.data, existing: true });
      continue;
    }
    checked.push(file);
    docs.set(file, loaded.doc);
    entries.push({ file, absolute, stem, data: loaded.doc.data });
    const result = validateLoaded(loaded.doc, file, stem, validator, today);
    problems.push(...result.problems);
    if (result.solution) solutions.push(result.solution);
  }

  const invalidByCross = new Set<string>();
  for (const cross of crossCheck(entries)) {
    const doc = docs.get(cross.file);
    const at = doc ? locateField(doc.yamlText, cross.pointer, cross.atKey ?? false) : { line: 1, column: 1 };
    add(cross.file, at.line + (doc?.yamlLineOffset ?? 0), at.column, cross.pointer, cross.message);
    invalidByCross.add(cross.file);
  }

  sortProblems(problems);
  const valid = solutions.filter((s) => !invalidByCross.has(s.sourceFile));
  return { grid, files: checked.length, checked, solutions: valid, problems, missing: found.missing, today };
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/**
 * Builds the catalogue from valid solutions: scores, sorted lists and indexes,
 * computed once. `score` lets the dev server reuse the scores of unchanged files.
 */
export function buildCatalogue(
  grid: Grid,
  solutions: readonly Solution[],
  today = catalogueToday(),
  score: (solution: Solution) => SolutionScore = (solution) => scoreSolution(solution, grid),
): Catalogue {
  const scored: ScoredSolution[] = solutions
    .map((solution) => scoreEntry(solution, grid, today, score(solution)))
    .sort((a, b) => collator.compare(a.solution.name, b.solution.name) || (a.solution.slug < b.solution.slug ? -1 : 1));
  const listed = scored.filter((s) => !s.solution.withdrawn);
  const byCategory: Record<string, ScoredSolution[]> = Object.create(null);
  for (const category of grid.vocabularies.categories) byCategory[category.id] = [];
  for (const entry of listed) for (const category of entry.solution.categories) byCategory[category]?.push(entry);
  const rankedByTheme: Record<string, RankingRow[]> = Object.create(null);
  grid.themes.forEach((theme, index) => {
    rankedByTheme[theme.id] = rankTheme(listed, index);
  });
  const criteriaByTheme: Record<string, number> = {};
  for (const theme of grid.themes) criteriaByTheme[theme.id] = theme.criteria.length;
  return deepFreeze({
    grid,
    today,
    solutions: scored,
    listed,
    byCategory,
    rankedByTheme,
    stats: {
      solutions: scored.length,
      listed: listed.length,
      withdrawn: scored.length - listed.length,
      demo: scored.filter((s) => s.solution.demo).length,
      criteria: grid.criteria.length,
      criteriaByTheme,
    },
  });
}

/**
 * Loads and validates content/solutions (or `contentDir`) and builds the
 * catalogue. `catalogue` is null when any file has an error.
 */
export async function loadCatalogue(options: CheckOptions & { contentDir?: string } = {}): Promise<{ catalogue: Catalogue | null; problems: Problem[] }> {
  const root = path.resolve(options.root ?? process.cwd());
  const contentDir = options.contentDir ?? path.join(root, "content", "solutions");
  const result = checkSolutions([contentDir], { ...options, root });
  for (const missing of result.missing) {
    result.problems.push({ file: missing, line: 1, column: 1, pointer: "", field: "-", message: "dossier des fiches introuvable" });
  }
  const hasErrors = result.problems.some((p) => p.severity !== "warning");
  return { catalogue: hasErrors ? null : buildCatalogue(result.grid, result.solutions), problems: result.problems };
}

/**
 * Freezes `value` and everything it holds. An object is frozen before its
 * children are visited, so an object met again (a solution is in several
 * lists) or a cycle stops at once: nothing but this function freezes the
 * catalogue's objects, so a frozen one is already frozen all the way down.
 */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || value instanceof Map) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
