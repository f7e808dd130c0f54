import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkDraftText } from "../../src/contribute/check.ts";
import { renderDraft } from "../../src/contribute/draft.ts";
import type { DraftValues } from "../../src/contribute/fields.ts";
import { readPubliccodeFile } from "../../src/contribute/publiccode-file.ts";
import { importPubliccode, type PubliccodeImport } from "../../src/contribute/publiccode.ts";
import { CATEGORY_MAP, IPA_PROVIDER_TYPE, PUBLISHED_CODE_HOSTING } from "../../src/contribute/publiccode-vocab.ts";
import { loadGrid } from "../../src/lib/grid.ts";
import { getValidator } from "../../src/lib/validate.ts";
import { PROJECT_ROOT, TODAY, tempDir } from "../helpers.ts";

// The mapping targets the real vocabulary (criteria/vocabularies.yaml), so these tests read the real grid.
const grid = loadGrid(PROJECT_ROOT);
const validator = getValidator(grid);
const FIXTURES = path.join(PROJECT_ROOT, "tests/fixtures/publiccode");

function imported(name: string): PubliccodeImport {
  const read = readPubliccodeFile(path.join(FIXTURES, name));
  if (!read.ok) throw new Error(`${name}: ${read.error.message}`);
  const result = importPubliccode(read.doc, validator, TODAY);
  if (!result) throw new Error(`${name}: not a publiccode.yml`);
  return result;
}

interface Expected {
  values: DraftValues;
  /** How many public references, the first and the last. */
  references?: [number, string, string];
  /** The start of the long description and its length in characters. */
  description?: [string, number];
  proposed: string[];
  /** "line  field  message" */
  notes: string[];
  unmapped: string[];
}

