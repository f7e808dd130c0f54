// JSON for a <script type="application/json"> element: `<`, `>`, `&`, U+2028
// and U+2029 are escaped so no value can close the element or start markup.
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
