// The versions of the grid. criteria/grid.yaml is the version in force; every
// published version is frozen in criteria/versions/<version>.yaml, the one in
// force included, and a published version never changes (its copy must stay
// identical to grid.yaml). Each version names the one it replaced in
// `previous`, with a transition period and what became of each criterion
// (renamed, split, merged, removed, added), checked here against the
// criteria of both versions.
import { pointerOf } from "./pointer.ts";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { addMonths } from "./calendar.ts";
import { GridError, gridErrorAt, shownPath } from "./grid-error.ts";
import type { UnlinkedGrid } from "./grid.ts";
import type { Grid, GridVersions, PreviousVersion } from "./types.ts";

/** A grid file as read: its bytes (for the fingerprint), its data (not yet checked) and its YAML text (to locate errors). */
export interface VersionSource {
  file: string;
  bytes: Uint8Array;
  data: unknown;
  yamlText: string;
}

export interface BuiltVersion {
  source: VersionSource;
  grid: UnlinkedGrid;
}

/** The `previous` block of a grid file, as checked by grid-schema.ts. */
export interface RawPrevious {
  grid_version: string;
  transition_months: number;
  renamed?: Record<string, string>;
  split?: Record<string, string[]>;
  merged?: Record<string, string[]>;
  removed?: string[];
  added?: string[];
}

export const VERSIONS_DIR = "versions";
const VERSION = /^[0-9]+\.[0-9]+$/;

/** A version id read from a file not yet checked: only a well-formed one can name a file. */
function versionField(data: unknown, previous: boolean): string | undefined {
  const holder = previous ? (data as { previous?: unknown } | null | undefined)?.previous : data;
  const id = (holder as { grid_version?: unknown } | null | undefined)?.grid_version;
  return typeof id === "string" && VERSION.test(id) ? id : undefined;
}

/** The older versions, newest first, following each file's `previous` from the current grid. */
export function readOlderVersions(criteriaDir: string, current: VersionSource, parse: (file: string) => VersionSource): VersionSource[] {
  const older: VersionSource[] = [];
  const seen = new Set([versionField(current.data, false)]);
  let source = current;
  for (let id = versionField(current.data, true); id !== undefined; id = versionField(source.data, true)) {
    if (seen.has(id)) {
      throw gridErrorAt(source.file, source.yamlText, "/previous/grid_version", `la version « ${id} » est déjà dans la suite des versions : chaque version remplace une version plus ancienne`);
    }
    seen.add(id);
    const file = path.join(criteriaDir, VERSIONS_DIR, `${id}.yaml`);
    if (!existsSync(file)) {
      throw gridErrorAt(source.file, source.yamlText, "/previous/grid_version", `version « ${id} » introuvable : chaque version publiée est gardée telle quelle dans criteria/${VERSIONS_DIR}/${id}.yaml`);
    }
    const previous = parse(file);
    if (versionField(previous.data, false) !== id) {
      throw gridErrorAt(file, previous.yamlText, "/grid_version", `ce fichier doit contenir la grille ${id} (grid_version: "${id}")`);
    }
    older.push(previous);
    source = previous;
  }
  return older;
}

/**
 * criteria/versions/ holds the published versions only, and the copy of the
 * version in force is identical to criteria/grid.yaml: a published version
 * never changes, a change is a new version.
 */
export function checkPublishedCopies(criteriaDir: string, current: VersionSource, older: readonly VersionSource[]): void {
  const dir = path.join(criteriaDir, VERSIONS_DIR);
  if (!existsSync(dir)) return;
  const id = versionField(current.data, false)!;
  const known = new Set([id, ...older.map((v) => versionField(v.data, false))]);
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".yaml") && known.has(name.slice(0, -".yaml".length))) continue;
    throw new GridError(
      `${shownPath(path.join(dir, name))}: fichier inattendu : criteria/${VERSIONS_DIR}/ ne garde que les versions publiées de la grille (<version>.yaml), chacune nommée par le champ previous de la version qui l'a remplacée`,
    );
  }
  const copy = path.join(dir, `${id}.yaml`);
  if (existsSync(copy) && !Buffer.from(readFileSync(copy)).equals(Buffer.from(current.bytes))) {
    throw new GridError(
      `${shownPath(current.file)}: diffère de ${shownPath(copy)} : la grille ${id} est publiée et une version publiée ne change plus ; annulez la modification, ou publiez une nouvelle version (grid_version, published et previous, voir docs/methodologie.md)`,
    );
  }
}

/** The `previous` block of a checked grid file. */
export function previousVersionOf(raw: { previous?: RawPrevious }): PreviousVersion | undefined {
  const p = raw.previous;
  if (!p) return undefined;
  return {
    version: p.grid_version,
    transitionMonths: p.transition_months,
    mapping: {
      renamed: { ...p.renamed },
      split: Object.fromEntries(Object.entries(p.split ?? {}).map(([k, v]) => [k, [...v]])),
      merged: Object.fromEntries(Object.entries(p.merged ?? {}).map(([k, v]) => [k, [...v]])),
      removed: [...(p.removed ?? [])],
      added: [...(p.added ?? [])],
    },
  };
}

