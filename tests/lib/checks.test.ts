import { test } from "uvu";
import * as assert from "uvu/assert";
import { expectedAnswer } from "../../src/lib/checks.ts";
import { loadGrid } from "../../src/lib/grid.ts";
import { PROJECT_ROOT } from "../helpers.ts";

const grid = loadGrid(PROJECT_ROOT);
const crpa = (licence?: string) => expectedAnswer("licence-crpa", { licence, publicReferences: [] }, grid);

test("the GNU version 3 licences are on the CRPA list in both their « only » and « or later » forms", () => {
  for (const id of ["GPL-3.0-only", "GPL-3.0-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "AGPL-3.0-only", "AGPL-3.0-or-later"]) {
    assert.equal(crpa(id)?.accepted, ["oui"], id);
  }
});

test("an AGPL-3.0-only licence expects « oui » and says why", () => {
  assert.equal(crpa("AGPL-3.0-only"), {
    accepted: ["oui"],
    because: "la licence « AGPL-3.0-only » figure dans la liste de l'article D.323-2-1 du CRPA",
  });
});

test("the other licences of the list expect « oui »", () => {
  for (const id of ["etalab-2.0", "ODbL-1.0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "CECILL-B", "MIT", "CECILL-2.1", "CECILL-C", "MPL-2.0", "EPL-2.0", "EUPL-1.2"]) {
    assert.equal(crpa(id)?.accepted, ["oui"], id);
  }
});

test("GNU licences of version 2, even « or later », are not on the list", () => {
  for (const id of ["GPL-2.0-only", "GPL-2.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later"]) {
    assert.equal(crpa(id)?.accepted, ["non"], id);
  }
  assert.equal(crpa("GPL-2.0-or-later")?.because, "la licence « GPL-2.0-or-later » ne figure pas dans la liste de l'article D.323-2-1 du CRPA");
});

test("licences outside the list and proprietary licences expect « non »", () => {
  for (const id of ["MPL-1.1", "EPL-1.0", "EUPL-1.1", "CECILL-2.0", "BSD-4-Clause", "LicenseRef-Proprietaire"]) {
    assert.equal(crpa(id)?.accepted, ["non"], id);
  }
});

test("a solution without a licence expects « non »", () => {
  assert.equal(crpa(undefined), { accepted: ["non"], because: "la fiche n'indique pas de licence" });
});

test.run();
