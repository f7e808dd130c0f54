import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkSolutions } from "../../src/lib/catalogue.ts";
import { formatProblems } from "../../src/lib/report.ts";
import { BAD_DIR, FIXTURE_ROOT, PROJECT_ROOT, TODAY, tempDir } from "../helpers.ts";

process.chdir(PROJECT_ROOT);

function lines(...paths: string[]): string[] {
  const result = checkSolutions(paths, { root: FIXTURE_ROOT, today: TODAY });
  return formatProblems(result.problems, "text").trimEnd().split("\n").filter(Boolean);
}

// Each bad fixture, with every line the validator must print for it.
const expectations: Record<string, string[]> = {
  "js-front-matter.md": ["1:4  -  en-tête JavaScript refusé : seul un en-tête YAML (« --- ») est accepté, rien n'y est exécuté"],
  "json-front-matter.md": ["1:4  -  en-tête JSON refusé : seul un en-tête YAML (« --- ») est accepté, rien n'y est exécuté"],
  "no-front-matter.md": ["1:1  -  en-tête manquant : un fichier .md doit commencer par une ligne « --- », suivie des champs en YAML puis d'une autre ligne « --- »"],
  "yaml-anchor.yaml": ["6:19  -  ancre YAML (« &nom ») refusée : les ancres et les alias ne sont pas acceptés, écrivez chaque valeur en entier"],
  "yaml-alias.yaml": ["14:18  -  alias YAML (« *nom ») refusé : les ancres et les alias ne sont pas acceptés"],
  "custom-tag.yaml": ["1:47  -  étiquette YAML « !!js/function » refusée : les types personnalisés (« !… », « !!… ») ne sont pas acceptés"],
  "duplicate-key.yaml": ["14:1  -  clé en double : chaque champ ne peut apparaître qu'une fois"],
  "several-documents.yaml": ["1:1  -  plusieurs documents YAML : une fiche ne contient qu'un document (retirez les lignes « --- » en trop)"],
  "too-deep.yaml": ["14:25  -  imbrication trop profonde : au plus 6 niveaux sont acceptés"],
  "invalid-utf8.yaml": ["3:24  -  encodage invalide : le fichier doit être en UTF-8 (octet non valide à la position 61)"],
  "empty.yaml": ["1:1  -  fichier vide : une fiche doit contenir au moins les champs obligatoires (name, slug, …)"],
  "not-a-map.yaml": ["1:1  -  la fiche doit être une table de champs « clé: valeur », pas une liste ni une valeur seule"],
  "unknown-key.yaml": [
    "14:3  evaluation.SEC-99  critère « SEC-99 » inconnu dans la grille 1.0",
    "19:5  evaluation.NR-01.note  champ inconnu « note » ; champs possibles ici : answer, justification, evidence",
    "20:1  permalink  champ inconnu « permalink » ; champs possibles ici : name, slug, demo, short_description, description, website, provider, distribution, licence, source_code, hosting, categories, public_references, purchase_channels, data_hosting, contact, logo, withdrawn, evaluation",
    "21:1  layout  champ inconnu « layout » ; champs possibles ici : name, slug, demo, short_description, description, website, provider, distribution, licence, source_code, hosting, categories, public_references, purchase_channels, data_hosting, contact, logo, withdrawn, evaluation",
  ],
  "proto-key.yaml": [
    "14:1  __proto__  champ inconnu « __proto__ » ; champs possibles ici : name, slug, demo, short_description, description, website, provider, distribution, licence, source_code, hosting, categories, public_references, purchase_channels, data_hosting, contact, logo, withdrawn, evaluation",
    "16:1  constructor  champ inconnu « constructor » ; champs possibles ici : name, slug, demo, short_description, description, website, provider, distribution, licence, source_code, hosting, categories, public_references, purchase_channels, data_hosting, contact, logo, withdrawn, evaluation",
  ],
  "missing-justification.yaml": ["15:5  evaluation.NR-01.justification  une justification est requise quand la réponse est « oui »"],
  "missing-fields.yaml": ["short_description", "website", "provider", "distribution", "hosting", "categories", "evaluation"].map((f) => `1:1  ${f}  champ obligatoire manquant`),
  "bad-urls.yaml": [
    "4:10  website  adresse « javascript:alert(1) » invalide : une adresse web absolue commençant par « https:// » est attendue",
    "14:10  contact  adresse « http://bad-urls.example.org/contact » invalide : une adresse web absolue commençant par « https:// » est attendue",
    "15:14  source_code  adresse « https://user:pass@bad-urls.example.org/ » invalide : une adresse web absolue commençant par « https:// » est attendue",
  ],
  "future-date.yaml": [
    "13:9  evaluation.date  date « 2027-02-01 » dans le futur : la date doit être passée ou celle du jour (2026-11-23)",
    "16:9  withdrawn.date  date « 2026-02-30 » inexistante",
  ],
  "unquoted-version.yaml": ['12:17  evaluation.grid_version  la version de grille doit être écrite entre guillemets, par exemple "1.0"'],
  "slug-mismatch.yaml": ["2:7  slug  l'identifiant « autre-nom » doit être identique au nom du fichier sans extension (« slug-mismatch »)"],
  "licence.yaml": ["8:15  licence  une licence est obligatoire quand la distribution est « libre » : indiquez son identifiant SPDX"],
  "licence-unknown.yaml": ["9:10  licence  identifiant SPDX obsolète « GPL-3.0 » : précisez « GPL-3.0-only » ou « GPL-3.0-or-later »"],
  "contradiction.yaml": [
    "15:13  evaluation.OSS-01.answer  la réponse « oui » contredit la fiche : la distribution déclarée est « proprietaire » ; réponse attendue : « non »",
    "18:13  evaluation.OSS-04.answer  la réponse « oui » contredit la fiche : la fiche n'indique pas de dépôt de code source (champ source_code) ; réponse attendue : « non »",
  ],
  "control-chars.yaml": [
    "1:7  name  caractère invisible ou de contrôle interdit (U+202E) ; ce champ tient sur une ligne",
    "3:20  short_description  caractère invisible ou de contrôle interdit (U+001B) ; ce champ tient sur une ligne",
  ],
  "logo-outside.yaml": ["14:7  logo  logo « ../../../package.json » invalide : nom d'un fichier .svg, .png, .webp ou .jpg placé dans le même dossier que la fiche (sans chemin)"],
  "logo-script.yaml": ["14:7  logo  logo SVG refusé (attribut « onload » non autorisé) : seul un dessin statique est accepté"],
  "data-hosting.yaml": [
    "12:13  data_hosting.location  valeur « europe » non reconnue ; valeurs possibles : france, union-europeenne, hors-union-europeenne",
    "13:9  data_hosting.host  texte trop long : 100 caractères au plus (105 ici)",
  ],
  "data-hosting-incomplete.yaml": [
    "12:3  data_hosting.host  champ obligatoire manquant",
    "13:3  data_hosting.country  champ inconnu « country » ; champs possibles ici : location, host",
  ],
  "wrong-types.yaml": [
    "9:10  hosting  valeur attendue : une liste",
    "10:31  categories[1]  valeur en double « visioconference »",
    "10:48  categories[2]  valeur « inconnue » non reconnue ; valeurs possibles : visioconference, partage-fichiers",
    "14:7  demo  valeur attendue : « true » ou « false »",
  ],
};

