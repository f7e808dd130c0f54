/** Where the generated schema is checked in, relative to the project root. */
export const SCHEMA_PATH = "schemas/solution.schema.json";

/** The exact text written to SCHEMA_PATH, so a test can compare byte for byte. */
export function schemaFileText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
