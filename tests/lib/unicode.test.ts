import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatProblems } from "../../src/lib/report.ts";
import { nameSkeleton } from "../../src/lib/lookalike.ts";
import { escapeControls } from "../../src/lib/text.ts";
import { FORBIDDEN_IN_LINE, FORBIDDEN_IN_TEXT, INVISIBLE } from "../../src/lib/unicode.ts";

// The four hand-kept sets that unicode.ts replaced, as they were: every
// character they refused, escaped or folded must still be.
const BEFORE = {
  forbiddenInText:
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/u,
  forbiddenInLine: /[\n\t\u2028\u2029]/,
  unsafeForLogs: /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/,
  rawInJson: /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/,
  invisible: /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/,
};

function* everyCharacter(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

test("every character refused in a text before is still refused, on one line or several", () => {
  for (const c of everyCharacter()) {
    if (BEFORE.forbiddenInText.test(c)) assert.ok(FORBIDDEN_IN_TEXT.test(c), `U+${c.codePointAt(0)!.toString(16)}`);
    if (BEFORE.forbiddenInLine.test(c)) assert.ok(FORBIDDEN_IN_TEXT.test(c) || FORBIDDEN_IN_LINE.test(c), `U+${c.codePointAt(0)!.toString(16)}`);
  }
});

test("every character escaped in messages and JSON before is still escaped", () => {
  for (const c of everyCharacter()) {
    if (BEFORE.unsafeForLogs.test(c)) assert.is.not(escapeControls(`a${c}b`), `a${c}b`, `U+${c.codePointAt(0)!.toString(16)}`);
    if (BEFORE.rawInJson.test(c)) {
      const json = formatProblems([{ file: "f", line: 1, column: 1, pointer: "", field: "-", message: c }], "json");
      assert.not.ok(json.includes(c), `U+${c.codePointAt(0)!.toString(16)}`);
    }
  }
});

test("every character folded out of names before is still folded out", () => {
  for (const c of everyCharacter()) {
    if (BEFORE.invisible.test(c)) {
      INVISIBLE.lastIndex = 0;
      assert.ok(INVISIBLE.test(c), `U+${c.codePointAt(0)!.toString(16)}`);
    }
  }
});

test("tag characters and the Braille blank are escaped in messages and leave a name's skeleton unchanged", () => {
  assert.is(escapeControls("a\u{e0041}\u2800b"), "a\\udb40\\udc41\\u2800b");
  assert.is(nameSkeleton("Next\u{e0041}cloud\u2800"), nameSkeleton("Nextcloud"));
});

test("an escaped tag character stays valid JSON", () => {
  const json = formatProblems([{ file: "f", line: 1, column: 1, pointer: "", field: "-", message: "x\u{e0041}" }], "json");
  assert.is(JSON.parse(json)[0].message, "x\u{e0041}");
  assert.ok(json.includes("x\\udb40\\udc41"));
});

test.run();
