// Loads the criteria grid and the vocabularies from criteria/. The grid is the
// single source of truth: the solution schema, scoring, the site and the
// exports all derive from the object built here.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv2020 as AjvClass } from "ajv/dist/2020.js";
import { loadDocument } from "./load.ts";
import { locateField } from "./locate.ts";
import { FIELDS } from "./fields.ts";
import { gridFileSchema, vocabulariesFileSchema } from "./grid-schema.ts";
import { type Applicability, type CheckName, type Criterion, type DataHostingLocation, type Distribution, type Grid, type HostingMode, type Theme, type VocabularyEntry, type Vocabularies } from "./types.ts";

/** Raised on a broken grid: a maintainer error, reported with file, line and field. */
export class GridError extends Error {}

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
 * files, the field table and the SPDX list. The precompiled validator records
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
 * Reads criteria/grid.yaml and criteria/vocabularies.yaml under `root`, once
 * per process. `trustedHash` is the fingerprint of a grid already checked
 * (by `npm run schema`): when it matches, the structural check is skipped,
 * which keeps the validator's start-up fast.
 */
export function loadGrid(root: string, trustedHash?: (root: string) => string | undefined): Grid {
  const criteriaDir = path.resolve(root, "criteria");
  const cached = gridCache.get(criteriaDir);
  if (cached) return cached;
  const sources = GRID_FILES.map((name) => readSource(path.join(criteriaDir, name)));
  const hash = gridSourceHash(sources);
  const checked = trustedHash?.(root) === hash;
  // ajv is only loaded when the grid must be checked.
  const ajv: AjvClass | undefined = checked ? undefined : new (require("ajv/dist/2020.js").Ajv2020 as typeof AjvClass)({ strict: true });
  const gridFile = path.join(criteriaDir, "grid.yaml");
  const rawGrid = parseChecked<RawGrid>(gridFile, sources[0]!, gridFileSchema, ajv);
  const rawVocabularies = parseChecked<RawVocabularies>(path.join(criteriaDir, "vocabularies.yaml"), sources[1]!, vocabulariesFileSchema, ajv);
  const grid = { ...buildGrid(rawGrid.data, rawVocabularies.data, gridFile, rawGrid.yamlText), sourceHash: hash };
  gridCache.set(criteriaDir, grid);
  return grid;
}

function readSource(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new GridError(`${shownPath(file)}: fichier introuvable`);
  }
}

function shownPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

function parseChecked<T>(file: string, bytes: Uint8Array, schema: object, ajv: AjvClass | undefined): { data: T; yamlText: string } {
  const shown = shownPath(file);
  // The grid is maintained data, deeper than a solution file, and still parsed safely.
  const loaded = loadDocument(bytes, "yaml", 12);
  if (!loaded.ok) throw new GridError(`${shown}:${loaded.error.line}:${loaded.error.column}  ${loaded.error.message}`);
  const parsed = { data: loaded.doc.data as T, yamlText: loaded.doc.yamlText };
  if (!ajv) return parsed;
  const validate = ajv.compile(schema);
  if (!validate(loaded.doc.data)) {
    const error = validate.errors![0]!;
    const pointer = error.instancePath;
    const at = locateField(loaded.doc.yamlText, pointer, false);
    const detail =
      error.keyword === "additionalProperties"
        ? `champ inconnu « ${String(error.params.additionalProperty)} »`
        : error.keyword === "required"
          ? `champ obligatoire manquant « ${String(error.params.missingProperty)} »`
          : error.message;
    throw new GridError(`${shown}:${at.line}:${at.column}  ${pointer.slice(1).replaceAll("/", ".") || "-"}  ${detail}`);
  }
  return parsed;
}

function buildGrid(raw: RawGrid, vocab: RawVocabularies, gridFile: string, gridText: string): Omit<Grid, "sourceHash"> {
  const criteriaById = new Map<string, Criterion>();
  const themeIds = new Set<string>();
  if (vocab.hosting_modes.some((m) => m.id === "all")) {
    throw new GridError("criteria/vocabularies.yaml: hosting_modes : l'identifiant « all » est réservé à l'applicabilité « toutes les solutions »");
  }
  const applicabilities = ["all", ...vocab.hosting_modes.map((m) => m.id)];
  const themes: Theme[] = raw.themes.map((t, themeIndex) => {
    if (themeIds.has(t.id)) throw new GridError(`criteria/grid.yaml: thème en double « ${t.id} »`);
    themeIds.add(t.id);
    const criteria = t.criteria.map((c, index): Criterion => {
      if (!c.id.startsWith(`${t.id}-`)) throw new GridError(`criteria/grid.yaml: le critère « ${c.id} » doit commencer par « ${t.id}- »`);
      if (criteriaById.has(c.id)) throw new GridError(`criteria/grid.yaml: critère en double « ${c.id} »`);
      if (!applicabilities.includes(c.applicability)) {
        const field = `themes/${themeIndex}/criteria/${index}/applicability`;
        const at = locateField(gridText, `/${field}`, false);
        throw new GridError(
          `${shownPath(gridFile)}:${at.line}:${at.column}  ${field.replaceAll("/", ".")}  critère « ${c.id} » : applicabilité « ${c.applicability} » inconnue ; valeurs possibles : ${applicabilities.join(", ")} (modes d'hébergement de criteria/vocabularies.yaml)`,
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
        if (other) throw new GridError(`criteria/grid.yaml: accessibility_status sur « ${other.id} » et « ${c.id} » : un seul critère donne l'état de conformité au RGAA`);
        criterion.accessibilityStatus = true;
      }
      criteriaById.set(c.id, criterion);
      return criterion;
    });
    return { id: t.id, slug: t.slug, title: t.title, shortTitle: t.short_title, description: t.description, criteria };
  });
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
  return {
    version: raw.grid_version,
    themes,
    criteria: themes.flatMap((t) => t.criteria),
    criteriaById,
    vocabularies,
    applicabilityLabels,
    crpaLicences: [...vocab.crpa_licences],
  };
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
