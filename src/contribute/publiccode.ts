// publiccode.yml (https://yml.publiccode.tools/) -> the values of a new
// solution file. Every value goes through the validator before it is kept;
// what cannot be kept, or was changed on the way, is said in a note.
import { field } from "../lib/fields.ts";
import type { LoadedDocument } from "../lib/load.ts";
import { locateField } from "../lib/locate.ts";
import { valueAt } from "../lib/schema-errors.ts";
import { isOsiApproved } from "../lib/spdx.ts";
import { quote } from "../lib/text.ts";
import type { Validator } from "../lib/validate.ts";
import { fieldName } from "../lib/validate.ts";
import { valueProblem } from "./check.ts";
import { fieldTitle, type DraftKey, type DraftValues } from "./fields.ts";
import { readLicence } from "./licence.ts";
import { chooseLanguage, hasHtml, htmlToMarkdown, oneLine, tidyParagraphs, truncate, withoutInvisible } from "./publiccode-text.ts";
import { addCategories, addPublicReferences, unmappedKeys } from "./publiccode-lists.ts";
import { inVocabulary, IPA_PROVIDER_TYPE, PUBLISHED_CODE_HOSTING } from "./publiccode-vocab.ts";

export interface ImportNote {
  /** Line in the publiccode.yml, when the note is about one of its fields. */
  line?: number;
  /** Dotted path of that field, "-" for the whole file. */
  field: string;
  message: string;
}

export interface PubliccodeImport {
  values: DraftValues;
  /** Values proposed rather than read (hosting, provider type): asked again in a terminal, this value first. */
  proposed: DraftKey[];
  notes: ImportNote[];
  /** Fields of the publiccode.yml that have no place in a solution file. */
  unmapped: string[];
}

/** Keys by which a YAML file shows it is a publiccode.yml (version 0.1 wrote the version key in kebab case). */
const VERSION_KEYS = ["publiccodeYmlVersion", "publiccode-yaml-version", "publiccode-yml-version"];
const SIGNS = [...VERSION_KEYS, "name", "url", "description", "legal"];

