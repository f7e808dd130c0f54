// Loads the criteria grid and the vocabularies from criteria/. The grid is the
// single source of truth: the solution schema, scoring, the site and the
// exports all derive from the object built here.
import { pointerOf } from "./pointer.ts";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv2020 as AjvClass } from "ajv/dist/2020.js";
import { isCalendarDate } from "./calendar.ts";
import { loadDocument } from "./load.ts";
import { FIELDS } from "./fields.ts";
import { GridError, gridErrorAt, shownPath } from "./grid-error.ts";
import { gridFileSchema, vocabulariesFileSchema } from "./grid-schema.ts";
import { checkPublishedCopies, checkVersionLink, linkVersions, previousVersionOf, readOlderVersions, type BuiltVersion, type RawPrevious, type VersionSource } from "./grid-versions.ts";
import { type Applicability, type CheckName, type Criterion, type DataHostingLocation, type Distribution, type Grid, type HostingMode, type Theme, type VocabularyEntry, type Vocabularies } from "./types.ts";

export { GridError } from "./grid-error.ts";

interface RawCriterion {
  id: string;
  title: string;
  question: string;
  help: string;
  referential: { name: string; url: string };
  applicability: Applicability;
  level: Criterion["level"];
  check?: CheckName;
  certification?: string;
  accessibility_status?: true;
}
interface RawGrid {
  grid_version: string;
  published: string;
  evaluation_validity_months: number;
  previous?: RawPrevious;
  themes: { id: string; slug: string; title: string; short_title: string; description: string; criteria: RawCriterion[] }[];
}
interface RawDistribution extends VocabularyEntry {
  licence_required: boolean;
  free_software_answer: Distribution["freeSoftwareAnswer"];
}
interface RawHostingMode extends VocabularyEntry {
  applicability_label: string;
}
interface RawDataHostingLocation extends VocabularyEntry {
  in_european_union: boolean;
}
interface RawVocabularies {
  categories: VocabularyEntry[];
  provider_types: VocabularyEntry[];
  distributions: RawDistribution[];
  applicability_all_label: string;
  hosting_modes: RawHostingMode[];
  purchase_channels: VocabularyEntry[];
  data_hosting_locations: RawDataHostingLocation[];
  crpa_licences: string[];
}

const gridCache = new Map<string, Grid>();
const require = createRequire(import.meta.url);

export const GRID_FILES = ["grid.yaml", "vocabularies.yaml"] as const;

/**
 * Fingerprint of everything the solution schema is generated from: the grid
 * files (the older versions kept included), the field table and the SPDX list. The precompiled validator records
 * it, so a stale one is never used (it requires formats.cjs itself, so format
 * code is never stale).
 */
export function gridSourceHash(sources: readonly Uint8Array[]): string {
  const hash = createHash("sha256");
  for (const bytes of sources) hash.update(bytes).update("\0");
  hash.update(JSON.stringify(FIELDS)).update("\0");
  hash.update((require("spdx-license-list/package.json") as { version: string }).version);
  return hash.digest("hex");
}

/**
 * Reads criteria/grid.yaml and criteria/vocabularies.yaml under `root`, and
 * the older versions the grid keeps (criteria/versions/, see
 * grid-versions.ts), once per process. `trustedHash` is the fingerprint of a
 * grid already checked (by `npm run schema`): when it matches, the structural
 * check is skipped, which keeps the validator's start-up fast.
 */
