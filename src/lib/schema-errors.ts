// Turns ajv's errors on a solution file into French messages, one per problem,
// with the field they concern; value rules and their messages come from the
// field table (fields.ts).
import type { ErrorObject } from "ajv/dist/2020.js";
import { CRITERION_ID_PATTERN, fieldAt, VALUE_RULES, type FieldTable } from "./fields.ts";
import { pointerSegment } from "./pointer.ts";
import { isDeprecatedSpdxId } from "./spdx.ts";
import { knownVersions } from "./grid-version-status.ts";
import { quote } from "./text.ts";
import type { Grid } from "./types.ts";
import type { Validator } from "./validate.ts";

const CRITERION_ID = new RegExp(CRITERION_ID_PATTERN);

// anyOf / if-then wrappers only repeat what their children say.
export function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const licenceFailed = errors.some((e) => e.instancePath === "/licence" && e.keyword === "anyOf");
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    if (licenceFailed && e.instancePath === "/licence" && e.keyword !== "anyOf") return false;
    return true;
  });
}

export function valueAt(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const segment of pointer.split("/").slice(1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

/** Keys the schema allows in the object at `pointer`, following local $refs. */
function allowedKeys(schema: Record<string, unknown>, pointer: string): string[] {
  type Node = { properties?: Record<string, Node>; $ref?: string; allOf?: { then?: Node }[] };
  const root = schema as Node;
  const resolve = (node: Node | undefined): Node | undefined => {
    if (!node?.$ref) return node;
    let target: unknown = schema;
    for (const s of node.$ref.replace(/^#\//, "").split("/")) target = (target as Record<string, unknown> | undefined)?.[s];
    return target as Node | undefined;
  };
  let node: Node | undefined = root;
  // A key may be declared in a conditional branch: the criteria of a grid version (schema.ts).
  const child = (parent: Node | undefined, key: string): Node | undefined =>
    resolve(parent?.properties?.[key]) ?? parent?.allOf?.map((rule) => resolve(resolve(rule.then)?.properties?.[key])).find((n) => n !== undefined);
  for (const segment of pointer.split("/").slice(1)) node = child(node, segment);
  return Object.keys(resolve(node)?.properties ?? {});
}

const TYPE_NAMES: Record<string, string> = {
  string: "du texte",
  array: "une liste",
  object: "une table de champs « clé: valeur »",
  boolean: "« true » ou « false »",
  number: "un nombre",
  integer: "un nombre entier",
};

interface DescribedError {
  pointer: string;
  message: string;
  atKey?: boolean;
  /** Where to point in the file when it is not the field itself (a missing field). */
  locateAt?: string;
}

export function describeSchemaError(error: ErrorObject, data: unknown, validator: Validator): DescribedError {
  const grid = validator.grid;
  const pointer = error.instancePath;
  const value = valueAt(data, pointer);
  switch (error.keyword) {
    case "required": {
      const missing = String(error.params.missingProperty);
      const child = `${pointer}/${missing}`;
      if (missing === "justification") {
        const answer = String(valueAt(data, `${pointer}/answer`));
        return { pointer: child, message: `une justification est requise quand la réponse est « ${answer} »` };
      }
      if (missing === "licence") {
        const distribution = String(valueAt(data, "/distribution"));
        return { pointer: child, locateAt: "/distribution", message: `une licence est obligatoire quand la distribution est « ${distribution} » : indiquez son identifiant SPDX` };
      }
      return { pointer: child, message: "champ obligatoire manquant" };
    }
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const child = `${pointer}/${pointerSegment(key)}`;
      if (pointer === "/evaluation" && CRITERION_ID.test(key)) {
        const version = String(valueAt(data, "/evaluation/grid_version"));
        const elsewhere = grid.versions.order.filter((v) => v !== version && grid.versions.byVersion.get(v)!.criteriaById.has(key));
        const hint = elsewhere.length > 0 ? ` ; il appartient à la grille ${elsewhere.join(", ")}` : "";
        return { pointer: child, atKey: true, message: `critère ${quote(key)} inconnu dans la grille ${version}${hint}` };
      }
      const allowed = allowedKeys(validator.schema, pointer).filter((k) => !CRITERION_ID.test(k));
      const hint = allowed.length > 0 ? ` ; champs possibles ici : ${allowed.join(", ")}` : "";
      return { pointer: child, atKey: true, message: `champ inconnu ${quote(key)}${hint}` };
    }
    case "type": {
      if (pointer === "/evaluation/grid_version" && typeof value === "number") {
        return { pointer, message: `la version de grille doit être écrite entre guillemets, par exemple "${grid.version}"` };
      }
      return { pointer, message: `valeur attendue : ${TYPE_NAMES[String(error.params.type)] ?? String(error.params.type)}` };
    }
    case "enum": {
      if (pointer === "/evaluation/grid_version") return { pointer, message: unknownVersion(value, grid) };
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const list = allowed.length > 30 ? `${allowed.slice(0, 30).join(", ")}, …` : allowed.join(", ");
      return { pointer, message: `valeur ${quote(value)} non reconnue ; valeurs possibles : ${list}` };
    }
    case "anyOf":
      if (pointer === "/licence") {
        if (typeof value === "string" && isDeprecatedSpdxId(value)) {
          return { pointer, message: `identifiant SPDX obsolète ${quote(value)} : précisez « ${value.replace(/\+$/, "")}-only » ou « ${value.replace(/\+$/, "")}-or-later »` };
        }
        return { pointer, message: `licence ${quote(value)} inconnue : indiquez un identifiant SPDX exact (https://spdx.org/licenses/), par exemple « AGPL-3.0-or-later », ou « LicenseRef-… » pour une licence propriétaire` };
      }
      return { pointer, message: "valeur non valide" };
    case "pattern":
    case "format":
      return { pointer, message: invalidValueMessage(pointer, value, validator.fields) };
    case "minLength":
      return { pointer, message: "ce champ ne doit pas être vide" };
    case "maxLength": {
      const length = typeof value === "string" ? value.length : 0;
      return { pointer, message: `texte trop long : ${error.params.limit} caractères au plus (${length} ici)` };
    }
    case "minItems":
      return { pointer, message: `liste trop courte : au moins ${error.params.limit} valeur attendue` };
    case "maxItems":
      return { pointer, message: `liste trop longue : ${error.params.limit} valeurs au plus` };
    case "uniqueItems": {
      const list = Array.isArray(value) ? value : [];
      const index = Number(error.params.i);
      return { pointer: `${pointer}/${index}`, message: `valeur en double ${quote(list[index])}` };
    }
    default:
      return { pointer, message: `valeur non valide (${error.keyword})` };
  }
}

/** The message of the field's value rule in the field table (fields.ts). */
function invalidValueMessage(pointer: string, value: unknown, fields: FieldTable): string {
  const rule = fieldAt(pointer, fields)?.value;
  return rule ? VALUE_RULES[rule].invalid(value) : `valeur ${quote(value)} invalide`;
}

/** « version de grille « 0.9 » inconnue ; versions connues : 1.1 (en vigueur), 1.0 ». */
function unknownVersion(value: unknown, grid: Grid): string {
  if (typeof value === "number") return `la version de grille doit être écrite entre guillemets, par exemple "${grid.versions.current}"`;
  return `version de grille ${quote(value)} inconnue ; versions connues : ${knownVersions(grid)}`;
}