for (const [name, expected] of Object.entries(expectations)) {
  test(`${name} is rejected with its exact messages and lines`, () => {
    const file = `tests/fixtures/bad/${name}`;
    assert.equal(lines(path.join(BAD_DIR, name)), expected.map((l) => `${file}:${l}`));
  });
}

test("every bad fixture on disk has an expectation", () => {
  const onDisk = readdirSync(BAD_DIR).filter((f) => /\.(ya?ml|md)$/.test(f) && f !== "bom-crlf.yaml");
  assert.equal(onDisk.sort(), Object.keys(expectations).sort());
});

test("a BOM and CRLF line endings are accepted", () => {
  assert.equal(lines(path.join(BAD_DIR, "bom-crlf.yaml")), []);
});

test("one run reports every invalid file and still checks the valid ones", () => {
  const result = checkSolutions([BAD_DIR, path.join(FIXTURE_ROOT, "content")], { root: FIXTURE_ROOT, today: TODAY });
  const files = new Set(result.problems.map((p) => path.basename(p.file)));
  assert.equal(files.size, Object.keys(expectations).length);
  assert.equal(result.solutions.map((s) => s.slug).sort(), ["bom-crlf", "visio-libre"]);
});

test("a valid data hosting reaches the solution with its two known keys only", () => {
  const dir = testDir();
  const text = readFileSync(path.join(FIXTURE_ROOT, "content/solutions/visio-libre.yaml"), "utf8");
  writeFileSync(path.join(dir, "visio-libre.yaml"), `${text}data_hosting:\n  location: union-europeenne\n  host: Hébergeur Exemple\n`);
  const result = checkSolutions([dir], { root: FIXTURE_ROOT, today: TODAY });
  assert.equal(result.problems, []);
  assert.equal(result.solutions[0]!.dataHosting, { location: "union-europeenne", host: "Hébergeur Exemple" });
});

