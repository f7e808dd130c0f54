#!/usr/bin/env node
// Entry point of the `catalogue` command. Runs the bundle built by
// scripts/bundle-cli.mjs when it is newer than every source it comes from,
// else the TypeScript sources through tsx, so an edited source is never
// shadowed by a stale bundle.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = `${root}dist/catalogue.mjs`;

function newestSource() {
  let newest = 0;
  for (const dir of ["src/lib", "src/cli", "src/contribute"]) {
    for (const name of readdirSync(`${root}${dir}`)) newest = Math.max(newest, statSync(`${root}${dir}/${name}`).mtimeMs);
  }
  return newest;
}

// `preview` renders pages: the pipeline finds the site's templates and the
// project's settings beside its own source files, so it runs from the
// sources (the bundle holds the data core only).
const fromSources = process.argv[2] === "preview";

let fresh = false;
try {
  fresh = !fromSources && statSync(bundle).mtimeMs >= newestSource();
} catch {
  fresh = false;
}
if (fresh) {
  await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
