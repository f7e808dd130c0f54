// The subset of the DSFR (Système de design de l'État) that the site uses,
// served from the site itself: no CDN, no third party.
//
// Rather than link a dozen stylesheets and scripts from node_modules, the
// build joins the files of the components listed below into one stylesheet
// and one module script, rewrites their relative url()s, and copies exactly
// the fonts and icons those url()s and the templates' `fr-icon-*` classes
// refer to. Adding a component to a template means adding it here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Components whose CSS the pages use (core first, then as in the DSFR examples). */
export const DSFR_STYLES = [
  "core/core",
  "scheme/scheme",
  "component/skiplink/skiplink",
  "component/link/link",
  "component/button/button",
  "component/logo/logo",
  "component/header/header",
  "component/navigation/navigation",
  "component/modal/modal",
  "component/form/form",
  "component/radio/radio",
  "component/checkbox/checkbox",
  "component/input/input",
  "component/select/select",
  "component/search/search",
  "component/breadcrumb/breadcrumb",
  "component/footer/footer",
  "component/card/card",
  "component/tile/tile",
  "component/badge/badge",
  "component/tag/tag",
  "component/accordion/accordion",
  "component/table/table",
  "component/notice/notice",
  "component/callout/callout",
  "component/alert/alert",
  "component/pagination/pagination",
  "component/summary/summary",
] as const;

/** Components whose JavaScript the pages need (core first). */
export const DSFR_SCRIPTS = [
  "core/core",
  "scheme/scheme",
  "component/header/header",
  "component/navigation/navigation",
  "component/modal/modal",
  "component/display/display",
  "component/accordion/accordion",
  "component/breadcrumb/breadcrumb",
  "component/button/button",
  "component/table/table",
] as const;

/** Pictograms of the display settings modal (« Paramètres d'affichage »). */
export const DSFR_ARTWORK = ["artwork/pictograms/environment/sun.svg", "artwork/pictograms/environment/moon.svg", "artwork/pictograms/system/system.svg"];

// favicon.ico goes to the site root (urls.ts, faviconIco), where browsers ask for it.
export const DSFR_FAVICONS = ["favicon/favicon.svg", "favicon/apple-touch-icon.png"];

export interface DsfrAssets {
  css: string;
  js: string;
  /** Files to copy: path inside dist/ -> path inside the DSFR folder of the site (urls.ts, DSFR_DIR), which the bundle's url()s are relative to. */
  files: Map<string, string>;
}

// Every browser that runs the DSFR's module scripts reads WOFF2: the WOFF
// fallbacks of the @font-face rules are left out, and not copied.
const WOFF_FALLBACK = /,\s*url\((["']?)[^)"']+\.woff\1\)\s*format\((["'])woff\2\)/g;
const SOURCE_MAP = /\/\*# sourceMappingURL=[^*]*\*\/|\/\/# sourceMappingURL=\S*/g;
const RELATIVE_URL = /url\((["']?)((?:\.\.\/)+)((?:fonts|icons)\/[^"')]+)\1\)/g;

export function distDir(root: string): string {
  return path.join(root, "node_modules", "@gouvfr", "dsfr", "dist");
}

/** Icon names (`fr-icon-<name>`) used in the templates and scripts under `siteDir`. */
export function usedIcons(siteDir: string): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(njk|js|html)$/.test(entry.name)) {
        for (const match of readFileSync(full, "utf8").matchAll(/\bfr-icon-([a-z0-9]+(?:-[a-z0-9]+)*)/g)) names.add(match[1]!);
      }
    }
  };
  walk(siteDir);
  return [...names].sort();
}

function iconIndex(dist: string): Map<string, string> {
  const index = new Map<string, string>();
  const icons = path.join(dist, "icons");
  for (const group of readdirSync(icons, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const file of readdirSync(path.join(icons, group.name))) {
      if (!file.endsWith(".svg")) continue;
      // DSFR's own drawings are named fr--<name>.svg for the class fr-icon-<name>.
      const name = file.slice(0, -4).replace(/^fr--/, "");
      if (!index.has(name) || !file.startsWith("fr--")) index.set(name, `icons/${group.name}/${file}`);
    }
  }
  return index;
}

export function buildDsfrAssets(root: string, siteDir: string): DsfrAssets {
  const dist = distDir(root);
  const files = new Map<string, string>();
  const read = (file: string) => readFileSync(path.join(dist, file), "utf8").replace(SOURCE_MAP, "").replace(WOFF_FALLBACK, "");
  const rebase = (css: string) =>
    css.replace(RELATIVE_URL, (_all, quote: string, _dots: string, target: string) => {
      files.set(target, target);
      return `url(${quote}${target}${quote})`;
    });

  const css: string[] = [];
  const print: string[] = [];
  for (const name of DSFR_STYLES) {
    // core.css and component.css hold both the modern and the legacy (IE11)
    // rules; the .main files only the modern ones.
    const main = existsSync(path.join(dist, `${name}.main.min.css`)) ? `${name}.main.min.css` : `${name}.min.css`;
    css.push(rebase(read(main)));
    if (existsSync(path.join(dist, `${name}.print.min.css`))) print.push(rebase(read(`${name}.print.min.css`)));
  }

  // Utility icons: one rule per `fr-icon-*` class the templates use, in the
  // shape of dist/utility/icons (the full icon set weighs 214 KB).
  const index = iconIndex(dist);
  const alreadyStyled = css.join("");
  for (const icon of usedIcons(siteDir)) {
    if (alreadyStyled.includes(`.fr-icon-${icon}:before`)) continue;
    const file = index.get(icon);
    if (!file) throw new Error(`icône DSFR inconnue « fr-icon-${icon} » dans ${siteDir}`);
    files.set(file, file);
    css.push(`.fr-icon-${icon}:after,.fr-icon-${icon}:before{-webkit-mask-image:url(${file});mask-image:url(${file})}`);
  }
  for (const file of [...DSFR_ARTWORK, ...DSFR_FAVICONS]) files.set(file, file);

  const leftover = /url\((?!\s*["']?(?:data:|fonts\/|icons\/))[^)]*\)/.exec(css.join("") + print.join(""));
  if (leftover) throw new Error(`url() DSFR non prise en charge : ${leftover[0].slice(0, 120)}`);

  // Each DSFR module script declares top-level constants (`const e=window.dsfr`):
  // a block per file keeps them apart inside one module.
  const js = DSFR_SCRIPTS.map((name) => `{\n${read(`${name}.module.min.js`).trim()}\n}`).join("\n");
  return { css: [...css, ...print].join("\n"), js, files };
}
