import { test } from "uvu";
import * as assert from "uvu/assert";
import { dateFr } from "../../src/view/filters/date-fr.ts";
import { demoNotice } from "../../src/view/filters/demo-notice.ts";
import { documentMarkdown, isSafeLink, markdown } from "../../src/view/filters/markdown.ts";
import { markdownText } from "../../src/view/filters/markdown-text.ts";
import { percent } from "../../src/view/filters/percent.ts";
import { scriptJson } from "../../src/view/filters/script-json.ts";

test("markdown keeps raw HTML as text", () => {
  assert.is(markdown("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
});

test("markdown turns only https, http, mailto and relative targets into links", () => {
  assert.match(markdown("[a](https://example.org/)"), /<a href="https:\/\/example.org\/"/);
  assert.match(markdown("[a](http://example.org/)"), /<a href="http:\/\/example.org\/"/);
  assert.match(markdown("[a](mailto:x@example.org)"), /<a href="mailto:x@example.org"/);
  assert.match(markdown("[a](/criteres/)"), /<a href="\/catalogue-solutions-numeriques\/criteres\/"/);
  // ftp: and tel: are let through by markdown-it's own check: only ours refuses them.
  for (const target of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "&#106;avascript:alert(1)", "ftp://example.org/f", "tel:+33100000000"]) {
    assert.not.match(markdown(`[a](${target})`), /<a /, target);
  }
});

test("a link to a path of the site gets the base path; relative links and other sites' stay as written", () => {
  assert.ok(markdown("[a](/solutions/colibri/#synthese)").includes('<a href="/catalogue-solutions-numeriques/solutions/colibri/#synthese">a</a>'));
  assert.ok(documentMarkdown("[a](/methodologie/)").includes('<a href="/catalogue-solutions-numeriques/methodologie/">a</a>'));
  assert.ok(markdown("[a](../colibri/)").includes('<a href="../colibri/">a</a>'));
  assert.ok(markdown("[a](colibri/)").includes('<a href="colibri/">a</a>'));
  assert.ok(markdown("[a](#fonctions)").includes('<a href="#fonctions">a</a>'));
  assert.ok(markdown("[a](//example.org/x)").includes('<a href="//example.org/x" rel="nofollow ugc noopener">a</a>'), "another host, named without scheme: not a path of the site, and another site's link");
  assert.ok(markdown("[a](https://example.org/solutions/)").includes('<a href="https://example.org/solutions/" rel="nofollow ugc noopener">a</a>'));
});

test("isSafeLink refuses schemes hidden by control characters", () => {
  assert.not.ok(isSafeLink("java\tscript:alert(1)"));
  assert.not.ok(isSafeLink(" javascript:alert(1)"));
  assert.ok(isSafeLink("page.html#part"));
});

test("markdown renders no image and no bare-text link", () => {
  assert.not.match(markdown("![x](https://tracker.example.net/p.png)"), /<img/);
  assert.not.match(markdown("see https://example.org"), /<a /);
});

test("contributor headings are demoted below the page's h2", () => {
  assert.match(markdown("# Un"), /<h3>Un<\/h3>/);
  assert.match(markdown("## Deux"), /<h3>Deux<\/h3>/);
  assert.match(markdown("### Trois"), /<h4>Trois<\/h4>/);
  assert.match(markdown("###### Six"), /<h6>Six<\/h6>/);
});

test("documentMarkdown keeps heading levels, drops the leading h1 and styles tables", () => {
  const html = documentMarkdown("# Titre\n\n## Partie\n\n| a | b |\n| - | - |\n| 1 | 2 |\n");
  assert.not.match(html, /<h1>/);
  assert.match(html, /<h2>Partie<\/h2>/);
  assert.match(html, /<div class="fr-table[^"]*"><div class="fr-table__wrapper">/);
});

test("percent rounds to the unit with a no-break space", () => {
  assert.is(percent(0.375), "38\u00a0%");
  assert.is(percent(0.285), "29\u00a0%");
  assert.is(percent(1), "100\u00a0%");
  assert.is(percent(Number.NaN), "0\u00a0%");
});

test("dateFr writes French dates, with « 1er » on the first day", () => {
  assert.is(dateFr("2026-01-15"), "15 janvier 2026");
  assert.is(dateFr("2026-03-01"), "1er mars 2026");
  assert.is(dateFr("not a date"), "");
});

test("scriptJson cannot close its script element", () => {
  const json = scriptJson({ a: "</script><script>alert(1)</script>&\u2028" });
  assert.not.match(json, /[<>&\u2028]/);
  assert.equal(JSON.parse(json), { a: "</script><script>alert(1)</script>&\u2028" });
});

test("markdownText keeps the words people read and drops link targets, images' addresses and markup", () => {
  const text = markdownText(
    "# Titre\n\nUn [lien piégé](javascript:alert(3)) et un [lien sûr](https://example.org/) en **gras**.\n\n![pisteur](https://tracker.example.net/p.png)\n\n- un `code`\n- deux\n  suite\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
  );
  assert.is(text, "Titre\nUn lien piégé et un lien sûr en gras.\npisteur\nun code\ndeux suite\na b\n1 2");
  assert.is(markdownText("<script>alert(1)</script>"), "<script>alert(1)</script>", "raw HTML is text, as the page shows it");
  assert.is(markdownText(undefined), "");
  assert.is(markdownText("  "), "");
});

test("demoNotice agrees in number with one and with several demonstration files", () => {
  assert.is(demoNotice(1, 5), "Une fiche sur 5 est une fiche de démonstration\u00a0: ses informations n'ont pas été déclarées par le fournisseur cité.");
  assert.is(demoNotice(3, 5), "Sur 5 fiches, 3 sont des fiches de démonstration\u00a0: leurs informations n'ont pas été déclarées par les fournisseurs cités.");
  assert.is(demoNotice(1, 1), "La fiche publiée est une fiche de démonstration\u00a0: ses informations n'ont pas été déclarées par le fournisseur cité.");
  assert.is(demoNotice(4, 4), "Toutes les fiches publiées sont des fiches de démonstration\u00a0: leurs informations n'ont pas été déclarées par les fournisseurs cités.");
  assert.is(demoNotice(0, 4), "");
});

test.run();
