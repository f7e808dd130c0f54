// The error of a broken grid (criteria/): a maintainer error, reported with
// file, line and field, never a stack trace.
import path from "node:path";
import { locateField } from "./locate.ts";

export class GridError extends Error {}

/** A path as the maintainer typed it: relative to the working directory. */
export function shownPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** « criteria/grid.yaml:12:5  previous.renamed.NR-02  message », located in the file's YAML text. */
export function gridErrorAt(file: string, yamlText: string, pointer: string, message: string, atKey = false): GridError {
  const at = locateField(yamlText, pointer, atKey);
  const field = pointer.slice(1).replaceAll("/", ".") || "-";
  return new GridError(`${shownPath(file)}:${at.line}:${at.column}  ${field}  ${message}`);
}