// Every fixture that gives a draft: what is taken, every note, what is left out.
const EXPECTED: Record<string, Expected> = {
  "catala.yml": {
    values: {"name":"Catala","shortDescription":"Langage de programmation dédié à l'écriture d'implémentations correctes d'algorithmes dérivés de textes législatifs","website":"https://catala-lang.org","sourceCode":"https://github.com/CatalaLang/catala","licence":"Apache-2.0","distribution":"libre","hosting":["on-premises"]},
    references: [1, "Direction Générale des Finances Publiques (DGFiP)", "Direction Générale des Finances Publiques (DGFiP)"],
    proposed: ["hosting"],
    notes: [
      "21  legal.license  licence : « apache-2.0 » remplacée par « Apache-2.0 » (casse corrigée)",
      "21  legal.license  distribution « libre » : la licence « Apache-2.0 » est approuvée par l'OSI",
      "-  -  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; ajoutez les autres modes (--hosting) si vous les proposez",
      "8  usedBy  références publiques : 1 reprise sur 1 entrée de usedBy ; 1 entrée donnée sous forme de table : seul le nom est repris",
    ],
    unmapped: ["creationDate","logo","fundedBy","roadmap","description.en","legal.authorsFile","maintenance.type","maintenance.contacts"],
  },
  "demarches-simplifiees.yml": {
    values: {"name":"Démarches simplifiées","shortDescription":"Dématérialiser et simplifier les démarches administratives","website":"https://www.demarches-simplifiees.fr","sourceCode":"https://github.com/demarches-simplifiees/demarches-simplifiees.fr","licence":"AGPL-3.0-only","distribution":"libre","hosting":["on-premises"]},
    proposed: ["hosting"],
    notes: [
      "19  legal.license  licence : « agpl-3.0 » remplacée par « AGPL-3.0-only » (identifiant SPDX obsolète, qui désigne la version 3.0 seule ; écrivez « AGPL-3.0-or-later » si la licence permet les versions ultérieures)",
      "19  legal.license  distribution « libre » : la licence « AGPL-3.0-only » est approuvée par l'OSI",
      "-  -  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; ajoutez les autres modes (--hosting) si vous les proposez",
    ],
    unmapped: ["creationDate","latestRelease","logo","fundedBy","roadmap","description.fr.documentation","legal.authorsFile","maintenance.type","maintenance.contacts"],
  },
  "docsuite-pa.yml": {
    values: {"name":"Docsuite PA","shortDescription":"Docsuite Next PA Gestione Documentale: Protocollo e PEC, Fascicoli, Provvedimenti Amministrativi e Albo Online, Trasparenza","website":"https://github.com/AUSL-ReggioEmilia/DocSuitePA","sourceCode":"https://github.com/AUSL-ReggioEmilia/DocSuitePA","licence":"EUPL-1.2","distribution":"libre","providerName":"AUSL Reggio Emilia","providerType":"administration","hosting":["on-premises"],"categories":["gestion-documentaire"]},
    references: [16, "AUSL Reggio Emilia", "CISIA - Consorzio Interuniversitario Sistemi Integrati per l'Accesso"],
    description: ["Docsuite è la soluzione per la gestione documentale, compren", 1437],
    proposed: ["providerType","hosting"],
    notes: [
      "12  description.it  pas de description en français : textes repris en « it », à traduire",
      "67  legal.license  distribution « libre » : la licence « EUPL-1.2 » est approuvée par l'OSI",
      "64  it.riuso.codiceIPA  type de fournisseur « administration » proposé : le code IPA « auslre » désigne une administration publique italienne",
      "121  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (windows) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "8  categories  catégories reprises : gestion-documentaire",
      "8  categories  sans équivalent parmi les catégories du catalogue : collaboration",
      "128  usedBy  références publiques : 16 reprises sur 16 entrées de usedBy",
    ],
    unmapped: ["applicationSuite","description.it.apiDocumentation","description.it.documentation","developmentStatus","intendedAudience","it.conforme","it.countryExtensionVersion","it.piattaforme","localisation","maintenance.contacts","maintenance.contractors","maintenance.type","dependsOn","releaseDate","logo","softwareVersion"],
  },
  "esup-pod.yml": {
    values: {"name":"Esup-Pod","shortDescription":"Plateforme de gestion de fichier vidéo","website":"https://pod.esup-portail.org/","sourceCode":"https://github.com/EsupPortail/Esup-Pod","licence":"LGPL-3.0-or-later","distribution":"libre","providerName":"Esup-Portail","hosting":["on-premises"],"categories":["visioconference"]},
    references: [41, "Ministère de l'Éducation Nationale de la Jeunesse et des Sports (Direction du numérique pour l'éducation)", "GIP RECIA"],
    description: ["Créé en 2014, le projet Pod a connu de nombreux changements ", 1118],
    proposed: ["hosting"],
    notes: [
      "87  legal.license  distribution « libre » : la licence « LGPL-3.0-or-later » est approuvée par l'OSI",
      "22  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (web, ios, android) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "7  categories  catégories reprises : visioconference",
      "7  categories  sans équivalent parmi les catégories du catalogue : video-editing, communications",
      "27  usedBy  références publiques : 41 reprises sur 41 entrées de usedBy",
    ],
    unmapped: ["roadmap","creationDate","latestRelease","releaseDate","softwareVersion","developmentStatus","fundedBy","logo","monochromeLogo","maintenance.type","maintenance.contacts","maintenance.contractors","intendedAudience","localisation","fr","description.fr.genericName","description.fr.documentation","description.fr.videos","description.fr.screenshots"],
  },
  "foodsoft.yml": {
    values: {"name":"Foodsoft","shortDescription":"Foodsoft is a web-based tool for organizing food coops and aiding small producers in managing orders and distributing local products efficiently","website":"https://foodcoops.net","sourceCode":"https://github.com/foodcoops/foodsoft","licence":"AGPL-3.0-or-later","distribution":"libre","hosting":["on-premises"],"categories":["gestion-de-projet"]},
    description: ["Foodsoft is a web-based software designed to help food coope", 866],
    proposed: ["hosting"],
    notes: [
      "35  description.en  pas de description en français : textes repris en « en », à traduire",
      "23  legal.license  distribution « libre » : la licence « AGPL-3.0-or-later » est approuvée par l'OSI",
      "13  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (web) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "16  categories  catégories reprises : gestion-de-projet",
      "16  categories  sans équivalent parmi les catégories du catalogue : e-commerce, business-process-management, warehouse-management",
    ],
    unmapped: ["releaseDate","softwareVersion","developmentStatus","maintenance.type","localisation","description.en.genericName"],
  },
  "globaleaks-2019.yml": {
    values: {"name":"GlobaLeaks","shortDescription":"GlobaLeaks - The Open-Source Whistleblowing Software","website":"https://github.com/globaleaks/GlobaLeaks","sourceCode":"https://github.com/globaleaks/GlobaLeaks","licence":"AGPL-3.0-only","distribution":"libre","providerName":"Hermes Center for Transparency and Digital Human Rights","hosting":["on-premises"]},
    description: ["[GlobaLeaks](https://www.globaleaks.org/) is open-source / f", 246],
    proposed: ["hosting"],
    notes: [
      "36  description.eng  code de langue « eng » lu comme « en »",
      "36  description.eng  pas de description en français : textes repris en « en », à traduire",
      "40  description.eng.longDescription  balises HTML converties en texte (la fiche est en Markdown, sans HTML)",
      "22  legal.license  licence : « AGPLV3 » remplacée par « AGPL-3.0-only » (écriture non standard, lue comme l'identifiant SPDX obsolète « AGPL-3.0 », qui désigne la version 3.0 seule ; écrivez « AGPL-3.0-or-later » si la licence permet les versions ultérieures)",
      "22  legal.license  distribution « libre » : la licence « AGPL-3.0-only » est approuvée par l'OSI",
      "23  legal.mainCopyrightOwner  Nom du fournisseur : valeur non reprise, texte trop long : 80 caractères au plus (94 ici)",
      "11  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (linux) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "13  tags  sans équivalent parmi les catégories du catalogue : whistleblowing",
    ],
    unmapped: ["releaseDate","applicationSuite","softwareVersion","developmentStatus","maintenance.type","maintenance.contacts","legal.authorsFile","it.conforme","description.eng.documentation","description.eng.freeTags"],
  },
  "globaleaks.yml": {
    values: {"name":"GlobaLeaks","shortDescription":"GlobaLeaks is free, open source software enabling anyone to easily set up and maintain a secure whistleblowing platform","website":"https://www.globaleaks.org/","sourceCode":"https://github.com/globaleaks/GlobaLeaks","licence":"AGPL-3.0-only","distribution":"libre","providerName":"GlobaLeaks","hosting":["on-premises"]},
    references: [50, "A.s.l. Napoli 1 Centro", "Aou Ordine Mauriziano Torino"],
    description: ["[GlobaLeaks](https://www.globaleaks.org/) is free, open souc", 4598],
    proposed: ["hosting"],
    notes: [
      "142  description.en  pas de description en français : textes repris en « en », à traduire",
      "28  legal.license  licence : « AGPL-3.0 » remplacée par « AGPL-3.0-only » (identifiant SPDX obsolète, qui désigne la version 3.0 seule ; écrivez « AGPL-3.0-or-later » si la licence permet les versions ultérieures)",
      "28  legal.license  distribution « libre » : la licence « AGPL-3.0-only » est approuvée par l'OSI",
      "12  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (web, windows, mac, linux, ios, android) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "19  categories  sans équivalent parmi les catégories du catalogue : whistleblowing",
      "344  usedBy  références publiques : 50 reprises sur 1402 entrées de usedBy ; 1352 non reprises : 1352 au-delà de la limite de 50 par fiche",
    ],
    unmapped: ["releaseDate","roadmap","logo","softwareVersion","developmentStatus","maintenance.type","maintenance.contacts","legal.authorsFile","intendedAudience","localisation","it.conforme","description.en.genericName","description.en.documentation","description.en.screenshots","description.it"],
  },
  "io-app.yml": {
    values: {"name":"IO","shortDescription":"IO è l'app dei servizi pubblici","website":"https://ioapp.it/","sourceCode":"https://github.com/pagopa/io-app","licence":"EUPL-1.2","distribution":"libre","providerName":"PagoPA S.p.A.","providerType":"administration","hosting":["on-premises"]},
    description: ["### Cos'è la Cittadinanza Digitale?\n\nLa Cittadinanza Digital", 882],
    proposed: ["providerType","hosting"],
    notes: [
      "59  description.it  pas de description en français : textes repris en « it », à traduire",
      "27  legal.license  distribution « libre » : la licence « EUPL-1.2 » est approuvée par l'OSI",
      "56  it.riuso.codiceIPA  type de fournisseur « administration » proposé : le code IPA « 5n2tr557 » désigne une administration publique italienne",
      "17  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (ios, android) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "20  categories  sans équivalent parmi les catégories du catalogue : digital-citizenship",
    ],
    unmapped: ["logo","releaseDate","applicationSuite","softwareVersion","developmentStatus","roadmap","maintenance.type","maintenance.contacts","intendedAudience","localisation","it.countryExtensionVersion","it.piattaforme","it.conforme","description.it.genericName","description.it.documentation","description.it.awards"],
  },
  "messy.yml": {
    values: {"name":"2048","shortDescription":"Plateforme de gestion des salles et des réunions pour les collectivités : réservation en ligne, affichage à l'entrée des salles, statistiques d'occupation, connexion aux agendas des agents. Elle remplace les tableurs partagés.","website":"https://salles.example.org","licence":"GPL-3.0-or-later","distribution":"libre","providerWebsite":"https://www.example.org/","providerName":"Ville d'Exemple","providerType":"administration","hosting":["on-premises"],"categories":["visioconference","prise-de-rendez-vous"]},
    references: [3, "Commune d'Exemple", "Communauté de communes du Val"],
    description: ["Une plateforme de réservation : voir [la documentation](http", 209],
    proposed: ["providerType","hosting"],
    notes: [
      "40  description.fr-FR  code de langue « fr-FR » lu comme « fr »",
      "3  name  « 2048 » est lu comme un nombre : écrivez-le entre guillemets dans le publiccode.yml",
      "40  description.fr-FR.shortDescription  texte raccourci à 226 caractères (310 à l'origine ; 280 au plus dans une fiche) : relisez-le",
      "42  description.fr-FR.longDescription  balises HTML converties en texte (la fiche est en Markdown, sans HTML)",
      "4  url  Dépôt du code source : valeur non reprise, adresse « http://git.example.org/salles » invalide : une adresse web absolue commençant par « https:// » est attendue",
      "23  legal.license  licence : « gpl-3.0+ » remplacée par « GPL-3.0-or-later » (« + » s'écrit « -or-later » en SPDX)",
      "23  legal.license  distribution « libre » : la licence « GPL-3.0-or-later » est approuvée par l'OSI",
      "24  legal.mainCopyrightOwner  adresse reprise comme site web du fournisseur",
      "25  legal.repoOwner  1 caractère invisible ou de contrôle retiré",
      "37  it.riuso.codiceIPA  type de fournisseur « administration » proposé : le code IPA « c_x000 » désigne une administration publique italienne",
      "8  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (web) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "10  categories  catégories reprises : visioconference, prise-de-rendez-vous",
      "10  categories  sans équivalent parmi les catégories du catalogue : __proto__, constructor",
      "16  usedBy  références publiques : 3 reprises sur 6 entrées de usedBy ; 3 non reprises : 1 doublon, 2 non valides (entrée 4 : texte attendu ; entrée 6 : texte attendu) ; 1 entrée donnée sous forme de table : seul le nom est repris",
    ],
    unmapped: ["releaseDate","softwareVersion","maintenance.type","maintenance.contractors","localisation"],
  },
  "recoco.yml": {
    values: {"name":"Recomandations Collaboratives (Recoco)","shortDescription":"outil de conseil collaboratif entre collectivités et agents publics","website":"https://recommandations-collaboratives.beta.gouv.fr","sourceCode":"https://github.com/betagouv/recommandations-collaboratives","licence":"AGPL-3.0-or-later","distribution":"libre","hosting":["on-premises"]},
    description: ["Lancez votre propre plateforme pour guider les collectivités", 316],
    proposed: ["hosting"],
    notes: [
      "17  legal.license  distribution « libre » : la licence « AGPL-3.0-or-later » est approuvée par l'OSI",
      "15  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (web) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "13  categories  sans équivalent parmi les catégories du catalogue : digital-citizenship",
    ],
    unmapped: ["releaseDate","developmentStatus","localisation","description.fr.documentation","description.fr.apiDocumentation","description.fr.genericName","fundedBy","logo","lastUpdated"],
  },
  "signals-frontend.yml": {
    values: {"name":"Signalen frontend","shortDescription":"Signalen is an open source process and task system for governments, that categorizes and routes reports about public space.","website":"https://signalen.org/","sourceCode":"https://github.com/Amsterdam/signals-frontend","licence":"MPL-2.0","distribution":"libre","providerName":"Signalen","hosting":["on-premises"],"categories":["gestion-de-projet"]},
    references: [2, "Gemeente Amsterdam", "Gemeente 's-Hertogenbosch"],
    description: ["Signalen is an open source process and task system for gover", 741],
    proposed: ["hosting"],
    notes: [
      "20  description.en  pas de description en français : textes repris en « en », à traduire",
      "64  legal.license  distribution « libre » : la licence « MPL-2.0 » est approuvée par l'OSI",
      "8  platforms  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; platforms (web) dit comment on utilise la solution, pas qui l'héberge ; ajoutez les autres modes (--hosting) si vous les proposez",
      "10  categories  catégories reprises : gestion-de-projet",
      "10  categories  sans équivalent parmi les catégories du catalogue : workflow-management, communications",
      "14  usedBy  références publiques : 2 reprises sur 2 entrées de usedBy",
    ],
    unmapped: ["softwareVersion","releaseDate","developmentStatus","description.en.genericName","description.en.documentation","description.nl","maintenance.type","maintenance.contacts","localisation","dependsOn"],
  },
  "vitam.yml": {
    values: {"name":"Vitam","shortDescription":"Digital Archives Management System developped by French government/Programme interministériel archives numériques ; core system.","website":"https://github.com/ProgrammeVitam/vitam","sourceCode":"https://github.com/ProgrammeVitam/vitam","licence":"CECILL-2.1","distribution":"libre","hosting":["on-premises"]},
    references: [8, "Archives nationales", "Urssaf - Caisse nationale"],
    proposed: ["hosting"],
    notes: [
      "30  description.en  pas de description en français : textes repris en « en », à traduire",
      "4  landingURL  Site web de la solution : valeur non reprise, adresse « http://www.programmevitam.fr/pages/presentation/ » invalide : une adresse web absolue commençant par « https:// » est attendue",
      "4  landingURL  le site web sera l'adresse du dépôt (url)",
      "34  legal.license  licence : « cecill-2.1 » remplacée par « CECILL-2.1 » (casse corrigée)",
      "34  legal.license  distribution « libre » : la licence « CECILL-2.1 » est approuvée par l'OSI",
      "-  -  hébergement « on-premises » proposé : un publiccode.yml décrit un code que chacun peut installer ; ajoutez les autres modes (--hosting) si vous les proposez",
      "11  usedBy  références publiques : 8 reprises sur 8 entrées de usedBy",
    ],
    unmapped: ["creationDate","latestRelease","logo","fundedBy","roadmap","description.en.documentation","legal.authorsFile","maintenance.type","maintenance.contacts"],
  },
};

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`${name}: values taken, notes and fields left out`, () => {
    const result = imported(name);
    const { description, publicReferences, ...values } = result.values;
    assert.equal(values, expected.values);
    assert.equal(publicReferences === undefined ? undefined : [publicReferences.length, publicReferences[0], publicReferences.at(-1)], expected.references);
    assert.equal(description === undefined ? undefined : [description.slice(0, 60), Array.from(description).length], expected.description);
    assert.equal(result.proposed, expected.proposed);
    assert.equal(result.notes.map((n) => `${n.line ?? "-"}  ${n.field}  ${n.message}`), expected.notes);
    assert.equal(result.unmapped, expected.unmapped);
  });

  test(`${name}: the draft made from it validates, once the missing required values are given`, () => {
    const values: DraftValues = { providerName: "Fournisseur", providerType: "entreprise", categories: ["archivage"], ...imported(name).values, slug: "brouillon" };
    const text = renderDraft(values, grid, validator.schema, { schemaUrl: "https://catalogue.exemple.gouv.fr/s.json", date: TODAY, file: "brouillon.yaml" });
    assert.equal(checkDraftText(text, "brouillon.yaml", "brouillon", validator, TODAY), []);
  });
}

