// How publiccode.yml's vocabularies read in ours. These tables name ids of
// criteria/vocabularies.yaml: every use goes through `inVocabulary`, so an id
// the vocabulary no longer has is skipped, never written, and a test checks
// that every id named here exists in the real vocabulary.
import type { Grid } from "../lib/types.ts";

/**
 * publiccode.yml categories (https://yml.publiccode.tools/categories-list.html)
 * and the tags of its version 0.1, mapped only where one of our categories
 * says the same thing; the others are reported as not mapped.
 */
export const CATEGORY_MAP: Readonly<Record<string, string>> = {
  "e-signature": "signature-electronique",
  "customer-service-and-support": "relation-usager",
  "help-desk": "relation-usager",
  "document-management": "gestion-documentaire",
  "video-conferencing": "visioconference",
  "web-conferencing": "visioconference",
  "video-conference": "visioconference",
  "instant-messaging": "messagerie-instantanee",
  chat: "messagerie-instantanee",
  "email-management": "courrier-electronique",
  email: "courrier-electronique",
  office: "bureautique",
  "productivity-suite": "bureautique",
  "word-processor": "bureautique",
  spreadsheet: "bureautique",
  presentation: "bureautique",
  "content-management": "site-web-cms",
  "website-builder": "site-web-cms",
  blog: "site-web-cms",
  "project-management": "gestion-de-projet",
  "agile-project-management": "gestion-de-projet",
  "enterprise-project-management": "gestion-de-projet",
  "project-collaboration": "gestion-de-projet",
  "task-management": "gestion-de-projet",
  "geographic-information-systems": "cartographie-sig",
  accounting: "finances-comptabilite",
  budgeting: "finances-comptabilite",
  "billing-and-invoicing": "finances-comptabilite",
  "financial-reporting": "finances-comptabilite",
  "fund-accounting": "finances-comptabilite",
  hr: "ressources-humaines",
  payroll: "ressources-humaines",
  "employee-management": "ressources-humaines",
  "applicant-tracking": "ressources-humaines",
  "talent-management": "ressources-humaines",
  "identity-management": "identite-authentification",
  identity: "identite-authentification",
  survey: "enquetes-formulaires",
  "appointment-scheduling": "prise-de-rendez-vous",
  "online-booking": "prise-de-rendez-vous",
  "knowledge-management": "wiki-documentation",
  "learning-management-system": "education-formation",
};

/**
 * Hosting mode proposed for any publiccode.yml. The file describes source
 * code that anyone may install: that is the administration installing it on
 * its own servers. `platforms` (web, windows, mac, linux, ios, android) says
 * how people use the software, not who runs it: a web application may or may
 * not be offered online by its provider, so SaaS is never inferred.
 */
export const PUBLISHED_CODE_HOSTING = "on-premises";

/** Provider type proposed when the file gives an Italian public administration code (it.riuso.codiceIPA). */
export const IPA_PROVIDER_TYPE = "administration";

/** Is `id` in the grid's vocabulary `name`? */
export function inVocabulary(grid: Grid, name: "categories" | "hostingModes" | "providerTypes", id: string): boolean {
  return grid.vocabularies[name].some((entry) => entry.id === id);
}
