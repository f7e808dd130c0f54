import { domainToUnicode } from "node:url";
import { INVISIBLE } from "./unicode.ts";

// Names that imitate one another: same letters once accents, case, spacing,
// invisible characters and common look-alike letters from other scripts are
// folded. "Nextcloud", "NextCloud", "Nеxtcloud" (Cyrillic е) and
// "Next\u200Bcloud" all share one skeleton.

// Cyrillic and Greek letters that render like Latin ones, and digits that pass for letters.
const CONFUSABLES: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", і: "i", ї: "i", ј: "j", ԁ: "d", ԛ: "q", ԝ: "w", ь: "b", ү: "y", һ: "h",
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ϲ: "c", ϳ: "j",
  "0": "o", "1": "l", "3": "e", "5": "s", "|": "l", i: "l", ı: "l",
  // Latin small capitals (phonetic extensions), which NFKD leaves alone.
  ᴀ: "a", ʙ: "b", ᴄ: "c", ᴅ: "d", ᴇ: "e", ɢ: "g", ʜ: "h", ɪ: "l", ᴊ: "j", ᴋ: "k", ʟ: "l", ᴍ: "m", ɴ: "n", ᴏ: "o",
  ᴘ: "p", ʀ: "r", ꜱ: "s", ᴛ: "t", ᴜ: "u", ᴠ: "v", ᴡ: "w", ʏ: "y", ᴢ: "z",
  // Armenian and Cherokee letters drawn like Latin ones.
  օ: "o", ս: "u", ց: "g", հ: "h", ո: "n", ա: "w", Ꭺ: "a", Ᏼ: "b", Ꮯ: "c", Ꭼ: "e", Ꮋ: "h", Ꭻ: "j", Ꮶ: "k", Ꮮ: "l", Ꮇ: "m", Ꮑ: "n", Ꮲ: "p", Ꮪ: "s", Ꭲ: "t", Ꮩ: "v", Ꮃ: "w", Ꮓ: "z", Ᏺ: "y",
};

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

// Scripts whose letters a name may combine without raising suspicion: one
// script, or the Han / kana mix of Japanese, or Han / Hangul.
const SCRIPT_NAMES: [RegExp, string][] = [
  [/\p{Script=Latin}/u, "latin"],
  [/\p{Script=Cyrillic}/u, "cyrillique"],
  [/\p{Script=Greek}/u, "grec"],
  [/\p{Script=Armenian}/u, "arménien"],
  [/\p{Script=Cherokee}/u, "cherokee"],
  [/\p{Script=Georgian}/u, "géorgien"],
  [/\p{Script=Coptic}/u, "copte"],
  [/\p{Script=Arabic}/u, "arabe"],
  [/\p{Script=Hebrew}/u, "hébreu"],
  [/\p{Script=Canadian_Aboriginal}/u, "syllabaire canadien"],
  [/\p{Script=Lisu}/u, "lisu"],
  [/\p{Script=Tifinagh}/u, "tifinagh"],
];
const OTHER_LETTER = /(?![\p{Script=Common}\p{Script=Inherited}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\p{L}/u;

/** Scripts of the letters of a name; more than one, Latin with anything else, is suspicious. */
export function confusableScripts(name: string): string[] {
  const scripts = SCRIPT_NAMES.filter(([pattern]) => pattern.test(name)).map(([, label]) => label);
  // A letter of a script not listed above still counts as « autre ».
  for (const ch of name) {
    if (OTHER_LETTER.test(ch) && !SCRIPT_NAMES.some(([pattern]) => pattern.test(ch))) {
      scripts.push("autre");
      break;
    }
  }
  return scripts;
}

/** A web address reduced to what identifies a site: host without www, path without trailing slash. */
export function websiteIdentity(url: string): string {
  try {
    const u = new URL(url);
    // Punycode hosts are compared by their skeleton, so xn--nxtcloud-… (with a
    // look-alike letter) meets nextcloud.com.
    const host = domainToUnicode(u.hostname.toLowerCase().replace(/^www\./, "").replace(/\.$/, ""))
      .split(".")
      .map((label) => nameSkeleton(label) || label)
      .join(".");
    const pathPart = u.pathname.replace(/\/+$/, "").toLowerCase();
    return `${host}${pathPart}${u.search}`;
  } catch {
    return url.toLowerCase();
  }
}
