// Solution logos: validated files beside each contributor file, copied to
// /solutions/<slug>/logo.<ext> so a page never points into content/.
import { copyFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Catalogue } from "../lib/types.ts";

/** Absolute path of each logo source and its path inside the output folder. */
export function logoCopies(catalogue: Catalogue, root: string): { from: string; to: string }[] {
  const copies: { from: string; to: string }[] = [];
  for (const { solution } of catalogue.solutions) {
    if (!solution.logo) continue;
    // sourceFile is relative to the project root (or to the working directory
    // the validator ran in, which is the same for `npm run build`).
    const fromRoot = path.resolve(root, path.dirname(solution.sourceFile), solution.logo);
    const from = existsSync(fromRoot) ? fromRoot : path.resolve(path.dirname(solution.sourceFile), solution.logo);
    copies.push({ from, to: path.join("solutions", solution.slug, `logo${path.extname(solution.logo).toLowerCase()}`) });
  }
  return copies;
}

export async function copyLogos(copies: readonly { from: string; to: string }[], outputDir: string): Promise<void> {
  await Promise.all(
    copies.map(async ({ from, to }) => {
      const target = path.join(outputDir, to);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(from, target);
    }),
  );
}
