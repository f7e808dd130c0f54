// Finds the line and column of a field from its JSON pointer. js-yaml keeps no
// positions, so the YAML text is parsed again with the `yaml` package, only for
// files that have problems: valid files never pay for it.
import { createRequire } from "node:module";
import type { Node } from "yaml";
import { pointerKeys } from "./pointer.ts";

// Loaded on first use: valid files never need it, and the command starts faster.
const require = createRequire(import.meta.url);
let yaml: typeof import("yaml") | undefined;

export interface Position {
  line: number;
  column: number;
}

/**
 * Position of the node at `pointer` in `yamlText` (1-based). With `atKey`, the
 * position of the last key itself (for unknown or misplaced keys). Falls back
 * to the deepest ancestor found.
 */
export function locateField(yamlText: string, pointer: string, atKey: boolean): Position {
  const { doc, lineCounter } = parsed(yamlText);
  const { isMap, isPair, isScalar, isSeq } = yaml!;
  const segments = pointerKeys(pointer);
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (atKey && segment === segments[segments.length - 1]) {
        offset = keyStart ?? offset;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

// The problems of one file are located one after the other: keep its parse,
// so locating N problems costs one parse, not N.
let last: { text: string; doc: import("yaml").Document; lineCounter: import("yaml").LineCounter } | undefined;

function parsed(yamlText: string) {
  if (last?.text !== yamlText) {
    yaml ??= require("yaml") as typeof import("yaml");
    const lineCounter = new yaml.LineCounter();
    const doc = yaml.parseDocument(yamlText, { lineCounter, uniqueKeys: false, strict: false });
    last = { text: yamlText, doc, lineCounter };
  }
  return last;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
