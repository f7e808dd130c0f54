// Contributor Markdown as plain text, for the search index: Pagefind shows
// excerpts of what it indexed, and Markdown source there reads as
// `[lien](javascript:…)` or `![image](https://…)`. The text is taken from
// markdown-it's tokens (the words people read: link and image text, code),
// never from link targets, so no URL and no Markdown punctuation is indexed.
// Nothing here is ever rendered as HTML: every link is parsed as a link
// (validateLink accepts all) only so that its target is dropped.
import MarkdownIt from "markdown-it";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });
parser.validateLink = () => true;

/** Block tokens after which the text of the next block starts on a new line (a table row is one line). */
const BLOCK_END = /^(?!t[hd]_close)\w+_close$|^(fence|code_block|hr)$/;

function inlineText(children: readonly Token[]): string {
  let text = "";
  for (const token of children) {
    if (token.type === "text" || token.type === "code_inline") text += token.content;
    else if (token.type === "image") text += inlineText(token.children ?? []);
    else if (token.type === "softbreak") text += " ";
    else if (token.type === "hardbreak") text += "\n";
  }
  return text;
}

/** The text of contributor Markdown, one line per block, without markup or link targets. */
export function markdownText(source: unknown): string {
  if (typeof source !== "string" || source.trim() === "") return "";
  const lines: string[] = [];
  let line = "";
  const flush = () => {
    const text = line.replace(/[ \t]+/g, " ").trim();
    if (text) lines.push(text);
    line = "";
  };
  for (const token of parser.parse(source, {})) {
    if (token.type === "inline") line += `${line ? " " : ""}${inlineText(token.children ?? [])}`;
    else if (token.type === "fence" || token.type === "code_block") line += token.content;
    if (BLOCK_END.test(token.type)) flush();
  }
  flush();
  return lines.join("\n");
}
