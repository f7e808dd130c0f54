// Solution logos: validated files beside each contributor file, written by
// the output table beside the solution's page, so a page never points into content/.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Solution } from "../lib/types.ts";

/** Absolute path of a solution's logo file. */
export function logoSource(solution: Solution, root: string): string {
  // sourceFile is relative to the project root (or to the working directory
  // the validator ran in, which is the same for `npm run build`).
  const fromRoot = path.resolve(root, path.dirname(solution.sourceFile), solution.logo!);
  return existsSync(fromRoot) ? fromRoot : path.resolve(path.dirname(solution.sourceFile), solution.logo!);
}