test("a host name on two lines is refused: it holds on one line", () => {
  const dir = testDir();
  const text = readFileSync(path.join(FIXTURE_ROOT, "content/solutions/visio-libre.yaml"), "utf8");
  writeFileSync(path.join(dir, "visio-libre.yaml"), `${text}data_hosting:\n  location: france\n  host: "Hébergeur\\nExemple"\n`);
  const result = checkSolutions([dir], { root: FIXTURE_ROOT, today: TODAY });
  assert.equal(result.problems.map((p) => `${p.field}  ${p.message}`), ["data_hosting.host  caractère invisible ou de contrôle interdit (U+000A) ; ce champ tient sur une ligne"]);
});

function testDir(): string {
  return tempDir("test");
}

test("a file over the size limit is refused before parsing", () => {
  const dir = testDir();
  const file = path.join(dir, "too-big.yaml");
  writeFileSync(file, `name: x\ndescription: "${"a".repeat(110 * 1024)}"\n`);
  assert.equal(lines(file), [`${path.relative(PROJECT_ROOT, file)}:1:1  -  le fichier fait ${110 * 1024 + 24} octets, au-delà de la limite de 102400 octets (100 Kio)`]);
});

test("a symbolic link is refused instead of followed", () => {
  const dir = testDir();
  symlinkSync("/etc/passwd", path.join(dir, "lien.yaml"));
  assert.equal(lines(dir), [`${path.relative(PROJECT_ROOT, dir)}/lien.yaml:1:1  -  lien symbolique refusé : la fiche doit être un fichier ordinaire`]);
});

test("a billion-laughs file is refused at its first anchor", () => {
  const dir = testDir();
  const file = path.join(dir, "laughs.yaml");
  let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(",")}]\n`;
  writeFileSync(file, text);
  assert.equal(lines(file).length, 1);
  assert.match(lines(file)[0]!, /:1:\d+  -  ancre YAML/);
});

function writeSolution(dir: string, slug: string, fields: Record<string, string>): string {
  const base: Record<string, string> = {
    name: slug,
    slug,
    short_description: "Test.",
    website: `https://${slug}.example.org/`,
    provider: "{name: Exemple, type: entreprise}",
    distribution: "proprietaire",
    hosting: "[saas]",
    categories: "[visioconference]",
    evaluation: '{grid_version: "1.0", date: "2026-01-01"}',
    ...fields,
  };
  const file = path.join(dir, `${slug}.yaml`);
  writeFileSync(file, Object.entries(base).map(([k, v]) => `${k}: ${v}`).join("\n") + "\n");
  return file;
}