/** Undefined when the file has none of the keys of a publiccode.yml. */
export function importPubliccode(doc: LoadedDocument, validator: Validator, today: string): PubliccodeImport | undefined {
  const data = doc.data;
  if (!SIGNS.some((key) => Object.hasOwn(data, key))) return undefined;
  const grid = validator.grid;
  const result: PubliccodeImport = { values: {}, proposed: [], notes: [], unmapped: [] };
  const values = result.values;
  const note = (pointer: string, message: string) =>
    result.notes.push(pointer === "" ? { field: "-", message } : { line: locateField(doc.yamlText, pointer, false).line + doc.yamlLineOffset, field: fieldName(pointer), message });
  /** Keeps `value` for `key` if the validator accepts it, else says why not. */
  const keep = (key: DraftKey, value: string | string[] | undefined, pointer: string): boolean => {
    if (value === undefined || value.length === 0) return false;
    const problem = valueProblem(validator, values, key, value, today);
    if (problem) {
      note(pointer, `${fieldTitle(key)} : valeur non reprise, ${problem}`);
      return false;
    }
    values[key] = value as string & string[];
    return true;
  };
  /** The text at `pointer`; a number or a boolean is read as text, with a note (YAML read it as such). */
  const text = (pointer: string): string | undefined => {
    const value = valueAt(data, pointer);
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return withoutInvisibles(value, pointer);
    if (typeof value === "number" || typeof value === "boolean") {
      note(pointer, `${quote(String(value))} est lu comme ${typeof value === "number" ? "un nombre" : "un booléen"} : écrivez-le entre guillemets dans le publiccode.yml`);
      return String(value);
    }
    note(pointer, `texte attendu, ${Array.isArray(value) ? "liste" : "table"} trouvée : valeur non reprise`);
    return undefined;
  };
  const withoutInvisibles = (value: string, pointer: string): string => {
    const cleaned = withoutInvisible(value);
    if (cleaned.removed > 0) note(pointer, cleaned.removed > 1 ? `${cleaned.removed} caractères invisibles ou de contrôle retirés` : "1 caractère invisible ou de contrôle retiré");
    return cleaned.text;
  };

  if (!VERSION_KEYS.some((key) => Object.hasOwn(data, key))) note("", "publiccodeYmlVersion absent : le fichier ne dit pas quelle version du standard il suit");

  // Texts: French first, else English, else the first language given.
  const choice = chooseLanguage(data.description);
  const base = choice?.key === undefined ? "/description" : `/description/${choice.key}`;
  if (choice === undefined) note(Object.hasOwn(data, "description") ? "/description" : "", "aucune description lisible : section description absente ou vide");
  else if (choice.key === undefined) note("/description", "textes placés directement sous description, sans code de langue : lus tels quels");
  else {
    if (choice.key !== choice.language) note(base, `code de langue ${quote(choice.key)} lu comme ${quote(choice.language)}`);
    if (choice.language !== "fr") note(base, `pas de description en français : textes repris en ${quote(choice.language)}, à traduire`);
  }

  keep("name", oneLineOf(text("/name") ?? (choice ? text(`${base}/localisedName`) : undefined)), "/name");

  if (choice) {
    const long = text(`${base}/longDescription`);
    let short = text(`${base}/shortDescription`);
    let shortAt = `${base}/shortDescription`;
    if (short === undefined && long !== undefined) {
      short = long;
      shortAt = `${base}/longDescription`;
      note(shortAt, "pas de shortDescription : description courte tirée du début de longDescription");
    }
    if (short !== undefined) keep("shortDescription", fitted(oneLine(plain(short, shortAt)), "/short_description", shortAt), shortAt);
    const features = listOfTexts(valueAt(data, `${base}/features`));
    let description = long === undefined ? "" : tidyParagraphs(plain(long, `${base}/longDescription`));
    if (features.length > 0) description += `${description ? "\n\n" : ""}Fonctionnalités :\n\n${features.map((f) => `- ${oneLine(f)}`).join("\n")}`;
    if (description) keep("description", fitted(description, "/description", `${base}/longDescription`), `${base}/longDescription`);
  }

  // Addresses: the landing page is the website; the repository is the source code.
  const url = text("/url");
  const landing = text("/landingURL");
  const repository = url?.trim().replace(/\.git$/, "");
  if (landing !== undefined && !keep("website", landing.trim(), "/landingURL")) {
    if (repository !== undefined) note("/landingURL", "le site web sera l'adresse du dépôt (url)");
  }
  if (values.website === undefined && repository !== undefined) keep("website", repository, "/url");
  if (repository !== undefined) keep("sourceCode", repository, "/url");

  const licence = text("/legal/license");
  if (licence !== undefined) {
    const reading = readLicence(licence);
    for (const message of reading.notes) note("/legal/license", message);
    if (keep("licence", reading.id, "/legal/license")) {
      const id = reading.id!;
      const reason = isOsiApproved(id) ? "est approuvée par l'OSI" : grid.crpaLicences.includes(id) ? "figure dans la liste de l'article D.323-2-1 du CRPA" : undefined;
      const free = grid.vocabularies.distributions.find((d) => d.freeSoftwareAnswer === "oui");
      if (reason && free && keep("distribution", free.id, "/legal/license")) note("/legal/license", `distribution ${quote(free.id)} : la licence ${quote(id)} ${reason}`);
    }
  }

  addProvider(data, result, text, keep, note);
  if (values.providerName !== undefined && values.providerType === undefined) {
    const ipa = valueAt(data, "/it/riuso/codiceIPA");
    if (typeof ipa === "string" && ipa.trim() !== "" && inVocabulary(grid, "providerTypes", IPA_PROVIDER_TYPE) && keep("providerType", IPA_PROVIDER_TYPE, "/it/riuso/codiceIPA")) {
      result.proposed.push("providerType");
      note("/it/riuso/codiceIPA", `type de fournisseur ${quote(IPA_PROVIDER_TYPE)} proposé : le code IPA ${quote(ipa)} désigne une administration publique italienne`);
    }
  }

  if (inVocabulary(grid, "hostingModes", PUBLISHED_CODE_HOSTING) && keep("hosting", [PUBLISHED_CODE_HOSTING], "/platforms")) {
    result.proposed.push("hosting");
    const platforms = listOfTexts(valueAt(data, "/platforms"));
    const used = platforms.length > 0 ? ` ; platforms (${platforms.join(", ")}) dit comment on utilise la solution, pas qui l'héberge` : "";
    note(Object.hasOwn(data, "platforms") ? "/platforms" : "", `hébergement ${quote(PUBLISHED_CODE_HOSTING)} proposé : un publiccode.yml décrit un code que chacun peut installer${used} ; ajoutez les autres modes (--hosting) si vous les proposez`);
  }
  const softwareType = valueAt(data, "/softwareType");
  if (typeof softwareType === "string" && /^(library|addon|softwareAddon|configurationFiles)$/.test(softwareType)) {
    note("/softwareType", `softwareType ${quote(softwareType)} : vérifiez que le catalogue peut référencer ce logiciel comme une solution utilisable par une administration`);
  }

  addCategories(data, validator, result, keep, note);
  addPublicReferences(data, validator, values, today, note);
  result.unmapped = unmappedKeys(data, choice?.key, values);
  return result;

  function plain(value: string, pointer: string): string {
    if (!hasHtml(value)) return value;
    note(pointer, "balises HTML converties en texte (la fiche est en Markdown, sans HTML)");
    return htmlToMarkdown(value);
  }
  function fitted(value: string, pointer: string, from: string): string {
    const max = field(pointer).maxLength ?? Number.MAX_SAFE_INTEGER;
    const cut = truncate(value, max);
    if (cut !== value) note(from, `texte raccourci à ${Array.from(cut).length} caractères (${Array.from(value).length} à l'origine ; ${max} au plus dans une fiche) : relisez-le`);
    return cut;
  }
}

type Keep = (key: DraftKey, value: string | string[] | undefined, pointer: string) => boolean;
type Note = (pointer: string, message: string) => void;

function oneLineOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : oneLine(value);
}

function listOfTexts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item) => typeof item === "string" || typeof item === "number").map((item) => withoutInvisible(String(item)).text.trim()).filter(Boolean);
}

/** The provider: the main copyright owner, else the repository owner, else the first maintenance contractor. */
function addProvider(data: Record<string, unknown>, result: PubliccodeImport, text: (pointer: string) => string | undefined, keep: Keep, note: Note): void {
  const candidates = ["/legal/mainCopyrightOwner", "/legal/repoOwner", "/maintenance/contractors/0/name"];
  for (const pointer of candidates) {
    const value = text(pointer);
    if (value === undefined || value.trim() === "") continue;
    if (/^https?:\/\//i.test(value.trim())) {
      // Some files give the owner as an address: it is the provider's website, not its name.
      if (result.values.providerWebsite === undefined && keep("providerWebsite", value.trim(), pointer)) note(pointer, "adresse reprise comme site web du fournisseur");
      continue;
    }
    if (!keep("providerName", oneLine(value), pointer)) continue;
    if (pointer.startsWith("/maintenance/")) {
      const website = text("/maintenance/contractors/0/website");
      if (website !== undefined && result.values.providerWebsite === undefined) keep("providerWebsite", website.trim(), "/maintenance/contractors/0/website");
    }
    return;
  }
}
