// The publishing workflow (.github/workflows/publish.yml), read as GitHub
// reads it: what triggers it, what each job may do, which code it runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { PROJECT_ROOT } from "./helpers.ts";

const TEXT = readFileSync(path.join(PROJECT_ROOT, ".github", "workflows", "publish.yml"), "utf8");

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group?: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

const workflow = parse(TEXT) as Workflow;
const jobs = Object.entries(workflow.jobs);
const steps = jobs.flatMap(([, job]) => job.steps);
const action = (uses: string | undefined) => uses?.split("@")[0];

test("it runs on a push to main and on demand, never on a pull request", () => {
  assert.equal(Object.keys(workflow.on).sort(), ["push", "workflow_dispatch"]);
  assert.equal(workflow.on.push, { branches: ["main"] });
});

test("every action is GitHub's own for Pages, pinned by a full commit with its release in a comment", () => {
  const used = steps.flatMap((step) => (step.uses ? [action(step.uses)] : []));
  assert.equal(used, ["actions/checkout", "actions/setup-node", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]);
  for (const step of steps) if (step.uses) assert.match(step.uses, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, step.uses);
  const lines = TEXT.split("\n").filter((line) => /^\s*(?:-\s*)?uses:/.test(line));
  assert.is(lines.length, used.length);
  for (const line of lines) assert.match(line, /uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, line);
});

test("the workflow reads the repository only; the deploy job alone writes to Pages", () => {
  assert.equal(workflow.permissions, { contents: "read" });
  const deploy = jobs.filter(([, job]) => job.steps.some((step) => action(step.uses) === "actions/deploy-pages"));
  assert.is(deploy.length, 1);
  const [deployName, deployJob] = deploy[0]!;
  assert.equal(deployJob.permissions, { pages: "write", "id-token": "write" });
  assert.equal(deployJob.environment?.name, "github-pages");
  assert.equal(
    deployJob.steps.map((step) => action(step.uses) ?? step.run),
    ["actions/deploy-pages"],
    "the job that may write runs nothing else",
  );
  for (const [name, job] of jobs) if (name !== deployName) assert.is(job.permissions, undefined, `${name} keeps the read-only token`);
  assert.not.match(TEXT, /secrets\./, "no secret");
  const checkout = steps.find((step) => action(step.uses) === "actions/checkout");
  assert.is(checkout?.with?.["persist-credentials"], false, "the token is not left in the checkout");
});

test("the site is built at the address Pages gives the repository, then published after the build", () => {
  const pages = steps.find((step) => action(step.uses) === "actions/configure-pages");
  assert.ok(pages?.id, "configure-pages has an id, to read its outputs");
  const build = steps.find((step) => step.run === "npm run build");
  assert.ok(build, "the build step");
  assert.equal(build.env, { CATALOGUE_SITE_URL: `\${{ steps.${pages.id}.outputs.base_url }}` });
  const [buildJob] = jobs.find(([, job]) => job.steps.includes(build))!;
  const upload = workflow.jobs[buildJob]!.steps.find((step) => action(step.uses) === "actions/upload-pages-artifact");
  assert.equal(upload?.with, { path: "_site/" });
  const deployJob = jobs.find(([, job]) => job.steps.some((step) => action(step.uses) === "actions/deploy-pages"))![1];
  assert.is(deployJob.needs, buildJob);
  assert.is(workflow.concurrency?.group, "pages");
  assert.is(workflow.concurrency?.["cancel-in-progress"], false, "a publication in progress is not cut off");
});

test.run();
