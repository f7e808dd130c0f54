// After a change to one solution file, the dev server writes the files the
// output table says show it, and no other (src/pipeline/incremental.ts); a
// change to what every page shows (the number of demonstration files)
// asks for a full build.
import { readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CatalogueFiles } from "../../src/pipeline/dev-state.ts";
import { SolutionTokens } from "../../src/pipeline/fingerprint.ts";
import { nextContext, refreshSinglePages, type SiteSnapshot, snapshot, writeChanges } from "../../src/pipeline/incremental.ts";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { buildSite } from "../../src/pipeline/site-build.ts";
import { BASE, TODAY } from "../helpers.ts";
import { siteProject } from "./preview-project.ts";

const test = suite("incremental");
test.after(() => closeSearchIndex());

const project = siteProject();
const solutions = path.join(project, "content", "solutions");
const out = path.join(project, "_site");
const files = new CatalogueFiles(project, solutions, TODAY);
const tokens = new SolutionTokens();
let site: SiteSnapshot | undefined;

async function built(): Promise<SiteSnapshot> {
  if (!site) {
    files.loadAll();
    const result = await buildSite({ root: project, outputDir: out, catalogue: files.result().catalogue! });
    if (!result.ok) throw new Error("the fixture should build");
    site = snapshot(result.context, tokens);
  }
  return site;
}

/** Changes a line of a solution file and brings the snapshot of the catalogue up to date. */
function edit(slug: string, from: RegExp, to: string): SiteSnapshot {
  const file = path.join(solutions, `${slug}.yaml`);
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
  files.update([file]);
  const { catalogue, problems } = files.result();
  if (!catalogue) throw new Error(JSON.stringify(problems));
  return snapshot(nextContext(site!.context, catalogue), tokens);
}

test("a name changed: its page, its logo and the lists that show it are written, nothing else", async () => {
  const before = await built();
  const other = path.join(out, "solutions", "signature-piege", "index.html");
  // An old date, so that a rewrite shows whatever the clock's resolution.
  utimesSync(other, new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
  const next = edit("visio-libre", /^name: .*$/m, "name: Visio Libérée");
  const changes = await writeChanges(before, next, out);
  assert.ok(changes !== "full");
  assert.equal([...changes.written].sort(), [
    `${BASE}/catalogue/`,
    `${BASE}/categories/visioconference/`,
    `${BASE}/solutions/visio-libre/`,
    `${BASE}/solutions/visio-libre/logo.svg`,
    `${BASE}/themes/conception-innovation/`,
    `${BASE}/themes/conception-innovation/visioconference/`,
    `${BASE}/themes/conformite/`,
    `${BASE}/themes/conformite/visioconference/`,
    `${BASE}/themes/donnees/`,
    `${BASE}/themes/donnees/visioconference/`,
    `${BASE}/themes/logiciel-libre/`,
    `${BASE}/themes/logiciel-libre/visioconference/`,
    `${BASE}/themes/numerique-responsable/`,
    `${BASE}/themes/numerique-responsable/visioconference/`,
    `${BASE}/themes/securite/`,
    `${BASE}/themes/securite/visioconference/`,
  ]);
  assert.is(changes.removed, 0);
  site = next;
  assert.match(readFileSync(path.join(out, "solutions", "visio-libre", "index.html"), "utf8"), '<h1 class="fr-mb-1w">Visio Libérée</h1>');
  assert.match(readFileSync(path.join(out, "catalogue", "index.html"), "utf8"), "Visio Libérée");
  assert.is(statSync(other).mtime.toISOString(), "2026-01-01T00:00:00.000Z", "another solution's page is not rewritten");
  // The home page lists the latest solutions, this one among them.
  assert.equal(await refreshSinglePages(next.context, out), ["index.html"]);
  assert.match(readFileSync(path.join(out, "index.html"), "utf8"), "Visio Libérée");
  assert.equal(await refreshSinglePages(next.context, out), [], "nothing changed since");
});

test("a file that becomes a demonstration file changes the notice of every page: a full build", async () => {
  await built();
  const next = edit("signature-piege", /^slug: signature-piege$/m, "slug: signature-piege\ndemo: true");
  assert.is(await writeChanges(site!, next, out), "full");
});

test.run();