test("the messy file's long description: HTML made Markdown, entities decoded, features listed", () => {
  assert.is(
    imported("messy.yml").values.description,
    "Une plateforme de réservation : voir [la documentation](https://salles.example.org/doc).\n\nPour les communes & les intercommunalités.\n\nFonctionnalités :\n\n- Réservation en ligne\n- Affichage à l'entrée des salles",
  );
});

test("a description longer than a solution file allows is cut at a sentence, with a note", () => {
  const dir = tempDir("publiccode");
  const sentence = "Une phrase de description assez longue pour remplir la page. ";
  const file = path.join(dir, "publiccode.yml");
  writeFileSync(file, `publiccodeYmlVersion: "0.4"\nname: Long\nurl: https://example.org/long\ndescription:\n  fr:\n    shortDescription: Court.\n    longDescription: >-\n      ${sentence.repeat(400)}\n`);
  const read = readPubliccodeFile(file);
  assert.ok(read.ok);
  const result = importPubliccode(read.doc, validator, TODAY)!;
  assert.is(Array.from(result.values.description!).length, 19946);
  assert.ok(result.values.description!.endsWith("remplir la page."));
  assert.equal(result.notes[0], { line: 7, field: "description.fr.longDescription", message: "texte raccourci à 19946 caractères (24399 à l'origine ; 20000 au plus dans une fiche) : relisez-le" });
});

