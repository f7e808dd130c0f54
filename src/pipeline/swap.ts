// Replaces the output folder by a freshly built one: the new folder is built
// beside it (same file system, so rename is atomic), then the old one is
// renamed away, the new one renamed in, and the old one removed. A reader
// never sees a half-written site, and a failed build leaves the old one.
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";

/** A unique temporary folder name next to `outputDir`, e.g. `_site.tmp-1234-ab12`. */
export function siblingPath(outputDir: string, kind: "tmp" | "old"): string {
  const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(path.dirname(outputDir), `${path.basename(outputDir)}.${kind}-${suffix}`);
}

export async function swapInto(newDir: string, outputDir: string): Promise<void> {
  if (!existsSync(outputDir)) {
    await rename(newDir, outputDir);
    return;
  }
  const oldDir = siblingPath(outputDir, "old");
  await rename(outputDir, oldDir);
  try {
    await rename(newDir, outputDir);
  } catch (error) {
    await rename(oldDir, outputDir);
    throw error;
  }
  await rm(oldDir, { recursive: true, force: true });
}
