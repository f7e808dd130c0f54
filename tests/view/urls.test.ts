// The URL module: links carry the base path of the site's address, site
// paths (Eleventy's permalinks, the files) do not. These tests run with
// package.json's address (tests/helpers.ts, BASE).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { basePathOf, joinBase, listPageUrl, localSiteUrl, PAGE_PATHS, PAGE_URLS, sitePath, solutionLogoPattern, solutionLogoUrl, solutionUrl, stripBase, themeCategoryUrl, urls } from "../../src/view/urls.ts";

test("the base path is the path of the site's address, without its final slash", () => {
  assert.is(basePathOf("https://numerique-gouv.github.io/catalogue-solutions-numeriques"), "/catalogue-solutions-numeriques");
  assert.is(basePathOf("https://exemple.github.io/a/b/"), "/a/b");
  assert.is(basePathOf("https://catalogue.exemple.fr"), "");
  assert.is(basePathOf("https://catalogue.exemple.fr/"), "");
});

test("a site path joins the base path, and comes back out of it", () => {
  assert.is(joinBase("/mon-catalogue", "/solutions/x/"), "/mon-catalogue/solutions/x/");
  assert.is(joinBase("", "/solutions/x/"), "/solutions/x/");
  assert.is(stripBase("/mon-catalogue", "/mon-catalogue/solutions/x/"), "/solutions/x/");
  assert.is(stripBase("/mon-catalogue", "/mon-catalogue/"), "/");
  assert.is(stripBase("/mon-catalogue", "/mon-catalogue"), "");
  assert.is(stripBase("/mon-catalogue", "/mon-catalogue-bis/"), undefined);
  assert.is(stripBase("/mon-catalogue", "/solutions/x/"), undefined);
  assert.is(stripBase("", "/solutions/x/"), "/solutions/x/");
  assert.is(stripBase("", "solutions/x/"), undefined);
});

test("links carry the base path; Eleventy's permalinks do not", () => {
  assert.is(PAGE_URLS.home, "/catalogue-solutions-numeriques/");
  assert.is(PAGE_URLS.notFound, "/catalogue-solutions-numeriques/404.html");
  assert.is(PAGE_PATHS.search, "/recherche/");
  assert.is(urls.permalinks.search, "/recherche/");
  assert.is(urls.pages.search, "/catalogue-solutions-numeriques/recherche/");
  assert.is(urls.assets.dsfrCss, "/catalogue-solutions-numeriques/assets/dsfr/dsfr.min.css");
  assert.is(urls.assets.schema, "/catalogue-solutions-numeriques/schemas/solution.schema.json");
  assert.is(urls.pictogram("environment/sun", "artwork-major"), "/catalogue-solutions-numeriques/assets/dsfr/artwork/pictograms/environment/sun.svg#artwork-major");
  assert.is(solutionUrl("colibri"), "/catalogue-solutions-numeriques/solutions/colibri/");
  assert.is(solutionLogoUrl("colibri", ".SVG"), "/catalogue-solutions-numeriques/solutions/colibri/logo.svg");
  assert.is(themeCategoryUrl("securite", "visioconference"), "/catalogue-solutions-numeriques/themes/securite/visioconference/");
  assert.is(listPageUrl("/catalogue-solutions-numeriques/catalogue/", 2), "/catalogue-solutions-numeriques/catalogue/page-2/");
  assert.is(urls.link("/"), "/catalogue-solutions-numeriques/");
  assert.is(urls.publicSchema, "https://numerique-gouv.github.io/catalogue-solutions-numeriques/schemas/solution.schema.json");
  assert.is(localSiteUrl(), "http://localhost:8080/catalogue-solutions-numeriques/");
});

test("a page's site path is its link without the base path; a link outside the site is refused", () => {
  assert.is(sitePath("/catalogue-solutions-numeriques/solutions/colibri/"), "/solutions/colibri/");
  assert.throws(() => sitePath("/solutions/colibri/"), /adresse hors du site/);
});

test("the search page accepts only logos at their place under the base path", () => {
  const pattern = new RegExp(solutionLogoPattern());
  assert.ok(pattern.test("/catalogue-solutions-numeriques/solutions/colibri/logo.svg"));
  assert.not.ok(pattern.test("/solutions/colibri/logo.svg"));
  assert.not.ok(pattern.test("https://pisteur.example.net/catalogue-solutions-numeriques/solutions/colibri/logo.svg"));
  assert.not.ok(pattern.test("/catalogue-solutions-numeriques/solutions/colibri/../../x/logo.svg"));
});

test.run();
