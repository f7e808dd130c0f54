import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { resolveInside } from "../../src/pipeline/serve.ts";

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

test.run();
