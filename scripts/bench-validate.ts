// npm run bench:validate [count]: times `catalogue validate` on one file and on
// `count` files (default 1,000), process start included. The files are copies
// of the demo content under new slugs, in a temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoFiles, writeSyntheticCatalogue } from "./bench-synthetic.ts";

const count = Number(process.argv[2] ?? 1000);
const root = process.cwd();
const source = path.join(root, "content/solutions");
const demo = demoFiles(source);

function time(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(root, "bin/catalogue.js"), "validate", ...args], { cwd: root, encoding: "utf8" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`validate a échoué :\n${r.stdout.slice(0, 2000)}${r.stderr.slice(0, 2000)}`);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(path.join(tmpdir(), "catalogue-bench-"));
try {
  writeSyntheticCatalogue(source, dir, count);
  const one = time([path.join(source, demo[0]!)], 7);
  const many = time([dir], 3);
  console.log(`validate, 1 fichier      : médiane ${median(one).toFixed(0)} ms (${one.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`validate, ${count} fichiers : médiane ${median(many).toFixed(0)} ms (${many.map((t) => t.toFixed(0)).join(", ")})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
