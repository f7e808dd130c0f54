import { test } from "uvu";
import * as assert from "uvu/assert";
import { svgProblem } from "../../src/lib/svg-check.ts";

const NS = 'xmlns="http://www.w3.org/2000/svg"';

test("a static drawing with gradients, internal references and a title is accepted", () => {
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo -->\n<svg ${NS} viewBox="0 0 10 10" role="img" aria-label="Logo"><title>Logo &amp; co &#233;</title><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)" style="fill:#fff;stroke:none"/><use href="#g"/></svg>\n`;
  assert.is(svgProblem(svg), undefined);
});

// Each of these ran script, fetched a resource or hung a regex-based check.
const hostile: [string, string][] = [
  [`<svg ${NS}><script>alert(1)</script></svg>`, "élément « script » non autorisé"],
  [`<svg ${NS} xmlns:x="http://www.w3.org/2000/svg"><x:script>alert(1)</x:script></svg>`, "attribut « xmlns:x » non autorisé"],
  [`<svg ${NS}><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>`, "élément « h:script » non autorisé"],
  [`<svg ${NS}><h:iframe xmlns:h="http://www.w3.org/1999/xhtml" srcdoc="x"/></svg>`, "élément « h:iframe » non autorisé"],
  [`<?xml version="1.0" encoding="ISO-2022-JP"?><svg ${NS}></svg>`, "encodage « ISO-2022-JP » (seul UTF-8 est accepté)"],
  [`<svg ${NS}><style>rect{fill:u\\72l(https://x.example/p)}</style></svg>`, "élément « style » non autorisé"],
  [`<svg ${NS}><rect style="fill:u\\72l(https://x.example/p)"/></svg>`, "valeur de l'attribut « style » non autorisée (url externe, @, \\ ou expression)"],
  [`<svg ${NS}><rect style="fill:url/**/(https://x.example/p)"/></svg>`, "valeur de l'attribut « style » non autorisée (url externe, @, \\ ou expression)"],
  [`<svg ${NS}><rect style="fill:&#117;rl(https://x.example/p)"/></svg>`, "entité XML non autorisée"],
  [`<svg ${NS}><rect fill="url(https://x.example/p)"/></svg>`, "valeur de l'attribut « fill » non autorisée (url externe, @, \\ ou expression)"],
  [`<svg ${NS} onload="alert(1)"></svg>`, "attribut « onload » non autorisé"],
  [`<svg ${NS}><rect/onclick="alert(1)"/></svg>`, "attributs mal séparés"],
  [`<svg ${NS}><rect x="1"onclick="alert(1)"/></svg>`, "attributs mal séparés"],
  [`<svg ${NS}><use href="https://x.example/a.svg#a"/></svg>`, "référence (href) vers une ressource externe"],
  [`<svg ${NS}><a href="#x"><rect/></a></svg>`, "élément « a » non autorisé"],
  [`<svg ${NS}><foreignObject/></svg>`, "élément « foreignObject » non autorisé"],
  [`<svg ${NS}><animate attributeName="href"/></svg>`, "élément « animate » non autorisé"],
  [`<!DOCTYPE svg [<!ENTITY x "y">]><svg ${NS}></svg>`, "déclaration DOCTYPE, ENTITY, CDATA ou instruction de traitement"],
  [`<svg ${NS}><![CDATA[<script>alert(1)</script>]]></svg>`, "déclaration DOCTYPE, ENTITY, CDATA ou instruction de traitement"],
  [`<svg ${NS}><title>&x;</title></svg>`, "entité XML non autorisée"],
  [`<svg xmlns="http://www.w3.org/1999/xhtml"></svg>`, "espace de noms SVG manquant ou inattendu"],
  [`${"<!--a-->".repeat(40)}x`, "texte hors d'un élément de texte"],
  [`<svg ${NS}>\u001b</svg>`, "caractère de contrôle"],
];

for (const [svg, reason] of hostile) {
  test(`refused: ${svg.slice(0, 70)}`, () => assert.is(svgProblem(svg), reason));
}

test("thousands of comments are read in one pass", () => {
  assert.is(svgProblem(`${"<!--a-->".repeat(20000)}<svg ${NS}></svg>`), undefined);
});

test.run();
