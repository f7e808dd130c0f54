// Everything the outputs of one build are made from, derived once from the
// loaded catalogue: the view model (site data, solution views, global data),
// the Nunjucks environment, and the DSFR subset. The build, the preview and
// the naive benchmark pipeline all start from here.
import path from "node:path";
import type { Catalogue, ScoredSolution } from "../lib/types.ts";
import { globalData } from "../view/global-data.ts";
import { type KeyFacts, keyFacts } from "../view/key-facts-view.ts";
import { buildSiteData, type SiteData } from "../view/site-data.ts";
import { createSolutionViews, type SolutionViews } from "../view/solution-view.ts";
import { buildDsfrAssets, type DsfrAssets } from "./dsfr-assets.ts";
import { createNunjucksEnvironment, type NunjucksEnvironment } from "./nunjucks.ts";

export interface BuildContext {
  catalogue: Catalogue;
  /** Root of the data (criteria/, content/): where solution files, hence logos, are found. */
  root: string;
  /** Root of the project: holds node_modules/ (the DSFR) and docs/. */
  projectRoot: string;
  /** The site's templates and assets (src/site). */
  siteDir: string;
  site: SiteData;
  views: SolutionViews;
  nunjucks: NunjucksEnvironment;
  /** The data every page receives. */
  data: Record<string, unknown>;
  dsfr: DsfrAssets;
}

/** Key facts per solution, computed once: a card shows on several list pages. */
function cachedKeyFacts(site: SiteData, catalogue: Catalogue): (entry: ScoredSolution) => KeyFacts {
  const cache = new WeakMap<ScoredSolution, KeyFacts>();
  return (entry) => {
    let facts = cache.get(entry);
    if (!facts) cache.set(entry, (facts = keyFacts(entry, site, catalogue.grid)));
    return facts;
  };
}

export function createBuildContext(catalogue: Catalogue, options: { root: string; projectRoot: string; siteDir: string }): BuildContext {
  const site = buildSiteData(catalogue);
  const views = createSolutionViews(site);
  return {
    catalogue,
    root: path.resolve(options.root),
    projectRoot: options.projectRoot,
    siteDir: options.siteDir,
    site,
    views,
    nunjucks: createNunjucksEnvironment(options.siteDir, views, cachedKeyFacts(site, catalogue)),
    data: globalData({ catalogue, site, projectRoot: options.projectRoot, root: path.resolve(options.root) }),
    dsfr: buildDsfrAssets(options.projectRoot, options.siteDir),
  };
}
