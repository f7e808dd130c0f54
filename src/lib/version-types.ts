// The shapes of the grid's versions (criteria/versions/, grid-versions.ts).
import type { Grid } from "./types.ts";

/**
 * What became of the previous version's criteria (criteria/grid.yaml,
 * previous). A criterion of both versions not named here is unchanged.
 */
export interface VersionMapping {
  /** Old id -> new id: the answer is kept. */
  renamed: Readonly<Record<string, string>>;
  /** Old id -> new ids: the answer is copied to each, to be confirmed. */
  split: Readonly<Record<string, readonly string[]>>;
  /** New id -> old ids: the new criterion is to be answered. */
  merged: Readonly<Record<string, readonly string[]>>;
  /** Old ids: their answers are dropped. */
  removed: readonly string[];
  /** New ids: criteria to answer. */
  added: readonly string[];
}

/** A version's link to the one it replaces. */
export interface PreviousVersion {
  version: string;
  /** Files of the previous version stay valid this many months after this version's publication. */
  transitionMonths: number;
  mapping: VersionMapping;
}

/** Every version of the grid kept in criteria/, shared by the grids of all of them. */
export interface GridVersions {
  current: string;
  /** Newest first: the current version, then the one it replaced, and so on. */
  order: readonly string[];
  byVersion: ReadonlyMap<string, Grid>;
  /**
   * For each older version, the first day its files are refused (YYYY-MM-DD):
   * the publication of the version that replaced it plus its transition period.
   */
  refusedFrom: ReadonlyMap<string, string>;
}
