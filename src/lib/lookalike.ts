// Names that imitate one another: same letters once accents, case, spacing,
// invisible characters and common look-alike letters from other scripts are
// folded. "Nextcloud", "NextCloud", "Nеxtcloud" (Cyrillic е) and
// "Next\u200Bcloud" all share one skeleton.

// Cyrillic and Greek letters that render like Latin ones, and digits that pass for letters.
const CONFUSABLES: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", і: "i", ї: "i", ј: "j", ԁ: "d", ԛ: "q", ԝ: "w", ь: "b", ү: "y", һ: "h",
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ϲ: "c", ϳ: "j",
  "0": "o", "1": "l", "3": "e", "5": "s", "|": "l", i: "l", ı: "l",
};

const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

export function nameSkeleton(name: string): string {
  const folded = name.normalize("NFKD").replace(/\p{M}/gu, "").replace(INVISIBLE, "").toLowerCase();
  let out = "";
  for (const ch of folded) {
    const mapped = CONFUSABLES[ch] ?? ch;
    if (/[\p{L}\p{N}]/u.test(mapped)) out += mapped;
  }
  return out;
}

/** Exact identity for duplicates: Unicode-normalised, case-folded, spaces collapsed. */
export function nameIdentity(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("fr").replace(/\s+/g, " ").trim();
}

/** Scripts of the letters of a name, among those that are easily confused. */
export function confusableScripts(name: string): string[] {
  const scripts: string[] = [];
  if (/\p{Script=Latin}/u.test(name)) scripts.push("latin");
  if (/\p{Script=Cyrillic}/u.test(name)) scripts.push("cyrillique");
  if (/\p{Script=Greek}/u.test(name)) scripts.push("grec");
  return scripts;
}

/** A web address reduced to what identifies a site: host without www, path without trailing slash. */
export function websiteIdentity(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase().replace(/^www\./, "");
    const pathPart = u.pathname.replace(/\/+$/, "").toLowerCase();
    return `${host}${pathPart}${u.search}`;
  } catch {
    return url.toLowerCase();
  }
}
