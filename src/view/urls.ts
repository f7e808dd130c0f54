// Every URL of the site, in one place: pages, solutions, themes, categories,
// assets and the search bundle. Templates read them as the global `urls`,
// views and the output table call these functions, and the search page's
// script receives what it needs through its embedded configuration. A URL
// changed here changes everywhere; nothing else writes a site path.
//
// Two kinds of address, kept apart here and only here:
// - a *site path* says where a file lives in the output folder: "/solutions/x/";
// - a *link* is what pages emit (href, src, action, search results): the site
//   path under the base path, the path of the site's public address
//   (src/lib/site-url.ts): "/catalogue-solutions-numeriques/solutions/x/" on
//   GitHub Pages, the site path itself for a site at the root of its host.
// Every URL exported here is a link, except `permalinks` (Eleventy writes a
// page at its permalink) and what outputFile() returns. The files are always
// written at the root of the output folder, as with Eleventy's pathPrefix.
import path from "node:path";
import { SCHEMA_SITE_PATH, schemaUrl, siteUrl } from "../lib/site-url.ts";

/** The path of a site address, without trailing slash: "/catalogue" for https://host/catalogue, "" for https://host. */
export function basePathOf(address: string): string {
  return new URL(address).pathname.replace(/\/+$/, "");
}

let base: string | undefined;

/** This process's base path, read on first use (package.json `homepage`, or CATALOGUE_SITE_URL). */
export function basePath(): string {
  return (base ??= basePathOf(siteUrl()));
}

/** The link to `sitePath` ("/a/b/") for a site whose base path is `prefix`. */
export function joinBase(prefix: string, sitePath: string): string {
  return `${prefix}${sitePath}`;
}

/** The site path `link` names for a site whose base path is `prefix`; "" for the bare prefix ("/catalogue"); undefined outside the site. */
export function stripBase(prefix: string, link: string): string | undefined {
  if (prefix === "") return link.startsWith("/") ? link : undefined;
  if (link === prefix) return "";
  return link.startsWith(`${prefix}/`) ? link.slice(prefix.length) : undefined;
}

/** The link to a site path of this site. */
export function link(sitePath: string): string {
  return joinBase(basePath(), sitePath);
}

/** An object whose properties are the links to `paths`, computed when read (the setting is read on first use). */
function links<T extends Record<string, string>>(paths: T): { readonly [K in keyof T]: string } {
  const out = {} as { [K in keyof T]: string };
  for (const key of Object.keys(paths) as (keyof T)[]) Object.defineProperty(out, key, { enumerable: true, get: () => link(paths[key]!) });
  return out;
}

/** Where Eleventy writes the pages it renders, by name (their templates' `permalink`): site paths. */
export const PAGE_PATHS = {
  home: "/",
  catalogue: "/catalogue/",
  themes: "/themes/",
  categories: "/categories/",
  criteria: "/criteres/",
  methodology: "/methodologie/",
  contribute: "/referencer/",
  about: "/a-propos/",
  search: "/recherche/",
  faq: "/faq/",
  legal: "/mentions-legales/",
  accessibility: "/accessibilite/",
  privacy: "/donnees-personnelles/",
  siteMap: "/plan-du-site/",
  notFound: "/404.html",
} as const;

/** The links to those pages. */
export const PAGE_URLS = links(PAGE_PATHS);

/** Where the DSFR subset lives; its stylesheet's url()s are relative to this folder. */
const DSFR_DIR = "/assets/dsfr/";
const SITE_ASSETS_DIR = "/assets/";
const PAGEFIND_DIR = "/pagefind/";

export const ASSET_URLS = links({
  dsfrCss: `${DSFR_DIR}dsfr.min.css`,
  dsfrJs: `${DSFR_DIR}dsfr.module.min.js`,
  faviconSvg: `${DSFR_DIR}favicon/favicon.svg`,
  appleTouchIcon: `${DSFR_DIR}favicon/apple-touch-icon.png`,
  /** At the site's root, where browsers ask for it (on a site at the root of its host). */
  faviconIco: "/favicon.ico",
  siteCss: `${SITE_ASSETS_DIR}css/site.css`,
  schemeJs: `${SITE_ASSETS_DIR}js/scheme.js`,
  searchJs: `${SITE_ASSETS_DIR}js/recherche.js`,
  /** Pagefind's output folder and the script the search page imports. */
  pagefindDir: PAGEFIND_DIR,
  pagefindJs: `${PAGEFIND_DIR}pagefind.js`,
  /** The JSON Schema of solution files, as the build publishes it. */
  schema: SCHEMA_SITE_PATH,
});

/** A file of the DSFR subset, by its path inside the DSFR folder ("fonts/Marianne-Regular.woff2"). */
export function dsfrFileUrl(file: string): string {
  return link(`${DSFR_DIR}${file}`);
}

