import { test } from "uvu";
import * as assert from "uvu/assert";
import { readLicence } from "../../src/contribute/licence.ts";

const LATER = (id: string) => `écrivez « ${id}-or-later » si la licence permet les versions ultérieures`;

test("a current SPDX identifier is kept as it is, without a note", () => {
  for (const id of ["EUPL-1.2", "AGPL-3.0-or-later", "MPL-2.0", "LicenseRef-Editeur-1"]) assert.equal(readLicence(id), { id, notes: [] });
});

test("deprecated GNU identifiers become -only (or -or-later for « + »), with a note", () => {
  assert.equal(readLicence("AGPL-3.0"), {
    id: "AGPL-3.0-only",
    notes: [`licence : « AGPL-3.0 » remplacée par « AGPL-3.0-only » (identifiant SPDX obsolète, qui désigne la version 3.0 seule ; ${LATER("AGPL-3.0")})`],
  });
  assert.is(readLicence("GPL-3.0").id, "GPL-3.0-only");
  assert.is(readLicence("LGPL-2.1").id, "LGPL-2.1-only");
  assert.equal(readLicence("GPL-3.0+"), { id: "GPL-3.0-or-later", notes: ["licence : « GPL-3.0+ » remplacée par « GPL-3.0-or-later » (« + » s'écrit « -or-later » en SPDX)"] });
});

test("lowercase and loose spellings are read as the SPDX identifier they mean", () => {
  assert.equal(readLicence("cecill-2.1"), { id: "CECILL-2.1", notes: ["licence : « cecill-2.1 » remplacée par « CECILL-2.1 » (casse corrigée)"] });
  assert.is(readLicence("agpl-3.0").id, "AGPL-3.0-only");
  assert.is(readLicence("apache-2.0").id, "Apache-2.0");
  assert.equal(readLicence("AGPLV3"), {
    id: "AGPL-3.0-only",
    notes: [`licence : « AGPLV3 » remplacée par « AGPL-3.0-only » (écriture non standard, lue comme l'identifiant SPDX obsolète « AGPL-3.0 », qui désigne la version 3.0 seule ; ${LATER("AGPL-3.0")})`],
  });
  assert.is(readLicence("GPLv2+").id, "GPL-2.0-or-later");
  assert.equal(readLicence("Apache License 2.0"), { id: "Apache-2.0", notes: ["licence : « Apache License 2.0 » remplacée par « Apache-2.0 » (écriture non standard)"] });
  assert.is(readLicence("EUPL v1.2").id, "EUPL-1.2");
});

test("an SPDX expression keeps its first licence, and says so", () => {
  assert.equal(readLicence("MIT OR Apache-2.0"), {
    id: "MIT",
    notes: ["licence : l'expression « MIT OR Apache-2.0 » ne tient pas dans une fiche, qui indique une seule licence (la licence est au choix) : seule « MIT » est reprise, vérifiez-la"],
  });
  assert.equal(readLicence("(GPL-2.0-or-later WITH Classpath-exception-2.0)").id, "GPL-2.0-or-later");
  assert.match(readLicence("MIT AND BSD-3-Clause").notes[0]!, /plusieurs licences ou exceptions s'appliquent/);
});

test("an unknown licence is not guessed", () => {
  assert.equal(readLicence("proprietary"), {
    notes: ["licence : « proprietary » n'est pas un identifiant SPDX reconnu ; indiquez la licence avec l'option --licence (identifiants sur https://spdx.org/licenses/)"],
  });
  assert.is(readLicence("GPL").id, undefined);
  assert.is(readLicence("BSD").id, undefined);
});

test.run();
