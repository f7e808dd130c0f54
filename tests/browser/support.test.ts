// The browser harness itself, without a browser: when Chromium is missing,
// the browser tests are skipped on a developer's machine but fail in CI.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkChromium, chromiumPath, mergeViolations, type AxeViolation } from "./support.ts";

const test = suite("browser harness");
const missing = "/nonexistent/chromium";

test("a missing Chromium fails the browser tests in CI with a message that says how to install it", () => {
  const check = checkChromium({ CI: "true" }, missing);
  assert.is(check.status, "fail");
  assert.ok(check.status !== "ready" && check.message.includes(missing) && check.message.includes("apt-get install chromium"));
});

test("a missing Chromium only skips the browser tests outside CI", () => {
  assert.is(checkChromium({}, missing).status, "skip");
  assert.is(checkChromium({ CI: "false" }, missing).status, "skip");
});

test("CATALOGUE_CHROMIUM names the browser; Debian's Chromium is the default", () => {
  assert.is(chromiumPath({}), "/usr/bin/chromium");
  assert.is(chromiumPath({ CATALOGUE_CHROMIUM: "" }), "/usr/bin/chromium");
  assert.is(chromiumPath({ CATALOGUE_CHROMIUM: "/usr/bin/google-chrome" }), "/usr/bin/google-chrome");
  // The check looks at the browser the setting names, not at Debian's.
  assert.is(checkChromium({ CI: "true", CATALOGUE_CHROMIUM: process.execPath }).status, "ready");
});

test("a CATALOGUE_CHROMIUM that names no file fails in CI, naming the setting and the path", () => {
  const check = checkChromium({ CI: "true", CATALOGUE_CHROMIUM: missing });
  assert.is(check.status, "fail");
  assert.ok(check.status !== "ready" && check.message.includes(missing) && check.message.includes("CATALOGUE_CHROMIUM"), check.status !== "ready" ? check.message : "");
  assert.is(checkChromium({ CATALOGUE_CHROMIUM: missing }).status, "skip");
});

test("an installed Chromium lets the browser tests run", () => {
  assert.is(checkChromium({ CI: "true" }, process.execPath).status, "ready");
});

test("violations of two axe runs are merged by rule, each node once", () => {
  const node = (target: string) => ({ target: [target], html: `<${target}>`, any: [], all: [], none: [], impact: "serious" as const });
  const v = (id: string, targets: string[]) => ({ id, impact: "serious", tags: [], description: "", help: id, helpUrl: "", nodes: targets.map(node) }) as unknown as AxeViolation;
  const merged = mergeViolations([v("color-contrast", ["a", "b"])], [v("color-contrast", ["b", "c"]), v("list", ["ul"])]);
  assert.equal(merged.map((m) => [m.id, m.nodes.map((n) => n.target[0])]), [["color-contrast", ["a", "b", "c"]], ["list", ["ul"]]]);
});

test.run();
