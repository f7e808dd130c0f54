// Checks a solution's logo file: beside the solution file, a real file (no
// link), small, of the type its extension says, and for SVG a static drawing
// only (see svg-check.ts).
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { bytesLabel, field } from "./fields.ts";
import { svgProblem } from "./svg-check.ts";

/** From the field table, where the schema's description of « logo » also reads it. */
export const MAX_LOGO_BYTES = field("/logo").maxBytes!;

// Magic numbers of the raster formats; SVG is checked by svgProblem.
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

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
  if (stat.size > MAX_LOGO_BYTES) return `logo trop lourd : ${stat.size} octets, ${MAX_LOGO_BYTES} au plus (${bytesLabel(MAX_LOGO_BYTES)})`;
  const bytes = readFileSync(target);
  const extension = path.extname(target).slice(1).toLowerCase();
  if (extension === "svg") {
    let text: string;
    try {
      text = utf8.decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      return "logo SVG refusé : le fichier doit être en UTF-8";
    }
    const problem = svgProblem(text);
    return problem ? `logo SVG refusé (${problem}) : seul un dessin statique est accepté` : undefined;
  }
  if (!SIGNATURES[extension]?.(bytes)) return `le contenu du logo ne correspond pas à un fichier .${extension}`;
  return undefined;
}
