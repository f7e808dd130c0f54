// Checks across files: a slug, name or website used twice, slugs that differ
// only by case, names that imitate another, logos.
//
// Who gets the problem: every file of a collision that is not `existing`,
// naming another file of it, an existing one first. `catalogue validate`
// on the whole catalogue marks no file existing, so both files of a pair are
// reported, each naming the other; with --changed, the unchanged files are
// existing: a newcomer is told which file it collides with, and the file
// already there is never blamed for it.
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
  /** An unchanged file, loaded only to be compared with: it is never reported. */
  existing?: boolean;
}

export interface CrossProblem {
  file: string;
  pointer: string;
  atKey?: boolean;
  message: string;
}

type Key = (entry: CrossCheckEntry) => string | undefined;

const text = (entry: CrossCheckEntry, field: string): string | undefined => {
  const value = entry.data?.[field];
  return typeof value === "string" ? value : undefined;
};

const KEYS = {
  stem: (e) => e.stem.toLowerCase(),
  slug: (e) => text(e, "slug")?.toLowerCase(),
  name: (e) => {
    const name = text(e, "name");
    return name === undefined ? undefined : nameIdentity(name);
  },
  // An empty skeleton (a name of punctuation only) imitates nothing.
  skeleton: (e) => {
    const name = text(e, "name");
    return name === undefined ? undefined : nameSkeleton(name) || undefined;
  },
  website: (e) => {
    const website = text(e, "website");
    return website === undefined ? undefined : websiteIdentity(website);
  },
} satisfies Record<string, Key>;

export function crossCheck(entries: readonly CrossCheckEntry[]): CrossProblem[] {
  const groups = Object.fromEntries(Object.entries(KEYS).map(([kind, key]) => [kind, groupBy(entries, key)])) as Record<keyof typeof KEYS, Map<string, CrossCheckEntry[]>>;
  const collision = (kind: keyof typeof KEYS, self: CrossCheckEntry): CrossCheckEntry | undefined => {
    const key = KEYS[kind](self);
    const members = key === undefined ? undefined : groups[kind].get(key);
    if (!members || members.length < 2) return undefined;
    return members.find((m) => m !== self && m.existing) ?? members.find((m) => m !== self);
  };
  // « déjà » only when the other file was there before: in a whole-catalogue run, neither came first.
  const already = (other: CrossCheckEntry) => (other.existing ? "déjà" : "aussi");

  const problems: CrossProblem[] = [];
  for (const self of entries) {
    if (self.existing) continue;
    const { file, absolute, stem } = self;
    const sameStem = collision("stem", self);
    if (sameStem) {
      const message =
        sameStem.stem === stem
          ? `une autre fiche porte ${already(sameStem)} l'identifiant « ${stem} » : ${sameStem.file}`
          : `le nom de fichier « ${stem} » ne diffère de ${sameStem.file} que par la casse`;
      problems.push({ file, pointer: "", message });
    }

    const slug = text(self, "slug");
    const sameSlug = collision("slug", self);
    if (slug !== undefined && sameSlug) problems.push({ file, pointer: "/slug", message: `identifiant ${quote(slug)} ${already(sameSlug)} utilisé par ${sameSlug.file}` });

    const name = text(self, "name");
    if (name !== undefined) {
      const scripts = confusableScripts(name);
      if (scripts.length > 1) {
        problems.push({ file, pointer: "/name", message: `le nom ${quote(name)} mélange des alphabets (${scripts.join(" et ")}) : écrivez-le dans un seul alphabet` });
      }
      const sameName = collision("name", self);
      // Files of the same skeleton but another identity: once a same name is reported, a look-alike adds nothing.
      const lookalike = sameName ? undefined : collision("skeleton", self);
      if (sameName) problems.push({ file, pointer: "/name", message: `nom ${quote(name)} ${already(sameName)} utilisé par ${sameName.file}` });
      else if (lookalike) {
        const verb = lookalike.existing ? "imite celui" : "se confond avec celui";
        problems.push({
          file,
          pointer: "/name",
          message: `le nom ${quote(name)} ${verb} de ${quote(text(lookalike, "name"))} (${lookalike.file}) : caractères semblables, accents ou caractères invisibles`,
        });
      }
    }

    const website = text(self, "website");
    const sameWebsite = collision("website", self);
    if (website !== undefined && sameWebsite) problems.push({ file, pointer: "/website", message: `site web ${quote(website)} ${already(sameWebsite)} déclaré par ${sameWebsite.file}` });

    // A logo name that fails the schema pattern is already reported there.
    const logo = text(self, "logo");
    if (logo !== undefined && LOGO.test(logo)) {
      const message = checkLogo(absolute, logo);
      if (message) problems.push({ file, pointer: "/logo", message });
    }
  }
  return problems;
}

function groupBy(entries: readonly CrossCheckEntry[], key: Key): Map<string, CrossCheckEntry[]> {
  const groups = new Map<string, CrossCheckEntry[]>();
  for (const entry of entries) {
    const k = key(entry);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(entry);
    else groups.set(k, [entry]);
  }
  return groups;
}