export function loadGrid(root: string, trustedHash?: (root: string) => string | undefined): Grid {
  const criteriaDir = path.resolve(root, "criteria");
  const cached = gridCache.get(criteriaDir);
  if (cached) return cached;
  const current = parseSource(path.join(criteriaDir, "grid.yaml"));
  const vocabularies = parseSource(path.join(criteriaDir, "vocabularies.yaml"));
  const older = readOlderVersions(criteriaDir, current, parseSource);
  const hash = gridSourceHash([current.bytes, vocabularies.bytes, ...older.map((v) => v.bytes)]);
  const checked = trustedHash?.(root) === hash;
  if (!checked) {
    // ajv is only loaded when the grid must be checked.
    const ajv = new (require("ajv/dist/2020.js").Ajv2020 as typeof AjvClass)({ strict: true });
    for (const source of [current, ...older]) checkShape(source, gridFileSchema, ajv);
    checkShape(vocabularies, vocabulariesFileSchema, ajv);
  }
  checkPublishedCopies(criteriaDir, current, older);
  const shared = buildVocabularies(vocabularies.data as RawVocabularies);
  const built: BuiltVersion[] = [current, ...older].map((source) => ({ source, grid: buildGrid(source.data as RawGrid, shared, source) }));
  for (let i = 0; i + 1 < built.length; i++) checkVersionLink(built[i]!, built[i + 1]!);
  const grids = linkVersions(built.map((b) => ({ ...b.grid, sourceHash: hash })));
  const grid = grids[0]!;
  gridCache.set(criteriaDir, grid);
  return grid;
}

function parseSource(file: string): VersionSource {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new GridError(`${shownPath(file)}: fichier introuvable`);
  }
  // The grid is maintained data, deeper than a solution file, and still parsed safely.
  const loaded = loadDocument(bytes, "yaml", 12);
  if (!loaded.ok) throw new GridError(`${shownPath(file)}:${loaded.error.line}:${loaded.error.column}  ${loaded.error.message}`);
  return { file, bytes, data: loaded.doc.data, yamlText: loaded.doc.yamlText };
}

function checkShape(source: VersionSource, schema: object, ajv: AjvClass): void {
  const validate = ajv.compile(schema);
  if (validate(source.data)) return;
  const error = validate.errors![0]!;
  const detail =
    error.keyword === "additionalProperties"
      ? `champ inconnu « ${String(error.params.additionalProperty)} »`
      : error.keyword === "required"
        ? `champ obligatoire manquant « ${String(error.params.missingProperty)} »`
        : error.message!;
  throw gridErrorAt(source.file, source.yamlText, error.instancePath, detail);
}

/** The vocabularies, shared by every version of the grid. */
interface SharedVocabularies {
  vocabularies: Vocabularies;
  applicabilityLabels: Record<Applicability, string>;
  crpaLicences: readonly string[];
}

function buildVocabularies(vocab: RawVocabularies): SharedVocabularies {
  if (vocab.hosting_modes.some((m) => m.id === "all")) {
    throw new GridError("criteria/vocabularies.yaml: hosting_modes : l'identifiant « all » est réservé à l'applicabilité « toutes les solutions »");
  }
  const vocabularies: Vocabularies = {
    categories: uniqueEntries(vocab.categories, "categories"),
    providerTypes: uniqueEntries(vocab.provider_types, "provider_types"),
    distributions: uniqueEntries(vocab.distributions, "distributions").map(
      (entry, i): Distribution => ({ ...entry, licenceRequired: vocab.distributions[i]!.licence_required, freeSoftwareAnswer: vocab.distributions[i]!.free_software_answer }),
    ),
    hostingModes: uniqueEntries(vocab.hosting_modes, "hosting_modes").map(
      (entry, i): HostingMode => ({ ...entry, applicabilityLabel: vocab.hosting_modes[i]!.applicability_label }),
    ),
    purchaseChannels: uniqueEntries(vocab.purchase_channels, "purchase_channels"),
    dataHostingLocations: uniqueEntries(vocab.data_hosting_locations, "data_hosting_locations").map(
      (entry, i): DataHostingLocation => ({ ...entry, inEuropeanUnion: vocab.data_hosting_locations[i]!.in_european_union }),
    ),
  };
  // Hosting mode ids follow the slug pattern, so none can be "__proto__".
  const applicabilityLabels: Record<Applicability, string> = Object.fromEntries([
    ["all", vocab.applicability_all_label],
    ...vocabularies.hostingModes.map((mode) => [mode.id, mode.applicabilityLabel]),
  ]);
  return { vocabularies, applicabilityLabels, crpaLicences: [...vocab.crpa_licences] };
}

