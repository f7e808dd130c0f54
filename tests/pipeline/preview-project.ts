// Throw-away copies of the site fixture (tests/fixtures/site: criteria/ and
// three solution files), for the preview and dev server tests, which add,
// change and remove solution files.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers.ts";
import { SITE_FIXTURE } from "./fixture-site.ts";

/** A copy of the site fixture, with `files` written (relative to the copy) on top. */
export function siteProject(files: Record<string, string> = {}): string {
  const dir = tempDir("projet");
  cpSync(path.join(SITE_FIXTURE, "criteria"), path.join(dir, "criteria"), { recursive: true });
  cpSync(path.join(SITE_FIXTURE, "content"), path.join(dir, "content"), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** The text of the fixture's Visio Libre file with `slug`, `name` and `website` replaced, and no logo. */
export function visioLike(slug: string, name: string, website: string): string {
  return readFileSync(path.join(SITE_FIXTURE, "content", "solutions", "visio-libre.yaml"), "utf8")
    .replace(/^slug: .*$/m, `slug: ${slug}`)
    .replace(/^name: .*$/m, `name: ${name}`)
    .replace(/^website: .*$/m, `website: ${website}`)
    .replace(/^logo: .*\n/m, "");
}
