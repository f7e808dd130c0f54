// The options of `catalogue new` and its French help.
import { escapeControls } from "../lib/text.ts";
import type { Grid } from "../lib/types.ts";
import { DRAFT_FIELDS, fieldTitle, type DraftKey, type DraftValues } from "./fields.ts";

export interface NewOptions {
  values: DraftValues;
  /** The values given as options: never asked, and they win over an import. */
  given: Set<DraftKey>;
  from?: string;
  out?: string;
  force: boolean;
  yes: boolean;
  help: boolean;
}

export type Parsed = { ok: true; options: NewOptions } | { ok: false; message: string };

const VALUE_OPTIONS = ["from-publiccode", "out"];

export function parseNewArgs(args: readonly string[]): Parsed {
  const options: NewOptions = { values: {}, given: new Set(), force: false, yes: false, help: false };
  const seen = new Set<string>();
  const fail = (message: string): Parsed => ({ ok: false, message });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-h" || arg === "--help") options.help = true;
    else if (arg === "-y" || arg === "--yes") options.yes = true;
    else if (arg === "--force") options.force = true;
    else if (arg.startsWith("--")) {
      const equals = arg.indexOf("=");
      const name = arg.slice(2, equals === -1 ? undefined : equals);
      const draftField = DRAFT_FIELDS.find((f) => f.flag === name);
      if (!draftField && !VALUE_OPTIONS.includes(name)) return fail(`option inconnue ${shown(arg)} (catalogue new --help liste les options)`);
      let value: string | undefined;
      if (equals !== -1) value = arg.slice(equals + 1);
      else if (i + 1 < args.length && !args[i + 1]!.startsWith("--")) value = args[++i];
      if (value === undefined) return fail(`l'option --${name} attend une valeur`);
      if (seen.has(name)) return fail(`l'option --${name} est donnée deux fois`);
      seen.add(name);
      value = value.trim();
      if (value === "") return fail(`l'option --${name} est vide`);
      if (name === "from-publiccode") options.from = value;
      else if (name === "out") options.out = value;
      else if (draftField) {
        const list = value.split(",").map((item) => item.trim()).filter(Boolean);
        (options.values as Record<string, string | string[]>)[draftField.key] = draftField.kind === "list" ? list : value;
        options.given.add(draftField.key);
      }
    } else return fail(`argument inattendu ${shown(arg)} : catalogue new ne prend que des options (catalogue new --help)`);
  }
  return { ok: true, options };
}

function shown(arg: string): string {
  return `« ${escapeControls(arg.length > 60 ? `${arg.slice(0, 59)}…` : arg)} »`;
}

const VOCABULARY_OF: Partial<Record<DraftKey, keyof Grid["vocabularies"]>> = {
  providerType: "providerTypes",
  distribution: "distributions",
  hosting: "hostingModes",
  categories: "categories",
};

const ARGUMENT: Readonly<Record<string, string>> = { text: "TEXTE", choice: "VALEUR", list: "V1,V2" };
const HELP_WIDTH = 100;
const HELP_INDENT = 31;

/** The help of `catalogue new`; with the grid, each vocabulary option lists its values. */
export function newUsage(grid?: Grid): string {
  const lines = DRAFT_FIELDS.filter((f) => f.flag !== null).flatMap((f) => {
    const argument = f.key === "slug" ? "IDENTIFIANT" : f.key === "licence" ? "SPDX" : /website$|source_code$/.test(f.pointer) ? "URL" : ARGUMENT[f.kind];
    return wrapped(`  ${`--${f.flag} ${argument}`.padEnd(HELP_INDENT - 3)} `, `${fieldTitle(f.key).toLowerCase()}${grid ? optionValues(f.key, grid) : ""}`);
  });
  return `Utilisation : catalogue new [options]

Crée le brouillon d'une fiche (content/solutions/<identifiant>.yaml) : les valeurs
obligatoires, puis chaque critère de la grille qui concerne la solution, prêt à être
renseigné. Dans un terminal, la commande demande les valeurs que les options ne donnent pas.

Valeurs de la fiche (les listes sont séparées par des virgules) :
${lines.join("\n")}

Autres options :
  --from-publiccode FICHIER    pré-remplit la fiche à partir d'un publiccode.yml
                               (les options données l'emportent sur les valeurs importées)
  --out CHEMIN                 dossier de la fiche (content/solutions par défaut)
                               ou chemin du fichier <identifiant>.yaml
  --force                      remplace une fiche existante
  --yes, -y                    ne pose aucune question, comme hors d'un terminal :
                               chaque valeur obligatoire doit alors être donnée
  --help, -h                   affiche cette aide

Codes de sortie : 0 fiche écrite, 1 publiccode.yml illisible, fiche impossible à écrire
ou création annulée, 2 erreur d'utilisation (option inconnue ou invalide, valeur
obligatoire manquante, fiche déjà existante).
`;
}

/** The values an option takes, from the grid: its vocabulary, or the licence rule of the distributions. */
export function optionValues(key: DraftKey, grid: Grid): string {
  const vocabulary = VOCABULARY_OF[key];
  if (vocabulary) return ` : ${grid.vocabularies[vocabulary].map((e) => e.id).join(", ")}`;
  if (key === "licence") {
    const distributions = grid.vocabularies.distributions.filter((d) => d.licenceRequired).map((d) => d.id);
    return ` (identifiant SPDX${distributions.length > 0 ? `, obligatoire pour la distribution ${distributions.join(" ou ")}` : ""})`;
  }
  return "";
}

/** A help line: the option, then its description wrapped under the description column. */
function wrapped(option: string, description: string): string[] {
  const out: string[] = [];
  let current = option;
  for (const word of description.split(" ")) {
    if (current.endsWith(" ")) current += word;
    else if (current.length + 1 + word.length > HELP_WIDTH) {
      out.push(current);
      current = `${" ".repeat(HELP_INDENT)}${word}`;
    } else current += ` ${word}`;
  }
  out.push(current);
  return out;
}
