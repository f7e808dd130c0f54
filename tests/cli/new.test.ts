import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { runNew } from "../../src/cli/new.ts";
import { FIXTURE_ROOT, PROJECT_ROOT, TODAY, tempDir } from "../helpers.ts";

const BIN = path.join(PROJECT_ROOT, "bin/catalogue.js");
const PUBLICCODE = path.join(PROJECT_ROOT, "tests/fixtures/publiccode");
const SCHEMA_LINE = "# yaml-language-server: $schema=https://numerique-gouv.github.io/catalogue-solutions-numeriques/schemas/solution.schema.json";

/** Runs the command as a script would: standard input is not a terminal. */
function run(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.CATALOGUE_SITE_URL;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throw-away project with the fixture grid and an empty content/solutions. */
function project(): string {
  const dir = tempDir("new");
  mkdirSync(path.join(dir, "criteria"));
  mkdirSync(path.join(dir, "content/solutions"), { recursive: true });
  for (const f of ["grid.yaml", "vocabularies.yaml"]) copyFileSync(path.join(FIXTURE_ROOT, "criteria", f), path.join(dir, "criteria", f));
  return dir;
}

const FLAGS = [
  "--name", "Visio Libre",
  "--short-description", "Réunions en ligne pour les agents.",
  "--website", "https://visio.example.org",
  "--provider-name", "Exemple SAS",
  "--provider-type", "entreprise",
  "--distribution", "libre",
  "--licence", "EUPL-1.2",
  "--hosting", "saas",
  "--categories", "visioconference",
];

const solutions = (dir: string) => readdirSync(path.join(dir, "content/solutions"));

test("options only, no terminal: the file is written, prints its path and the next steps, and validates", () => {
  const dir = project();
  const r = run(["new", ...FLAGS], dir);
  assert.is(r.stderr, "");
  assert.is(r.code, 0);
  assert.is(
    r.stdout,
    "Fiche écrite : content/solutions/visio-libre.yaml\n\nÉtapes suivantes :\n" +
      "  1. Relisez la fiche et répondez aux critères de la partie « evaluation » : pour chacun,\n" +
      "     retirez « # » au début de ses quatre lignes (identifiant, answer, justification,\n" +
      "     evidence), puis complétez-les.\n" +
      "  2. Vérifiez la fiche : npx catalogue validate content/solutions/visio-libre.yaml\n" +
      "  3. Relisez-la telle qu'elle sera publiée : npx catalogue preview content/solutions/visio-libre.yaml\n" +
      "  4. Ouvrez une demande de fusion (pull request) qui ajoute ce fichier au dépôt.\n",
  );
  assert.equal(solutions(dir), ["visio-libre.yaml"]);
  const text = readFileSync(path.join(dir, "content/solutions/visio-libre.yaml"), "utf8");
  assert.is(text.split("\n")[0], SCHEMA_LINE);
  assert.match(text, /\nname: Visio Libre\nslug: visio-libre\n/);
  assert.match(text, /\nevaluation:\n {2}grid_version: "1\.0"\n {2}date: "\d{4}-\d{2}-\d{2}"\n/);
  assert.equal([...text.matchAll(/^ {2}# ([A-Z]+-[0-9]{2}):$/gm)].map((m) => m[1]), ["NR-01", "NR-02", "NR-03", "CI-01", "CI-08", "OSS-01", "OSS-02", "OSS-03", "OSS-04"]);
  const validate = run(["validate", "content/solutions/visio-libre.yaml"], dir);
  assert.is(validate.stderr, "1 fiche valide.\n");
  assert.is(validate.code, 0);
});

test("missing required values, without a terminal: a French usage error listing the options, exit 2, nothing written", () => {
  const dir = project();
  const r = run(["new", "--name", "Visio Libre", "--hosting", "on-premises"], dir);
  assert.is(r.code, 2);
  assert.is(
    r.stderr,
    "catalogue new : valeurs obligatoires manquantes : --short-description (description courte), --website (site web de la solution), " +
      "--provider-name (nom du fournisseur), --provider-type (type de fournisseur : entreprise, association, administration), " +
      "--distribution (distribution : libre, proprietaire, hybride), --categories (catégories de besoin : visioconference, partage-fichiers)\n" +
      "Donnez-les en options, ou lancez la commande dans un terminal, sans --yes, pour répondre aux questions.\n",
  );
  assert.equal(solutions(dir), []);
  // The licence is asked for once the distribution calls for one.
  const licence = run(["new", ...FLAGS.filter((f, i) => f !== "--licence" && FLAGS[i - 1] !== "--licence")], dir);
  assert.is(licence.stderr, "catalogue new : valeurs obligatoires manquantes : --licence (licence (identifiant SPDX, obligatoire pour la distribution libre ou hybride))\nDonnez-les en options, ou lancez la commande dans un terminal, sans --yes, pour répondre aux questions.\n");
});

test("usage errors: unknown option, stray argument, invalid values with the validator's words", () => {
  const dir = project();
  const cases: [string[], string][] = [
    [["--nom", "X"], "catalogue new : option inconnue « --nom » (catalogue new --help liste les options)\n"],
    [["visio"], "catalogue new : argument inattendu « visio » : catalogue new ne prend que des options (catalogue new --help)\n"],
    [["--name"], "catalogue new : l'option --name attend une valeur\n"],
    [["--name", "A", "--name", "B"], "catalogue new : l'option --name est donnée deux fois\n"],
    [
      ["--website", "http://visio.example.org", "--hosting", "cloud"],
      "catalogue new : --website : adresse « http://visio.example.org » invalide : une adresse web absolue commençant par « https:// » est attendue\n" +
        "catalogue new : --hosting : valeur « cloud » non reconnue ; valeurs possibles : saas, on-premises\n",
    ],
    [["--licence", "AGPL-3.0"], "catalogue new : --licence : identifiant SPDX obsolète « AGPL-3.0 » : précisez « AGPL-3.0-only » ou « AGPL-3.0-or-later »\n"],
    [["--slug", "Visio"], "catalogue new : --slug : identifiant « Visio » invalide : lettres minuscules sans accent, chiffres et tirets simples uniquement\n"],
  ];
  for (const [args, stderr] of cases) {
    const r = run(["new", ...args], dir);
    assert.is(r.stderr, stderr, args.join(" "));
    assert.is(r.code, 2, args.join(" "));
  }
  assert.equal(solutions(dir), []);
});

test("--help prints the French help with the grid's values, exit 0", () => {
  const r = run(["new", "--help"], project());
  assert.is(r.code, 0);
  assert.ok(r.stdout.startsWith("Utilisation : catalogue new [options]\n"));
  assert.ok(r.stdout.includes("  --hosting V1,V2              modes d'hébergement : saas, on-premises\n"));
  assert.ok(r.stdout.includes("  --from-publiccode FICHIER    pré-remplit la fiche à partir d'un publiccode.yml\n"));
  assert.ok(run(["--help"], project()).stdout.includes("  new [options]         crée le brouillon d'une fiche, avec la grille à renseigner\n"));
});

test("an existing file is refused unless --force; a .md of the same slug always", () => {
  const dir = project();
  writeFileSync(path.join(dir, "content/solutions/visio-libre.yaml"), "avant\n");
  const refused = run(["new", ...FLAGS], dir);
  assert.is(refused.code, 2);
  assert.is(refused.stderr, "catalogue new : la fiche content/solutions/visio-libre.yaml existe déjà : choisissez un autre identifiant, ou remplacez-la avec --force\n");
  assert.is(readFileSync(path.join(dir, "content/solutions/visio-libre.yaml"), "utf8"), "avant\n");
  assert.is(run(["new", ...FLAGS, "--force"], dir).code, 0);
  assert.ok(readFileSync(path.join(dir, "content/solutions/visio-libre.yaml"), "utf8").startsWith(SCHEMA_LINE));
  writeFileSync(path.join(dir, "content/solutions/visio.md"), "---\n---\n");
  const md = run(["new", ...FLAGS, "--slug", "visio", "--force"], dir);
  assert.is(md.stderr, "catalogue new : la fiche content/solutions/visio.md existe déjà : choisissez un autre identifiant\n");
  assert.equal(solutions(dir).sort(), ["visio-libre.yaml", "visio.md"]);
});

test("--out names the folder, or the file whose name is the slug", () => {
  const dir = project();
  mkdirSync(path.join(dir, "drafts"));
  assert.is(run(["new", ...FLAGS, "--out", "drafts"], dir).code, 0);
  assert.ok(existsSync(path.join(dir, "drafts/visio-libre.yaml")));
  const named = run(["new", ...FLAGS, "--out", "drafts/ma-visio.yaml"], dir);
  assert.is(named.code, 0);
  assert.match(readFileSync(path.join(dir, "drafts/ma-visio.yaml"), "utf8"), /\nslug: ma-visio\n/);
  const clash = run(["new", ...FLAGS, "--slug", "autre", "--out", "drafts/ma-visio.yaml"], dir);
  assert.is(clash.stderr, "catalogue new : --out : le nom du fichier (« ma-visio ») doit être l'identifiant donné par --slug (« autre »)\n");
  assert.is(run(["new", ...FLAGS, "--out", "nulle-part"], dir).stderr, "catalogue new : nulle-part : dossier introuvable\n");
});

test("--from-publiccode: the import is reported, options complete it, and the draft validates", () => {
  const dir = project();
  const r = run(["new", "--from-publiccode", path.join(PUBLICCODE, "esup-pod.yml"), "--provider-type", "association", "--hosting", "saas,on-premises"], dir);
  assert.is(r.stderr, "");
  assert.is(r.code, 0);
  const file = path.relative(dir, path.join(PUBLICCODE, "esup-pod.yml"));
  assert.ok(r.stdout.startsWith(`Import de ${file} :\n  Repris : nom de la solution, description courte, description longue, site web de la solution, nom du fournisseur, distribution, licence, dépôt du code source, modes d'hébergement (proposé), catégories de besoin, références publiques (41)\n`));
  assert.ok(r.stdout.includes(`  ${file}:7  categories  sans équivalent parmi les catégories du catalogue : video-editing, communications\n`));
  const text = readFileSync(path.join(dir, "content/solutions/esup-pod.yaml"), "utf8");
  // The options win over the proposal: both hosting modes, so every criterion.
  assert.match(text, /\nhosting:\n {2}- saas\n {2}- on-premises\n/);
  assert.match(text, /\nprovider:\n {2}name: Esup-Portail\n {2}type: association\n/);
  assert.match(text, /^ {2}# NR-04:$/m);
  assert.is(run(["validate", "content/solutions/esup-pod.yaml"], dir).code, 0);
});

test("every publiccode.yml fixture gives a draft that validates, once the values it lacks are given", () => {
  const dir = project();
  // Two fixtures describe GlobaLeaks: one name for two files is refused across files, so the older one goes apart.
  mkdirSync(path.join(dir, "content/older"));
  const files = readdirSync(PUBLICCODE).filter((f) => f.endsWith(".yml") && !f.startsWith("broken-"));
  assert.is(files.length, 12);
  for (const name of files) {
    const slug = name.replace(/\.yml$/, "");
    const extra = ["--slug", slug, "--provider-name", "Fournisseur", "--provider-type", "entreprise", "--categories", "partage-fichiers"];
    if (name === "globaleaks-2019.yml") extra.push("--out", "content/older");
    const r = run(["new", "--from-publiccode", path.join(PUBLICCODE, name), ...extra], dir);
    assert.is(r.code, 0, `${name}: ${r.stderr}`);
  }
  assert.is(run(["validate", "content/solutions"], dir).stderr, "11 fiches valides.\n");
  assert.is(run(["validate", "content/older"], dir).stderr, "1 fiche valide.\n");
});

test("broken publiccode.yml files: a located French error, exit 1, nothing written", () => {
  const dir = project();
  const big = path.join(dir, "big.yml");
  writeFileSync(big, `name: Gros\ndescription: "${"x".repeat(110_000)}"\n`);
  const at = (name: string) => path.relative(dir, path.join(PUBLICCODE, name));
  const cases: [string, string][] = [
    [path.join(PUBLICCODE, "broken-invalid-yaml.yml"), `${at("broken-invalid-yaml.yml")}:7:5  YAML invalide : virgule manquante entre deux éléments d'une liste entre crochets`],
    [path.join(PUBLICCODE, "broken-list.yml"), `${at("broken-list.yml")}:1:1  un publiccode.yml est une table de champs « clé: valeur » (publiccodeYmlVersion, name, url…), pas une liste ni une valeur seule`],
    [path.join(PUBLICCODE, "broken-alias-bomb.yml"), `${at("broken-alias-bomb.yml")}:3:70  ancre YAML (« &nom ») refusée : les ancres et les alias ne sont pas acceptés, écrivez chaque valeur en entier`],
    [path.join(PUBLICCODE, "broken-latin1.yml"), `${at("broken-latin1.yml")}:6:36  encodage invalide : le fichier doit être en UTF-8 (octet non valide à la position 135)`],
    [path.join(PUBLICCODE, "broken-empty.yml"), `${at("broken-empty.yml")}:1:1  fichier vide : un publiccode.yml contient au moins les champs publiccodeYmlVersion, name et url`],
    [path.join(PUBLICCODE, "broken-not-publiccode.yml"), `${at("broken-not-publiccode.yml")}:1:1  aucun champ de publiccode.yml (publiccodeYmlVersion, name, url, description, legal) : ce fichier n'en est pas un`],
    [big, "big.yml:1:1  le fichier fait 110027 octets, au-delà de la limite de 102400 octets (100 Kio) : un publiccode.yml pèse quelques kilo-octets"],
  ];
  for (const [file, message] of cases) {
    const r = run(["new", "--from-publiccode", file, ...FLAGS], dir);
    assert.is(r.stderr, `catalogue new : ${message}\n`, file);
    assert.is(r.code, 1, file);
    assert.is(r.stdout, "", file);
  }
  const missing = run(["new", "--from-publiccode", "absent.yml", ...FLAGS], dir);
  assert.is(missing.stderr, "catalogue new : absent.yml:1:1  fichier introuvable\n");
  assert.is(missing.code, 2);
  assert.equal(solutions(dir), []);
});

/** A terminal screen for the prompts: waits for a question, then types an answer. */
class Screen {
  text = "";
  private waiting: { pattern: RegExp; resolve: () => void } | undefined;
  readonly input = new PassThrough();
  readonly output: Writable = Object.assign(
    new Writable({
      write: (chunk, _encoding, callback) => {
        // Colours and cursor moves dropped: the screen as read.
        this.text += chunk.toString().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
        if (this.waiting?.pattern.test(this.text)) this.waiting.resolve();
        callback();
      },
    }),
    { columns: 120, rows: 40 },
  );
  /** Waits until `pattern` shows, then types `keys` on a cleared screen. */
  async answer(pattern: RegExp, keys: string): Promise<void> {
    if (!pattern.test(this.text)) await new Promise<void>((resolve) => (this.waiting = { pattern, resolve }));
    this.waiting = undefined;
    this.text = "";
    this.input.write(keys);
  }
}

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _e, callback) => (chunks.push(chunk.toString()), callback()) });
  return { stream, text: () => chunks.join("") };
}

const ENTER = "\r";
const DOWN = "\x1b[B";
const RIGHT = "\x1b[C";
const CLEAR_LINE = "\x15";

test("in a terminal, the questions fill the file: invalid answers are asked again, the slug is proposed", async () => {
  const dir = project();
  const screen = new Screen();
  const stdout = capture();
  const stderr = capture();
  const done = runNew([], { cwd: dir, stdout: stdout.stream, stderr: stderr.stream, interactive: true, prompts: { input: screen.input, output: screen.output }, today: TODAY, env: {} });
  await screen.answer(/logiciel ou un service numérique[\s\S]*● Oui/, ENTER);
  await screen.answer(/Nom de la solution/, `Visio Libre${ENTER}`);
  await screen.answer(/Identifiant \(nom du fichier, proposé à partir du nom\)\n│ {2}visio-libre/, ENTER);
  await screen.answer(/Description courte/, `Réunions en ligne.${ENTER}`);
  await screen.answer(/Site web de la solution/, `http://visio.example.org${ENTER}`);
  await screen.answer(/adresse « http:\/\/visio\.example\.org » invalide : une adresse web absolue commençant par « https:\/\/ » est attendue/, `${CLEAR_LINE}https://visio.example.org${ENTER}`);
  await screen.answer(/Nom du fournisseur/, `Exemple SAS${ENTER}`);
  await screen.answer(/Type de fournisseur/, ENTER);
  await screen.answer(/Distribution/, `${DOWN}${ENTER}`);
  await screen.answer(/Modes d'hébergement/, ENTER);
  await screen.answer(/choisissez au moins une valeur[\s\S]*Modes d'hébergement/, `${DOWN} ${ENTER}`);
  await screen.answer(/Catégories de besoin/, ` ${ENTER}`);
  assert.is(await done, 0);
  assert.is(stderr.text(), "");
  assert.ok(stdout.text().startsWith("Fiche écrite : content/solutions/visio-libre.yaml\n"));
  const text = readFileSync(path.join(dir, "content/solutions/visio-libre.yaml"), "utf8");
  assert.ok(
    text.includes(
      "name: Visio Libre\nslug: visio-libre\nshort_description: Réunions en ligne.\nwebsite: https://visio.example.org\nprovider:\n  name: Exemple SAS\n  type: entreprise\n" +
        "distribution: proprietaire\nhosting:\n  - on-premises\ncategories:\n  - visioconference\n",
    ),
  );
  assert.equal([...text.matchAll(/^ {2}# ([A-Z]+-[0-9]{2}):$/gm)].map((m) => m[1]), ["NR-01", "NR-03", "NR-04", "CI-01", "CI-08", "OSS-01", "OSS-02", "OSS-03", "OSS-04"]);
  assert.is(run(["validate", "content/solutions/visio-libre.yaml"], dir).code, 0);
});

test("in a terminal, imported proposals are asked with their value first, given options are not asked", async () => {
  const dir = project();
  const screen = new Screen();
  const stdout = capture();
  const args = ["--from-publiccode", path.join(PUBLICCODE, "io-app.yml"), "--short-description", "L'application des services publics."];
  const done = runNew(args, { cwd: dir, stdout: stdout.stream, stderr: capture().stream, interactive: true, prompts: { input: screen.input, output: screen.output }, today: TODAY, env: {} });
  await screen.answer(/logiciel ou un service numérique/, ENTER);
  await screen.answer(/Identifiant[^\n]*\n│ {2}io\b/, ENTER);
  await screen.answer(/Type de fournisseur[\s\S]*● Administration/, ENTER);
  await screen.answer(/Modes d'hébergement[\s\S]*◼ Sur site/, ENTER);
  await screen.answer(/Catégories de besoin/, `${DOWN} ${ENTER}`);
  assert.is(await done, 0);
  const text = readFileSync(path.join(dir, "content/solutions/io.yaml"), "utf8");
  assert.ok(text.includes("short_description: L'application des services publics.\n"));
  assert.ok(text.includes("provider:\n  name: PagoPA S.p.A.\n  type: administration\n"));
  assert.ok(text.includes("hosting:\n  - on-premises\ncategories:\n  - partage-fichiers\n"));
  assert.not.match(screen.text, /Description courte/);
});

test("in a terminal, cancelling writes nothing and exits 1", async () => {
  const dir = project();
  const screen = new Screen();
  const done = runNew([], { cwd: dir, stdout: capture().stream, stderr: capture().stream, interactive: true, prompts: { input: screen.input, output: screen.output }, today: TODAY, env: {} });
  await screen.answer(/logiciel ou un service numérique/, ENTER);
  await screen.answer(/Nom de la solution/, "\x03");
  assert.is(await done, 1);
  assert.match(screen.text, /Création annulée : aucun fichier écrit\./);
  assert.equal(solutions(dir), []);
});

test("in a terminal, a provider whose offer is not software is told so before any other question", async () => {
  const dir = project();
  const screen = new Screen();
  const done = runNew([], { cwd: dir, stdout: capture().stream, stderr: capture().stream, interactive: true, prompts: { input: screen.input, output: screen.output }, today: TODAY, env: {} });
  await screen.answer(/logiciel ou un service numérique[\s\S]*● Oui/, `${RIGHT}${ENTER}`);
  assert.is(await done, 1);
  assert.match(screen.text.replace(/\s*│\s*/g, " "), /Le catalogue ne référence que des logiciels et des services numériques destinés aux organismes publics/);
  assert.not.match(screen.text, /Nom de la solution/);
  assert.equal(solutions(dir), []);
});

test.run();
