// The output table (src/pipeline/outputs.ts) and its writer: every file lands
// inside the output folder at the URL the URL module gives, no two entries
// write one file, a failed render stops the writing cleanly, and the preview
// renders a solution page exactly as the build writes it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import type { BuildContext } from "../../src/pipeline/build-context.ts";
import type { AnyOutput } from "../../src/pipeline/outputs.ts";
import { createPagePreview } from "../../src/pipeline/preview.ts";
import { closeSearchIndex } from "../../src/pipeline/search-index.ts";
import { outputFiles, writeOutputs } from "../../src/pipeline/write-outputs.ts";
import { outputFile, PAGE_URLS } from "../../src/view/urls.ts";
import { fixtureSite, SITE_FIXTURE as FIXTURE } from "./fixture-site.ts";
import { BASE } from "../helpers.ts";

const test = suite("output table");


test.after(() => closeSearchIndex());

test("a link is written to its file inside the output folder, without the base path", () => {
  assert.is(outputFile("/catalogue-solutions-numeriques/"), "index.html");
  assert.is(outputFile("/catalogue-solutions-numeriques/solutions/visio-libre/"), path.join("solutions", "visio-libre", "index.html"));
  assert.is(outputFile("/catalogue-solutions-numeriques/assets/dsfr/fonts/Marianne-Regular.woff2"), path.join("assets", "dsfr", "fonts", "Marianne-Regular.woff2"));
});

test("a link outside the base path, that could leave the output folder or is not a plain path is refused", () => {
  const unsafe = ["../etc/passwd", "/../etc/", "/a/../../b/", "/a/./b/", "//evil.example/", "/a b/", "/a\\b/", "/%2e%2e/", "/solutions/x?y=1", "", "solutions/x/", "/a//b/"];
  for (const url of [...unsafe, ...unsafe.map((u) => `${BASE}${u}`), "/solutions/visio-libre/", "/", BASE, `${BASE}-autre/`]) {
    assert.throws(() => outputFile(url), /adresse de sortie inattendue/, url);
  }
});

function fakeOutput(name: string, items: string[], render: (item: string) => string = (item) => item): AnyOutput {
  return { name, kind: "file", items: () => items, url: (item: string) => `${BASE}/${item}.txt`, render };
}

test("two entries writing the same URL are refused, naming both", () => {
  const context = {} as BuildContext;
  assert.throws(() => outputFiles([fakeOutput("a", ["x"]), fakeOutput("b", ["y", "x"])], context), /deux sorties écrivent \/catalogue-solutions-numeriques\/x\.txt : « a » et « b »/);
  assert.throws(() => outputFiles([fakeOutput("a", ["index"])], context, ["index.txt"]), /« Eleventy » et « a »/);
});

test("a failed render stops the writing, and every write in flight is settled first", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "catalogue-writer-"));
  try {
    let rendered = 0;
    const items = Array.from({ length: 40 }, (_, i) => String(i));
    const output = fakeOutput("pages", items, (item) => {
      if (item === "20") throw new Error("page cassée");
      rendered++;
      return item;
    });
    const context = {} as BuildContext;
    const files = outputFiles([output], context);
    let failure = "";
    await writeOutputs([output], context, files, out).catch((error: Error) => (failure = error.message));
    assert.is(failure, "page cassée");
    assert.is(rendered, 20, "no item after the failed one is rendered");
    const written = readdirSync(out).sort((a, b) => parseInt(a) - parseInt(b));
    assert.is(written.length, 20, "every file rendered before the failure is fully written");
    for (const file of written) assert.is(readFileSync(path.join(out, file), "utf8"), path.basename(file, ".txt"));
    assert.not.ok(existsSync(path.join(out, "20.txt")));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the build writes every page of the URL module where it says", async () => {
  const { out } = await fixtureSite();
  for (const [name, url] of Object.entries(PAGE_URLS)) assert.ok(existsSync(path.join(out, outputFile(url))), `${name} ${url}`);
  for (const url of ["solutions/visio-libre/index.html", "solutions/ancien-partage/index.html", "solutions/visio-libre/logo.svg", "catalogue/index.html", "themes/logiciel-libre/index.html", "categories/visioconference/index.html", "assets/dsfr/dsfr.min.css", "assets/dsfr/dsfr.module.min.js", "assets/css/site.css", "assets/js/recherche.js", "favicon.ico", "pagefind/pagefind.js", "schemas/solution.schema.json", "404.html"]) {
    assert.ok(existsSync(path.join(out, url)), url);
  }
});

test("pages carry no search-index markup: the index is built from records", async () => {
  const { out } = await fixtureSite();
  const html = readFileSync(path.join(out, "solutions", "visio-libre", "index.html"), "utf8");
  assert.not.match(html, /data-pagefind-/);
});

test("the preview renders one solution page exactly as the build writes it, hostile text escaped", async () => {
  const { out } = await fixtureSite();
  const { catalogue } = await loadCatalogue({ root: FIXTURE });
  const preview = createPagePreview(catalogue!, { root: FIXTURE });
  for (const slug of ["visio-libre", "signature-piege", "ancien-partage"]) {
    const page = preview.solutionPage(slug);
    assert.ok(page, slug);
    assert.is(page.url, `/catalogue-solutions-numeriques/solutions/${slug}/`);
    assert.is(page.html, readFileSync(path.join(out, "solutions", slug, "index.html"), "utf8"), slug);
  }
  const hostile = preview.solutionPage("signature-piege")!.html;
  assert.ok(hostile.includes("Signature &lt;script&gt;alert(1)&lt;/script&gt; Piège"));
  assert.not.match(hostile, /<script>alert/);
  assert.is(preview.solutionPage("inconnue"), undefined);
});

test("the output folder gets nothing but the build's files when a render fails", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "catalogue-empty-"));
  try {
    mkdirSync(path.join(out, "x"));
    const context = {} as BuildContext;
    const output = fakeOutput("pages", ["x/a"], () => {
      throw new Error("cassé");
    });
    await writeOutputs([output], context, outputFiles([output], context), out).catch(() => {});
    assert.equal(readdirSync(path.join(out, "x")), []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test.run();
