// The bundled command (dist/catalogue.mjs, built by `npm ci`), which is what
// CI runs: it must find the project's files from dist/ as the sources do from src/.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { copyFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { FIXTURE_ROOT, PROJECT_ROOT, tempDir } from "../helpers.ts";

test("the bundle runs from a dist/ folder beside package.json and validates", () => {
  const project = tempDir("bundle");
  copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(project, "package.json"));
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(project, "node_modules"));
  const bundle = path.join(project, "dist", "catalogue.mjs");
  const built = spawnSync(process.execPath, ["scripts/bundle-cli.mjs", bundle], { cwd: PROJECT_ROOT, encoding: "utf8" });
  assert.is(built.status, 0, built.stderr);
  const env = { ...process.env };
  delete env.GITHUB_STEP_SUMMARY;
  const r = spawnSync(process.execPath, [bundle, "validate"], { cwd: FIXTURE_ROOT, encoding: "utf8", env });
  assert.is(r.stderr, "1 fiche valide.\n");
  assert.is(r.status, 0);
});

test.run();
