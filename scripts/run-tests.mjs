// `npm test` (after the typecheck): runs every tests/**/*.test.ts file with
// uvu, each in its own Node process, and fails unless every file reported
// tests that all passed. Usage: node scripts/run-tests.mjs [file or folder…]
//
// Why a runner, and not `uvu tests` alone (uvu 0.5.6):
// - uvu swallows an error thrown in a `before` hook: the suite "runs" no test
//   and the process exits 0. Here a file fails unless each of its suites
//   printed `(n / n)` with n > 0, its totals agree (Total = Passed, nothing
//   skipped) and its process exited 0.
// - uvu has no time limit: a hung test (an endless synchronous loop too) holds
//   CI until its own limit. This file is also the preload of each test
//   process (`--import`): it gives every test a limit, enforced by a watchdog
//   in a worker thread, which still runs when the test's thread is stuck. On
//   timeout the watchdog writes the test's name to stderr and kills the
//   process (SIGKILL: nothing in a stuck thread can stop it otherwise).
//   Each file also has an overall limit, for hangs outside a test.
// - Each file gets a private temporary folder (TMPDIR), removed afterwards:
//   no `catalogue-*` folder is left in the system's one, and the runner names
//   the file that left some.
//
// Limits, in seconds: CATALOGUE_TEST_TIMEOUT per test (default 60, 300 for
// tests/browser), CATALOGUE_FILE_TIMEOUT per file (default 900).
//
// One test file by hand, with the per-test limit:
//   node --import tsx --import ./scripts/run-tests.mjs node_modules/uvu/bin.js tests/pipeline build.test.ts
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, Worker } from "node:worker_threads";

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), "..");
const WATCHDOG = Symbol.for("catalogue.test-watchdog");


// ---------------------------------------------------------------- preload

/**
 * Starts the watchdog thread and makes the test files' `import … from "uvu"`
 * load a thin wrapper whose suites tell the watchdog when each test starts
 * and ends (a `before.each` and an `after.each` hook, registered first).
 */
function installWatchdog() {
  const inBrowserFolder = (process.env.CATALOGUE_TEST_FILE ?? process.argv.join(" ")).includes(`tests${path.sep}browser`);
  const seconds = Number(process.env.CATALOGUE_TEST_TIMEOUT) || (inBrowserFolder ? 300 : 60);
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, execArgv: [], workerData: { limit: seconds * 1000, file: process.env.CATALOGUE_TEST_FILE ?? "" } });
  worker.unref();
  globalThis[WATCHDOG] = {
    start: (suite, name) => worker.postMessage({ suite, name }),
    stop: () => worker.postMessage({}),
  };
  const uvu = import.meta.resolve("uvu");
  const wrapper = `data:text/javascript,${encodeURIComponent(wrapperSource(uvu))}`;
  register(`data:text/javascript,${encodeURIComponent(HOOKS_SOURCE)}`, import.meta.url, { data: { wrapper } });
}

/** The watchdog thread (CommonJS, evaluated): one timer, restarted by each test. */
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
let timer;
parentPort.on("message", ({ suite, name }) => {
  clearTimeout(timer);
  if (name === undefined) return;
  timer = setTimeout(() => {
    const where = [workerData.file, suite ? "suite « " + suite + " »" : ""].filter(Boolean).join(", ");
    writeSync(2, "\\n\\n  TIMEOUT  « " + name + " »" + (where ? " (" + where + ")" : "") + " ran for more than " + workerData.limit / 1000 + " s: test process stopped.\\n\\n");
    process.kill(process.pid, "SIGKILL");
  }, workerData.limit);
});
`;

/** Module hooks: a test file's "uvu" is the wrapper; uvu itself and the wrapper get the real one. */
const HOOKS_SOURCE = `
let wrapper;
export function initialize(data) { wrapper = data.wrapper; }
export async function resolve(specifier, context, next) {
  const parent = context.parentURL ?? "";
  if (specifier === "uvu" && parent.startsWith("file:") && !parent.includes("/node_modules/")) return { url: wrapper, shortCircuit: true };
  return next(specifier, context);
}
`;

function wrapperSource(uvuUrl) {
  return `
