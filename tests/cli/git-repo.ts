// A throw-away git repository holding the fixture project (tests/fixtures/root)
// on branch main, and the `catalogue` command run inside it. git runs with no
// user or system configuration, so the machine's settings cannot change a result.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FIXTURE_ROOT, PROJECT_ROOT, tempDir } from "../helpers.ts";

const BIN = path.join(PROJECT_ROOT, "bin/catalogue.js");

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.org",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.org",
    ...extra,
  };
  // Set on GitHub's runners: the tests must never write to the real job summary.
  if (!("GITHUB_STEP_SUMMARY" in extra)) delete env.GITHUB_STEP_SUMMARY;
  return env;
}

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dir, env: cleanEnv(), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** A repository with the fixture project committed on main, checked out on a new branch « proposition ». */
export function fixtureRepo(): string {
  const dir = tempDir("git");
  cpSync(FIXTURE_ROOT, dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "checkout", "-q", "-b", "proposition");
  return dir;
}

/** Writes files (paths relative to the repository) and commits them all. */
export function commit(dir: string, files: Record<string, string | Buffer>, message = "change"): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
}

export function catalogue(dir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: cleanEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The fixture's solution with other identifying fields: a valid newcomer unless told otherwise. */
export function solution(slug: string, name: string, website = `https://${slug}.example.org/`, extra = ""): string {
  return [
    `name: ${name}`,
    `slug: ${slug}`,
    "short_description: Une solution pour les tests.",
    `website: ${website}`,
    "provider: {name: Exemple, type: entreprise}",
    "distribution: proprietaire",
    "hosting: [saas]",
    "categories: [visioconference]",
    "evaluation:",
    '  grid_version: "1.0"',
    '  date: "2026-01-01"',
    extra,
  ].join("\n");
}
