// Renders single pages without building the site: after a change to one
// solution file, its page in a few milliseconds, where a full build takes
// the whole catalogue's time. It renders the output table's own entry for
// solution pages, with the same context as the build: same templates,
// filters and data, so the page is byte for byte the one the build writes.
//
// `catalogue preview` (previewSite) renders a catalogue made of the checked
// solution alone, with the whole catalogue's counts (preview-check.ts): a
// solution page shows no other solution, only counts (the demonstration
// notice). It writes the page, the other outputs of that solution (its
// logo) and every output that shows no solution (the DSFR and site assets),
// all taken from the output table; any other address of the site gets a
// short page saying it is not part of the preview.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { INPUT_DIR, PROJECT_ROOT } from "../../.eleventy.ts";
import { buildCatalogue } from "../lib/catalogue.ts";
import { siteUrl } from "../lib/site-url.ts";
import type { Catalogue, CatalogueStats, Grid, ScoredSolution, Solution } from "../lib/types.ts";
import { outputFile, PAGE_PATHS, PAGE_URLS } from "../view/urls.ts";
import { type BuildContext, createBuildContext } from "./build-context.ts";
import { Fingerprinter, SolutionTokens } from "./fingerprint.ts";
import { type AnyOutput, OUTPUTS, outputNamed } from "./outputs.ts";
import { createOutputFolders, outputFiles, writeOutputs } from "./write-outputs.ts";

export interface RenderedPage {
  url: string;
  html: string;
}

export interface PagePreview {
  /** The page of the solution `slug`, or undefined when the catalogue has none. */
  solutionPage(slug: string): RenderedPage | undefined;
}

/** Prepares the rendering of single pages of `catalogue` (loaded once by the caller; `root` is where its solution files live). */
export function createPagePreview(catalogue: Catalogue, options: { root: string }): PagePreview {
  const context = createBuildContext(catalogue, { root: options.root, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });
  const output = outputNamed("solution");
  const bySlug = new Map<string, ScoredSolution>();
  for (const entry of catalogue.solutions) bySlug.set(entry.solution.slug, entry);
  return {
    solutionPage(slug) {
      const entry = bySlug.get(slug);
      return entry ? { url: output.url(entry), html: output.render(entry, context) as string } : undefined;
    },
  };
}

export interface PreviewSite {
  page: RenderedPage;
  /** Writes the page, its assets and the « not in the preview » page under `outputDir`; resolves to the number of files. */
  write(outputDir: string): Promise<number>;
}

export interface PreviewSiteOptions {
  /** Where solution files are read from (logos are found beside them). */
  root: string;
  /** The whole catalogue's counts, for the notices every page may show. */
  stats: Pick<CatalogueStats, "solutions" | "listed" | "withdrawn" | "demo">;
  /** The file as the repository will hold it, when the previewed one lives elsewhere (for the page's « Fiche source » link). */
  repositoryFile?: string;
}

// The page for every address the preview does not build, in the site's layout.
const NOT_IN_PREVIEW = `{% extends "layouts/base.njk" %}
{%- set title = "Page absente de l'aperçu" -%}
{%- set noindex = true -%}
{%- block content %}
<div class="fr-container fr-my-6w">
  <h1>Page absente de l'aperçu</h1>
  <p>L'aperçu (<code>catalogue preview</code>) ne construit que la page de la fiche «&nbsp;{{ previewName }}&nbsp;» et les ressources qu'elle utilise. Les autres pages du site (catalogue, thèmes, catégories, recherche…) sont construites par <code>npm run build</code> ou <code>npm run dev</code>.</p>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><a class="fr-btn" href="{{ previewUrl }}">Revenir à l'aperçu de la fiche</a></li>
    {%- if publishedUrl %}
    <li><a class="fr-btn fr-btn--secondary" href="{{ publishedUrl }}">Voir le site publié</a></li>
    {%- endif %}
  </ul>
</div>
{%- endblock %}
`;

function publishedSite(): string | undefined {
  try {
    return siteUrl();
  } catch {
    return undefined; // a broken setting must not stop a preview
  }
}

/** Renders the site of one solution: its page and what the page needs. */
export function previewSite(grid: Grid, solution: Solution, options: PreviewSiteOptions): PreviewSite {
  const alone = buildCatalogue(grid, [solution]);
  const catalogue: Catalogue = { ...alone, stats: { ...alone.stats, ...options.stats } };
  const built = createBuildContext(catalogue, { root: options.root, projectRoot: PROJECT_ROOT, siteDir: INPUT_DIR });
  const context: BuildContext = { ...built, data: { ...built.data, ...repositoryAs(built, solution, options.repositoryFile) } };
  const entry = catalogue.solutions[0]!;
  const solutionOutput = outputNamed("solution");
  const page = { url: solutionOutput.url(entry), html: solutionOutput.render(entry, context) as string };

  // The outputs of this solution, and the outputs none of whose items shows
  // a solution (assets). The lists are left out whole: in a catalogue of
  // one, even a list without this solution (an empty category) would lie.
  const fingerprints = new Fingerprinter(new SolutionTokens());
  const ownItems = (items: readonly unknown[]) => (items.some((item) => fingerprints.bearsSolutions(item)) ? items.filter((item) => item === entry) : items);
  const outputs: AnyOutput[] = (OUTPUTS as readonly AnyOutput[]).map((output) => ({
    ...output,
    items: (c: BuildContext) => ownItems(output.items(c)),
    // The page is rendered once, above.
    render: (item: unknown, c: BuildContext) => (output === solutionOutput && item === entry ? page.html : output.render(item, c)),
  }));

  return {
    page,
    async write(outputDir) {
      const files = outputFiles(outputs, context, [outputFile(PAGE_URLS.notFound)]);
      await createOutputFolders(files, outputDir);
      const counts = await writeOutputs(outputs, context, files, outputDir);
      const notice = context.nunjucks.renderString(NOT_IN_PREVIEW, {
        ...context.data,
        // A site path, as Eleventy gives its own pages (the layout makes the link).
        page: { url: PAGE_PATHS.notFound },
        previewName: solution.name,
        previewUrl: page.url,
        publishedUrl: publishedSite(),
      });
      await writeFile(path.join(outputDir, outputFile(PAGE_URLS.notFound)), notice);
      return Object.values(counts).reduce((sum, n) => sum + n, 1);
    },
  };
}

/** The data's `repository` helpers, showing `repositoryFile` for the previewed file. */
function repositoryAs(context: BuildContext, solution: Solution, repositoryFile: string | undefined): Record<string, unknown> {
  if (repositoryFile === undefined) return {};
  const original = context.data.repository as { path(file: string): string; url(file: string): string };
  const as = (file: string) => (file === solution.sourceFile ? repositoryFile : file);
  return { repository: { path: (file: string) => original.path(as(file)), url: (file: string) => original.url(as(file)) } };
}
