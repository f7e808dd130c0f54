// The site fixture (tests/fixtures/site) built once per test file, on first
// use. Not in a `before` hook: uvu 0.5.6 swallows an error thrown there and
// the suite's tests vanish; here every test awaits the build and fails with
// its error. The folder goes with the test process (helpers.ts, tempDir).
import path from "node:path";
import { buildSite } from "../../src/pipeline/site-build.ts";
import type { Catalogue } from "../../src/lib/types.ts";
import { PROJECT_ROOT, tempDir } from "../helpers.ts";

export const SITE_FIXTURE = path.join(PROJECT_ROOT, "tests", "fixtures", "site");

export interface BuiltSite {
  /** The temporary folder that holds the output. */
  dir: string;
  /** The built site. */
  out: string;
  catalogue: Catalogue;
}

let built: Promise<BuiltSite> | undefined;

export function fixtureSite(): Promise<BuiltSite> {
  built ??= (async () => {
    const dir = tempDir("site");
    const out = path.join(dir, "_site");
    const result = await buildSite({ root: SITE_FIXTURE, outputDir: out });
    if (!result.ok) throw new Error(`the fixture should build: ${JSON.stringify(result.problems)}`);
    return { dir, out, catalogue: result.catalogue };
  })();
  return built;
}
