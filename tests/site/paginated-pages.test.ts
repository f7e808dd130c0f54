// The paginated pages (solutions, catalogue, themes, categories) are rendered
// by the build outside Eleventy (src/build/paginated-pages.ts): they must be
// byte for byte what Eleventy writes, contributor values escaped, and a
// failure must leave nothing half-written behind.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createPaginatedRenderer, type PaginatedRenderer, writePaginatedPages } from "../../src/build/paginated-pages.ts";
import { createPagePreview } from "../../src/build/preview.ts";
import { closeSearchIndex } from "../../src/build/search-index.ts";
import { buildSite } from "../../src/build/site-build.ts";
import type { NunjucksEngine } from "../../src/eleventy/eleventy-config.ts";
import { loadCatalogue } from "../../src/lib/catalogue.ts";

const FIXTURE = path.resolve("tests/fixtures/site");

/** Every file of an output folder but the search index (Pagefind's output varies from run to run), by relative path. */
function outputFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!relative.startsWith(`pagefind${path.sep}`)) found.push(relative);
  }
  return found.sort();
}

const identity = suite<{ dir: string; streamed: string; eleventy: string }>("streamed pages", { dir: "", streamed: "", eleventy: "" });

identity.before(async (context) => {
  context.dir = mkdtempSync(path.join(os.tmpdir(), "catalogue-pages-"));
  context.streamed = path.join(context.dir, "streamed");
  context.eleventy = path.join(context.dir, "eleventy");
  for (const [outputDir, pages] of [
    [context.streamed, "stream"],
    [context.eleventy, "eleventy"],
  ] as const) {
    const result = await buildSite({ root: FIXTURE, outputDir, pages });
    if (!result.ok) throw new Error(`the fixture should build: ${JSON.stringify(result.problems)}`);
  }
});

identity.after(async (context) => {
  await closeSearchIndex();
  rmSync(context.dir, { recursive: true, force: true });
});

identity("the build writes the same files, byte for byte, as Eleventy rendering every page", ({ streamed, eleventy }) => {
  const files = outputFiles(streamed);
  assert.equal(files, outputFiles(eleventy));
  for (const url of ["solutions/visio-libre", "solutions/signature-piege", "solutions/ancien-partage", "catalogue", "themes/logiciel-libre", "categories/visioconference"]) {
    assert.ok(files.includes(path.join(url, "index.html")), url);
  }
  for (const file of files) assert.ok(readFileSync(path.join(streamed, file)).equals(readFileSync(path.join(eleventy, file))), file);
});

identity("a streamed solution page keeps hostile contributor text escaped", ({ streamed }) => {
  const html = readFileSync(path.join(streamed, "solutions/signature-piege/index.html"), "utf8");
  assert.ok(html.includes("Signature &lt;script&gt;alert(1)&lt;/script&gt; Piège"));
  assert.not.match(html, /<script>alert/);
});

identity("the preview renders one solution page exactly as the build writes it", async ({ streamed }) => {
  const { catalogue } = await loadCatalogue({ root: FIXTURE });
  const preview = await createPagePreview(catalogue!, { root: FIXTURE });
  for (const slug of ["visio-libre", "signature-piege"]) {
    const page = preview.solutionPage(slug);
    assert.ok(page, slug);
    assert.is(page.url, `/solutions/${slug}/`);
    assert.is(page.html, readFileSync(path.join(streamed, "solutions", slug, "index.html"), "utf8"), slug);
  }
  assert.is(preview.solutionPage("inconnue"), undefined);
});

identity.run();

// --- The renderer's guards, with a stand-in for Nunjucks -------------------

/** A Nunjucks stand-in whose templates render to their own source with `{{ x }}` replaced by the context's `x`. */
function fakeEngine(autoescape = true): NunjucksEngine {
  class Template {
    constructor(private readonly source: string) {}
    render(context: Record<string, unknown>): string {
      return this.source.replace(/\{\{ (\w+) \}\}/g, (_m, name: string) => String(context[name]));
    }
  }
  return { nunjucks: { Template } as unknown as NunjucksEngine["nunjucks"], environment: { opts: { autoescape }, getFilter: () => undefined } };
}

function template(dir: string, front: string, body = "<p>{{ item }}</p>\n"): string {
  const file = path.join(dir, `t-${Math.random().toString(36).slice(2)}.njk`);
  writeFileSync(file, `---\n${front}\n---\n${body}`);
  return file;
}

const guards = suite<{ dir: string }>("paginated renderer", { dir: "" });
guards.before((context) => {
  context.dir = mkdtempSync(path.join(os.tmpdir(), "catalogue-renderer-"));
});
guards.after(({ dir }) => rmSync(dir, { recursive: true, force: true }));

const PAGINATED = "pagination:\n  data: list.items\n  size: 1\n  alias: item\npermalink: \"/p/{{ item }}/\"";

guards("a template paginated one item per page renders each item to its permalink", ({ dir }) => {
  const renderer = createPaginatedRenderer(fakeEngine(), template(dir, PAGINATED), { list: { items: ["a", "b"] } });
  assert.equal(renderer.items, ["a", "b"]);
  assert.equal(renderer.render("b"), { url: "/p/b/", file: path.join("p", "b", "index.html"), html: "<p>b</p>\n" });
});

guards("an environment without autoescaping is refused", ({ dir }) => {
  assert.throws(() => createPaginatedRenderer(fakeEngine(false), template(dir, PAGINATED), { list: { items: [] } }), /échappement/);
});

guards("a front matter of another shape is refused rather than half-followed", ({ dir }) => {
  const data = { list: { items: ["a"] } };
  assert.throws(() => createPaginatedRenderer(fakeEngine(), template(dir, PAGINATED.replace("size: 1", "size: 2")), data), /size: 1/);
  assert.throws(() => createPaginatedRenderer(fakeEngine(), template(dir, `${PAGINATED}\nlayout: autre.njk`), data), /permalink/);
  assert.throws(() => createPaginatedRenderer(fakeEngine(), template(dir, PAGINATED.replace("list.items", "list.absent")), data), /liste/);
});

guards("a permalink leading out of the output folder is refused", ({ dir }) => {
  const renderer = createPaginatedRenderer(fakeEngine(), template(dir, PAGINATED), { list: { items: ["../../etc", "a b", "A"] } });
  for (const item of renderer.items) assert.throws(() => renderer.render(item), /adresse de page inattendue/, String(item));
});

guards("a failed page stops the writing, and every write in flight is settled first", async ({ dir }) => {
  const out = path.join(dir, "out");
  mkdirSync(out);
  let written = 0;
  const renderer: PaginatedRenderer = {
    template: "test",
    items: Array.from({ length: 40 }, (_, i) => i),
    locate: (item) => ({ url: `/${item}/`, file: `${item}.html` }),
    render(item) {
      if (item === 20) throw new Error("page cassée");
      written++;
      return { url: `/${item}/`, file: `${item}.html`, html: String(item) };
    },
  };
  let failed = false;
  try {
    await writePaginatedPages(renderer, out);
  } catch (error) {
    failed = (error as Error).message === "page cassée";
  }
  assert.ok(failed, "the failure is reported");
  assert.ok(written < 40, "no page after the failed one is rendered");
  const files = readdirSync(out);
  assert.is(files.length, 20, "every page rendered before the failure is fully written");
  for (const file of files) assert.is(readFileSync(path.join(out, file), "utf8"), path.basename(file, ".html"));
  assert.not.ok(existsSync(path.join(out, "20.html")));
});

guards.run();
