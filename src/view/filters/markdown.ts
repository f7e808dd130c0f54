// Markdown of untrusted contributors (solution descriptions) and of the
// project's own documents (docs/*.md), rendered by one safe configuration:
// - raw HTML is never passed through (html: false), so `<script>` stays text;
// - only https:, http:, mailto: and relative links become links; anything
//   else (javascript:, data:, vbscript:, file:…) is left as inert text;
// - images are disabled: a contributor image would load a third-party
//   resource (tracking pixel) on a site that promises none;
// - linkify is off, so bare text never turns into a link;
// - a link to a path of the site ("/catalogue/") gets the site's base path, as
//   every link the site emits (src/view/urls.ts); relative links ("../x/")
//   keep working as they are, the pages keeping their relative places.
// https://github.com/markdown-it/markdown-it/blob/master/docs/security.md
import MarkdownIt from "markdown-it";
import { link } from "../urls.ts";

type HeadingMode = "demote" | "document";

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED_SCHEMES = new Set(["https", "http", "mailto"]);
/** A path from the root of the host ("/a/"), not a protocol-relative address ("//host/"). */
const ROOT_RELATIVE = /^\/(?![\/\\])/;

/** Is this (already normalised) link target one we let through? */
export function isSafeLink(url: string): boolean {
  // Browsers drop control characters and spaces inside a scheme: refuse them outright.
  if (/[\u0000-\u0020\u007f\\]/.test(url)) return false;
  const scheme = SCHEME.exec(url);
  return scheme ? ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase()) : true;
}

function createRenderer(mode: HeadingMode) {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable("image");
  md.validateLink = isSafeLink;
  md.core.ruler.push("catalogue_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "heading_open" && token.type !== "heading_close") continue;
      const level = Number(token.tag.slice(1));
      // Contributor text sits under the page's h2 « Description »: its h1 and h2
      // become h3 and deeper levels follow, so the page outline stays right.
      const shifted = mode === "demote" ? Math.min(6, Math.max(3, level + 1)) : level;
      token.tag = `h${shifted}`;
    }
    if (mode !== "demote") return;
    // Links to other sites in contributor text: no endorsement, no referrer opener.
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === "link_open" ? String(token.attrGet("href") ?? "") : "";
        // A protocol-relative address ("//host/x") leads to another site too.
        if (SCHEME.test(href) || href.startsWith("//")) token.attrSet("rel", "nofollow ugc noopener");
      }
    }
  });
  md.core.ruler.push("catalogue_site_links", (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === "link_open" ? String(token.attrGet("href") ?? "") : "";
        if (ROOT_RELATIVE.test(href)) token.attrSet("href", link(href));
      }
    }
  });
  // Tables take the DSFR table markup (dist/component/table).
  md.renderer.rules.table_open = () => '<div class="fr-table fr-table--bordered fr-table--multiline"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content"><table>\n';
  md.renderer.rules.table_close = () => "</table></div></div></div></div>\n";
  return md;
}

const contributor = createRenderer("demote");
const document = createRenderer("document");

/** Renders contributor Markdown (a solution description) to safe HTML with demoted headings. */
export function markdown(text: unknown): string {
  return typeof text === "string" && text.trim() !== "" ? contributor.render(text) : "";
}

/**
 * Renders one of the project's documents (docs/*.md) with the same safe
 * configuration. A leading h1 is dropped: the page template already shows
 * the page title as its h1.
 */
export function documentMarkdown(text: unknown): string {
  if (typeof text !== "string") return "";
  return document.render(text.replace(/^\uFEFF?\s*#\s[^\n]*\n/, ""));
}