/** A display-settings pictogram ("environment/sun"), at one of its parts ("artwork-major"). */
export function pictogramUrl(name: string, part: string): string {
  return `${dsfrFileUrl(`artwork/pictograms/${name}.svg`)}#${part}`;
}

/** One of the site's own assets (src/site/assets), by its path inside that folder ("css/site.css"). */
export function siteAssetUrl(file: string): string {
  return link(`${SITE_ASSETS_DIR}${file}`);
}

const SOLUTIONS = "/solutions/";

export function solutionUrl(slug: string): string {
  return link(`${SOLUTIONS}${slug}/`);
}

/** A solution's logo, copied beside its page; `extension` with its dot (".svg"). */
export function solutionLogoUrl(slug: string, extension: string): string {
  return `${solutionUrl(slug)}logo${extension.toLowerCase()}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** What a logo URL looks like, for the search page's script to accept only those (a regular expression's source). */
export function solutionLogoPattern(): string {
  return `^${escapeRegExp(link(SOLUTIONS))}[a-z0-9-]+\\/logo\\.[a-z]+$`;
}

/**
 * The base URL the search page gives Pagefind. Pagefind puts its own in front
 * of each result's URL (by default the folder above its bundle, that is the
 * base path); the records' URLs are links already, so the host's root.
 */
export const PAGEFIND_BASE_URL = "/";

export function themeUrl(slug: string): string {
  return `${PAGE_URLS.themes}${slug}/`;
}

/** A theme's ranking narrowed to one category. */
export function themeCategoryUrl(themeSlug: string, categoryId: string): string {
  return `${themeUrl(themeSlug)}${categoryId}/`;
}

export function categoryUrl(id: string): string {
  return `${PAGE_URLS.categories}${id}/`;
}

/** Page `number` (from 1) of a list whose first page is at `first` (a link). */
export function listPageUrl(first: string, number: number): string {
  return number === 1 ? first : `${first}page-${number}/`;
}

/** Where `npm start` (src/pipeline/serve.ts) serves the site by default. */
export const LOCAL_SERVER = { host: "localhost", port: 8080 } as const;

/** The address of the site served locally, under its base path, as it is published. */
export function localSiteUrl(host: string = LOCAL_SERVER.host, port: number = LOCAL_SERVER.port): string {
  return `http://${host}:${port}${link("/")}`;
}

/** Everything the templates read as the global `urls`. */
export const urls = {
  pages: PAGE_URLS,
  permalinks: PAGE_PATHS,
  assets: ASSET_URLS,
  solution: solutionUrl,
  theme: themeUrl,
  category: categoryUrl,
  pictogram: pictogramUrl,
  /** The link to a site path: the layout's `page.url` (Eleventy's, and the output table's, are site paths). */
  link,
  /** The site path of a link: the permalink of a page whose link is known (the benchmark's naive pipeline). */
  permalink: (url: string) => sitePath(url),
  /** The site served by `npm start`. */
  localSite: () => localSiteUrl(),
  /** The schema's public address (its `$id`), for editors. */
  get publicSchema(): string {
    return schemaUrl();
  },
} as const;

// Site paths made of safe segments only ([a-z0-9-_.], no dot segment): every
// file they name lands inside the output folder, whatever the data.
const SAFE_PATH = /^\/(?:[a-z0-9_-][a-z0-9._-]*\/)*(?:[a-z0-9_-][a-z0-9._-]*)?$/i;

/** The site path a link of this site names: the link without the base path. Throws on a link outside the site. */
export function sitePath(url: string): string {
  const stripped = stripBase(basePath(), url);
  if (stripped === undefined || stripped === "") throw new Error(`adresse hors du site ${JSON.stringify(url)} (chemin de base ${JSON.stringify(basePath())})`);
  return stripped;
}

/**
 * The file a link is written to, relative to the output folder:
 * `<base>/a/b/` -> a/b/index.html, `<base>/a/b.css` -> a/b.css. Throws on a
 * link outside the site, or one that could leave the output folder.
 */
export function outputFile(url: string): string {
  const site = stripBase(basePath(), url);
  if (site === undefined || !SAFE_PATH.test(site) || site.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new Error(`adresse de sortie inattendue ${JSON.stringify(url)}`);
  }
  const segments = site.split("/").filter(Boolean);
  return site.endsWith("/") ? path.join(...segments, "index.html") : path.join(...segments);
}

/** The folder a link ending in "/" names, relative to the output folder: `<base>/pagefind/` -> pagefind. */
export function outputFolder(url: string): string {
  if (!url.endsWith("/")) throw new Error(`adresse de dossier attendue ${JSON.stringify(url)}`);
  return path.dirname(outputFile(url));
}
