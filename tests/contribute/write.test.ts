import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FileExistsError, writeFileAtomic } from "../../src/contribute/write.ts";
import { tempDir } from "../helpers.ts";

test("the file is written whole, and no temporary file is left beside it", () => {
  const dir = tempDir("write");
  writeFileAtomic(path.join(dir, "a.yaml"), "name: A\n", false);
  assert.equal(readdirSync(dir), ["a.yaml"]);
  assert.is(readFileSync(path.join(dir, "a.yaml"), "utf8"), "name: A\n");
});

test("an existing file is never replaced without overwrite, and nothing is left behind", () => {
  const dir = tempDir("write");
  const file = path.join(dir, "a.yaml");
  writeFileSync(file, "avant\n");
  assert.throws(() => writeFileAtomic(file, "après\n", false), (error: unknown) => error instanceof FileExistsError);
  assert.is(readFileSync(file, "utf8"), "avant\n");
  assert.equal(readdirSync(dir), ["a.yaml"]);
});

test("with overwrite, the existing file is replaced in one step", () => {
  const dir = tempDir("write");
  const file = path.join(dir, "a.yaml");
  writeFileSync(file, "avant\n");
  writeFileAtomic(file, "après\n", true);
  assert.is(readFileSync(file, "utf8"), "après\n");
  assert.equal(readdirSync(dir), ["a.yaml"]);
});

test("a missing folder is an error, and creates nothing", () => {
  const dir = tempDir("write");
  assert.throws(() => writeFileAtomic(path.join(dir, "absent", "a.yaml"), "x\n", false), (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT");
  assert.equal(readdirSync(dir), []);
});

test.run();
