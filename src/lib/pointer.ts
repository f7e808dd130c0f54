// JSON pointers (RFC 6901), the address of a field in problems and reports.

/** Escapes one key for use as a pointer segment. */
export function pointerSegment(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** The unescaped keys of a pointer; [] for the whole document (""). */
export function pointerKeys(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The pointer of a field from its keys: pointerOf("themes", 0, "criteria") -> "/themes/0/criteria". */
export function pointerOf(...keys: (string | number)[]): string {
  return keys.map((key) => `/${pointerSegment(String(key))}`).join("");
}
