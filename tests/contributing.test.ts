// CONTRIBUTING.md describes the commands a provider runs: each one it names
// must exist, with each option it names, in the help of the `catalogue` command.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { PROJECT_ROOT } from "./helpers.ts";

const BIN = path.join(PROJECT_ROOT, "bin", "catalogue.js");
const guide = readFileSync(path.join(PROJECT_ROOT, "CONTRIBUTING.md"), "utf8");

function help(args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });
  assert.is(result.status, 0, `catalogue ${args.join(" ")}`);
  return result.stdout;
}

test("the guide walks through new, validate, preview and migrate, in that order", () => {
  const commands = [...guide.matchAll(/npx catalogue ([a-z]+)/g)].map((m) => m[1]);
  assert.equal([...new Set(commands)], ["new", "validate", "preview", "migrate"]);
});

test("every command and option the guide names is in the command's help", () => {
  const main = help(["--help"]);
  for (const command of ["new", "validate", "preview", "migrate"]) assert.match(main, new RegExp(`^ {2}${command} `, "m"), command);
  const options = [...guide.matchAll(/npx catalogue new (--[a-z-]+)/g)].map((m) => m[1]);
  assert.equal(options, ["--help", "--from-publiccode"]);
  assert.match(help(["new", "--help"]), "--from-publiccode");
});

test("the guide names the eligibility rules the command asks about", () => {
  for (const words of ["matériel", "télécommunications", "conseil"]) assert.ok(guide.includes(words), words);
});

test.run();
