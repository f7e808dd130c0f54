// `npm start`: serves the built site (_site/) on http://localhost:8080 for
// people to look at. A small static server: known content types, index.html
// for folders, 404.html for the rest, and no path can leave the folder.
// The site is served under its base path (src/view/urls.ts), as it is
// published: http://localhost:8080/catalogue-solutions-numeriques/ for
// GitHub Pages; "/" leads there.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { basePath, joinBase, LOCAL_SERVER, localSiteUrl, stripBase } from "../view/urls.ts";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  // Pagefind's index files are binary.
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

/** Maps a request path to a file inside `root`, or undefined when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return target === root || target.startsWith(`${root}${path.sep}`) ? target : undefined;
}

async function fileFor(target: string): Promise<string | undefined> {
  try {
    const info = await stat(target);
    if (info.isFile()) return target;
    if (info.isDirectory()) {
      const index = path.join(target, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // not found
  }
  return undefined;
}

/** Serves the folder `rootDir` under `prefix`, the site's base path ("" for the root of the host). */
export function createStaticServer(rootDir: string, prefix = basePath()): Server {
  const root = path.resolve(rootDir);
  const home = joinBase(prefix, "/");
  return createServer(async (request, response) => {
    const headers = { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin" };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
      return;
    }
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    if (urlPath === "/" && home !== "/") {
      response.writeHead(302, { ...headers, Location: home }).end();
      return;
    }
    // Outside the base path, nothing: as on the published site.
    const inSite = stripBase(prefix, urlPath);
    const target = inSite === undefined ? undefined : resolveInside(root, inSite);
    let file = target ? await fileFor(target) : undefined;
    // A folder asked without its trailing slash: redirect, so relative links resolve.
    if (file && target && file !== target && !urlPath.endsWith("/")) {
      response.writeHead(301, { ...headers, Location: `${urlPath}/` }).end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = await fileFor(path.join(root, "404.html"));
      if (!file) {
        response.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" }).end("Page introuvable\n");
        return;
      }
    }
    response.writeHead(status, { ...headers, "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream", "Cache-Control": "no-cache" });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(file).on("error", () => response.destroy()).pipe(response);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: "string", default: String(LOCAL_SERVER.port) }, dir: { type: "string", default: "_site" }, host: { type: "string", default: LOCAL_SERVER.host } } });
  const port = Number(values.port);
  let prefix: string;
  try {
    prefix = basePath();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  createStaticServer(values.dir!, prefix).listen(port, values.host, () => {
    process.stdout.write(`Site servi sur ${localSiteUrl(values.host, port)} (dossier ${values.dir}). Ctrl+C pour arrêter.\n`);
  });
}
