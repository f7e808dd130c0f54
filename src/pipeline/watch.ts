// Watches folders for the dev server and reports changes in bursts: an
// editor's save (a temporary file, a rename) or a `git checkout` comes as
// one burst, delivered once the folders have been quiet for `quietMs`, or
// `maxWaitMs` after its first change at most.
//
// One node:fs watch per folder, not `recursive: true`: on Linux, Node 20's
// recursive watch follows files, and loses a file replaced by a rename (how
// sed -i, many editors and git write): later changes to it went unseen. A
// folder's own watch reports every change of its entries, renames included;
// folders created later are watched as they appear.
import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import path from "node:path";

export interface WatchedFolder {
  dir: string;
  /** "content": solution files and logos, updated one by one; "full": anything here changes every page. */
  kind: "content" | "full";
}

export interface Burst {
  /** Absolute paths changed under the content folders. */
  content: string[];
  /** Paths changed under the other folders, relative to the working directory, for messages. */
  full: string[];
}

export function watchFolders(folders: readonly WatchedFolder[], onBurst: (burst: Burst) => void, quietMs = 150, maxWaitMs = 1000): { close(): void } {
  let content = new Set<string>();
  let full = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let first = 0;
  const flush = () => {
    timer = undefined;
    const burst = { content: [...content], full: [...full] };
    content = new Set();
    full = new Set();
    onBurst(burst);
  };
  const watchers = new Map<string, FSWatcher>();
  const onChange = (dir: string, kind: WatchedFolder["kind"], name: string | Buffer | null) => {
    // Without a name (some platforms, overflows), anything may have changed.
    const changed = name ? path.join(dir, name.toString()) : dir;
    if (kind === "content" && name) content.add(changed);
    else full.add(path.relative(process.cwd(), changed) || changed);
    if (name && !watchers.has(changed) && isFolder(changed)) watchTree(changed, kind);
    const now = Date.now();
    if (timer === undefined) first = now;
    else clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(quietMs, first + maxWaitMs - now)));
  };
  const watchTree = (dir: string, kind: WatchedFolder["kind"]) => {
    for (const folder of [dir, ...subfolders(dir)]) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, (_event, name) => onChange(folder, kind, name));
        // A removed folder ends its watch with an error: forget it.
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // gone already
      }
    }
  };
  for (const { dir, kind } of folders) watchTree(dir, kind);
  return {
    close() {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