type Role = "renamed" | "split" | "merged" | "removed" | "added";

/**
 * Checks that `newer.previous` accounts for every criterion of `older`: each
 * one is kept (same id in both), or has exactly one fate; each criterion of
 * `newer` is kept, or the result of exactly one fate, or added.
 */
export function checkVersionLink(newer: BuiltVersion, older: BuiltVersion): void {
  const { grid: n, source } = newer;
  const { grid: o } = older;
  const mapping = n.previous!.mapping;
  const fail = (pointer: string, message: string, atKey = false) => {
    throw gridErrorAt(source.file, source.yamlText, pointer, message, atKey);
  };
  if (n.published <= o.published) fail("/published", `date de publication ${n.published} : elle doit suivre celle de la grille ${o.version} (${o.published})`);
  const oldRole = new Map<string, Role>();
  const newRole = new Map<string, Role>();
  const claim = (side: "old" | "new", id: string, role: Role, pointer: string, atKey = false) => {
    const grid = side === "old" ? o : n;
    const roles = side === "old" ? oldRole : newRole;
    if (!grid.criteriaById.has(id)) fail(pointer, `critère « ${id} » absent de la grille ${grid.version}`, atKey);
    const before = roles.get(id);
    if (before !== undefined) {
      fail(pointer, `critère « ${id} » déjà nommé dans previous.${before} : ${side === "old" ? `un critère de la grille ${o.version} a un seul devenir` : `un critère de la grille ${n.version} a une seule origine`}`, atKey);
    }
    roles.set(id, role);
  };
  for (const [from, to] of Object.entries(mapping.renamed)) {
    const at = `/previous/renamed/${from}`;
    claim("old", from, "renamed", at, true);
    claim("new", to, "renamed", at);
    if (n.criteriaById.has(from)) fail(at, `« ${from} » est renommé mais existe encore dans la grille ${n.version}`, true);
  }
  for (const [from, targets] of Object.entries(mapping.split)) {
    claim("old", from, "split", `/previous/split/${from}`, true);
    targets.forEach((to, i) => claim("new", to, "split", `/previous/split/${from}/${i}`));
    if (n.criteriaById.has(from) && !targets.includes(from)) fail(`/previous/split/${from}`, `« ${from} » est divisé mais existe encore dans la grille ${n.version} sans être l'un des critères qui en résultent`, true);
  }
  for (const [to, sources] of Object.entries(mapping.merged)) {
    claim("new", to, "merged", `/previous/merged/${to}`, true);
    sources.forEach((from, i) => claim("old", from, "merged", `/previous/merged/${to}/${i}`));
  }
  mapping.removed.forEach((id, i) => {
    claim("old", id, "removed", `/previous/removed/${i}`);
    if (n.criteriaById.has(id)) fail(`/previous/removed/${i}`, `« ${id} » est supprimé mais existe encore dans la grille ${n.version}`);
  });
  mapping.added.forEach((id, i) => {
    claim("new", id, "added", `/previous/added/${i}`);
    if (o.criteriaById.has(id)) fail(`/previous/added/${i}`, `« ${id} » existe déjà dans la grille ${o.version} : un critère gardé d'une version à l'autre ne se déclare pas`);
  });
  for (const criterion of o.criteria) {
    if (oldRole.has(criterion.id)) continue;
    if (!n.criteriaById.has(criterion.id)) {
      fail("/previous", `le critère « ${criterion.id} » de la grille ${o.version} manque dans la grille ${n.version} : déclarez ce qu'il devient (renamed, split, merged ou removed)`, true);
    }
    const role = newRole.get(criterion.id);
    if (role) fail("/previous", `« ${criterion.id} », gardé de la grille ${o.version}, est aussi le résultat de previous.${role} : un critère n'a qu'une origine`, true);
  }
  n.themes.forEach((theme, t) =>
    theme.criteria.forEach((criterion, c) => {
      if (newRole.has(criterion.id) || o.criteriaById.has(criterion.id)) return;
      fail(pointerOf("themes", t, "criteria", c, "id"), `critère « ${criterion.id} » nouveau dans la grille ${n.version} : déclarez-le dans previous.added, ou comme résultat de previous.renamed, split ou merged`);
    }),
  );
}

/** Links the grids of all the versions (newest first) to one GridVersions; returns them in the same order. */
export function linkVersions(grids: readonly (UnlinkedGrid & { sourceHash: string })[]): Grid[] {
  const byVersion = new Map<string, Grid>();
  const refusedFrom = new Map<string, string>();
  const versions: GridVersions = { current: grids[0]!.version, order: grids.map((g) => g.version), byVersion, refusedFrom };
  const linked = grids.map((g): Grid => ({ ...g, versions }));
  for (const [i, grid] of linked.entries()) {
    byVersion.set(grid.version, grid);
    const newer = linked[i - 1];
    if (newer?.previous) refusedFrom.set(grid.version, addMonths(newer.published, newer.previous.transitionMonths));
  }
  return linked;
}
