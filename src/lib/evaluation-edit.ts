// Edits the `evaluation` table of a solution file's YAML text in place:
// renames, removes or duplicates criterion entries and sets grid_version,
// touching only those characters, so comments, quoting, flow or block style
// and the order of everything else are kept byte for byte. (Serialising the
// whole document again, even with the `yaml` package that keeps comments,
// re-spaces flow lists and realigns comments.)
import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from "yaml";

/** What becomes of each criterion key of the evaluation: absent = kept. */
export interface EvaluationEdit {
  gridVersion: string;
  /** Key -> the keys that replace it, in order: [] removes it, [other] renames it, several duplicate its answer. */
  keys: ReadonlyMap<string, readonly string[]>;
}

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

type Range = [number, number, number];

/** `yamlText` with `edit` applied to its top-level `evaluation` table (already checked to be a table). */
export function editEvaluation(yamlText: string, edit: EvaluationEdit): string {
  const doc = parseDocument(yamlText, { uniqueKeys: false });
  const evaluation = doc.get("evaluation", true);
  if (!isMap(evaluation)) throw new Error("evaluation n'est pas une table");
  const map = evaluation as YAMLMap;
  const pairs = map.items as Pair[];
  const edits: TextEdit[] = [];
  const removed = (pair: Pair) => isScalar(pair.key) && edit.keys.get(String(pair.key.value))?.length === 0;
  pairs.forEach((pair, index) => {
    if (!isScalar(pair.key)) return;
    const key = String(pair.key.value);
    const keyRange = pair.key.range as Range;
    const valueRange = (pair.value as { range?: Range } | null)?.range;
    if (key === "grid_version") {
      if (valueRange) edits.push({ start: valueRange[0], end: valueRange[1], text: JSON.stringify(edit.gridVersion) });
      return;
    }
    const targets = edit.keys.get(key);
    if (!targets) return;
    if (targets.length === 1) {
      edits.push({ start: keyRange[0], end: keyRange[1], text: targets[0]! });
    } else if (map.flow) {
      edits.push(flowReplacement(yamlText, pairs, index, targets, removed));
    } else {
      edits.push(blockReplacement(yamlText, keyRange, valueRange, targets));
    }
  });
  return applyEdits(yamlText, edits);
}

/** The lines of a block entry, from its key's line to the end of its value, replaced by one copy per target. */
function blockReplacement(text: string, keyRange: Range, valueRange: Range | undefined, targets: readonly string[]): TextEdit {
  const start = text.lastIndexOf("\n", keyRange[0] - 1) + 1;
  let end = valueRange ? valueRange[2] : keyRange[1];
  if (end < text.length && text[end - 1] !== "\n") {
    const lineEnd = text.indexOf("\n", end);
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  const indent = text.slice(start, keyRange[0]);
  let rest = text.slice(keyRange[1], end);
  if (!rest.endsWith("\n")) rest += "\n";
  const copies = targets.map((target) => `${indent}${target}${rest}`).join("");
  // At the very end of a file without a final line break, keep it so.
  return { start, end, text: end === text.length && !text.endsWith("\n") ? copies.slice(0, -1) : copies };
}

/** An entry of a flow table (`{a: …, b: …}`), replaced by one copy per target, or removed with its comma. */
function flowReplacement(text: string, pairs: Pair[], index: number, targets: readonly string[], removed: (pair: Pair) => boolean): TextEdit {
  const pair = pairs[index]!;
  const keyRange = (pair.key as { range: Range }).range;
  const valueEnd = (pair.value as { range?: Range } | null)?.range?.[1] ?? keyRange[1];
  if (targets.length > 0) {
    const value = text.slice(keyRange[1], valueEnd);
    return { start: keyRange[0], end: valueEnd, text: targets.map((target) => `${target}${value}`).join(", ") };
  }
  const next = pairs[index + 1];
  if (next) return { start: keyRange[0], end: (next.key as { range: Range }).range[0], text: "" };
  // The last entry: remove from the end of the last entry kept, commas included
  // (grid_version always stays). Removals of the entries between merge with it.
  const previous = pairs.slice(0, index).filter((p) => !removed(p)).pop()!;
  const previousEnd = (previous.value as { range?: Range } | null)?.range?.[1] ?? (previous.key as { range: Range }).range[1];
  return { start: previousEnd, end: valueEnd, text: "" };
}

/** Applies edits that do not overlap, except removals, which may (neighbours in a flow table): those are merged. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const merged: TextEdit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && edit.start < last.end) {
      if (last.text !== "" || edit.text !== "") throw new Error("modifications qui se chevauchent dans evaluation");
      last.end = Math.max(last.end, edit.end);
    } else merged.push({ ...edit });
  }
  let out = text;
  for (const edit of merged.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
