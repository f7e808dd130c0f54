// The dev server's catalogue (src/pipeline/dev-state.ts) checks again only
// the files a change touches, yet reports what `catalogue validate` reports
// over the whole folder, step after step: here both are run on the same
// folder after each change and must agree exactly.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { checkSolutions } from "../../src/lib/catalogue.ts";
import { CatalogueFiles } from "../../src/pipeline/dev-state.ts";
import { TODAY } from "../helpers.ts";
import { siteProject, visioLike } from "./preview-project.ts";

const project = siteProject();
const solutions = path.join(project, "content", "solutions");
const files = new CatalogueFiles(project, solutions, TODAY);
files.loadAll();

/** Both reports, the dev server's and validate's, as lines. */
function reports() {
  const line = (p: { file: string; line: number; column: number; field: string; message: string }) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.field} ${p.message}`;
  const dev = files.result();
  const validate = checkSolutions([solutions], { root: project, today: TODAY });
  return { dev: dev.problems.map(line), validate: validate.problems.map(line), catalogue: dev.catalogue?.solutions.map((s) => s.solution.slug) ?? null };
}

/** A solution file's path as messages show it. */
const shown = (name: string) => path.relative(process.cwd(), path.join(solutions, name));

function write(name: string, text: string): string {
  writeFileSync(path.join(solutions, name), text);
  return path.join(solutions, name);
}

test("at start: no problem, the catalogue of the three files", () => {
  const { dev, validate, catalogue } = reports();
  assert.equal(dev, []);
  assert.equal(validate, []);
  assert.equal(catalogue, ["ancien-partage", "signature-piege", "visio-libre"]);
});

// As `catalogue validate` on the whole catalogue (no --changed), neither file
// of a collision came first: both are reported, each naming the other.
test("a new file taking an existing name: both files reported, as validate reports them", () => {
  const changed = write("zzz.yaml", visioLike("zzz", "Ancien Partage", "https://zzz.example.org/"));
  assert.equal(files.update([changed]).map((f) => path.basename(f)), ["zzz.yaml"]);
  const { dev, validate, catalogue } = reports();
  assert.equal(dev, [
    "ancien-partage.yaml:1:7 name nom « Ancien Partage » aussi utilisé par " + shown("zzz.yaml"),
    "zzz.yaml:1:7 name nom « Ancien Partage » aussi utilisé par " + shown("ancien-partage.yaml"),
  ]);
  assert.equal(dev, validate);
  assert.is(catalogue, null);
});

test("a look-alike sorting first: both files reported, as validate says", () => {
  const changed = write("aaa.yaml", visioLike("aaa", "Visio Lìbre", "https://aaa.example.org/"));
  files.update([changed]);
  const { dev, validate } = reports();
  assert.equal(dev, [
    "aaa.yaml:1:7 name le nom « Visio Lìbre » se confond avec celui de « Visio Libre » (" + shown("visio-libre.yaml") + ") : caractères semblables, accents ou caractères invisibles",
    "ancien-partage.yaml:1:7 name nom « Ancien Partage » aussi utilisé par " + shown("zzz.yaml"),
    "visio-libre.yaml:1:7 name le nom « Visio Libre » se confond avec celui de « Visio Lìbre » (" + shown("aaa.yaml") + ") : caractères semblables, accents ou caractères invisibles",
    "zzz.yaml:1:7 name nom « Ancien Partage » aussi utilisé par " + shown("ancien-partage.yaml"),
  ]);
  assert.equal(dev, validate);
});

test("fixed and removed: no problem left, a new file in the catalogue", () => {
  const fixed = write("zzz.yaml", visioLike("zzz", "Zèbre", "https://zzz.example.org/"));
  rmSync(path.join(solutions, "aaa.yaml"));
  files.update([fixed, path.join(solutions, "aaa.yaml")]);
  const { dev, validate, catalogue } = reports();
  assert.equal(dev, []);
  assert.equal(validate, []);
  assert.equal(catalogue, ["ancien-partage", "signature-piege", "visio-libre", "zzz"]);
});

test("with no problem before, a change creating a duplicate website is still found (only files sharing a key are checked)", () => {
  const changed = write("zzz.yaml", visioLike("zzz", "Zèbre", "https://www.signature.example.com"));
  files.update([changed]);
  const { dev, validate } = reports();
  // The file already there, not checked again, is reported too.
  assert.equal(dev, [
    "signature-piege.yaml:12:10 website site web « https://signature.example.com/ » aussi déclaré par " + shown("zzz.yaml"),
    "zzz.yaml:16:10 website site web « https://www.signature.example.com » aussi déclaré par " + shown("signature-piege.yaml"),
  ]);
  assert.equal(dev, validate);
  // The collision gone, its problem on the other file goes too.
  files.update([write("zzz.yaml", visioLike("zzz", "Zèbre", "https://zzz.example.org/"))]);
  assert.equal(reports().dev, []);
  assert.equal(reports().validate, []);
});

test("a logo removed, then back: the file that names it is checked again", () => {
  const logo = path.join(solutions, "visio-libre.svg");
  const aside = path.join(project, "visio-libre.svg");
  renameSync(logo, aside);
  files.update([logo]);
  const { dev, validate } = reports();
  assert.equal(dev, ["visio-libre.yaml:31:7 logo fichier de logo introuvable : placez « visio-libre.svg » à côté de la fiche"]);
  assert.equal(dev, validate);
  renameSync(aside, logo);
  files.update([logo]);
  assert.equal(reports().dev, []);
});

test("a file that does not load, and a file that has no place in the folder", () => {
  const broken = write("cassee.yaml", "name: [\n");
  const hidden = write(".brouillon.yaml", "name: x\n");
  files.update([broken, hidden]);
  const { dev, validate } = reports();
  assert.equal(dev.length, 2);
  assert.equal(dev, validate);
  rmSync(broken);
  rmSync(hidden);
  files.update([broken, hidden]);
  assert.equal(reports().dev, []);
});

test.run();
