// npm run bench:validate [count]: times `catalogue validate` on one file, on
// `count` files (default 1,000), and with --changed on one file changed in a
// catalogue of `count` files (the pull-request check: every file loaded for
// the cross-file checks, one validated), process start included. The files
// are copies of the demo content under new slugs, in a temporary clone of the project.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoFiles, writeSyntheticCatalogue } from "./bench-synthetic.ts";

const count = Number(process.argv[2] ?? 1000);
const root = process.cwd();
const source = path.join(root, "content/solutions");
const demo = demoFiles(source);
// git with no user or system settings, so the machine's configuration cannot change the measure.
const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.org", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.org" };
delete env.GITHUB_STEP_SUMMARY;

function time(args: string[], runs: number, cwd = root): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(root, "bin/catalogue.js"), "validate", ...args], { cwd, encoding: "utf8", env });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`validate a échoué :\n${r.stdout.slice(0, 2000)}${r.stderr.slice(0, 2000)}`);
  }
  return times;
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", args, { cwd, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} a échoué : ${r.stderr}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const show = (label: string, xs: number[]) => console.log(`${label.padEnd(44)}: médiane ${median(xs).toFixed(0)} ms (${xs.map((t) => t.toFixed(0)).join(", ")})`);
const dir = mkdtempSync(path.join(tmpdir(), "catalogue-bench-"));
try {
  // A copy of the project (a shallow clone: its grid, schemas and precompiled
  // validator) whose content is replaced by `count` solutions, committed on main.
  git(root, "clone", "-q", "--depth", "1", `file://${root}`, dir);
  git(dir, "checkout", "-q", "-B", "main");
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  const solutions = path.join(dir, "content/solutions");
  rmSync(solutions, { recursive: true });
  writeSyntheticCatalogue(source, solutions, count);
  git(dir, "add", "-A", "content");
  git(dir, "commit", "-q", "-m", "catalogue");
  // The pull request: one solution edited on a branch.
  git(dir, "checkout", "-q", "-b", "proposition");
  const first = demo[0]!;
  const extension = path.extname(first);
  const changed = path.join(solutions, `${path.basename(first, extension)}-0${extension}`);
  writeFileSync(changed, readFileSync(changed, "utf8").replace(/^short_description: .*$/m, "short_description: Description modifiée pour la mesure."));
  git(dir, "commit", "-q", "-am", "une fiche modifiée");

  show("validate, 1 fichier", time([path.join(source, first)], 7));
  show(`validate, ${count} fichiers`, time(["content"], 3, dir));
  show(`validate --changed, 1 fichier sur ${count}`, time(["--changed"], 5, dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
