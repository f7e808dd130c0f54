// The table of fields of « Référencer ma solution », rendered from the
// generated JSON Schema of a solution file (src/lib/schema.ts): its titles,
// descriptions (which carry each field's limits) and allowed values. A field
// or a limit changed in the grid or the field table shows here with no edit.

export interface FieldRow {
  /** The key in the file, e.g. `provider` or `evaluation`. */
  name: string;
  /** « oui », « non », or the condition that makes it required. */
  required: string;
  title: string;
  /** The description, without its list of allowed values (shown apart). */
  description: string;
  /** Allowed values, when the field takes values from a vocabulary. */
  values: string[];
}

interface SchemaNode {
  title?: string;
  description?: string;
  enum?: unknown[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  allOf?: { if?: { properties?: Record<string, SchemaNode> }; then?: { required?: string[] } }[];
}

/** « Valeurs possibles : … » closes the description of a field with a vocabulary: the page lists them apart. */
const VALUES_SENTENCE = /\s*Valeurs possibles\s*:.*$/s;

/** One row per top-level field of `schema`, in the schema's order. */
export function fieldTable(schema: object): FieldRow[] {
  const root = schema as SchemaNode;
  const required = new Set(root.required ?? []);
  // Conditional requirements (if a field has one of some values, then …).
  const conditions = new Map<string, string>();
  for (const rule of root.allOf ?? []) {
    for (const field of rule.then?.required ?? []) {
      const [key, node] = Object.entries(rule.if?.properties ?? {})[0] ?? [];
      if (key && node?.enum) conditions.set(field, `si ${key} vaut ${node.enum.map((v) => `« ${String(v)} »`).join(" ou ")}`);
    }
  }
  return Object.entries(root.properties ?? {}).map(([name, node]) => {
    const values = (node.enum ?? node.items?.enum ?? []).map(String);
    return {
      name,
      required: required.has(name) ? "oui" : (conditions.get(name) ?? "non"),
      title: node.title ?? name,
      description: (node.description ?? "").replace(values.length ? VALUES_SENTENCE : /$^/, ""),
      values,
    };
  });
}