import * as uvu from ${JSON.stringify(uvuUrl)};
const watchdog = globalThis[Symbol.for("catalogue.test-watchdog")];
export const suite = (name, state) => {
  const created = uvu.suite(name, state);
  created.before.each((s) => watchdog.start(s.__suite__, s.__test__));
  created.after.each(() => watchdog.stop());
  return created;
};
export const test = suite();
export const exec = uvu.exec;
`;
}

// ----------------------------------------------------------------- runner

/** Test files under the given files or folders (default: tests/), sorted. */
function testFiles(args) {
  const found = [];
  for (const arg of args.length ? args : ["tests"]) {
    const target = path.resolve(arg);
    if (statSync(target).isFile()) {
      found.push(target);
      continue;
    }
    for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isFile() && entry.name.endsWith(".test.ts") && !file.includes(`${path.sep}node_modules${path.sep}`)) found.push(file);
    }
  }
  return [...new Set(found)].sort();
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");

/** Runs one file in its own process; resolves to its output, exit code and signal. */
function runFile(file, tmp) {
  const fileSeconds = Number(process.env.CATALOGUE_FILE_TIMEOUT) || 900;
  const relative = path.relative(ROOT, file);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", import.meta.url, path.join(ROOT, "node_modules/uvu/bin.js"), path.dirname(file), `^${escapeRegExp(path.basename(file))}$`],
      {
        cwd: ROOT,
        // Its own process group, so that a browser or Pagefind it started goes with it.
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        // Without CATALOGUE_SITE_URL: the tests expect package.json's address
        // (tests/helpers.ts, BASE); those of other addresses set it themselves.
        env: { ...process.env, TMPDIR: tmp, CATALOGUE_TEST_FILE: relative, CATALOGUE_SITE_URL: undefined },
      },
    );
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\n\n  TIMEOUT  ${relative} ran for more than ${fileSeconds} s: test process stopped.\n\n`);
      killGroup(child.pid);
    }, fileSeconds * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid); // whatever it left running
      resolve({ output: plain(output), code, signal, timedOut });
    });
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // the group is gone
  }
}

/** What is wrong with one file's run, from its exit and uvu's output. */
function problemsOf(run) {
  const problems = [];
  if (run.timedOut) problems.push("timed out");
  else if (run.signal) {
    const timeout = /TIMEOUT {2}(« .* ») \(/.exec(run.output);
    problems.push(timeout ? `the test ${timeout[1]} timed out` : `stopped by ${run.signal}`);
  }
  else if (run.code !== 0) problems.push(`exit code ${run.code}`);
  const suites = [...run.output.matchAll(/\((\d+) \/ (\d+)\)\n/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const number = (label) => {
    const match = new RegExp(`^\\s*${label}:\\s+(\\d+)`, "m").exec(run.output);
    return match ? Number(match[1]) : undefined;
  };
  const total = number("Total");
  const passed = number("Passed");
  const skipped = number("Skipped");
  if (total === undefined || passed === undefined) {
    if (!run.signal && !run.timedOut) problems.push("uvu printed no totals");
  } else {
    if (total === 0) problems.push("no test ran");
    // A failing `before` hook shows only as (0 / n): uvu prints no error for it.
    if (passed !== total) problems.push(`${total - passed} of ${total} tests did not pass${passed === 0 && !/FAIL/.test(run.output) ? " (no failure printed: an error in a `before` hook?)" : ""}`);
    if (skipped) problems.push(`${skipped} skipped`);
    const sum = suites.reduce((s, [, of]) => s + of, 0);
    if (sum !== total) problems.push(`its suites count ${sum} tests, its total ${total}`);
  }
  const empty = suites.filter(([, of]) => of === 0).length;
  if (empty) problems.push(`${empty} suite(s) registered no test`);
  return { problems, total: total ?? 0, passed: passed ?? 0 };
}

async function runAll(args) {
  const files = testFiles(args);
  const failures = [];
  const leftovers = [];
  let total = 0;
  let passed = 0;
  for (const file of files) {
    const relative = path.relative(ROOT, file);
    process.stdout.write(`\n${relative}\n`);
    const tmp = mkdtempSync(path.join(os.tmpdir(), "catalogue-tests-"));
    let run;
    try {
      run = await runFile(file, tmp);
      const left = readdirSync(tmp).filter((name) => name.startsWith("catalogue-"));
      if (left.length) leftovers.push(`${relative}: ${left.join(", ")}`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const verdict = problemsOf(run);
    total += verdict.total;
    passed += verdict.passed;
    // Outside CI the browser tests may skip themselves (no Chromium): their
    // empty suite is reported, not failed. In CI (CI=true) nothing may be empty.
    const skippedBrowser = process.env.CI !== "true" && verdict.total === 0 && run.code === 0 && /Tests navigateur ignorés/.test(run.output);
    if (skippedBrowser) process.stdout.write(`\n  ${relative}: browser tests skipped (no Chromium); they run in CI.\n`);
    else if (verdict.problems.length) failures.push(`${relative}: ${verdict.problems.join("; ")}`);
  }
  process.stdout.write(`\n${files.length} test files, ${total} tests, ${passed} passed, ${total - passed} not passed\n`);
  if (leftovers.length) process.stdout.write(`Temporary folders left behind (removed by the runner):\n${leftovers.map((l) => `  ${l}`).join("\n")}\n`);
  if (files.length === 0) failures.push("no test file found");
  if (failures.length) {
    process.stderr.write(`\nFAILED:\n${failures.map((f) => `  ${f}`).join("\n")}\n`);
    return 1;
  }
  return 0;
}

// Last, once every constant above is defined: the runner, or the preload of a test process.
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) process.exitCode = await runAll(process.argv.slice(2));
else if (isMainThread) installWatchdog();