/** One version's grid, before the versions are linked (grid-versions.ts). */
export type UnlinkedGrid = Omit<Grid, "sourceHash" | "versions">;

function buildGrid(raw: RawGrid, shared: SharedVocabularies, source: VersionSource): UnlinkedGrid {
  const shown = shownPath(source.file);
  const criteriaById = new Map<string, Criterion>();
  const themeIds = new Set<string>();
  const applicabilities = Object.keys(shared.applicabilityLabels);
  if (!isCalendarDate(raw.published)) throw gridErrorAt(source.file, source.yamlText, "/published", `date « ${raw.published} » inexistante`);
  const themes: Theme[] = raw.themes.map((t, themeIndex) => {
    if (themeIds.has(t.id)) throw new GridError(`${shown}: thème en double « ${t.id} »`);
    themeIds.add(t.id);
    const criteria = t.criteria.map((c, index): Criterion => {
      if (!c.id.startsWith(`${t.id}-`)) throw new GridError(`${shown}: le critère « ${c.id} » doit commencer par « ${t.id}- »`);
      if (criteriaById.has(c.id)) throw new GridError(`${shown}: critère en double « ${c.id} »`);
      if (!applicabilities.includes(c.applicability)) {
        throw gridErrorAt(
          source.file,
          source.yamlText,
          pointerOf("themes", themeIndex, "criteria", index, "applicability"),
          `critère « ${c.id} » : applicabilité « ${c.applicability} » inconnue ; valeurs possibles : ${applicabilities.join(", ")} (modes d'hébergement de criteria/vocabularies.yaml)`,
        );
      }
      const criterion: Criterion = {
        id: c.id,
        themeId: t.id,
        title: c.title,
        question: c.question,
        help: c.help,
        referential: { name: c.referential.name, url: c.referential.url },
        applicability: c.applicability,
        level: c.level,
      };
      if (c.check) criterion.check = c.check;
      if (c.certification) criterion.certification = c.certification;
      if (c.accessibility_status) {
        const other = [...criteriaById.values()].find((k) => k.accessibilityStatus);
        if (other) throw new GridError(`${shown}: accessibility_status sur « ${other.id} » et « ${c.id} » : un seul critère donne l'état de conformité au RGAA`);
        criterion.accessibilityStatus = true;
      }
      criteriaById.set(c.id, criterion);
      return criterion;
    });
    return { id: t.id, slug: t.slug, title: t.title, shortTitle: t.short_title, description: t.description, criteria };
  });
  const grid: UnlinkedGrid = {
    version: raw.grid_version,
    published: raw.published,
    evaluationValidityMonths: raw.evaluation_validity_months,
    themes,
    criteria: themes.flatMap((t) => t.criteria),
    criteriaById,
    ...shared,
  };
  const previous = previousVersionOf(raw);
  if (previous) grid.previous = previous;
  return grid;
}

/** The words shown for a criterion's applicability, e.g. "Solutions SaaS"; from criteria/vocabularies.yaml. */
export function applicabilityLabel(grid: Grid, applicability: Applicability): string {
  const label = grid.applicabilityLabels[applicability];
  if (label === undefined) throw new GridError(`applicabilité « ${applicability} » inconnue`);
  return label;
}

function uniqueEntries(entries: VocabularyEntry[], name: string): VocabularyEntry[] {
  const seen = new Set<string>();
  return entries.map((e) => {
    if (seen.has(e.id)) throw new GridError(`criteria/vocabularies.yaml: ${name} : identifiant en double « ${e.id} »`);
    seen.add(e.id);
    const entry: VocabularyEntry = { id: e.id, label: e.label };
    if (e.description) entry.description = e.description;
    if (e.url) entry.url = e.url;
    return entry;
  });
}
