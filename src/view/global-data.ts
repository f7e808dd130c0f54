// The data every page's template receives, the same for the pages Eleventy
// renders and those the output table renders: the catalogue (the only source
// of solution data), what is derived from it once (site), the URLs, and the
// project's own documents.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Catalogue } from "../lib/types.ts";
import { searchConfig } from "./search-record.ts";
import { repositoryFileUrl, siteSettings } from "./settings.ts";
import type { SiteData } from "./site-data.ts";
import { urls } from "./urls.ts";

/** The site's accessibility status, shown in the footer and on the accessibility page. No audit has been made yet. */
export const ACCESSIBILITY_STATUS = "non conforme";

/** `sourceFile` (relative to the working directory, as the validator shows it) relative to the data root. */
function repositoryPath(root: string, sourceFile: string): string {
  return path.relative(root, path.resolve(sourceFile)).split(path.sep).join("/");
}

export function globalData(options: { catalogue: Catalogue; site: SiteData; projectRoot: string; root: string }): Record<string, unknown> {
  // docs/methodologie.md is maintained in the repository; it is read at build
  // time and rendered through the same safe Markdown renderer.
  const methodologie = path.join(options.projectRoot, "docs", "methodologie.md");
  const settings = siteSettings();
  return {
    settings,
    // An object, not a bare function: Eleventy calls a function given as
    // global data to compute it.
    repository: {
      /** A solution's source file as the repository holds it: relative to the data root, with forward slashes. */
      path: (sourceFile: string) => repositoryPath(options.root, sourceFile),
      /** Its page in the repository. */
      url: (sourceFile: string) => repositoryFileUrl(settings, repositoryPath(options.root, sourceFile)),
    },
    catalogue: options.catalogue,
    site: options.site,
    urls,
    searchConfig: searchConfig(options.site),
    accessibilityStatus: ACCESSIBILITY_STATUS,
    methodologie: existsSync(methodologie) ? readFileSync(methodologie, "utf8") : "",
  };
}
