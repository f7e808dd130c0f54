// The data every page's template receives, the same for the pages Eleventy
// renders and those the output table renders: the catalogue (the only source
// of solution data), what is derived from it once (site), the URLs, and the
// project's own documents.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Catalogue } from "../lib/types.ts";
import { searchConfig } from "./search-record.ts";
import type { SiteData } from "./site-data.ts";
import { urls } from "./urls.ts";

/** The site's accessibility status, shown in the footer and on the accessibility page. No audit has been made yet. */
export const ACCESSIBILITY_STATUS = "non conforme";

export function globalData(options: { catalogue: Catalogue; site: SiteData; projectRoot: string }): Record<string, unknown> {
  // docs/methodologie.md is maintained in the repository; it is read at build
  // time and rendered through the same safe Markdown renderer.
  const methodologie = path.join(options.projectRoot, "docs", "methodologie.md");
  return {
    catalogue: options.catalogue,
    site: options.site,
    urls,
    searchConfig: searchConfig(options.site),
    accessibilityStatus: ACCESSIBILITY_STATUS,
    methodologie: existsSync(methodologie) ? readFileSync(methodologie, "utf8") : "",
  };
}
