// The site's settings, each stated once. The repository's address comes from
// package.json (`repository.url`, where npm and forges read it) unless the
// environment sets CATALOGUE_REPOSITORY_URL (a fork, a mirror); pages link it
// from « Référencer ma solution », the footer and each solution page.
import { projectPackage, SettingError } from "../lib/site-url.ts";

export interface SiteSettings {
  /** The repository's web address, without a trailing slash or `.git`. */
  repositoryUrl: string;
  /** The branch the site is built from, for links to a file of the repository. */
  branch: string;
  /** Who publishes the catalogue, in one sentence used wherever the site says it. */
  publisher: string;
  /** Whose grid it is, in one sentence used wherever the site says it. */
  gridOrigin: string;
}


/** A repository address as a web page: `git+https://host/owner/name.git` -> `https://host/owner/name`. */
export function repositoryWebUrl(url: string): string {
  const web = url.trim().replace(/^git\+/, "").replace(/\.git$/, "").replace(/\/+$/, "");
  if (!/^https:\/\/[^\s"<>]+$/.test(web)) throw new SettingError(`adresse du dépôt invalide : ${JSON.stringify(url)} (une adresse https:// est attendue)`);
  return web;
}

export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  const pkg = projectPackage() as { repository?: { url?: string } | string };
  const fromPackage = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  const configured = env.CATALOGUE_REPOSITORY_URL || fromPackage;
  if (!configured) throw new SettingError("adresse du dépôt manquante : renseignez « repository » dans package.json ou CATALOGUE_REPOSITORY_URL");
  return {
    repositoryUrl: repositoryWebUrl(configured),
    branch: env.CATALOGUE_REPOSITORY_BRANCH || "main",
    publisher: "Ce catalogue est proposé par la mission LABEL de la Direction interministérielle du numérique (DINUM).",
    gridOrigin:
      "Sa grille de critères, rédigée pour ce catalogue, s'inspire des thèmes du catalogue GouvTech de la DINUM ; ce n'est pas la grille officielle de la DINUM, et les niveaux affichés résument les déclarations des fournisseurs sans les certifier.",
  };
}

/** The web page of a file of the repository, e.g. a solution's source file. */
export function repositoryFileUrl(settings: SiteSettings, file: string): string {
  return `${settings.repositoryUrl}/blob/${encodeURIComponent(settings.branch)}/${file.split("/").map(encodeURIComponent).join("/")}`;
}
