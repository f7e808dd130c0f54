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
