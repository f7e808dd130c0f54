// The layout the README describes, checked: URLs come from one module, the
// data core and the view model never reach into Eleventy or the build, no
// benchmark-only switch or imitation of Eleventy's internals is left in the
// sources, and source files stay small.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PROJECT_ROOT } from "./helpers.ts";

const SRC = path.join(PROJECT_ROOT, "src");

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|njk)$/.test(entry.name))
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { file: path.relative(PROJECT_ROOT, full).split(path.sep).join("/"), text: readFileSync(full, "utf8") };
    });
}

test("only the URL module writes a solution's URL", () => {
  // `content/solutions/` is the folder of the solution files in the repository, not a URL.
  const offenders = sources(SRC).filter(({ file, text }) => file !== "src/view/urls.ts" && /(?<!content)\/solutions\//.test(text));
  assert.equal(offenders.map((s) => s.file), []);
});

test("outside the URL module, no source writes a site path or adds to a URL", () => {
  // Comments may name a path; code and templates may not. site-url.ts (the
  // data core, which cannot import the view) names where the schema is published.
  const code = (text: string) => text.replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, "").replace(/\{#[\s\S]*?#\}/g, "");
  const sitePath = /["'`]\/(?:assets|pagefind|schemas|solutions|themes|categories|catalogue|recherche|criteres|methodologie|referencer|a-propos|faq|mentions-legales|accessibilite|donnees-personnelles|plan-du-site)\//;
  const offenders = sources(SRC).filter(({ file, text }) => file !== "src/view/urls.ts" && file !== "src/lib/site-url.ts" && sitePath.test(code(text)));
  assert.equal(offenders.map((s) => s.file), [], "site paths");
  // In templates, a URL expression is a whole attribute value: nothing glued after it, no `~`.
  const glued = /\{\{[^}]*\burls\.[^}]*\}\}[^"'\s<]|\burls\.[^}%]*~|~[^}%]*\burls\./;
  const templates = sources(SRC).filter(({ file, text }) => file.endsWith(".njk") && glued.test(text));
  assert.equal(templates.map((s) => s.file), [], "URLs built in templates");
});

test("no source keeps a second renderer, Eleventy's internals or a benchmark switch", () => {
  for (const word of ["STREAMED_TEMPLATES", "renderedByBuild", "eleventy.engine.njk", "--search-index", "--pages", "data-pagefind-", "pagination:"]) {
    const offenders = sources(SRC).filter(({ text }) => text.includes(word));
    assert.equal(offenders.map((s) => s.file), [], word);
  }
});

test("the data core and the view model never import Eleventy or the build", () => {
  for (const layer of ["lib", "view"]) {
    for (const { file, text } of sources(path.join(SRC, layer))) {
      assert.not.match(text, /from "@11ty\/eleventy"|from "\.\.\/(?:eleventy|pipeline)\//, file);
    }
  }
});

test("no source file is longer than 300 lines", () => {
  const long = sources(SRC)
    .filter(({ file }) => !file.startsWith("src/site/"))
    .map(({ file, text }) => ({ file, lines: text.split("\n").length }))
    .filter(({ lines }) => lines > 300);
  assert.equal(long, []);
});

test.run();
