import { test } from "uvu";
import * as assert from "uvu/assert";
import { chunk } from "../../src/view/site-data.ts";

const bar = (items: number, size: number, current: number) =>
  chunk(Array.from({ length: items }, (_, i) => i), size, "/x/")[current - 1]!.links.map((l) => (l.ellipsis ? "…" : l.current ? `[${l.number}]` : String(l.number))).join(" ");

test("chunk splits a list into pages at base, base/page-2/…", () => {
  const pages = chunk([1, 2, 3, 4, 5], 2, "/catalogue/");
  assert.equal(pages.map((p) => p.url), ["/catalogue/", "/catalogue/page-2/", "/catalogue/page-3/"]);
  assert.equal(pages.map((p) => p.items), [[1, 2], [3, 4], [5]]);
  assert.is(pages[1]!.offset, 3);
  assert.is(pages[1]!.previous, "/catalogue/");
  assert.is(pages[1]!.next, "/catalogue/page-3/");
});

test("an empty list still has one page", () => {
  const pages = chunk([], 24, "/catalogue/");
  assert.is(pages.length, 1);
  assert.equal(pages[0]!.items, []);
});

test("the pagination bar keeps a bounded number of links whatever the number of pages", () => {
  assert.is(bar(200, 10, 1), "[1] 2 3 … 20");
  assert.is(bar(200, 10, 10), "1 … 8 9 [10] 11 12 … 20");
  assert.is(bar(200, 10, 20), "1 … 18 19 [20]");
  assert.ok(bar(100_000, 10, 5000).split(" ").length <= 9);
});

test.run();
