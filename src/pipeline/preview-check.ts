// Checks one solution file against the rest of the catalogue, for the
// preview: the file's own checks in full, and the cross-file checks (slug,
// name, website, look-alike names, file names) against every file of
// content/solutions, without loading and validating those.
//
// - The other files are read by a line scan (identity-scan.ts): the
//   cross-file checks read three fields of them, the page two counts.
// - The checked file is placed last: every problem between it and another
//   file is its own and names the other file, whatever their order by name
//   (`catalogue validate` gives a problem to the later file).
// - Only the other files that share a key with it (file name, slug, name,
//   look-alike name, website) go through the cross-file checks: those
//   checks name, for each key, the first file that has it, so the problems
//   are the same as over the whole catalogue, at a fraction of the cost.
// - A file outside content/solutions replaces the one with the same name
//   there (an edit prepared elsewhere); a file inside is one of them.
import path from "node:path";
import { findSolutionFiles } from "../lib/files.ts";
import { nameIdentity, nameSkeleton, websiteIdentity } from "../lib/lookalike.ts";
import type { CatalogueStats, Grid, Problem, Solution } from "../lib/types.ts";
import { shownPath, sortProblems } from "../lib/catalogue.ts";
import { checkFile, createChecker, crossEntry, crossProblems, type FileCheck, type Identity, stemOf } from "./file-check.ts";
import { scanFile, type ScannedFile } from "./identity-scan.ts";

export interface PreviewCheck {
  grid: Grid;
  /** The file's problems, errors and warnings, located. */
  problems: Problem[];
  /** The validated solution; null when the file has an error. */
  solution: Solution | null;
  /** Files of content/solutions the previewed file stands for (shown paths). */
  replaces: string[];
  /** The catalogue's counts once the file is in it (the page's notices show some). */
  stats: Pick<CatalogueStats, "solutions" | "listed" | "withdrawn" | "demo">;
}

export interface PreviewCheckOptions {
  /** Project root holding criteria/. */
  root: string;
  /** Folder of the catalogue's solution files. */
  contentDir: string;
  /** Overrides today's date (YYYY-MM-DD), for tests. */
  today?: string;
}

type Other = Pick<FileCheck, "absolute" | "stem" | "identity"> & ScannedFile;

/** The keys the cross-file checks compare, for the prefilter. */
function keysOf(stem: string, identity: Identity | null) {
  const { slug, name, website } = identity ?? {};
  return {
    stem: stem.toLowerCase(),
    slug: typeof slug === "string" ? slug.toLowerCase() : undefined,
    name: typeof name === "string" ? nameIdentity(name) : undefined,
    skeleton: typeof name === "string" ? nameSkeleton(name) || undefined : undefined,
    website: typeof website === "string" ? websiteIdentity(website) : undefined,
  };
}

/** Whether `other` shares a key with `own` (cheapest comparisons first). */
function sharesKey(own: ReturnType<typeof keysOf>, other: Other): boolean {
  if (other.stem.toLowerCase() === own.stem) return true;
  if (!other.identity) return false;
  const { slug, name, website } = other.identity;
  if (own.slug !== undefined && typeof slug === "string" && slug.toLowerCase() === own.slug) return true;
  if (own.name !== undefined && typeof name === "string" && (nameIdentity(name) === own.name || nameSkeleton(name) === own.skeleton)) return true;
  return own.website !== undefined && typeof website === "string" && websiteIdentity(website) === own.website;
}

/**
 * Checks `file` (an existing path, see findSolutionFiles) as part of the
 * catalogue in `contentDir`. Throws GridError on a broken grid.
 */
export function checkAgainstCatalogue(file: string, options: PreviewCheckOptions): PreviewCheck {
  const absolute = path.resolve(file);
  const contentDir = path.resolve(options.contentDir);
  const found = findSolutionFiles([absolute]);
  const counts = { solutions: 0, listed: 0, withdrawn: 0, demo: 0 };
  const checker = createChecker(options.root, options.today);
  if (found.rejected.length > 0) {
    const problems = found.rejected.map(({ file: rejected, message }) => ({ file: shownPath(rejected), line: 1, column: 1, pointer: "", field: "-", message }));
    return { grid: checker.grid, problems, solution: null, replaces: [], stats: counts };
  }

  const own = checkFile(absolute, checker);
  const inside = path.dirname(absolute) === contentDir;
  const replaces: string[] = [];
  const others: Other[] = [];
  for (const other of findSolutionFiles([contentDir]).solutions) {
    if (other === absolute) continue;
    const stem = stemOf(other);
    if (!inside && stem === own.stem) {
      replaces.push(shownPath(other));
      continue;
    }
    others.push({ absolute: other, stem, ...scanFile(other) });
  }

  const keys = keysOf(own.stem, own.identity);
  // (Paths are shown for those only: at 10,000 files, making them all costs 30 ms.)
  // The other files are the catalogue as it stands: the previewed file is the newcomer told what it collides with.
  const entries = [
    ...others.filter((other) => sharesKey(keys, other)).map((other) => ({ ...crossEntry({ ...other, file: shownPath(other.absolute) }), existing: true })),
    crossEntry(own),
  ];
  const cross = crossProblems(entries).filter((problem) => problem.file === own.file);
  const problems = sortProblems([...own.problems, ...cross]);
  const hasErrors = problems.some((p) => p.severity !== "warning");

  // Counts as the build would make them: the other files are taken as valid
  // (`catalogue validate` and the pull request's checks hold them so).
  for (const entry of [...others, { demo: own.solution?.demo === true, withdrawn: own.solution?.withdrawn !== undefined }]) {
    counts.solutions++;
    if (entry.demo) counts.demo++;
    if (entry.withdrawn) counts.withdrawn++;
    else counts.listed++;
  }
  return { grid: checker.grid, problems, solution: hasErrors ? null : own.solution, replaces, stats: counts };
}
