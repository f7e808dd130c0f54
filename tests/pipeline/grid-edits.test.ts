// The grid states its own facts: one edit in criteria/ changes every page
// that shows the fact. A copy of the site fixture gets a renamed short title
// and a new hosting mode that a criterion applies to; the built pages show
// both, with no other edit. (tests/lib/grid-edit.test.ts checks the schema
// and the validator's messages for the same kind of edits.)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";

const FIXTURE = path.resolve("tests/fixtures/site");

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, "utf8");
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${file}: nothing to replace for ${String(from)}`);
  writeFileSync(file, edited);
}

test("a renamed short title and a new hosting mode reach the pages from one edit in criteria/", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "catalogue-grid-edit-"));
  try {
    const root = path.join(dir, "root");
    cpSync(FIXTURE, root, { recursive: true });
    const grid = path.join(root, "criteria", "grid.yaml");
    const vocabularies = path.join(root, "criteria", "vocabularies.yaml");
    edit(grid, "    short_title: Logiciel libre\n", "    short_title: Libre\n");
    edit(vocabularies, "hosting_modes:\n", "hosting_modes:\n  - {id: cloud-souverain, label: Cloud souverain, applicability_label: Solutions en cloud souverain}\n");
    edit(grid, /(- id: SEC-01\n(?: {8}.*\n)*? {8}applicability: )all/, "$1cloud-souverain");
    const out = path.join(dir, "_site");
    const result = await buildSite({ root, outputDir: out });
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    const page = (url: string) => readFileSync(path.join(out, url, "index.html"), "utf8");
    // Cards and search configuration use the short title.
    assert.ok(page("catalogue").includes('<span class="fr-sr-only">Thème </span>Libre&nbsp;: '), "card badge");
    assert.not.ok(page("catalogue").includes("</span>Logiciel libre&nbsp;: "), "old short title gone");
    assert.ok(page("recherche").includes('{"id":"OSS","shortTitle":"Libre"}'), "search configuration");
    // The criterion applies to the new mode, labelled from the vocabulary.
    const criteria = page("criteres");
    const row = criteria.slice(criteria.indexOf('<tr id="SEC-01">'), criteria.indexOf("</tr>", criteria.indexOf('<tr id="SEC-01">')));
    assert.ok(row.includes("<td>Solutions en cloud souverain</td>"), row);
    // The contributor guide lists the new value; no solution uses it, so SEC-01 no longer applies to them.
    assert.ok(page("referencer").includes("<code>cloud-souverain</code>&nbsp;: Cloud souverain"));
    assert.ok(page("solutions/visio-libre").includes("Concerne uniquement les solutions en cloud souverain"));
  } finally {
    await closeSearchIndex();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
