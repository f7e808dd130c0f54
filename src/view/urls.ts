// Every URL of the site, in one place: pages, solutions, themes, categories,
// assets and the search bundle. Templates read them as the global `urls`,
// views and the output table call these functions, and the search page's
// script receives what it needs through its embedded configuration. A URL
// changed here changes everywhere; nothing else writes a site path.
import path from "node:path";

/** The pages Eleventy renders, by name (their templates set `permalink` from here). */
export const PAGE_URLS = {
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

/** Where the DSFR subset lives; its stylesheet's url()s are relative to this folder. */
export const DSFR_DIR = "/assets/dsfr/";

export const ASSET_URLS = {
  dsfrCss: `${DSFR_DIR}dsfr.min.css`,
  dsfrJs: `${DSFR_DIR}dsfr.module.min.js`,
  /** Display-settings pictograms: `${pictograms}<group>/<name>.svg`. */
  pictograms: `${DSFR_DIR}artwork/pictograms/`,
  faviconSvg: `${DSFR_DIR}favicon/favicon.svg`,
  appleTouchIcon: `${DSFR_DIR}favicon/apple-touch-icon.png`,
  /** Browsers ask for it at the root whatever the page says. */
  faviconIco: "/favicon.ico",
  /** The site's own assets (src/site/assets), copied as they are. */
  siteDir: "/assets/",
  siteCss: "/assets/css/site.css",
  schemeJs: "/assets/js/scheme.js",
  searchJs: "/assets/js/recherche.js",
  /** Pagefind's output folder and the script the search page imports. */
  pagefindDir: "/pagefind/",
  pagefindJs: "/pagefind/pagefind.js",
} as const;

const SOLUTIONS = "/solutions/";

export function solutionUrl(slug: string): string {
  return `${SOLUTIONS}${slug}/`;
}

/** A solution's logo, copied beside its page; `extension` with its dot (".svg"). */
export function solutionLogoUrl(slug: string, extension: string): string {
  return `${solutionUrl(slug)}logo${extension.toLowerCase()}`;
}

/** What a logo URL looks like, for the search page's script to accept only those (a regular expression's source). */
export const SOLUTION_LOGO_PATTERN = `^${SOLUTIONS.replaceAll("/", "\\/")}[a-z0-9-]+\\/logo\\.[a-z]+$`;

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

/** Page `number` (from 1) of a list whose first page is at `base`. */
export function listPageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}page-${number}/`;
}

/** Everything the templates read as the global `urls`. */
export const urls = { pages: PAGE_URLS, assets: ASSET_URLS, solution: solutionUrl, theme: themeUrl, category: categoryUrl } as const;

// Site paths made of safe segments only ([a-z0-9-_.], no dot segment): every
// file they name lands inside the output folder, whatever the data.
const SAFE_URL = /^\/(?:[a-z0-9_-][a-z0-9._-]*\/)*(?:[a-z0-9_-][a-z0-9._-]*)?$/i;

/**
 * The file a site URL is written to, relative to the output folder:
 * `/a/b/` -> a/b/index.html, `/a/b.css` -> a/b.css. Throws on a URL that
 * could leave the output folder.
 */
export function outputFile(url: string): string {
  if (!SAFE_URL.test(url) || url.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new Error(`adresse de sortie inattendue ${JSON.stringify(url)}`);
  }
  const segments = url.split("/").filter(Boolean);
  return url.endsWith("/") ? path.join(...segments, "index.html") : path.join(...segments);
}

/** The folder a site URL ending in "/" names, relative to the output folder: `/pagefind/` -> pagefind. */
export function outputFolder(url: string): string {
  if (!url.endsWith("/")) throw new Error(`adresse de dossier attendue ${JSON.stringify(url)}`);
  return path.dirname(outputFile(url));
}
