// Validates one loaded solution file: the JSON Schema generated from the grid,
// then the rules a schema cannot say (slug = file name, real dates, safe text,
// checked criteria). Every problem is collected; nothing stops at the first.
import { createRequire } from "node:module";
import type { Ajv2020 as AjvClass, ValidateFunction } from "ajv/dist/2020.js";
import { agingWarning } from "./aging.ts";
import { isCalendarDate } from "./calendar.ts";
import { compiledValidator } from "./compiled-validator.ts";
import { expectedAnswer } from "./checks.ts";
import { gridOfVersion, versionProblem } from "./grid-version-status.ts";
import type { LoadedDocument } from "./load.ts";
import { locateField } from "./locate.ts";
import { pointerKeys, pointerSegment } from "./pointer.ts";
import { DATE_PATTERN, fieldAt, FIELDS, SCHEMA_FORMATS, type FieldTable } from "./fields.ts";
import { buildSolutionSchema } from "./schema.ts";
import { describeSchemaError, relevantErrors, valueAt } from "./schema-errors.ts";
import { quote } from "./text.ts";
import type { Answer, CriterionAnswer, Grid, Problem, Solution } from "./types.ts";
import { FORBIDDEN_IN_LINE, FORBIDDEN_IN_TEXT } from "./unicode.ts";

export interface Validator {
  grid: Grid;
  /** The field table the schema was built from; the rules and messages read it too. */
  fields: FieldTable;
  schema: Record<string, unknown>;
  validateSchema: ValidateFunction;
}

const validators = new WeakMap<Grid, Validator>();
const require = createRequire(import.meta.url);

/** Options for ajv on contributor data: never coerceTypes, useDefaults or removeAdditional. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  // The conditional "required" of if/then names properties declared beside it.
  strictRequired: false,
  unicodeRegExp: true,
  // https-url: see formats.cjs; the precompiled validator requires the same file.
  formats: SCHEMA_FORMATS,
  // The answer of each of the ~60 criteria shares one compiled function instead of 60 inlined copies.
  inlineRefs: false,
} as const;

/** The solution validator for a grid: precompiled when it matches (see compiled-validator.ts), else compiled once here. */
export function getValidator(grid: Grid, root?: string): Validator {
  let validator = validators.get(grid);
  if (!validator) {
    const schema = buildSolutionSchema(grid);
    const precompiled = root === undefined ? undefined : compiledValidator(root, grid.sourceHash);
    const validateSchema = precompiled ?? new (require("ajv/dist/2020.js").Ajv2020 as typeof AjvClass)(AJV_OPTIONS).compile(schema);
    validator = { grid, fields: FIELDS, schema, validateSchema };
    validators.set(grid, validator);
  }
  return validator;
}

/** A validator for a grid and another field table, compiled here and not cached (for tests and tools). */
export function createValidator(grid: Grid, fields: FieldTable): Validator {
  const schema = buildSolutionSchema(grid, fields);
  const validateSchema = new (require("ajv/dist/2020.js").Ajv2020 as typeof AjvClass)(AJV_OPTIONS).compile(schema);
  return { grid, fields, schema, validateSchema };
}

/** Problems detailed per file; the rest are counted in one line. */
export const MAX_PROBLEMS_PER_FILE = 50;

export interface ValidationResult {
  solution: Solution | null;
  problems: Problem[];
}

