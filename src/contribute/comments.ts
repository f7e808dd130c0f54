// YAML comment lines for the drafts `catalogue new` writes.
import { escapeControls } from "../lib/text.ts";

/** Wraps `text` into comment lines of at most `width` characters, each starting with `prefix` (e.g. "  # "). */
export function commentLines(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  // Each source line is a paragraph; the text itself never ends a comment line early.
  for (const paragraph of text.split(/\r\n?|\n/).map(escapeControls)) {
    let line = "";
    for (const word of words(paragraph)) {
      if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
        lines.push(`${prefix}${line}`);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(`${prefix}${line}`.trimEnd());
  }
  return lines;
}

/** The words of a paragraph; « and » stay with the word they quote, so a line never ends on « or starts with ». */
function words(paragraph: string): string[] {
  const out: string[] = [];
  let pending = "";
  for (const token of paragraph.split(/[ \t]+/).filter(Boolean)) {
    if (token === "«") pending += `${token} `;
    else if (/^[»:;!?]/.test(token) && out.length > 0 && pending === "") out[out.length - 1] += ` ${token}`;
    else {
      out.push(`${pending}${token}`);
      pending = "";
    }
  }
  if (pending !== "") out.push(pending.trimEnd());
  return out;
}
