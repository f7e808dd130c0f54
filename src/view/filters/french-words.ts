// Numbers and lists written out in French prose, so that a sentence built
// from the grid reads as if written by hand: 6 -> « six »,
// ["a", "b", "c"] -> « a, b et c ».
const NUMBERS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"];

/** A count in words up to sixteen, in digits beyond (as French typography wants for small numbers in prose). */
export function numberFr(value: unknown): string {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? (NUMBERS[value] ?? String(value)) : "";
}

/** Items joined as a French list: « a », « a et b », « a, b et c ». */
export function listFr(items: unknown): string {
  const list = Array.isArray(items) ? items.map(String) : [];
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} et ${list.at(-1)}`;
}

/** A title read inside a sentence: its first letter in lower case (« Sécurité » -> « sécurité »). */
export function lowerFirst(value: unknown): string {
  const text = typeof value === "string" ? value : "";
  return text.charAt(0).toLocaleLowerCase("fr") + text.slice(1);
}
