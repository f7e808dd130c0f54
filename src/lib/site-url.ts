// The site's public address, stated once. It names the published JSON Schema
// (its `$id`, and the `$schema` line of the files `catalogue new` writes), and
// absolute links in the machine-readable outputs. package.json's `homepage`
// holds the default (where npm and forges read it); CATALOGUE_SITE_URL
// overrides it for a fork or a mirror.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A wrong setting (package.json or environment): its message is all the user needs, no stack trace. */
export class SettingError extends Error {}

/**
 * The project's package.json: the nearest one above this module, which runs
 * from src/lib/ (sources) or from dist/ (the bundled command, one level less deep).
 */
function packageFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, "package.json");
}

/** The project's package.json, where the site's and the repository's addresses are set. */
export function projectPackage(): Record<string, unknown> {
  return JSON.parse(readFileSync(packageFile(), "utf8")) as Record<string, unknown>;
}

/** The address as given, checked and without a trailing slash: `https://host[/path]`. */
export function normaliseSiteUrl(url: string, origin: string): string {
  const trimmed = url.trim().replace(/\/+$/, "");
  let parsed: URL | undefined;
  try {
    parsed = new URL(trimmed);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.protocol !== "https:" || parsed.search !== "" || parsed.hash !== "" || parsed.username !== "" || parsed.password !== "" || /[\s"<>]/.test(trimmed)) {
    throw new SettingError(`adresse du site invalide dans ${origin} : ${JSON.stringify(url)} (une adresse https:// sans paramètres est attendue, par exemple https://catalogue.exemple.gouv.fr)`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

/** The site's public address, without a trailing slash. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CATALOGUE_SITE_URL) return normaliseSiteUrl(env.CATALOGUE_SITE_URL, "CATALOGUE_SITE_URL");
  const pkg = projectPackage();
  if (typeof pkg.homepage !== "string") throw new SettingError("adresse du site manquante : renseignez « homepage » dans package.json ou CATALOGUE_SITE_URL");
  return normaliseSiteUrl(pkg.homepage, "package.json (homepage)");
}

/** Where the build publishes the JSON Schema of solution files. */
export const SCHEMA_SITE_PATH = "/schemas/solution.schema.json";

/** The schema's public address, its `$id`. */
export function schemaUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `${siteUrl(env)}${SCHEMA_SITE_PATH}`;
}
