// SPDX licence identifiers, from the maintained spdx-license-list package.
import { createRequire } from "node:module";

interface SpdxEntry {
  name: string;
  url: string;
  osiApproved: boolean;
}

const require = createRequire(import.meta.url);
const licences = require("spdx-license-list/spdx.json") as Record<string, SpdxEntry>;

// GNU ids without "-only" / "-or-later" (and "+" suffixes) are deprecated by
// SPDX because they leave the version choice ambiguous.
const DEPRECATED = /^(?:A?GPL|LGPL|GFDL)-[0-9.]+(?:\+|-with-.*)?$|\+$/;

/** Current (non-deprecated) SPDX identifiers, sorted. */
export const SPDX_IDS: readonly string[] = Object.keys(licences)
  .filter((id) => !DEPRECATED.test(id))
  .sort((a, b) => a.localeCompare(b, "en"));

export function isDeprecatedSpdxId(id: string): boolean {
  return Object.hasOwn(licences, id) && DEPRECATED.test(id);
}

export function isOsiApproved(id: string): boolean {
  return Object.hasOwn(licences, id) && licences[id]!.osiApproved === true;
}


export const LICENSE_REF_PATTERN = "^LicenseRef-[A-Za-z0-9.-]{1,60}$";
