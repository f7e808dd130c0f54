import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createStaticServer, resolveInside } from "../../src/pipeline/serve.ts";
import { tempDir } from "../helpers.ts";

const root = path.resolve("/srv/site");

test("resolveInside maps request paths inside the served folder", () => {
  assert.is(resolveInside(root, "/"), root);
  assert.is(resolveInside(root, "/solutions/nextcloud/"), path.join(root, "solutions/nextcloud"));
  assert.is(resolveInside(root, "/a%20b.html"), path.join(root, "a b.html"));
});

test("resolveInside never leaves the served folder", () => {
  for (const attempt of ["/../etc/passwd", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/a/../../etc/passwd", "/..\\..\\etc"]) {
    const target = resolveInside(root, attempt);
    assert.ok(target === undefined || target.startsWith(`${root}${path.sep}`) || target === root, attempt);
  }
  assert.is(resolveInside(root, "/%00"), undefined);
  assert.is(resolveInside(root, "/%E0%A4%A"), undefined);
});

/** A built site in miniature: a home page, a page in a folder, the page not found. */
function miniSite(): string {
  const dir = tempDir("serve");
  mkdirSync(path.join(dir, "a"));
  writeFileSync(path.join(dir, "index.html"), "accueil");
  writeFileSync(path.join(dir, "a", "index.html"), "page a");
  writeFileSync(path.join(dir, "404.html"), "introuvable");
  return dir;
}

/** Serves `dir` under `prefix` (the default when undefined) and answers each request path: status, Location or body. */
async function answers(dir: string, prefix: string | undefined, paths: string[]): Promise<string[]> {
  const server = prefix === undefined ? createStaticServer(dir) : createStaticServer(dir, prefix);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const results: string[] = [];
    for (const requested of paths) {
      const response = await fetch(`http://127.0.0.1:${port}${requested}`, { redirect: "manual" });
      results.push(`${requested} ${response.status} ${response.headers.get("location") ?? (await response.text())}`);
    }
    return results;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

test("the site is served under its base path, as published, and / leads there", async () => {
  const dir = miniSite();
  assert.equal(await answers(dir, "/mon-catalogue", ["/", "/mon-catalogue/", "/mon-catalogue", "/mon-catalogue/a/", "/mon-catalogue/a", "/mon-catalogue/b/", "/a/", "/mon-catalogue-bis/a/", "/index.html"]), [
    "/ 302 /mon-catalogue/",
    "/mon-catalogue/ 200 accueil",
    "/mon-catalogue 301 /mon-catalogue/",
    "/mon-catalogue/a/ 200 page a",
    "/mon-catalogue/a 301 /mon-catalogue/a/",
    "/mon-catalogue/b/ 404 introuvable",
    "/a/ 404 introuvable",
    "/mon-catalogue-bis/a/ 404 introuvable",
    "/index.html 404 introuvable",
  ]);
});

test("a site at the root of its host is served from /", async () => {
  assert.equal(await answers(miniSite(), "", ["/", "/a/", "/a", "/b/"]), ["/ 200 accueil", "/a/ 200 page a", "/a 301 /a/", "/b/ 404 introuvable"]);
});

test("by default, the server takes the base path of the site's address (package.json)", async () => {
  assert.equal(await answers(miniSite(), undefined, ["/", "/catalogue-solutions-numeriques/a/"]), ["/ 302 /catalogue-solutions-numeriques/", "/catalogue-solutions-numeriques/a/ 200 page a"]);
});

test.run();
