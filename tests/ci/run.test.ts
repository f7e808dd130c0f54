// .ci/run's choice of browser, with stand-ins for apt-get and npm on PATH:
// Debian's Chromium installed when missing, unless CATALOGUE_CHROMIUM names
// the browser (GitHub's runners, where apt-get is not run as root).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, tempDir } from "../helpers.ts";

/** A copy of .ci/run in a bare folder, and a PATH of stand-ins that log their calls; npm stops the script after its first call. */
function setup(withChromium: boolean) {
  const dir = tempDir("ci-run");
  mkdirSync(path.join(dir, ".ci"));
  copyFileSync(path.join(PROJECT_ROOT, ".ci/run"), path.join(dir, ".ci/run"));
  const bin = path.join(dir, "bin");
  mkdirSync(bin);
  const log = path.join(dir, "calls.log");
  const stub = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  stub("apt-get", `echo "apt-get $*" >> "${log}"`);
  stub("npm", `echo "npm $* summary=\${GITHUB_STEP_SUMMARY-unset}" >> "${log}"; exit 3`);
  stub("browser", "exit 0");
  if (withChromium) stub("chromium", "exit 0");
  symlinkSync(["/usr/bin/dirname", "/bin/dirname"].find(existsSync)!, path.join(bin, "dirname"));
  const run = (env: Record<string, string> = {}) => {
    const r = spawnSync("/bin/bash", [path.join(dir, ".ci/run")], { encoding: "utf8", env: { PATH: bin, CI: "true", ...env } });
    return { code: r.status, stderr: r.stderr, calls: existsSync(log) ? readFileSync(log, "utf8") : "" };
  };
  return { bin, run };
}

test("without CATALOGUE_CHROMIUM and without chromium, Debian's package is installed first", () => {
  const r = setup(false).run();
  assert.is(r.calls, "apt-get update\napt-get install -y --no-install-recommends chromium\nnpm ci --no-audit --no-fund summary=unset\n");
  assert.is(r.code, 3);
});

test("an installed chromium is used as is", () => {
  assert.is(setup(true).run().calls, "npm ci --no-audit --no-fund summary=unset\n");
});

test("CATALOGUE_CHROMIUM names the browser: nothing is installed, and the job summary is left to the workflow's validation step", () => {
  const { bin, run } = setup(false);
  const r = run({ CATALOGUE_CHROMIUM: path.join(bin, "browser"), GITHUB_STEP_SUMMARY: "/tmp/summary.md" });
  assert.is(r.calls, "npm ci --no-audit --no-fund summary=unset\n");
});

test("a CATALOGUE_CHROMIUM that is not an executable stops CI with a French message", () => {
  const r = setup(true).run({ CATALOGUE_CHROMIUM: "/nonexistent/chrome" });
  assert.is(r.code, 1);
  assert.is(r.calls, "");
  assert.is(r.stderr, "CATALOGUE_CHROMIUM=/nonexistent/chrome n'est pas un exécutable : les tests dans le navigateur ne peuvent pas s'exécuter.\n");
});

test.run();
