// The questions `catalogue new` asks in a terminal, with @clack/prompts: only
// the required values the options and the import did not give, and the
// proposed ones (slug, hosting, provider type), which the provider confirms.
// Each answer is checked by the validator before the next question.
import type { Readable, Writable } from "node:stream";
import type { Grid, VocabularyEntry } from "../lib/types.ts";
import { fieldTitle, isRequired, type DraftKey, type DraftValues } from "./fields.ts";
import { readLicence } from "./licence.ts";
import { suggestSlug } from "./slug.ts";

export interface AskContext {
  grid: Grid;
  schema: Record<string, unknown>;
  /** The validator's message about a value, undefined when it is valid. */
  check: (key: DraftKey, value: string | string[], values: DraftValues) => string | undefined;
  /** Why a slug cannot be used (its file exists), undefined when it can. */
  slugTaken: (slug: string) => string | undefined;
  /** Values given as options: never asked. */
  given: ReadonlySet<DraftKey>;
  /** Values proposed by an import: asked, with the proposal first. */
  proposed: ReadonlySet<DraftKey>;
}

export interface PromptStreams {
  input?: Readable;
  output?: Writable;
}

/** The questions, in the order of a solution file. */
const ASKED: readonly DraftKey[] = ["name", "slug", "shortDescription", "website", "providerName", "providerType", "distribution", "licence", "hosting", "categories"];

const VOCABULARIES: Partial<Record<DraftKey, (grid: Grid) => VocabularyEntry[]>> = {
  providerType: (grid) => grid.vocabularies.providerTypes,
  distribution: (grid) => grid.vocabularies.distributions,
  hosting: (grid) => grid.vocabularies.hostingModes,
  categories: (grid) => grid.vocabularies.categories,
};

/** The completed values, or null when the provider cancels (Ctrl+C, Échap). */
export async function askMissing(start: DraftValues, ctx: AskContext, streams: PromptStreams = {}): Promise<DraftValues | null> {
  const clack = await import("@clack/prompts");
  const io = { input: streams.input, output: streams.output };
  const values: DraftValues = { ...start };
  clack.intro("Nouvelle fiche de solution", io);
  // The eligibility check comes before any question about the solution (CONTRIBUTING.md, part 1).
  const eligible = await clack.confirm({
    ...io,
    message: "La solution est-elle un logiciel ou un service numérique utilisable par des organismes publics (ni du matériel, ni une offre de télécommunications, ni une prestation de conseil seule) ?",
    active: "Oui",
    inactive: "Non",
    initialValue: true,
  });
  if (clack.isCancel(eligible) || !eligible) {
    clack.cancel(
      clack.isCancel(eligible)
        ? "Création annulée : aucun fichier écrit."
        : "Le catalogue ne référence que des logiciels et des services numériques destinés aux organismes publics (voir CONTRIBUTING.md, « Votre solution est-elle concernée ? ») : aucun fichier écrit.",
      io,
    );
    return null;
  }
  for (const key of ASKED) {
    if (ctx.given.has(key)) continue;
    const missing = values[key] === undefined || values[key]!.length === 0;
    const toConfirm = ctx.proposed.has(key) || key === "slug";
    if (!toConfirm && !(missing && isRequired(key, values, ctx.schema, ctx.grid))) continue;
    const vocabulary = VOCABULARIES[key]?.(ctx.grid);
    let answer: string | string[] | symbol;
    if (vocabulary && (key === "hosting" || key === "categories")) answer = await askList(clack, key, vocabulary, values, ctx, io);
    else if (vocabulary) {
      answer = await clack.select({
        ...io,
        message: `${fieldTitle(key)} (flèches pour choisir, Entrée pour valider)`,
        options: vocabulary.map((e) => ({ value: e.id, label: e.label, ...(e.description ? { hint: e.description } : {}) })),
        initialValue: typeof values[key] === "string" ? (values[key] as string) : undefined,
        showInstructions: false,
      });
    } else {
      const initial = key === "slug" && values.slug === undefined ? suggestSlug(values.name ?? "") : (values[key] as string | undefined);
      answer = await clack.text({
        ...io,
        message: `${fieldTitle(key)}${key === "slug" ? " (nom du fichier, proposé à partir du nom)" : ""}`,
        ...(initial ? { initialValue: initial } : {}),
        validate: (value) => textProblem(key, (value ?? "").trim(), values, ctx),
      });
      if (typeof answer === "string") answer = answer.trim();
    }
    if (clack.isCancel(answer)) {
      clack.cancel("Création annulée : aucun fichier écrit.", io);
      return null;
    }
    (values as Record<string, string | string[]>)[key] = answer as string | string[];
  }
  clack.outro("Merci : la fiche va être écrite.", io);
  return values;
}

function textProblem(key: DraftKey, value: string, values: DraftValues, ctx: AskContext): string | undefined {
  if (value === "") return "une valeur est obligatoire";
  const problem = ctx.check(key, value, values);
  if (problem) {
    const suggestion = key === "licence" ? readLicence(value).id : undefined;
    return suggestion && suggestion !== value ? `${problem} ; vouliez-vous dire « ${suggestion} » ?` : problem;
  }
  return key === "slug" ? ctx.slugTaken(value) : undefined;
}

type Clack = typeof import("@clack/prompts");

/** A multiple choice, asked again until the validator accepts it (at least one value, at most the field's limit). */
async function askList(clack: Clack, key: DraftKey, vocabulary: VocabularyEntry[], values: DraftValues, ctx: AskContext, io: PromptStreams): Promise<string[] | symbol> {
  let initial = Array.isArray(values[key]) ? (values[key] as string[]) : [];
  for (;;) {
    const answer = await clack.multiselect<string>({
      ...io,
      message: `${fieldTitle(key)} (Espace pour cocher, Entrée pour valider)`,
      options: vocabulary.map((e) => ({ value: e.id, label: e.label })),
      initialValues: initial,
      // The library's own message for an empty choice is in English: checked below instead.
      required: false,
      showInstructions: false,
    });
    if (clack.isCancel(answer)) return answer;
    // In the vocabulary's order, whatever the order of the ticks.
    answer.sort((a, b) => vocabulary.findIndex((e) => e.id === a) - vocabulary.findIndex((e) => e.id === b));
    const problem = answer.length === 0 ? "choisissez au moins une valeur" : ctx.check(key, answer, values);
    if (!problem) return answer;
    clack.log.warn(problem, io);
    initial = answer;
  }
}
