// The repository's address is one setting, read from package.json or the
// environment, and only an https address is accepted.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { repositoryFileUrl, repositoryWebUrl, siteSettings } from "../../src/view/settings.ts";

test("the repository address from package.json is shown as its web page", () => {
  assert.is(siteSettings({}).repositoryUrl, "https://github.com/numerique-gouv/catalogue-solutions-numeriques");
  assert.is(repositoryWebUrl("git+https://forge.example.org/equipe/catalogue.git"), "https://forge.example.org/equipe/catalogue");
});

test("the environment can point the site at a fork, and at another branch", () => {
  const settings = siteSettings({ CATALOGUE_REPOSITORY_URL: "https://forge.example.org/equipe/catalogue/", CATALOGUE_REPOSITORY_BRANCH: "publication" });
  assert.is(settings.repositoryUrl, "https://forge.example.org/equipe/catalogue");
  assert.is(repositoryFileUrl(settings, "content/solutions/visio libre.yaml"), "https://forge.example.org/equipe/catalogue/blob/publication/content/solutions/visio%20libre.yaml");
});

test("a repository address that is not https is refused with a French message", () => {
  for (const url of ["javascript:alert(1)", "http://forge.example.org/x", "https://forge.example.org/a b", 'https://x.org/"><script>']) {
    assert.throws(() => siteSettings({ CATALOGUE_REPOSITORY_URL: url }), /adresse du dépôt invalide/, url);
  }
});

test.run();