/** `file` is shown in messages; `stem` is the file name without extension; `today` is YYYY-MM-DD. */
export function validateDocument(doc: LoadedDocument, file: string, stem: string, validator: Validator, today: string): ValidationResult {
  // Problems are located (which re-parses the file) only for the first
  // MAX_PROBLEMS_PER_FILE: a file made of thousands of errors stays cheap.
  const found: { pointer: string; message: string; atKey: boolean; locateAt: string; warning: boolean }[] = [];
  const report: Report = (pointer, message, atKey = false, locateAt = pointer, warning = false) => {
    found.push({ pointer, message, atKey, locateAt, warning });
  };

  const data: Record<string, unknown> = { ...doc.data };
  if (doc.body !== undefined) {
    if (Object.hasOwn(data, "description")) {
      report("/description", "dans un fichier .md, la description longue est le texte sous l'en-tête : retirez le champ « description »", true);
    } else if (doc.body.trim() !== "") {
      data.description = doc.body.trim();
    }
  }

  if (!validator.validateSchema(data)) {
    for (const error of relevantErrors(validator.validateSchema.errors ?? [])) {
      const described = describeSchemaError(error, data, validator);
      report(described.pointer, described.message, described.atKey, described.locateAt);
    }
  }
  checkRules(data, file, stem, validator, today, report);

  const problems: Problem[] = found.slice(0, MAX_PROBLEMS_PER_FILE).map(({ pointer, message, atKey, locateAt, warning }) => {
    const fromBody = pointer === "/description" && doc.body !== undefined && !atKey;
    const at = fromBody ? { line: doc.bodyLine ?? 1, column: 1 } : locate(doc, locateAt, atKey);
    const problem: Problem = { file, line: at.line, column: at.column, pointer, field: fieldName(pointer), message };
    if (warning) problem.severity = "warning";
    return problem;
  });
  if (found.length > MAX_PROBLEMS_PER_FILE) {
    const more = found.length - MAX_PROBLEMS_PER_FILE;
    // Placed at the last detailed line, so it still reads last once sorted.
    const last = problems.reduce((a, b) => (b.line > a.line || (b.line === a.line && b.column > a.column) ? b : a));
    problems.push({ file, line: last.line, column: last.column, pointer: "", field: "-", message: `… et ${more} autres problèmes dans ce fichier (non détaillés)` });
  }
  // Warnings (an evaluation to update, an older grid version) do not block the file.
  if (found.some((f) => !f.warning)) return { solution: null, problems };
  return { solution: toSolution(data, file), problems };
}

function locate(doc: LoadedDocument, pointer: string, atKey: boolean) {
  const at = locateField(doc.yamlText, pointer, atKey);
  return { line: at.line + doc.yamlLineOffset, column: at.column };
}

export function fieldName(pointer: string): string {
  if (pointer === "") return "-";
  return pointerKeys(pointer).reduce((acc, s) => (/^[0-9]+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), "");
}


type Report = (pointer: string, message: string, atKey?: boolean, locateAt?: string, warning?: boolean) => void;

// Control and invisible characters (unicode.ts) are refused in every text:
// they could hide text from reviewers or forge log output. Which texts may
// hold several lines and which must say something comes from the field table.
const MEANINGFUL = /[\p{L}\p{N}]/u;
// Stacks of combining marks (« zalgo » text) overflow lines and hide letters.
const MARK_STACK = /\p{M}{4,}/u;
const DATE = new RegExp(DATE_PATTERN);

function checkRules(data: Record<string, unknown>, file: string, stem: string, validator: Validator, today: string, report: Report): void {
  if (typeof data.slug === "string" && data.slug !== stem) {
    report("/slug", `l'identifiant ${quote(data.slug)} doit être identique au nom du fichier sans extension (${quote(stem)})`);
  }
  walkStrings(data, "", (pointer, text) => {
    const spec = fieldAt(pointer, validator.fields);
    const multiline = spec?.multiline === true;
    const bad = FORBIDDEN_IN_TEXT.exec(text) ?? (multiline ? null : FORBIDDEN_IN_LINE.exec(text));
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      report(pointer, `caractère invisible ou de contrôle interdit (U+${code})${multiline ? "" : " ; ce champ tient sur une ligne"}`);
    } else if (MARK_STACK.test(text)) {
      report(pointer, "trop de signes diacritiques empilés sur une même lettre");
    } else if (spec?.meaningful && !MEANINGFUL.test(text)) {
      report(pointer, "ce texte doit contenir au moins une lettre ou un chiffre");
    }
  });
  for (const pointer of ["/evaluation/date", "/withdrawn/date"]) {
    const value = valueAt(data, pointer);
    if (typeof value !== "string" || !DATE.test(value)) continue;
    if (!isCalendarDate(value) || value < "1970-01-01") report(pointer, `date ${quote(value)} inexistante`);
    else if (value > today) report(pointer, `date ${quote(value)} dans le futur : la date doit être passée ou celle du jour (${today})`);
    // A withdrawn solution is kept for the record: nobody is asked to update it.
    else if (pointer === "/evaluation/date" && data.withdrawn === undefined) {
      const warning = agingWarning(value, validator.grid, today);
      if (warning) report(pointer, warning, false, pointer, true);
    }
  }
  // The file's own grid version: its criteria are those the schema checked (see schema.ts).
  const version = valueAt(data, "/evaluation/grid_version");
  const own = typeof version === "string" ? gridOfVersion(validator.grid, version) : undefined;
  if (own) {
    const problem = versionProblem(validator.grid, own.version, today, file);
    if (problem) report("/evaluation/grid_version", problem.message, false, "/evaluation/grid_version", problem.severity === "warning");
  }
  checkAnswers(data, own ?? validator.grid, report);
}

