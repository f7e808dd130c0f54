// Bundles the `catalogue` command into dist/catalogue.mjs (run by `npm ci`
// through "prepare", and by `npm run bundle`). Running the bundle skips tsx's
// start-up and per-file transpiling: `catalogue validate` on one file then
// starts in about half the time. bin/catalogue.js falls back to the
// TypeScript sources whenever the bundle is missing or older than them.
// An argument names another output file (tests bundle into a temporary folder).
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: process.argv[2] ?? "dist/catalogue.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Dependencies stay in node_modules, resolved from dist/ at run time.
  packages: "external",
  logLevel: "warning",
});
