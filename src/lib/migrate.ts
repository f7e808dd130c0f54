// Moves a solution file to the grid version in force, one version at a time,
// following each version's mapping (criteria/grid.yaml, previous):
// - renamed: the answer is kept under the new id;
// - split: the answer is copied to each resulting criterion, to be confirmed;
// - merged: the answers are removed, the new criterion is to be answered;
// - removed: the answer is removed;
// - added: the new criterion is to be answered.
// The evaluation date is kept: migrating is not evaluating again. Pure: text
// in, text and the list of criteria to answer out (src/cli/migrate.ts writes).
import { criterionConcerns } from "./score.ts";
import { editEvaluation, type EvaluationEdit } from "./evaluation-edit.ts";
import { knownVersions } from "./grid-version-status.ts";
import { loadDocument, type LoadedDocument } from "./load.ts";
import { locateField } from "./locate.ts";
import { quote } from "./text.ts";
import type { Grid, VersionMapping } from "./types.ts";
import { BOM } from "./unicode.ts";

/** A criterion of the version in force the provider must answer, or confirm. */
export interface ToAnswer {
  id: string;
  title: string;
  /** « confirm »: an answer copied from a split criterion; « answer »: no answer yet. */
  kind: "confirm" | "answer";
  /** Why, in French: « réponse « oui » reprise de CI-01 (critère divisé) ». */
  reason: string;
}

export type Migration =
  | { status: "current"; version: string }
  | { status: "migrated"; from: string; to: string; text: Uint8Array; toAnswer: ToAnswer[]; renamed: [string, string][]; removed: string[] }
  | { status: "error"; line: number; column: number; message: string };

// ignoreBOM keeps a byte-order mark in the text, so that it is written back.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Migrates the bytes of a solution file (`kind` from its extension) to `grid`'s version. */
export function migrateFile(bytes: Uint8Array, kind: "yaml" | "md", grid: Grid): Migration {
  const loaded = loadDocument(bytes, kind);
  if (!loaded.ok) return { status: "error", ...loaded.error };
  const doc = loaded.doc;
  const fail = (pointer: string, message: string, atKey = false): Migration => {
    const at = locateField(doc.yamlText, pointer, atKey);
    return { status: "error", line: at.line + doc.yamlLineOffset, column: at.column, message };
  };
  const evaluation = doc.data.evaluation;
  if (evaluation === null || typeof evaluation !== "object" || Array.isArray(evaluation)) return fail("/evaluation", "la fiche n'a pas de table evaluation à migrer");
  const answers = evaluation as Record<string, unknown>;
  const version = answers.grid_version;
  const own = typeof version === "string" ? grid.versions.byVersion.get(version) : undefined;
  if (!own) return fail("/evaluation/grid_version", `version de grille ${quote(version)} inconnue ; versions connues : ${knownVersions(grid)}`);
  if (own.version === grid.versions.current) return { status: "current", version: own.version };
  for (const key of Object.keys(answers)) {
    if (key === "grid_version" || key === "date" || own.criteriaById.has(key)) continue;
    return fail(`/evaluation/${key}`, `critère ${quote(key)} inconnu dans la grille ${own.version} : corrigez la fiche (catalogue validate) avant de la migrer`, true);
  }

  const state = new MigrationState(answers);
  let yamlText = doc.yamlText;
  const order = grid.versions.order;
  for (let i = order.indexOf(own.version) - 1; i >= 0; i--) {
    const next = grid.versions.byVersion.get(order[i]!)!;
    yamlText = editEvaluation(yamlText, { gridVersion: next.version, keys: state.step(next.previous!.mapping) });
  }
  const hosting = Array.isArray(doc.data.hosting) ? doc.data.hosting.filter((h): h is string => typeof h === "string") : [];
  const toAnswer = grid.criteria.flatMap((criterion): ToAnswer[] => {
    const pending = state.pending.get(criterion.id);
    // A criterion that does not concern the solution's hosting modes needs no answer.
    if (!pending || (hosting.length > 0 && !criterionConcerns(criterion, hosting))) return [];
    return [{ id: criterion.id, title: criterion.title, ...pending }];
  });
  return { status: "migrated", from: own.version, to: grid.version, text: encode(bytes, doc, yamlText), toAnswer, renamed: state.renamed(), removed: state.removed };
}

type Pending = Omit<ToAnswer, "id" | "title">;
const NEW_CRITERION: Pending = { kind: "answer", reason: "nouveau critère" };

