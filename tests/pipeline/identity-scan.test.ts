// The preview's line scan of the other solution files (identity-scan.ts)
// reads what the loader reads, or leaves the file to the loader: a field
// read differently would let a duplicate or a look-alike name through.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadDocument } from "../../src/lib/load.ts";
import { scanFile } from "../../src/pipeline/identity-scan.ts";
import { tempDir } from "../helpers.ts";

const dir = tempDir("scan");
let count = 0;
function file(text: string | Buffer, extension = ".yaml"): string {
  const target = path.join(dir, `f${count++}${extension}`);
  writeFileSync(target, text);
  return target;
}

const TAIL = "evaluation:\n  grid_version: \"1.0\"\n  NR-01:\n    answer: oui\n    justification: |\n      name: pas un champ\n";

/** What the scan must give for `text`, written literally. */
const CASES: [string, string | Buffer, { slug?: unknown; name?: unknown; website?: unknown } | null, boolean?][] = [
  ["plain values", `name: Visio Libre\nslug: visio\nwebsite: https://visio.example.org/\n${TAIL}`, { name: "Visio Libre", slug: "visio", website: "https://visio.example.org/" }],
  ["accents", "name: Équipe Écrite — été\nslug: equipe\n", { name: "Équipe Écrite — été", slug: "equipe" }],
  ["single quotes", "name: 'L''Atelier'\n", { name: "L'Atelier" }],
  ["double quotes with an escape", 'name: "A\\u00e9"\n', { name: "Aé" }],
  ["a comment after the value", "name: Visio # ancien nom\n", { name: "Visio" }],
  ["a value on several lines", "name: Visio\n  Libre\nslug: v\n", { name: "Visio Libre", slug: "v" }],
  ["after a blank line", "name: Visio\n\n  Libre\n", { name: "Visio\nLibre" }],
  ["a folded block", "name: >-\n  Visio\n  Libre\n", { name: "Visio Libre" }],
  ["a number", "name: 360\n", { name: 360 }],
  ["a boolean", "name: true\n", { name: true }],
  ["a quoted key", '"name": Visio\n', { name: "Visio" }],
  ["a flow mapping", "{name: Visio, slug: v}\n", { name: "Visio", slug: "v" }],
  ["Windows line ends", "name: Visio\r\nslug: v\r\n", { name: "Visio", slug: "v" }],
  ["a byte order mark", "\uFEFFname: Visio\n", { name: "Visio" }],
  ["a key written twice (refused by the loader)", "name: A\nname: B\n", null],
  ["bytes that are not UTF-8 (refused by the loader)", Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0x0a]), null],
  ["a demonstration file", "name: Démo\ndemo: true\n", { name: "Démo" }, true],
];

/** The three fields, absent ones as undefined. */
const fields = (o: { slug?: unknown; name?: unknown; website?: unknown } | null) => o && { slug: o.slug, name: o.name, website: o.website };

for (const [label, text, expected, demo] of CASES) {
  test(`scan: ${label}`, () => {
    const target = file(text);
    const scanned = scanFile(target);
    assert.equal(fields(scanned.identity), fields(expected), label);
    assert.is(scanned.demo, demo === true, label);
    // The loader's reading, for the same file.
    const loaded = loadDocument(Buffer.from(text), "yaml");
    if (expected === null) assert.not.ok(loaded.ok, label);
    else assert.equal(loaded.ok && fields(loaded.doc.data), fields(expected), label);
  });
}

test("scan: a short file after a long one is read alone (the scan reuses one buffer)", () => {
  scanFile(file(`website: https://long.example.org/\nname: Long\n${"# commentaire\n".repeat(50)}`));
  // 7 bytes: where the long file had its first colon.
  assert.equal(scanFile(file("s: x\nna")).identity, null);
  assert.equal(fields(scanFile(file("name: Court")).identity), { slug: undefined, name: "Court", website: undefined });
});

test("scan: a Markdown file is read in its front matter only", () => {
  const scanned = scanFile(file("---\nname: Visio\nslug: visio\n---\nname: Autre\n\nTexte.\n", ".md"));
  assert.equal(fields(scanned.identity), { name: "Visio", slug: "visio", website: undefined });
});

test("scan: a withdrawn file is counted as such", () => {
  const scanned = scanFile(file('name: Ancien\nwithdrawn:\n  reason: Fin.\n  date: "2026-01-01"\n'));
  assert.equal(fields(scanned.identity), { name: "Ancien", slug: undefined, website: undefined });
  assert.equal([scanned.demo, scanned.withdrawn], [false, true]);
});

test.run();