// Broken inputs: each refused with a located French error, nothing read further.
const BROKEN: Record<string, [number, number, string]> = {
  "broken-invalid-yaml.yml": [7, 5, "YAML invalide : virgule manquante entre deux éléments d'une liste entre crochets"],
  "broken-list.yml": [1, 1, "un publiccode.yml est une table de champs « clé: valeur » (publiccodeYmlVersion, name, url…), pas une liste ni une valeur seule"],
  "broken-alias-bomb.yml": [3, 70, "ancre YAML (« &nom ») refusée : les ancres et les alias ne sont pas acceptés, écrivez chaque valeur en entier"],
  "broken-latin1.yml": [6, 36, "encodage invalide : le fichier doit être en UTF-8 (octet non valide à la position 135)"],
  "broken-empty.yml": [1, 1, "fichier vide : un publiccode.yml contient au moins les champs publiccodeYmlVersion, name et url"],
};

for (const [name, [line, column, message]] of Object.entries(BROKEN)) {
  test(`${name} is refused at line ${line}: ${message.slice(0, 40)}…`, () => {
    assert.equal(readPubliccodeFile(path.join(FIXTURES, name)), { ok: false, error: { line, column, message } });
  });
}

test("a YAML file of another format is not taken for a publiccode.yml", () => {
  const read = readPubliccodeFile(path.join(FIXTURES, "broken-not-publiccode.yml"));
  assert.ok(read.ok);
  assert.is(importPubliccode(read.doc, validator, TODAY), undefined);
});