/** The answers and the pending criteria, followed through each version's mapping. */
class MigrationState {
  /** Answer value per criterion id of the version reached. */
  private answers = new Map<string, string>();
  /** Id of the version reached -> the id the file had (messages name what the provider wrote). */
  private origin = new Map<string, string>();
  pending = new Map<string, Pending>();
  readonly removed: string[] = [];

  constructor(evaluation: Record<string, unknown>) {
    for (const [key, value] of Object.entries(evaluation)) {
      if (key === "grid_version" || key === "date") continue;
      const answer = (value as { answer?: unknown } | null)?.answer;
      this.answers.set(key, typeof answer === "string" ? answer : "?");
      this.origin.set(key, key);
    }
  }

  private from(id: string): string {
    return this.origin.get(id) ?? id;
  }

  /** Applies one version's mapping; returns what becomes of each key of the file. */
  step(mapping: VersionMapping): EvaluationEdit["keys"] {
    // Built from the state before the step: a mapping may swap ids (A -> B, B -> C).
    const answers = new Map<string, string>();
    const origin = new Map<string, string>();
    const pending = new Map<string, Pending>();
    const keys = new Map<string, string[]>();
    const mentioned = new Set([...Object.keys(mapping.renamed), ...Object.keys(mapping.split), ...Object.values(mapping.merged).flat(), ...mapping.removed]);
    for (const [id, answer] of this.answers) if (!mentioned.has(id)) answers.set(id, answer);
    for (const [id, was] of this.origin) if (!mentioned.has(id)) origin.set(id, was);
    for (const [id, item] of this.pending) if (!mentioned.has(id)) pending.set(id, item);
    const carry = (from: string, to: string, item = this.pending.get(from)) => {
      const answer = this.answers.get(from);
      if (answer !== undefined) {
        answers.set(to, answer);
        origin.set(to, this.from(from));
      }
      if (item) pending.set(to, item);
    };
    for (const [from, to] of Object.entries(mapping.renamed)) {
      if (this.answers.has(from)) keys.set(from, [to]);
      carry(from, to);
    }
    for (const [from, targets] of Object.entries(mapping.split)) {
      const answer = this.answers.get(from);
      if (answer !== undefined) keys.set(from, [...targets]);
      const item: Pending | undefined = answer !== undefined ? { kind: "confirm", reason: `réponse ${quote(answer)} reprise de ${this.from(from)} (critère divisé)` } : this.pending.get(from);
      for (const to of targets) carry(from, to, item);
    }
    for (const [to, sources] of Object.entries(mapping.merged)) {
      const answered = sources.filter((id) => this.answers.has(id));
      for (const id of answered) keys.set(id, []);
      const previous = answered.map((id) => `${this.from(id)} ${quote(this.answers.get(id))}`).join(", ");
      if (answered.length > 0) pending.set(to, { kind: "answer", reason: `fusion de ${sources.map((id) => this.from(id)).join(" et ")} ; réponses précédentes : ${previous}` });
      else if (sources.some((id) => this.pending.has(id))) pending.set(to, NEW_CRITERION);
    }
    for (const id of mapping.removed) {
      if (!this.answers.has(id)) continue;
      keys.set(id, []);
      this.removed.push(this.from(id));
    }
    for (const id of mapping.added) pending.set(id, NEW_CRITERION);
    this.answers = answers;
    this.origin = origin;
    this.pending = pending;
    return keys;
  }

  /** [id in the file, id now] for every answer kept, unchanged, under another id. */
  renamed(): [string, string][] {
    return [...this.origin].filter(([now, was]) => now !== was && !this.pending.has(now)).map(([now, was]) => [was, now]);
  }
}

/** The whole file again, with its new YAML part, its byte-order mark and line endings as they were. */
function encode(original: Uint8Array, doc: LoadedDocument, yamlText: string): Uint8Array {
  let text = utf8.decode(original);
  const bom = text.startsWith(BOM);
  if (bom) text = text.slice(BOM.length);
  const crlf = text.includes("\r\n");
  text = text.replace(/\r\n?/g, "\n");
  // The YAML part starts the file, or follows the front matter's first line.
  const start = doc.yamlLineOffset === 0 ? 0 : text.indexOf("\n") + 1;
  let out = text.slice(0, start) + yamlText + text.slice(start + doc.yamlText.length);
  if (crlf) out = out.replace(/\n/g, "\r\n");
  return new TextEncoder().encode((bom ? BOM : "") + out);
}
