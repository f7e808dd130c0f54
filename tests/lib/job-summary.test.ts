// The Markdown job summary of `catalogue validate` on GitHub Actions.
import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { checkSolutions } from "../../src/lib/catalogue.ts";
import { jobSummary, type SummaryInput } from "../../src/lib/job-summary.ts";
import { markdownText } from "../../src/lib/markdown-escape.ts";
import type { Problem, Solution } from "../../src/lib/types.ts";
import { FIXTURE_ROOT, TODAY } from "../helpers.ts";

const fixture = checkSolutions([path.join(FIXTURE_ROOT, "content")], { root: FIXTURE_ROOT, today: TODAY });
const VALID = "content/solutions/visio-libre.yaml";
const solutionAt = (file: string): Solution => ({ ...fixture.solutions[0]!, sourceFile: file });
const problem = (file: string, line: number, field: string, message: string, warning = false): Problem => ({
  file,
  line,
  column: 1,
  pointer: `/${field}`,
  field,
  message,
  ...(warning ? { severity: "warning" as const } : {}),
});

const LEVELS =
  "| Thème | Niveau | Réponses favorables | Critères renseignés |\n" +
  "| --- | --- | ---: | ---: |\n" +
  "| Numérique responsable | Incomplet \\(1 réponse manquante\\) | 38\u00a0\\% | 3 sur 4 |\n" +
  "| Conception et innovation | Incomplet \\(1 réponse manquante\\) | 50\u00a0\\% | 1 sur 2 |\n" +
  "| Thème vide | Sans objet | — | — |\n" +
  "| Logiciel libre | Niveau avancé | 75\u00a0\\% | 3 sur 4 |\n";

test("invalid files come first with their errors and warnings apart, valid ones with their theme levels as the site shows them", () => {
  const input: SummaryInput = {
    grid: fixture.grid,
    files: [VALID, "content/solutions/b.yaml"],
    problems: [
      problem("content/solutions/b.yaml", 2, "slug", "identifiant « c » invalide"),
      problem("content/solutions/b.yaml", 11, "evaluation.date", "évaluation à mettre à jour", true),
      problem(VALID, 11, "evaluation.date", "évaluation à mettre à jour", true),
    ],
    solutions: [solutionAt(VALID)],
    base: "origin/main",
  };
  assert.is(
    jobSummary(input),
    "## Vérification des fiches\n\n" +
      "Fiches ajoutées, modifiées ou renommées par rapport à « origin\\/main ».\n\n" +
      "1 erreur dans 1 fiche sur 2 \\; 2 avertissements\\.\n\n" +
      "### content\\/solutions\\/b\\.yaml : invalide\n\n" +
      "| Ligne | Champ | Erreur |\n| ---: | --- | --- |\n| 2 | slug | identifiant « c » invalide |\n\n" +
      "| Ligne | Champ | Avertissement |\n| ---: | --- | --- |\n| 11 | evaluation\\.date | évaluation à mettre à jour |\n\n" +
      "### content\\/solutions\\/visio\\-libre\\.yaml : valide, avec des avertissements\n\n" +
      "| Ligne | Champ | Avertissement |\n| ---: | --- | --- |\n| 11 | evaluation\\.date | évaluation à mettre à jour |\n\n" +
      LEVELS +
      "\n",
  );
});

test("a run on the whole catalogue has no base line; a branch without solution files says so", () => {
  const whole = jobSummary({ grid: fixture.grid, files: [VALID], problems: [], solutions: [solutionAt(VALID)] });
  assert.is(whole, `## Vérification des fiches\n\n1 fiche valide\\.\n\n### content\\/solutions\\/visio\\-libre\\.yaml : valide\n\n${LEVELS}\n`);
  const none = jobSummary({ grid: fixture.grid, files: [], problems: [], solutions: [], base: "main" });
  assert.is(none, "## Vérification des fiches\n\nFiches ajoutées, modifiées ou renommées par rapport à « main ».\n\nAucune fiche ajoutée ni modifiée\\.\n\n");
});

const HOSTILE = '<!-- caché --> <img src=x onerror=alert(1)> ![i](https://evil.example/i.png) [lien](https://evil.example) https://evil.example www.evil.example moi@evil.example | cellule `code` **gras** &amp; \\* _x_ ~~barré~~ :tada: #1 @moi\n## titre';

test("hostile text is escaped: one inert line, every ASCII punctuation character backslash-escaped", () => {
  assert.is(
    markdownText("<!-- x --> [a](b) ![c](d) | `e` &amp;\n# f"),
    "\\<\\!\\-\\- x \\-\\-\\> \\[a\\]\\(b\\) \\!\\[c\\]\\(d\\) \\| \\`e\\` \\&amp\\;\\\\u000a\\# f",
  );
});

test("a hostile file name, field and message cannot inject markup, links, images, HTML or comments into the summary", () => {
  const file = `content/solutions/${HOSTILE}.yaml`;
  const markdown = jobSummary({ grid: fixture.grid, files: [file], problems: [problem(file, 3, HOSTILE, HOSTILE)], solutions: [] });
  // Rendered the way GitHub would be most permissive: raw HTML allowed, bare addresses linked.
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
  for (const forbidden of ["<a", "<img", "<!--", "<code", "<strong", "<em", "<s>", "<h2>titre", "<script"]) {
    assert.not.ok(html.includes(forbidden), `${forbidden} in ${html}`);
  }
  // One heading for the file, one row of three cells: the pipe and the line break stayed inside.
  assert.is(html.match(/<h3>/g)?.length, 1);
  assert.is(html.match(/<tr>/g)?.length, 2);
  assert.is(html.match(/<td[ >]/g)?.length, 3);
  // The text reads as written (HTML-escaped), the line break shown as \u000a.
  assert.ok(html.includes("&lt;!-- caché --&gt; &lt;img src=x onerror=alert(1)&gt; ![i](https://evil.example/i.png)"), html);
  assert.ok(html.includes("\\u000a## titre"), html);
});

test("past the size bound, the remaining files are counted, invalid files kept first", () => {
  const files = Array.from({ length: 10 }, (_, i) => `content/solutions/s${i}.yaml`);
  const input: SummaryInput = {
    grid: fixture.grid,
    files,
    problems: [problem("content/solutions/s7.yaml", 2, "slug", "identifiant invalide")],
    solutions: files.filter((f) => f !== "content/solutions/s7.yaml").map(solutionAt),
  };
  const full = jobSummary(input);
  assert.is(full.match(/^### /gm)?.length, 10);
  const bounded = jobSummary(input, 2000);
  assert.ok(Buffer.byteLength(bounded) <= 2000, `${Buffer.byteLength(bounded)} bytes`);
  assert.equal(bounded.match(/^### .*$/gm), ["### content\\/solutions\\/s7\\.yaml : invalide", "### content\\/solutions\\/s0\\.yaml : valide", "### content\\/solutions\\/s1\\.yaml : valide", "### content\\/solutions\\/s2\\.yaml : valide"]);
  assert.ok(bounded.endsWith("6 fiches non détaillées ici : le résumé d'une étape est limité à 1 Mio par GitHub. Le journal de l'étape donne tous les messages.\n"), bounded);
  assert.is(jobSummary(input, 100), "", "not even the heading fits");
});

test.run();
