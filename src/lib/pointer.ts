// JSON pointers (RFC 6901), the address of a field in problems and reports.

/** Escapes one key for use as a pointer segment. */
export function pointerSegment(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** The unescaped keys of a pointer; [] for the whole document (""). */
export function pointerKeys(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}
