// `catalogue new [options]`: writes the draft of a solution file, with the
// criteria of the grid ready to be answered. Asks in a terminal; with --yes or
// without a terminal, every required value must come from the options (or
// from --from-publiccode). The draft is validated before it is written, and
// written in one step.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { catalogueToday } from "../lib/calendar.ts";
import { compiledGridHash } from "../lib/compiled-validator.ts";
import { GridError, loadGrid } from "../lib/grid.ts";
import { formatProblems } from "../lib/report.ts";
import { schemaUrl } from "../lib/site-url.ts";
import { escapeControls } from "../lib/text.ts";
import type { Grid } from "../lib/types.ts";
import { getValidator } from "../lib/validate.ts";
import { checkDraftText, valueProblem } from "../contribute/check.ts";
import { renderDraft } from "../contribute/draft.ts";
import { draftField, fieldTitle, missingRequired, type DraftField, type DraftKey, type DraftValues } from "../contribute/fields.ts";
import { importReport } from "../contribute/import-report.ts";
import { newUsage, optionValues, parseNewArgs } from "../contribute/options.ts";
import type { PromptStreams } from "../contribute/prompts.ts";
import { readPubliccodeFile } from "../contribute/publiccode-file.ts";
import { importPubliccode, type PubliccodeImport } from "../contribute/publiccode.ts";
import { suggestSlug } from "../contribute/slug.ts";
import { FileExistsError, writeFileAtomic } from "../contribute/write.ts";

export interface NewEnvironment {
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  /** Questions may be asked: standard input is a terminal. */
  interactive: boolean;
  /** Where the questions read and write (a terminal's by default). */
  prompts?: PromptStreams;
  /** YYYY-MM-DD; today in Paris by default. */
  today?: string;
  env?: NodeJS.ProcessEnv;
}

export function processEnvironment(): NewEnvironment {
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, interactive: process.stdin.isTTY === true, env: process.env };
}

const SOLUTIONS_DIR = path.join("content", "solutions");
// Any of these beside the new file would give the slug two files.
const SIBLING_EXTENSIONS = [".yaml", ".yml", ".md"];

