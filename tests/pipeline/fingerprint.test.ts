// The dev server's fingerprints (src/pipeline/fingerprint.ts): the grid, whose
// versions list it again, counts by its source hash and version instead of
// being walked; data that truly runs away still stops with a French error.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadGrid } from "../../src/lib/grid.ts";
import { Fingerprinter, SolutionTokens } from "../../src/pipeline/fingerprint.ts";
import { VERSIONS_ROOT } from "../helpers.ts";

const grid = loadGrid(VERSIONS_ROOT);

test("a grid with older versions (each listing the others) has a fingerprint", () => {
  assert.ok(grid.versions.order.length > 1, "the fixture keeps an older version");
  const fingerprints = new Fingerprinter(new SolutionTokens());
  assert.type(fingerprints.of({ grid }), "number");
  // An older version differs from the one in force.
  const older = grid.versions.byVersion.get(grid.versions.order[1]!)!;
  assert.is.not(fingerprints.of(older), fingerprints.of(grid));
});

test("the grid counts by its files: a copy is the same, another source hash differs", () => {
  const fingerprints = new Fingerprinter(new SolutionTokens());
  assert.is(fingerprints.of({ grid: { ...grid } }), fingerprints.of({ grid }));
  assert.is.not(fingerprints.of({ grid: { ...grid, sourceHash: "autre" } }), fingerprints.of({ grid }));
});

test("other cyclic data stops with the depth error", () => {
  const loop: Record<string, unknown> = { name: "boucle" };
  loop.self = loop;
  assert.throws(() => new Fingerprinter(new SolutionTokens()).of(loop), /empreinte : données trop profondes/);
});

test.run();
