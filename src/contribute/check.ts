// Every value `catalogue new` takes (an option, an answer, an imported value)
// and the file it writes are judged by the real validator, so the command
// never accepts what `catalogue validate` would refuse, and says why in the
// validator's own words.
import { loadDocument } from "../lib/load.ts";
import { errorsOf } from "../lib/report.ts";
import type { Problem } from "../lib/types.ts";
import { validateDocument, type Validator } from "../lib/validate.ts";
import { draftData, draftField, type DraftKey, type DraftValues } from "./fields.ts";

/** The validator's messages about one value of a draft (the field or its items); empty when it is valid. */
export function fieldProblems(validator: Validator, values: DraftValues, key: DraftKey, today: string): string[] {
  const pointer = draftField(key).pointer;
  const data = draftData(values, validator.grid, today);
  const doc = { data, yamlText: "", yamlLineOffset: 0 };
  const { problems } = validateDocument(doc, "", values.slug ?? "", validator, today);
  return problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)).map((p) => p.message);
}

/** The first problem of one value, checked alone with `values` around it; undefined when it is valid. */
export function valueProblem(validator: Validator, values: DraftValues, key: DraftKey, value: string | string[], today: string): string | undefined {
  return fieldProblems(validator, { ...values, [key]: value }, key, today)[0];
}

/**
 * Checks the text of a draft as `catalogue validate` would check the file:
 * the same loader, the same validator. Returns the blocking problems.
 */
export function checkDraftText(text: string, file: string, slug: string, validator: Validator, today: string): Problem[] {
  const loaded = loadDocument(new TextEncoder().encode(text), "yaml");
  if (!loaded.ok) {
    const { line, column, message } = loaded.error;
    return [{ file, line, column, pointer: "", field: "-", message }];
  }
  return errorsOf(validateDocument(loaded.doc, file, slug, validator, today).problems);
}