export async function runNew(args: string[], environment: NewEnvironment = processEnvironment()): Promise<number> {
  const { cwd, stdout, stderr } = environment;
  const usageError = (message: string) => {
    stderr.write(`catalogue new : ${message}\n`);
    return 2;
  };
  const parsed = parseNewArgs(args);
  if (!parsed.ok) return usageError(parsed.message);
  const options = parsed.options;

  let grid: Grid;
  try {
    grid = loadGrid(cwd, compiledGridHash);
  } catch (error) {
    if (!(error instanceof GridError)) throw error;
    if (options.help) {
      stdout.write(newUsage());
      return 0;
    }
    return usageError(`grille de critères illisible (lancez la commande à la racine du dépôt du catalogue)\n${escapeControls(error.message)}`);
  }
  if (options.help) {
    stdout.write(newUsage(grid));
    return 0;
  }
  const validator = getValidator(grid, cwd);
  const today = environment.today ?? catalogueToday();
  const shown = (file: string) => escapeControls(path.relative(cwd, file).split(path.sep).join("/") || file);

  const refused = [...options.given].flatMap((key) => {
    const problem = valueProblem(validator, options.values, key, options.values[key]!, today);
    return problem ? [`--${draftField(key).flag} : ${problem}`] : [];
  });
  if (refused.length > 0) return usageError(refused.join("\ncatalogue new : "));

  let imported: PubliccodeImport | undefined;
  if (options.from !== undefined) {
    const file = path.resolve(cwd, options.from);
    const read = readPubliccodeFile(file);
    if (!read.ok) {
      const at = `${shown(file)}:${read.error.line}:${read.error.column}`;
      if (read.missing) return usageError(`${at}  ${read.error.message}`);
      stderr.write(`catalogue new : ${at}  ${read.error.message}\n`);
      return 1;
    }
    imported = importPubliccode(read.doc, validator, today);
    if (!imported) {
      stderr.write(`catalogue new : ${shown(file)}:1:1  aucun champ de publiccode.yml (publiccodeYmlVersion, name, url, description, legal) : ce fichier n'en est pas un\n`);
      return 1;
    }
    stdout.write(importReport(imported, shown(file)));
  }
  let values: DraftValues = { ...imported?.values, ...options.values };
  const proposed = new Set((imported?.proposed ?? []).filter((key) => !options.given.has(key)));

  // --out: a folder, or the file itself (whose name is then the slug).
  let folder = path.resolve(cwd, options.out ?? SOLUTIONS_DIR);
  if (options.out !== undefined && /\.ya?ml$/i.test(options.out)) {
    const stem = path.basename(folder).replace(/\.ya?ml$/i, "");
    if (path.extname(folder) !== ".yaml") return usageError(`--out : le fichier d'une fiche porte l'extension .yaml (${shown(folder)})`);
    if (values.slug !== undefined && options.given.has("slug") && values.slug !== stem) return usageError(`--out : le nom du fichier (« ${escapeControls(stem)} ») doit être l'identifiant donné par --slug (« ${values.slug} »)`);
    const problem = valueProblem(validator, values, "slug", stem, today);
    if (problem) return usageError(`--out : ${problem}`);
    values.slug = stem;
    options.given.add("slug");
    folder = path.dirname(folder);
  }
  if (!isFolder(folder)) return usageError(`${shown(folder)} : dossier introuvable${options.out === undefined ? " (lancez la commande à la racine du dépôt du catalogue, ou indiquez --out)" : ""}`);

  const fileOf = (slug: string) => path.join(folder, `${slug}.yaml`);
  const slugTaken = (slug: string): string | undefined => {
    const existing = SIBLING_EXTENSIONS.map((ext) => path.join(folder, `${slug}${ext}`)).find((file) => existsSync(file));
    if (existing === undefined || (options.force && existing === fileOf(slug))) return undefined;
    return `la fiche ${shown(existing)} existe déjà : choisissez un autre identifiant${existing === fileOf(slug) ? ", ou remplacez-la avec --force" : ""}`;
  };

  if (environment.interactive && !options.yes) {
    const { askMissing } = await import("../contribute/prompts.ts");
    const check = (key: DraftKey, value: string | string[], current: DraftValues) => valueProblem(validator, current, key, value, today);
    const answered = await askMissing(values, { grid, schema: validator.schema, check, slugTaken, given: options.given, proposed }, environment.prompts);
    if (answered === null) return 1;
    values = answered;
  } else {
    // The slug follows the name when it is not given; a name without letters or digits gives none.
    if (values.slug === undefined && values.name !== undefined) values.slug = suggestSlug(values.name) || undefined;
    const missing = missingRequired(values, validator.schema, grid).filter((f) => !(f.key === "slug" && values.name === undefined));
    if (missing.length > 0) {
      // Each with its values when they are few (the categories are listed by --help).
      const described = (f: DraftField) => {
        const values = optionValues(f.key, grid);
        return `${fieldTitle(f.key).toLowerCase()}${values.length < 80 ? values : ""}`;
      };
      const list = missing.map((f) => `--${f.flag} (${described(f)})`).join(", ");
      return usageError(`valeurs obligatoires manquantes : ${list}\nDonnez-les en options, ou lancez la commande dans un terminal, sans --yes, pour répondre aux questions.`);
    }
  }

  const slug = values.slug!;
  const taken = slugTaken(slug);
  if (taken) return usageError(taken);
  const target = fileOf(slug);
  let url: string;
  try {
    url = schemaUrl(environment.env ?? process.env);
  } catch (error) {
    return usageError(escapeControls((error as Error).message));
  }
  const text = renderDraft(values, grid, validator.schema, { schemaUrl: url, date: today, file: shown(target), ...(options.from ? { importedFrom: shown(path.resolve(cwd, options.from)) } : {}) });
  const problems = checkDraftText(text, shown(target), slug, validator, today);
  if (problems.length > 0) {
    stderr.write(`catalogue new : la fiche préparée ne passe pas la validation ; rien n'a été écrit :\n${formatProblems(problems, "text")}`);
    return 1;
  }
  try {
    writeFileAtomic(target, text, options.force);
  } catch (error) {
    if (error instanceof FileExistsError) return usageError(`la fiche ${shown(target)} existe déjà : choisissez un autre identifiant, ou remplacez-la avec --force`);
    stderr.write(`catalogue new : ${shown(target)} : écriture impossible (${(error as NodeJS.ErrnoException).code ?? "erreur"}) ; rien n'a été écrit\n`);
    return 1;
  }
  stdout.write(nextSteps(shown(target)));
  return 0;
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function nextSteps(file: string): string {
  return `Fiche écrite : ${file}

Étapes suivantes :
  1. Relisez la fiche et répondez aux critères de la partie « evaluation » : pour chacun,
     retirez « # » au début de ses quatre lignes (identifiant, answer, justification,
     evidence), puis complétez-les.
  2. Vérifiez la fiche : npx catalogue validate ${file}
  3. Relisez-la telle qu'elle sera publiée : npx catalogue preview ${file}
  4. Ouvrez une demande de fusion (pull request) qui ajoute ce fichier au dépôt.
`;
}
