// The YAML syntax mistakes contributors make most are told in French, at
// their line; any other reason is quoted as the parser gives it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadDocument } from "../../src/lib/load.ts";

function error(text: string) {
  const result = loadDocument(new TextEncoder().encode(text), "yaml");
  assert.not.ok(result.ok, text);
  return result.ok ? undefined : result.error;
}

test("an unclosed double quote", () => {
  assert.equal(error('name: "Test\nslug: test\n'), { line: 3, column: 1, message: "YAML invalide : guillemet « \" » non refermé" });
});

test("a field indented under another", () => {
  assert.equal(error("name: a\n  slug: b\n"), { line: 2, column: 7, message: "YAML invalide : indentation incorrecte : alignez ce champ sur les autres champs du même niveau" });
});

test("a line without its colon", () => {
  assert.equal(error("name: a\nslug b\nweb: 1\n"), {
    line: 3,
    column: 4,
    message: "YAML invalide : ligne incomprise : un champ « nom: valeur » est attendu (un texte sur plusieurs lignes s'écrit entre guillemets, ou après « | »)",
  });
});

test("a missing comma in a bracketed list, a tab in the indentation, an unknown escape", () => {
  assert.is(error("hosting: [saas on-premises\n")!.message, "YAML invalide : crochet « [ » ou accolade « { » non refermé");
  assert.is(error("hosting: [saas, on-premises] x]\n")!.message.startsWith("YAML invalide : "), true);
  assert.is(error("provider:\n\tname: a\n")!.message, "YAML invalide : tabulation dans l'indentation : indentez avec des espaces");
  assert.is(error('name: "a\\qb"\n')!.message, "YAML invalide : séquence d'échappement inconnue entre guillemets doubles (écrivez « \\\\ » pour une barre oblique inverse)");
});

test.run();
