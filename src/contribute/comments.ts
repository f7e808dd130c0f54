// YAML comment lines for the drafts `catalogue new` writes.
import { escapeControls } from "../lib/text.ts";

/** Wraps `text` into comment lines of at most `width` characters, each starting with `prefix` (e.g. "  # "). */
export function commentLines(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  // Each source line is a paragraph; the text itself never ends a comment line early.
  for (const paragraph of text.split(/\r\n?|\n/).map(escapeControls)) {
    let line = "";
    // French quotes keep their spaces (no-break) so a line never ends on « or starts with ».
    const glued = paragraph.replace(/« /g, "«\u00a0").replace(/ »/g, "\u00a0»");
    for (const word of glued.split(/[ \t]+/).filter(Boolean)) {
      if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
        lines.push(`${prefix}${line}`);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(`${prefix}${line}`.trimEnd());
  }
  return lines;
}