test("cross-file checks catch duplicate names, websites, look-alike names and slugs differing by case, on both files of each pair", () => {
  const dir = testDir();
  writeSolution(dir, "alpha", { name: "Nextcloud" });
  writeSolution(dir, "beta", { name: "nextcloud", website: "https://www.alpha.example.org" });
  writeSolution(dir, "gamma", { name: '"N\u0435xtcl\u043eud Pro"' });
  writeSolution(dir, "delta", { name: '"Ne\\u200Bxtcl0ud Pro"' });
  writeFileSync(path.join(dir, "Alpha.md"), readFileSync(path.join(dir, "alpha.yaml"), "utf8").replace(/^/, "---\n") + "---\n");
  const shown = path.relative(PROJECT_ROOT, dir);
  assert.equal(lines(dir), [
    `${shown}/Alpha.md:2:1  -  le nom de fichier « Alpha » ne diffère de ${shown}/alpha.yaml que par la casse`,
    `${shown}/Alpha.md:2:7  name  nom « Nextcloud » aussi utilisé par ${shown}/alpha.yaml`,
    `${shown}/Alpha.md:3:7  slug  l'identifiant « alpha » doit être identique au nom du fichier sans extension (« Alpha »)`,
    `${shown}/Alpha.md:3:7  slug  identifiant « alpha » aussi utilisé par ${shown}/alpha.yaml`,
    `${shown}/Alpha.md:5:10  website  site web « https://alpha.example.org/ » aussi déclaré par ${shown}/alpha.yaml`,
    `${shown}/alpha.yaml:1:1  -  le nom de fichier « alpha » ne diffère de ${shown}/Alpha.md que par la casse`,
    `${shown}/alpha.yaml:1:7  name  nom « Nextcloud » aussi utilisé par ${shown}/Alpha.md`,
    `${shown}/alpha.yaml:2:7  slug  identifiant « alpha » aussi utilisé par ${shown}/Alpha.md`,
    `${shown}/alpha.yaml:4:10  website  site web « https://alpha.example.org/ » aussi déclaré par ${shown}/Alpha.md`,
    `${shown}/beta.yaml:1:7  name  nom « nextcloud » aussi utilisé par ${shown}/Alpha.md`,
    `${shown}/beta.yaml:4:10  website  site web « https://www.alpha.example.org » aussi déclaré par ${shown}/Alpha.md`,
    `${shown}/delta.yaml:1:7  name  caractère invisible ou de contrôle interdit (U+200B) ; ce champ tient sur une ligne`,
    `${shown}/delta.yaml:1:7  name  le nom « Ne\\u200bxtcl0ud Pro » se confond avec celui de « N\u0435xtcl\u043eud Pro » (${shown}/gamma.yaml) : caractères semblables, accents ou caractères invisibles`,
    `${shown}/gamma.yaml:1:7  name  le nom « N\u0435xtcl\u043eud Pro » mélange des alphabets (latin et cyrillique) : écrivez-le dans un seul alphabet`,
    `${shown}/gamma.yaml:1:7  name  le nom « N\u0435xtcl\u043eud Pro » se confond avec celui de « Ne\\u200bxtcl0ud Pro » (${shown}/delta.yaml) : caractères semblables, accents ou caractères invisibles`,
  ]);
});

test("a file with thousands of errors is detailed up to 50 problems, then counted", () => {
  const dir = testDir();
  writeSolution(dir, "errors", { public_references: `[${Array(3000).fill('"\\e"').join(", ")}]` });
  const out = lines(dir);
  assert.is(out.length, 51);
  assert.match(out[50]!, /  -  … et \d{4} autres problèmes dans ce fichier \(non détaillés\)$/);
});

test("hidden files and sub-folders of content/solutions are reported, not skipped", () => {
  const dir = path.join(testDir(), "solutions");
  mkdirSync(path.join(dir, "sub"), { recursive: true });
  writeSolution(dir, "ok", {});
  writeFileSync(path.join(dir, ".evil.yaml"), "a: !!js/function 'x'\n");
  writeSolution(path.join(dir, "sub"), "nested", {});
  const shown = path.relative(PROJECT_ROOT, dir);
  assert.equal(lines(dir), [
    `${shown}/.evil.yaml:1:1  -  fichier ou dossier caché refusé : une fiche est un fichier visible <identifiant>.yaml ou .md`,
    `${shown}/sub:1:1  -  sous-dossier refusé : les fiches sont placées directement dans content/solutions`,
  ]);
});

