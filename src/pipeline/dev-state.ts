// The dev server's catalogue: the check of every solution file, kept between
// changes, so that a change checks again only the files it touches. The
// problems and the catalogue it gives are those `catalogue validate` and
// the build would give (a test holds them to checkSolutions).
//
// Cross-file checks: each file's keys (file name, slug, name and its
// look-alike form, website) are indexed. While the catalogue has no
// cross-file problem, keys are unique, so a change can only create problems
// between a changed file and the files sharing one of its keys: the checks
// run on those alone, in path order, which gives the problems of a run over
// every file: no file is `existing`, so both files of a collision are
// reported, the unchanged one too, as `catalogue validate` reports them.
// Once some exist, every file is checked again, as the build does.
import { lstatSync } from "node:fs";
import path from "node:path";
import { buildCatalogue } from "../lib/catalogue.ts";
import { findSolutionFiles, SOLUTION_EXTENSIONS } from "../lib/files.ts";
import { nameIdentity, nameSkeleton, websiteIdentity } from "../lib/lookalike.ts";
import { scoreSolution } from "../lib/score.ts";
import type { Catalogue, Problem, Solution, SolutionScore } from "../lib/types.ts";
import { shownPath, sortProblems } from "../lib/catalogue.ts";
import { type Checker, checkFile, createChecker, crossEntry, crossProblems, type FileCheck } from "./file-check.ts";

/** The keys the cross-file checks compare (src/lib/cross-check.ts), each prefixed by its kind. */
function keysOf(check: FileCheck): string[] {
  const keys = [`stem:${check.stem.toLowerCase()}`];
  const { slug, name, website } = check.identity ?? {};
  if (typeof slug === "string") keys.push(`slug:${slug.toLowerCase()}`);
  if (typeof name === "string") {
    keys.push(`name:${nameIdentity(name)}`);
    const skeleton = nameSkeleton(name);
    if (skeleton !== "") keys.push(`skeleton:${skeleton}`);
  }
  if (typeof website === "string") keys.push(`website:${websiteIdentity(website)}`);
  return keys;
}

export interface CatalogueResult {
  problems: Problem[];
  /** Null when a file has an error. */
  catalogue: Catalogue | null;
}

export class CatalogueFiles {
  readonly checker: Checker;
  readonly contentDir: string;
  #files = new Map<string, { check: FileCheck; keys: string[] }>();
  #byKey = new Map<string, Set<string>>();
  /** Solution files in path order (absolute), as findSolutionFiles lists them. */
  #order: string[] = [];
  #listing: Problem[] = [];
  #cross: Problem[] = [];
  #scores = new WeakMap<Solution, SolutionScore>();

  constructor(root: string, contentDir: string, today?: string) {
    this.checker = createChecker(root, today);
    this.contentDir = path.resolve(contentDir);
  }

  /** Checks every file. */
  loadAll(): void {
    this.#files.clear();
    this.#byKey.clear();
    this.#list();
    for (const file of this.#order) this.#check(file);
    this.#cross = crossProblems(this.#order.map((file) => crossEntry(this.#files.get(file)!.check)));
  }

  /**
   * Takes changed paths under the content folder (files written, created,
   * removed, renamed): checks again the solution files among them, those new
   * in the folder, and for any other file (a logo) the files that name it
   * and those with a problem. Returns the files checked again (shown paths).
   */
  update(paths: Iterable<string>): string[] {
    const hadCrossProblems = this.#cross.length > 0;
    const before = new Set(this.#order);
    const changed = [...paths].map((file) => path.resolve(file));
    // Listing 10,000 files costs 100 ms: only when a file may have come or gone.
    if (!changed.every((file) => before.has(file) && isFile(file))) this.#list();
    const listed = new Set(this.#order);
    const again = new Set<string>();
    for (const file of before) if (!listed.has(file)) this.#forget(file);
    for (const file of this.#order) if (!before.has(file)) again.add(file);
    for (const absolute of changed) {
      if (listed.has(absolute)) again.add(absolute);
      else if (!(SOLUTION_EXTENSIONS as readonly string[]).includes(path.extname(absolute).toLowerCase())) {
        for (const [file, { check }] of this.#files) {
          const logo = check.solution?.logo;
          if (check.problems.length > 0 || (logo !== undefined && path.resolve(path.dirname(file), logo) === absolute)) again.add(file);
        }
      }
    }
    for (const file of again) this.#check(file);

    if (hadCrossProblems) {
      this.#cross = crossProblems(this.#order.map((file) => crossEntry(this.#files.get(file)!.check)));
    } else {
      // Keys were unique: new problems can only involve a file checked again.
      const involved = new Set(again);
      for (const file of again) for (const key of this.#files.get(file)!.keys) for (const other of this.#byKey.get(key) ?? []) involved.add(other);
      this.#cross = crossProblems(this.#order.filter((file) => involved.has(file)).map((file) => crossEntry(this.#files.get(file)!.check)));
    }
    return [...again].map(shownPath);
  }

  /** The problems of every file, and the catalogue when there is no error. */
  result(): CatalogueResult {
    const own = this.#order.flatMap((file) => this.#files.get(file)!.check.problems);
    const problems = sortProblems([...this.#listing, ...own, ...this.#cross]);
    if (problems.some((p) => p.severity !== "warning")) return { problems, catalogue: null };
    const solutions = this.#order.flatMap((file) => this.#files.get(file)!.check.solution ?? []);
    const { grid } = this.checker;
    const score = (solution: Solution) => {
      let known = this.#scores.get(solution);
      if (!known) this.#scores.set(solution, (known = scoreSolution(solution, grid)));
      return known;
    };
    return { problems, catalogue: buildCatalogue(grid, solutions, this.checker.today, score) };
  }

  #list(): void {
    const found = findSolutionFiles([this.contentDir]);
    this.#order = found.solutions;
    this.#listing = found.rejected.map(({ file, message }) => ({ file: shownPath(file), line: 1, column: 1, pointer: "", field: "-", message }));
    for (const missing of found.missing) this.#listing.push({ file: missing, line: 1, column: 1, pointer: "", field: "-", message: "dossier des fiches introuvable" });
  }

  #check(file: string): void {
    this.#forget(file);
    const check = checkFile(file, this.checker);
    const keys = keysOf(check);
    this.#files.set(file, { check, keys });
    for (const key of keys) {
      let files = this.#byKey.get(key);
      if (!files) this.#byKey.set(key, (files = new Set()));
      files.add(file);
    }
  }

  #forget(file: string): void {
    const known = this.#files.get(file);
    if (!known) return;
    for (const key of known.keys) {
      const files = this.#byKey.get(key);
      files?.delete(file);
      if (files?.size === 0) this.#byKey.delete(key);
    }
    this.#files.delete(file);
  }
}

function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}
