// Synthetic catalogues for the benchmarks (bench.ts, bench-validate.ts):
// copies of the demo files under new slugs, names and websites, so that the
// cross-file checks (duplicate names, slugs, websites) pass at any size.
// Logos are dropped: they would all point to the demo folder.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The demo solution files of a content folder (YAML or Markdown). */
export function demoFiles(source: string): string[] {
  const demo = readdirSync(source)
    .filter((f) => /\.(ya?ml|md)$/.test(f))
    .sort();
  if (demo.length === 0) throw new Error(`aucune fiche de démonstration dans ${source}`);
  return demo;
}

/** Writes `n` solution files into `dir` (created if needed), cycling through the demo files of `source`. */
export function writeSyntheticCatalogue(source: string, dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  const demo = demoFiles(source);
  const texts = demo.map((file) => readFileSync(path.join(source, file), "utf8"));
  for (let i = 0; i < n; i++) {
    const file = demo[i % demo.length]!;
    const extension = path.extname(file);
    const slug = `${path.basename(file, extension)}-${i}`;
    const text = texts[i % demo.length]!
      .replace(/^slug: .*$/m, `slug: ${slug}`)
      .replace(/^name: (.*)$/m, (_m, name: string) => `name: ${name.replace(/^["']|["']$/g, "")} ${i}`)
      .replace(/^website: https:\/\/([^/\s]+)(.*)$/m, (_m, host: string, rest: string) => `website: https://${i}.${host}${rest}`)
      .replace(/^logo: .*\n/m, "");
    writeFileSync(path.join(dir, `${slug}${extension}`), text);
  }
}
