// Contributor text inside Markdown written by the project (the GitHub job
// summary). Every ASCII punctuation character is backslash-escaped, which
// CommonMark and GFM read as the literal character: no emphasis, link,
// image, autolink (their ":", "." and "@" are escaped too), HTML tag or
// comment, entity or table cell separator can come out of the text.
import { escapeControls } from "./text.ts";

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `value` as inert Markdown inline text, on one line (controls and line breaks shown as \uXXXX). */
export function markdownText(value: string): string {
  return escapeControls(value).replace(ASCII_PUNCTUATION, "\\$&");
}
