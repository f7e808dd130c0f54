// Small text helpers shared by the loader, the validator and the reports.

/** 1-based line and column of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

// C0 and C1 controls, DEL, zero-width and soft-hyphen characters, bidirectional
// overrides and isolates, line/paragraph separators: anything that could forge a terminal sequence, a CI log command
// or reorder what a reviewer reads.
const UNSAFE_FOR_LOGS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Escapes every control or direction character as \\uXXXX so a message prints on one inert line. */
export function escapeControls(value: string): string {
  return value.replace(UNSAFE_FOR_LOGS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Quotes a contributor value inside a French message, shortened and made inert. */
export function quote(value: unknown, max = 60): string {
  let text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return `« ${escapeControls(text)} »`;
}
