// The pull-request workflow (.github/workflows/validate.yml), read as data:
// what it may do with an untrusted pull request, and what it checks.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../helpers.ts";

const TEXT = readFileSync(path.join(PROJECT_ROOT, ".github/workflows/validate.yml"), "utf8");
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: string;
}
const WORKFLOW = parse(TEXT) as { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, { permissions?: unknown; steps: Step[] }> };
const steps = Object.values(WORKFLOW.jobs).flatMap((job) => job.steps);

test("runs on pull_request only, with a read-only token and no secret", () => {
  assert.equal(Object.keys(WORKFLOW.on), ["pull_request"]);
  assert.equal(WORKFLOW.permissions, { contents: "read" });
  for (const job of Object.values(WORKFLOW.jobs)) assert.is(job.permissions, undefined, "no job widens the permissions");
  assert.not.match(TEXT, /secrets|GITHUB_TOKEN|github\.token|pull_request_target|workflow_run/i);
});

test("every action is pinned to a full commit SHA, with its version in a comment", () => {
  const uses = steps.filter((s) => s.uses !== undefined);
  assert.ok(uses.length >= 2);
  for (const step of uses) assert.match(step.uses!, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, step.uses);
  const lines = TEXT.split("\n").filter((line) => /^\s*-?\s*uses:/.test(line));
  assert.is(lines.length, uses.length);
  for (const line of lines) assert.match(line, /@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, line);
});

test("the checkout keeps no credentials and fetches the history --changed needs", () => {
  const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"));
  assert.is(checkout?.with?.["persist-credentials"], false);
  assert.is(checkout?.with?.["fetch-depth"], 0);
});

test("no expression is expanded inside a script: values reach the shell through the environment", () => {
  for (const step of steps) if (step.run) assert.not.match(step.run, /\$\{\{/, step.run);
});

test("the steps check the scope, then the changed files in GitHub format, then run the tests in the runner's Chrome", () => {
  const runs = steps.map((s) => s.run ?? "");
  const scope = runs.findIndex((r) => /catalogue\.js validate --scope\b.*--format github/.test(r));
  const changed = runs.findIndex((r) => /catalogue\.js validate --changed\b.*--format github/.test(r));
  const tests = runs.findIndex((r) => r.trim() === "bash .ci/run");
  assert.ok(scope >= 0 && changed > scope && tests > changed, runs.join("\n"));
  assert.is(steps[tests]!.env?.CI, "true");
  assert.is(steps[tests]!.env?.CATALOGUE_CHROMIUM, "/usr/bin/google-chrome");
});

test.run();
