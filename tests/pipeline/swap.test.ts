import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { siblingPath, swapInto } from "../../src/pipeline/swap.ts";

function folder(parent: string, name: string, content: string): string {
  const dir = path.join(parent, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "index.html"), content);
  return dir;
}

test("swapInto moves the new folder in place when there is no output yet", async () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "catalogue-swap-"));
  const fresh = folder(parent, "_site.tmp-1", "nouveau");
  await swapInto(fresh, path.join(parent, "_site"));
  assert.is(readFileSync(path.join(parent, "_site/index.html"), "utf8"), "nouveau");
  assert.equal(readdirSync(parent), ["_site"]);
  rmSync(parent, { recursive: true, force: true });
});

test("swapInto replaces the previous output and removes it", async () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "catalogue-swap-"));
  folder(parent, "_site", "ancien");
  const fresh = folder(parent, "_site.tmp-2", "nouveau");
  await swapInto(fresh, path.join(parent, "_site"));
  assert.is(readFileSync(path.join(parent, "_site/index.html"), "utf8"), "nouveau");
  assert.equal(readdirSync(parent), ["_site"]);
  rmSync(parent, { recursive: true, force: true });
});

test("swapInto keeps the previous output when the new folder is missing", async () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "catalogue-swap-"));
  folder(parent, "_site", "ancien");
  let failed = false;
  try {
    await swapInto(path.join(parent, "_site.tmp-absent"), path.join(parent, "_site"));
  } catch {
    failed = true;
  }
  assert.ok(failed, "the swap reports the failure");
  assert.is(readFileSync(path.join(parent, "_site/index.html"), "utf8"), "ancien");
  assert.equal(readdirSync(parent), ["_site"]);
  rmSync(parent, { recursive: true, force: true });
});

test("temporary folders sit beside the output, under names .gitignore covers", () => {
  const tmp = siblingPath("/projet/_site", "tmp");
  assert.is(path.dirname(tmp), "/projet");
  assert.match(path.basename(tmp), /^_site\.tmp-\d+-[a-z0-9]+$/);
  assert.not.ok(existsSync(tmp));
});

test.run();
