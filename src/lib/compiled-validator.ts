// The solution validator, compiled ahead of time by `npm run schema` into
// schemas/solution.validate.cjs (ajv standalone code). Compiling the schema
// at every start would cost the `validate` command a few hundred milliseconds
// (importing ajv, compiling 60 criteria and the SPDX list).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";

export const COMPILED_VALIDATOR_PATH = "schemas/solution.validate.cjs";

/** The module is the validate function itself (ajv standalone's module.exports), with the grid fingerprint beside it. */
type CompiledModule = ValidateFunction & { gridHash?: string };

const require = createRequire(import.meta.url);

function load(root: string): CompiledModule | undefined {
  const file = path.resolve(root, COMPILED_VALIDATOR_PATH);
  if (!existsSync(file)) return undefined;
  return require(file) as CompiledModule;
}

/** Fingerprint of the grid the precompiled validator was generated from, if any. */
export function compiledGridHash(root: string): string | undefined {
  return load(root)?.gridHash;
}

/** The precompiled validator when it was generated from exactly this grid. */
export function compiledValidator(root: string, gridHash: string): ValidateFunction | undefined {
  const compiled = load(root);
  return compiled?.gridHash === gridHash ? compiled : undefined;
}
