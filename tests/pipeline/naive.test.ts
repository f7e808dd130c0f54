// The naive pipeline the benchmark compares with (scripts/naive) must render
// the same pages as the build: one wrapper per page entry of the output table.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type AnyOutput, OUTPUTS } from "../../src/pipeline/outputs.ts";
import { PROJECT_ROOT } from "../helpers.ts";

test("every page entry of the output table has a paginated wrapper in the naive pipeline, on the same template", () => {
  const dir = path.join(PROJECT_ROOT, "scripts", "naive", "pages");
  const pageEntries: AnyOutput[] = OUTPUTS.filter((output) => output.kind === "page");
  assert.equal(pageEntries.map((output) => output.name), ["solution", "catalogue", "theme", "theme-category", "category"]);
  assert.is(readdirSync(dir).length, pageEntries.length);
  for (const { name, template } of pageEntries) {
    const wrapper = readFileSync(path.join(dir, `${name}.njk`), "utf8");
    assert.ok(wrapper.includes(`{% include "${template}" %}`), `${name} includes ${template}`);
  }
});

test.run();