test("a folder name that is not UTF-8 is reported and the other files are still checked", () => {
  const dir = testDir();
  mkdirSync(Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff])]));
  writeSolution(dir, "ok", {});
  writeSolution(dir, "ko", { website: "https://ok.example.org/" });
  const out = lines(dir);
  assert.is(out.length, 3);
  assert.match(out[0]!, /bad.:1:1  -  nom de fichier invalide : il doit être en UTF-8$/);
  assert.match(out[1]!, /ko\.yaml:4:10  website  site web « https:\/\/ok\.example\.org\/ » aussi déclaré par .*ok\.yaml$/);
  assert.match(out[2]!, /ok\.yaml:4:10  website  site web « https:\/\/ok\.example\.org\/ » aussi déclaré par .*ko\.yaml$/);
});

test("look-alike names from other scripts, small capitals and punycode websites are caught", () => {
  const dir = testDir();
  writeSolution(dir, "a", { name: "Nextcloud", website: "https://nextcloud.example.org/" });
  writeSolution(dir, "b", { name: "Nextcl\u0585ud" });
  writeSolution(dir, "c", { name: "Nextclo\u1d1cd" });
  writeSolution(dir, "d", { name: "Autre", website: "https://xn--nxtcloud-c8g.example.org/" });
  const shown = path.relative(PROJECT_ROOT, dir);
  assert.equal(lines(dir), [
    `${shown}/a.yaml:1:7  name  le nom « Nextcloud » se confond avec celui de « Nextclօud » (${shown}/b.yaml) : caractères semblables, accents ou caractères invisibles`,
    `${shown}/a.yaml:4:10  website  site web « https://nextcloud.example.org/ » aussi déclaré par ${shown}/d.yaml`,
    `${shown}/b.yaml:1:7  name  le nom « Nextclօud » mélange des alphabets (latin et arménien) : écrivez-le dans un seul alphabet`,
    `${shown}/b.yaml:1:7  name  le nom « Nextclօud » se confond avec celui de « Nextcloud » (${shown}/a.yaml) : caractères semblables, accents ou caractères invisibles`,
    `${shown}/c.yaml:1:7  name  le nom « Nextcloᴜd » se confond avec celui de « Nextcloud » (${shown}/a.yaml) : caractères semblables, accents ou caractères invisibles`,
    `${shown}/d.yaml:4:10  website  site web « https://xn--nxtcloud-c8g.example.org/ » aussi déclaré par ${shown}/a.yaml`,
  ]);
});

test("blank, invisible, stacked-accent texts and impossible ports are refused", () => {
  const dir = testDir();
  writeSolution(dir, "blank", { name: '"\u00a0 "' });
  writeSolution(dir, "tags", { short_description: '"Texte\\U000E0041 caché"' });
  writeSolution(dir, "zalgo", { name: '"H\u0301\u0302\u0303\u0304"' });
  writeSolution(dir, "port", { website: "https://port.example.org:99999/" });
  const shown = path.relative(PROJECT_ROOT, dir);
  assert.equal(lines(dir), [
    `${shown}/blank.yaml:1:7  name  ce texte doit contenir au moins une lettre ou un chiffre`,
    `${shown}/port.yaml:4:10  website  adresse « https://port.example.org:99999/ » invalide : une adresse web absolue commençant par « https:// » est attendue`,
    `${shown}/tags.yaml:3:20  short_description  caractère invisible ou de contrôle interdit (U+E0041) ; ce champ tient sur une ligne`,
    `${shown}/zalgo.yaml:1:7  name  trop de signes diacritiques empilés sur une même lettre`,
  ]);
});

test.run();