function walkStrings(node: unknown, pointer: string, visit: (pointer: string, text: string) => void): void {
  if (typeof node === "string") visit(pointer, node);
  else if (Array.isArray(node)) node.forEach((item, i) => walkStrings(item, `${pointer}/${i}`, visit));
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) walkStrings(value, `${pointer}/${pointerSegment(key)}`, visit);
  }
}

function checkAnswers(data: Record<string, unknown>, grid: Grid, report: Report): void {
  const evaluation = data.evaluation;
  if (evaluation === null || typeof evaluation !== "object" || Array.isArray(evaluation)) return;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const input = {
    distribution: typeof data.distribution === "string" ? data.distribution : undefined,
    licence: typeof data.licence === "string" ? data.licence : undefined,
    sourceCode: typeof data.source_code === "string" ? data.source_code : undefined,
    publicReferences: strings(data.public_references),
  };
  for (const criterion of grid.criteria) {
    if (!criterion.check || !Object.hasOwn(evaluation, criterion.id)) continue;
    const answer = (evaluation as Record<string, { answer?: unknown }>)[criterion.id]?.answer;
    if (typeof answer !== "string") continue;
    const expected = expectedAnswer(criterion.check, input, grid);
    if (!expected || expected.accepted.includes(answer as Answer)) continue;
    const wanted = expected.accepted.map((a) => `« ${a} »`).join(" ou ");
    report(`/evaluation/${criterion.id}/answer`, `la réponse « ${answer} » contredit la fiche : ${expected.because} ; réponse attendue : ${wanted}`);
  }
}

function toSolution(data: Record<string, unknown>, file: string): Solution {
  // Built from known keys only: nothing else from the file (a "__proto__" key,
  // an Eleventy key) can reach the templates.
  const d = data as Record<string, any>;
  const answers: Record<string, CriterionAnswer> = Object.create(null);
  for (const [key, raw] of Object.entries(d.evaluation as Record<string, any>)) {
    if (key === "grid_version" || key === "date") continue;
    const entry: CriterionAnswer = { answer: raw.answer };
    if (raw.justification !== undefined) entry.justification = raw.justification;
    if (raw.evidence !== undefined) entry.evidence = raw.evidence;
    answers[key] = entry;
  }
  const solution: Solution = {
    slug: d.slug,
    name: d.name,
    shortDescription: d.short_description,
    description: d.description ?? "",
    website: d.website,
    provider: { name: d.provider.name, type: d.provider.type, ...(d.provider.website ? { website: d.provider.website } : {}) },
    distribution: d.distribution,
    hosting: [...d.hosting],
    categories: [...d.categories],
    publicReferences: [...(d.public_references ?? [])],
    purchaseChannels: [...(d.purchase_channels ?? [])],
    demo: d.demo === true,
    evaluation: { gridVersion: d.evaluation.grid_version, date: d.evaluation.date, answers },
    sourceFile: file,
  };
  if (d.licence !== undefined) solution.licence = d.licence;
  if (d.source_code !== undefined) solution.sourceCode = d.source_code;
  if (d.data_hosting !== undefined) solution.dataHosting = { location: d.data_hosting.location, host: d.data_hosting.host };
  if (d.contact !== undefined) solution.contact = d.contact;
  if (d.logo !== undefined) solution.logo = d.logo;
  if (d.withdrawn !== undefined) solution.withdrawn = { reason: d.withdrawn.reason, date: d.withdrawn.date };
  return solution;
}

