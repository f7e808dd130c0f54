// Small text helpers shared by the loader, the validator and the reports.
import { UNSAFE_FOR_LOGS, unicodeEscape } from "./unicode.ts";

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

/**
 * Escapes every control, direction, invisible or line-breaking character (see
 * unicode.ts) as \\uXXXX, so a message prints on one inert line: nothing can
 * forge a terminal sequence, a CI log command or reorder what a reviewer reads.
 */
export function escapeControls(value: string): string {
  return value.replace(UNSAFE_FOR_LOGS, unicodeEscape);
}

/** Quotes a contributor value inside a French message, shortened and made inert. */
export function quote(value: unknown, max = 60): string {
  let text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return `« ${escapeControls(text)} »`;
}
