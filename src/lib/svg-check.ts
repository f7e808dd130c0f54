// A strict check of SVG logos: the file is read as XML by a small tokenizer,
// and only a static drawing passes: SVG elements without namespace prefix,
// presentation attributes, internal references (#id) and no CSS that can
// fetch or escape. Anything the tokenizer does not understand is refused, so
// browser parsing tricks (other namespaces, encodings, entities, CSS escapes)
// have nothing to hide behind. Linear time: no regular expression with nested
// quantifiers runs on the file.

const ELEMENTS = new Set([
  "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "defs", "title", "desc",
  "lineargradient", "radialgradient", "stop", "clippath", "mask", "use", "symbol", "text", "tspan", "pattern",
]);

const ATTRIBUTES = new Set([
  "xmlns", "xmlns:xlink", "version", "id", "class", "width", "height", "viewbox", "preserveaspectratio", "x", "y",
  "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points", "transform", "fill", "fill-opacity",
  "fill-rule", "clip-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
  "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "offset", "stop-color", "stop-opacity",
  "gradientunits", "gradienttransform", "spreadmethod", "clip-path", "clippathunits", "mask", "maskunits",
  "maskcontentunits", "patternunits", "patterncontentunits", "patterntransform", "href", "xlink:href", "style",
  "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing",
  "role", "aria-label", "aria-hidden", "focusable", "xml:space", "display", "visibility", "vector-effect",
  "shape-rendering", "color", "dx", "dy",
]);

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";
const XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";
const NAME = /^[A-Za-z][A-Za-z0-9:_-]*$/;
// Text may use the predefined entities and character references; attribute
// values only the predefined entities, so a reference cannot spell « url( »
// or « javascript: » past the checks below.
const TEXT_ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;
const ATTRIBUTE_ENTITY = /&(?:amp|lt|gt|quot|apos);/y;
// CSS in style attributes and url() references: nothing that fetches, imports,
// escapes or hides behind a comment.
const UNSAFE_CSS = /[\\@]|\/\*|image-set|expression|behavio|-moz-binding|javascript|url\s*\(\s*(?!['"]?#)/i;

/** Returns a French reason when the SVG text is not a static drawing, undefined when it is. */
export function svgProblem(text: string): string | undefined {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) return "caractère de contrôle";
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  skipSpace();
  if (text.startsWith("<?xml", i)) {
    const end = text.indexOf("?>", i);
    if (end === -1) return "déclaration XML non fermée";
    const declaration = text.slice(i, end);
    const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1];
    if (encoding !== undefined && encoding.toLowerCase() !== "utf-8") return `encodage « ${encoding} » (seul UTF-8 est accepté)`;
    i = end + 2;
  }
  const stack: string[] = [];
  let sawRoot = false;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    const textProblem = checkText(chunk, stack);
    if (textProblem) return textProblem;
    if (lt === -1) break;
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) return "commentaire non fermé";
      i = end + 3;
      continue;
    }
    if (text.startsWith("<!", i) || text.startsWith("<?", i)) return "déclaration DOCTYPE, ENTITY, CDATA ou instruction de traitement";
    if (text.startsWith("</", i)) {
      const end = text.indexOf(">", i);
      if (end === -1) return "balise non fermée";
      const name = text.slice(i + 2, end).trim();
      if (stack.pop() !== name) return `balise fermante inattendue « ${name.slice(0, 30)} »`;
      i = end + 1;
      continue;
    }
    const tag = readTag(text, i + 1);
    if (typeof tag === "string") return tag;
    const lower = tag.name.toLowerCase();
    if (tag.name.includes(":") || !ELEMENTS.has(lower)) return `élément « ${tag.name.slice(0, 30)} » non autorisé`;
    if (stack.length === 0) {
      if (sawRoot || lower !== "svg") return "le fichier doit contenir un seul élément <svg>";
      sawRoot = true;
      if (tag.attributes.get("xmlns") !== SVG_NAMESPACE) return "espace de noms SVG manquant ou inattendu";
    }
    for (const [name, value] of tag.attributes) {
      const attribute = name.toLowerCase();
      if (!ATTRIBUTES.has(attribute)) return `attribut « ${name.slice(0, 30)} » non autorisé`;
      if (attribute === "xmlns" && value !== SVG_NAMESPACE) return "espace de noms non autorisé";
      if (attribute === "xmlns:xlink" && value !== XLINK_NAMESPACE) return "espace de noms non autorisé";
      if ((attribute === "href" || attribute === "xlink:href") && !/^#[A-Za-z0-9_.-]+$/.test(value)) return "référence (href) vers une ressource externe";
      if (UNSAFE_CSS.test(value)) return `valeur de l'attribut « ${name} » non autorisée (url externe, @, \\ ou expression)`;
      const valueProblem = checkEntities(value, ATTRIBUTE_ENTITY);
      if (valueProblem) return valueProblem;
    }
    i = tag.end;
    if (!tag.selfClosing) stack.push(tag.name);
  }
  if (!sawRoot) return "aucun élément <svg>";
  if (stack.length > 0) return `élément « ${stack[stack.length - 1]} » non fermé`;
  return undefined;
}

function checkText(chunk: string, stack: string[]): string | undefined {
  if (chunk.trim() === "") return undefined;
  const parent = stack[stack.length - 1]?.toLowerCase();
  if (parent !== "title" && parent !== "desc" && parent !== "text" && parent !== "tspan") return "texte hors d'un élément de texte";
  if (chunk.includes(">")) return "caractère « > » dans le texte";
  return checkEntities(chunk, TEXT_ENTITY);
}

function checkEntities(value: string, allowed: RegExp): string | undefined {
  for (let at = value.indexOf("&"); at !== -1; at = value.indexOf("&", at + 1)) {
    allowed.lastIndex = at;
    if (!allowed.test(value)) return "entité XML non autorisée";
  }
  return undefined;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
  end: number;
}

/** Reads `name attr="value" …>` from position `start`; returns a reason on malformed input. */
function readTag(text: string, start: number): Tag | string {
  let i = start;
  const readName = () => {
    const from = i;
    while (i < text.length && /[A-Za-z0-9:_.-]/.test(text[i]!)) i++;
    return text.slice(from, i);
  };
  const name = readName();
  if (!NAME.test(name)) return "balise mal formée";
  const attributes = new Map<string, string>();
  for (;;) {
    const before = i;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith("/>", i)) return { name, attributes, selfClosing: true, end: i + 2 };
    if (text[i] === ">") return { name, attributes, selfClosing: false, end: i + 1 };
    // Attributes must be separated by white space (no `x="1"onclick=`).
    if (i === before) return "attributs mal séparés";
    const attribute = readName();
    if (!NAME.test(attribute)) return "attribut mal formé";
    if (text[i] !== "=") return `attribut « ${attribute.slice(0, 30)} » sans valeur`;
    i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return "valeur d'attribut sans guillemets";
    const end = text.indexOf(quote, i + 1);
    if (end === -1) return "valeur d'attribut non fermée";
    const value = text.slice(i + 1, end);
    if (value.includes("<")) return "caractère « < » dans une valeur d'attribut";
    if (attributes.has(attribute)) return `attribut « ${attribute.slice(0, 30)} » en double`;
    attributes.set(attribute, value);
    i = end + 1;
  }
}
