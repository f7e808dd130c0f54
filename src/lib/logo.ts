// Checks a solution's logo file: beside the solution file, a real file (no
// link), small, of the type its extension says, and for SVG without anything
// active (scripts, event handlers, external references, foreign content).
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";

export const MAX_LOGO_BYTES = 200 * 1024;

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  svg: (b) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(b.toString("utf8")),
};

const SVG_ACTIVE: [RegExp, string][] = [
  [/<script/i, "élément <script>"],
  [/<foreignObject/i, "élément <foreignObject>"],
  [/<!DOCTYPE|<!ENTITY/i, "déclaration DOCTYPE ou ENTITY"],
  [/\son[a-z]+\s*=/i, "attribut d'événement (on…)"],
  [/(?:href|src)\s*=\s*["']?\s*(?!#)[^"'\s>]/i, "référence à une ressource externe (href)"],
  [/url\(\s*["']?\s*(?!#)/i, "référence à une ressource externe (url())"],
  [/@import|javascript:|data:/i, "contenu actif (@import, javascript: ou data:)"],
  [/<(?:iframe|embed|object|animate|set|handler|listener)\b/i, "élément actif"],
];

/** Returns a French problem message, or undefined when the logo is acceptable. */
export function checkLogo(solutionFile: string, logo: string): string | undefined {
  const dir = path.dirname(path.resolve(solutionFile));
  const target = path.resolve(dir, logo);
  if (path.dirname(target) !== dir) return "le logo doit être un fichier du dossier de la fiche";
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return `fichier de logo introuvable : placez « ${logo} » à côté de la fiche`;
  }
  if (stat.isSymbolicLink()) return "le logo ne peut pas être un lien symbolique";
  if (!stat.isFile()) return "le logo doit être un fichier";
  if (realpathSync(target) !== path.join(realpathSync(dir), path.basename(target))) return "le logo doit être un fichier du dossier de la fiche";
  if (stat.size > MAX_LOGO_BYTES) return `logo trop lourd : ${stat.size} octets, ${MAX_LOGO_BYTES} au plus (200 Kio)`;
  const bytes = readFileSync(target);
  const extension = path.extname(target).slice(1).toLowerCase();
  if (!SIGNATURES[extension]?.(bytes)) return `le contenu du logo ne correspond pas à un fichier .${extension}`;
  if (extension === "svg") {
    const text = bytes.toString("utf8");
    for (const [pattern, what] of SVG_ACTIVE) {
      if (pattern.test(text)) return `logo SVG refusé : il contient un ${what} ; seul un dessin statique est accepté`;
    }
  }
  return undefined;
}
