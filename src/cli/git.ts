// The files a branch changes against its base, from git: the commits between
// the merge base of the base branch and HEAD, as a pull request shows them.
// git runs with argument arrays (no shell) and NUL-separated output, so any
// file name (spaces, quotes, new lines, non-ASCII) comes back intact.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { escapeControls } from "../lib/text.ts";

/** A French message for the user: git is missing, the folder is not a repository, a ref is unknown… */
export class GitError extends Error {}

/** Tried in this order when no base is given. */
export const DEFAULT_BASES = ["origin/main", "main"] as const;

export interface ChangedPath {
  /** Status letter of `git diff-tree --name-status`: A, M, R, C, T, D. */
  status: string;
  /** Path relative to the current folder (with "../" when outside it), forward slashes. */
  path: string;
  /** The absolute path of the file in the working tree. */
  absolute: string;
  /** False when git gave a name that is not UTF-8 (shown with replacement characters). */
  utf8: boolean;
}

export interface BranchChanges {
  /** The base as the user named it (or the default found). */
  base: string;
  /** The commit the changes are counted from. */
  mergeBase: string;
  /** Every path the branch touches; a rename gives its old path (status D) and its new one (status R). */
  paths: ChangedPath[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

function git(args: readonly string[], cwd: string): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync("git", args, { cwd, maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new GitError("git est introuvable : installez git (paquet « git ») pour utiliser --changed ou --scope");
    throw new GitError(`git n'a pas pu être lancé (${code ?? result.error.message})`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

/** A commit id for `ref`, or undefined when git knows no such commit. */
function commitOf(ref: string, cwd: string): string | undefined {
  const r = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], cwd);
  return r.status === 0 ? r.stdout.toString("utf8").trim() : undefined;
}

/** The changes of HEAD since its merge base with `base` (default: origin/main, else main). */
export function branchChanges(cwd: string, base?: string): BranchChanges {
  const inside = git(["rev-parse", "--is-inside-work-tree"], cwd);
  if (inside.status !== 0 || inside.stdout.toString("utf8").trim() !== "true") {
    throw new GitError("ce dossier n'est pas dans un dépôt git : --changed et --scope comparent la branche courante à sa branche de base");
  }
  if (commitOf("HEAD", cwd) === undefined) throw new GitError("le dépôt git n'a encore aucun commit : rien à comparer");

  let name: string;
  let commit: string | undefined;
  if (base !== undefined) {
    name = base;
    // A leading dash would read as an option of git.
    commit = base.startsWith("-") || base === "" ? undefined : commitOf(base, cwd);
    if (commit === undefined) {
      throw new GitError(`référence git inconnue : « ${escapeControls(base)} » (une branche, une étiquette ou un commit ; en CI, récupérez l'historique, par exemple fetch-depth: 0)`);
    }
  } else {
    const found = DEFAULT_BASES.map((ref) => ({ ref, commit: commitOf(ref, cwd) })).find((b) => b.commit !== undefined);
    if (!found) throw new GitError(`branche de base introuvable : ni ${DEFAULT_BASES.join(" ni ")} n'existent ; indiquez-la avec --base <référence>`);
    name = found.ref;
    commit = found.commit!;
  }

  const merge = git(["merge-base", commit, "HEAD"], cwd);
  if (merge.status !== 0) throw new GitError(`la branche courante et « ${escapeControls(name)} » n'ont aucun commit en commun`);
  const mergeBase = merge.stdout.toString("utf8").trim();

  // Plumbing (diff-tree), so the user's diff settings (colours, external
  // diff, prefixes) cannot change the output.
  const diff = git(["diff-tree", "-r", "-z", "--no-commit-id", "--name-status", "-M", mergeBase, "HEAD"], cwd);
  if (diff.status !== 0) throw new GitError(`git diff-tree a échoué : ${escapeControls(diff.stderr.trim()).slice(0, 300)}`);
  // Paths from diff-tree are relative to the top of the repository.
  const prefix = git(["rev-parse", "--show-prefix"], cwd).stdout.toString("utf8").replace(/\n$/, "");
  const top = path.resolve(cwd, ...prefix.split("/").filter(Boolean).map(() => ".."));

  const fields = splitNul(diff.stdout);
  const paths: ChangedPath[] = [];
  const push = (status: string, raw: Buffer) => {
    let name: string;
    let valid = true;
    try {
      name = utf8.decode(raw);
    } catch {
      name = lenient.decode(raw);
      valid = false;
    }
    const absolute = path.join(top, name);
    paths.push({ status, path: path.relative(cwd, absolute).split(path.sep).join("/"), absolute, utf8: valid });
  };
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++]!.toString("latin1");
    const letter = status.charAt(0);
    if (letter === "R" || letter === "C") {
      const from = fields[i++]!;
      const to = fields[i++]!;
      if (letter === "R") push("D", from);
      push(letter, to);
    } else push(letter, fields[i++]!);
  }
  return { base: name, mergeBase, paths };
}

function splitNul(buffer: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = buffer.indexOf(0); i !== -1; i = buffer.indexOf(0, start)) {
    parts.push(buffer.subarray(start, i));
    start = i + 1;
  }
  if (start < buffer.length) parts.push(buffer.subarray(start));
  return parts;
}