test("a file over 100 KiB is refused before it is read; a folder or a missing path too", () => {
  const dir = tempDir("publiccode");
  const big = path.join(dir, "publiccode.yml");
  writeFileSync(big, `name: Gros\nusedBy:\n${"  - Commune d'Exemple\n".repeat(6000)}`);
  assert.equal(readPubliccodeFile(big), {
    ok: false,
    error: { line: 1, column: 1, message: "le fichier fait 132019 octets, au-delà de la limite de 102400 octets (100 Kio) : un publiccode.yml pèse quelques kilo-octets" },
  });
  mkdirSync(path.join(dir, "folder"));
  assert.equal(readPubliccodeFile(path.join(dir, "folder")), { ok: false, error: { line: 1, column: 1, message: "c'est un dossier : indiquez le chemin du fichier publiccode.yml" } });
  assert.equal(readPubliccodeFile(path.join(dir, "absent.yml")), { ok: false, missing: true, error: { line: 1, column: 1, message: "fichier introuvable" } });
});

test("every id the publiccode tables name exists in the real vocabulary", () => {
  const categories = grid.vocabularies.categories.map((c) => c.id);
  assert.equal(Object.values(CATEGORY_MAP).filter((id) => !categories.includes(id)), []);
  assert.ok(grid.vocabularies.hostingModes.some((m) => m.id === PUBLISHED_CODE_HOSTING));
  assert.ok(grid.vocabularies.providerTypes.some((t) => t.id === IPA_PROVIDER_TYPE));
});

test.run();
