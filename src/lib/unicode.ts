// Named sets of the characters that contributor text must not carry raw: the
// loader, the validator, the message escaping, the reports and the look-alike
// folding all build their patterns from these sets, so a character added here
// is refused, escaped and folded everywhere at once.

/** Parts of a regular expression character class (for the `u` flag), one per kind of character. */
export const CHARACTER_SETS = {
  /** C0 controls, tab and line feed included: terminal escapes, log forging. */
  c0Controls: "\\u0000-\\u001f",
  /** C0 controls but tab and line feed, which multi-line texts may hold. */
  c0ControlsButTabAndNewline: "\\u0000-\\u0008\\u000b-\\u001f",
  /** DEL and the C1 controls (U+0085 NEL among them). */
  c1Controls: "\\u007f-\\u009f",
  /** Bidirectional marks, embeddings, overrides and isolates: they reorder what a reviewer reads. */
  bidi: "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069",
  /** Soft hyphen, zero-width space and joiners, word joiner, invisible operators, deprecated format controls, BOM. */
  zeroWidth: "\\u00ad\\u200b-\\u200d\\u2060-\\u2065\\u206a-\\u206f\\ufeff",
  /** Characters drawn blank: combining grapheme joiner, Hangul and Khmer fillers, Mongolian vowel separator, Braille blank. */
  blankLetters: "\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u2800\\u3164\\uffa0",
  /** Variation selectors, which change a glyph invisibly. */
  variationSelectors: "\\ufe00-\\ufe0f",
  /** Interlinear annotation controls. */
  annotations: "\\ufff9-\\ufffb",
  /** Tag characters: invisible, they can smuggle a whole hidden text. */
  tags: "\\u{e0000}-\\u{e007f}",
  /** Unicode line and paragraph separators: JavaScript and some viewers break lines there. */
  lineSeparators: "\\u2028\\u2029",
  /** What a single-line field must not contain besides the above. */
  tabAndNewline: "\\t\\n",
} as const;

type SetName = keyof typeof CHARACTER_SETS;
const classOf = (names: readonly SetName[], flags: string) => new RegExp(`[${names.map((n) => CHARACTER_SETS[n]).join("")}]`, flags);

/** Characters invisible on screen: never part of what a name "looks like". */
const INVISIBLE_SETS = ["bidi", "zeroWidth", "blankLetters", "variationSelectors", "annotations", "tags"] as const satisfies readonly SetName[];

/** Refused in every contributor text, multi-line ones included. */
export const FORBIDDEN_IN_TEXT = classOf(["c0ControlsButTabAndNewline", "c1Controls", ...INVISIBLE_SETS], "u");
/** Also refused in a field that holds on one line. */
export const FORBIDDEN_IN_LINE = classOf(["tabAndNewline", "lineSeparators"], "u");
/** Removed before names are compared for look-alikes (global). */
export const INVISIBLE = classOf(INVISIBLE_SETS, "gu");
/** Escaped wherever contributor text is printed: every control, invisible or line-breaking character (global). */
export const UNSAFE_FOR_LOGS = classOf(["c0Controls", "c1Controls", "lineSeparators", ...INVISIBLE_SETS], "gu");
/** The same minus the C0 controls, which JSON.stringify already escapes (global). */
export const RAW_IN_JSON = classOf(["c1Controls", "lineSeparators", ...INVISIBLE_SETS], "gu");

/** The byte order mark, accepted (and dropped) at the start of a file. */
export const BOM = "\ufeff";

/** `\uXXXX` for each UTF-16 unit of `c`, valid in JSON and JavaScript alike (a tag character becomes a surrogate pair). */
export function unicodeEscape(c: string): string {
  let out = "";
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}
