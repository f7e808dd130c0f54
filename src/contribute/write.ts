// Writes a new file in one step: the text goes to a temporary file beside the
// target, then takes its name. A reader never sees half a file, an error
// leaves nothing behind, and without `overwrite` an existing file is never
// replaced, even one created in the meantime (a hard link fails if the name
// exists, where a rename would replace it).
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class FileExistsError extends Error {}

/** `mode`: the new file's permissions (a rewritten file keeps its own). */
export function writeFileAtomic(target: string, text: string | Uint8Array, overwrite: boolean, mode = 0o644): void {
  // Hidden and distinctive, so a leftover (after a crash) is recognised and the validator refuses it as a solution.
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(temporary, "wx", mode);
  try {
    try {
      writeSync(fd, typeof text === "string" ? Buffer.from(text) : text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) renameSync(temporary, target);
    else linkTo(temporary, target);
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed: nothing to remove.
    }
  }
}

function linkTo(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new FileExistsError(target);
    // Some file systems have no hard links: check, then rename (a narrow window, reported if lost).
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") {
      if (existsSync(target)) throw new FileExistsError(target);
      renameSync(temporary, target);
      return;
    }
    throw error;
  }
}
