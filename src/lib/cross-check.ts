// Checks across files: a slug, name or website used twice, slugs that differ
// only by case, names that imitate another, logos. Problems go to the later
// file (in path order), naming the earlier one.
import { checkLogo } from "./logo.ts";
import { LOGO_PATTERN } from "./fields.ts";
import { confusableScripts, nameIdentity, nameSkeleton, websiteIdentity } from "./lookalike.ts";
import { quote } from "./text.ts";

const LOGO = new RegExp(LOGO_PATTERN);

export interface CrossCheckEntry {
  /** Path shown in messages. */
  file: string;
  /** Absolute path, to find the logo beside it. */
  absolute: string;
  stem: string;
  data: Record<string, unknown> | null;
}

export interface CrossProblem {
  file: string;
  pointer: string;
  atKey?: boolean;
  message: string;
}

export function crossCheck(entries: readonly CrossCheckEntry[]): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const stems = new Map<string, { stem: string; file: string }>();
  const slugs = new Map<string, string>();
  const names = new Map<string, string>();
  const skeletons = new Map<string, { file: string; name: string }>();
  const websites = new Map<string, string>();

  for (const { file, absolute, stem, data } of entries) {
    const lowerStem = stem.toLowerCase();
    const sameStem = stems.get(lowerStem);
    if (sameStem !== undefined) {
      const message =
        sameStem.stem === stem
          ? `une autre fiche porte déjà l'identifiant « ${stem} » : ${sameStem.file}`
          : `le nom de fichier « ${stem} » ne diffère de ${sameStem.file} que par la casse`;
      problems.push({ file, pointer: "", message });
    } else stems.set(lowerStem, { stem, file });

    if (!data) continue;
    const { slug, name, website, logo } = data;
    if (typeof slug === "string") {
      const key = slug.toLowerCase();
      const other = slugs.get(key);
      if (other) problems.push({ file, pointer: "/slug", message: `identifiant ${quote(slug)} déjà utilisé par ${other}` });
      else slugs.set(key, file);
    }
    if (typeof name === "string") {
      const scripts = confusableScripts(name);
      if (scripts.length > 1) {
        problems.push({ file, pointer: "/name", message: `le nom ${quote(name)} mélange des alphabets (${scripts.join(" et ")}) : écrivez-le dans un seul alphabet` });
      }
      const identity = nameIdentity(name);
      const skeleton = nameSkeleton(name);
      const sameName = names.get(identity);
      const lookalike = skeletons.get(skeleton);
      if (sameName) problems.push({ file, pointer: "/name", message: `nom ${quote(name)} déjà utilisé par ${sameName}` });
      else if (lookalike && skeleton !== "") {
        problems.push({
          file,
          pointer: "/name",
          message: `le nom ${quote(name)} imite celui de ${quote(lookalike.name)} (${lookalike.file}) : caractères semblables, accents ou caractères invisibles`,
        });
      }
      if (!sameName) names.set(identity, file);
      if (!lookalike && skeleton !== "") skeletons.set(skeleton, { file, name });
    }
    if (typeof website === "string") {
      const key = websiteIdentity(website);
      const other = websites.get(key);
      if (other) problems.push({ file, pointer: "/website", message: `site web ${quote(website)} déjà déclaré par ${other}` });
      else websites.set(key, file);
    }
    // A logo name that fails the schema pattern is already reported there.
    if (typeof logo === "string" && LOGO.test(logo)) {
      const message = checkLogo(absolute, logo);
      if (message) problems.push({ file, pointer: "/logo", message });
    }
  }
  return problems;
}
