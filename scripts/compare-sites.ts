// npm run compare-sites -- <before> <after>
//
// Compares two built sites file by file, the search index left out (its file
// names hold content hashes): lists the files only in one tree, and for each
// file that differs, the first differing lines. Used to check that a change
// of structure writes the same site, byte for byte, except where intended.
// Exit code 0 when the trees are identical, 1 otherwise.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(`pagefind${path.sep}`))
    .sort();
}

export interface SiteDifference {
  onlyBefore: string[];
  onlyAfter: string[];
  changed: { file: string; lines: { line: number; before: string; after: string }[] }[];
}

/** The differences between two site trees; `maxLines` differing lines shown per file. */
export function compareSites(before: string, after: string, maxLines = 3): SiteDifference {
  const a = new Set(siteFiles(before));
  const b = new Set(siteFiles(after));
  const result: SiteDifference = { onlyBefore: [...a].filter((f) => !b.has(f)), onlyAfter: [...b].filter((f) => !a.has(f)), changed: [] };
  for (const file of a) {
    if (!b.has(file)) continue;
    const x = readFileSync(path.join(before, file));
    const y = readFileSync(path.join(after, file));
    if (x.equals(y)) continue;
    const xl = x.toString("utf8").split("\n");
    const yl = y.toString("utf8").split("\n");
    const lines: SiteDifference["changed"][number]["lines"] = [];
    for (let i = 0; i < Math.max(xl.length, yl.length) && lines.length < maxLines; i++) {
      if (xl[i] !== yl[i]) lines.push({ line: i + 1, before: (xl[i] ?? "").trim().slice(0, 200), after: (yl[i] ?? "").trim().slice(0, 200) });
    }
    result.changed.push({ file, lines });
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    process.stderr.write("usage : npm run compare-sites -- <site avant> <site après>\n");
    process.exit(2);
  }
  const diff = compareSites(before, after);
  for (const file of diff.onlyBefore) console.log(`seulement avant : ${file}`);
  for (const file of diff.onlyAfter) console.log(`seulement après : ${file}`);
  for (const { file, lines } of diff.changed) {
    console.log(`différent : ${file}`);
    for (const l of lines) console.log(`  ligne ${l.line}\n    avant : ${l.before}\n    après : ${l.after}`);
  }
  const total = diff.onlyBefore.length + diff.onlyAfter.length + diff.changed.length;
  console.log(total === 0 ? "Sites identiques." : `${total} fichier(s) diffèrent.`);
  process.exitCode = total === 0 ? 0 : 1;
}
