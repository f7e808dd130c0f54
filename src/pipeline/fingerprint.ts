// What a page is made of, as a number: the dev server compares the
// fingerprint of each output table item before and after a change to know
// which files the change touches, without a hand-kept list of which page
// shows which solution. A solution counts by identity: the dev server keeps
// the Solution object of every unchanged file, and a changed file gets a new
// one (and a new token). Everything else counts by value.
//
// A fingerprint is a 53-bit hash (two multiplicative 32-bit lanes), built
// without intermediate strings: at 10,000 solutions the table has 14,000
// items, and building their text made the comparison cost a second. Two
// different pages share a fingerprint with a probability of about 2^-53.
//
// The grid counts by its source hash (the fingerprint of its files, older
// versions included) and version: it is the same for every item, a change
// to it rebuilds the whole site anyway, and it is not a tree (each version
// lists every version, itself included, in `versions.byVersion`).
import type { Grid, ScoredSolution, Solution } from "../lib/types.ts";

/** A scored solution as the catalogue holds it (the item of a solution page, an entry of every list). */
export function isScoredSolution(value: unknown): value is ScoredSolution {
  return typeof value === "object" && value !== null && "solution" in value && "score" in value;
}

/** A grid as loaded (src/lib/grid.ts): one of the linked versions. */
function isGrid(value: object): value is Grid {
  return "sourceHash" in value && "versions" in value && "criteriaById" in value;
}

// Deep enough for any view; past it, the data runs away (a cycle the grid's case does not cover).
const MAX_DEPTH = 64;
const TWO_32 = 4294967296;
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
const SEED_A = 0x811c9dc5;
const SEED_B = 0x3c6ef372;

// Two 32-bit lanes, each mixed with every 32-bit word, then folded into one
// number of 53 bits. Plain functions on numbers: no allocation per node.
const mixA = (a: number, x: number) => Math.imul(a ^ x, 0x01000193);
const mixB = (b: number, x: number) => {
  const m = Math.imul(b ^ x, 0x5bd1e995);
  return m ^ (m >>> 15);
};
const fold = (a: number, b: number) => (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff);
const low = (value: number) => value % TWO_32;
const high = (value: number) => Math.floor(value / TWO_32);

function textHash(tag: number, text: string): number {
  let a = mixA(SEED_A, tag);
  let b = mixB(SEED_B, tag);
  a = mixA(a, text.length);
  b = mixB(b, text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = mixA(a, code);
    b = mixB(b, code);
  }
  return fold(a, b);
}

// Object keys repeat (every row has `entry` and `rank`): hashed once.
const keyHashes = new Map<string, number>();
function keyHash(key: string): number {
  let hash = keyHashes.get(key);
  if (hash === undefined) keyHashes.set(key, (hash = textHash(0, key)));
  return hash;
}

function numberHash(value: number): number {
  float[0] = value;
  return fold(mixA(mixA(SEED_A, words[0]!), words[1]!), mixB(mixB(SEED_B, words[0]!), words[1]!));
}

/** Tokens of the solutions, by identity, shared by the fingerprints of successive builds. */
export class SolutionTokens {
  #tokens = new WeakMap<Solution, number>();
  #next = 1;

  of(solution: Solution): number {
    let token = this.#tokens.get(solution);
    if (token === undefined) this.#tokens.set(solution, (token = this.#next++));
    return token;
  }
}

/** Fingerprints of the values of one build context (memoised: list pages share their views). */
export class Fingerprinter {
  readonly #tokens: SolutionTokens;
  /** Fingerprint of each object seen, negated (minus one) for an object that holds a solution. */
  #memo = new WeakMap<object, number>();
  /** Whether the value last fingerprinted is or holds a solution. */
  #bearing = false;

  constructor(tokens: SolutionTokens) {
    this.#tokens = tokens;
  }

  of(value: unknown): number {
    return this.#visit(value, 0);
  }

  /** Whether `value` is or holds a solution. */
  bearsSolutions(value: unknown): boolean {
    this.#visit(value, 0);
    return this.#bearing;
  }

  #visit(value: unknown, depth: number): number {
    this.#bearing = false;
    switch (typeof value) {
      case "string":
        return textHash(1, value);
      case "number":
        return numberHash(value);
      case "boolean":
        return value ? 3 : 4;
      case "undefined":
        return 5;
      case "function":
        return 6; // helpers (URLs, repository links): the same in every build
      case "object":
        break;
      default:
        return textHash(7, String(value));
    }
    if (value === null) return 8;
    if (isScoredSolution(value)) {
      this.#bearing = true;
      return fold(mixA(SEED_A, 9), mixB(SEED_B, this.#tokens.of(value.solution)));
    }
    const cached = this.#memo.get(value);
    if (cached !== undefined) {
      this.#bearing = cached < 0;
      return cached < 0 ? -cached - 1 : cached;
    }
    if (isGrid(value)) {
      const hash = textHash(15, `${value.version}\n${value.sourceHash}`);
      this.#memo.set(value, hash);
      return hash;
    }
    if (depth > MAX_DEPTH) throw new Error("empreinte : données trop profondes");
    let bearing = false;
    let a = SEED_A;
    let b = SEED_B;
    const list = Array.isArray(value) ? value : value instanceof Map || value instanceof Set ? [...value] : undefined;
    const object = value as Record<string, unknown>;
    const keys = list ? undefined : Object.keys(object);
    const count = list ? list.length : keys!.length;
    a = mixA(mixA(a, value instanceof Map ? 10 : value instanceof Set ? 11 : list ? 12 : 13), count);
    b = mixB(b, count);
    for (let i = 0; i < count; i++) {
      if (keys) {
        const key = keyHash(keys[i]!);
        a = mixA(mixA(a, low(key)), high(key));
        b = mixB(mixB(b, low(key)), high(key));
      }
      const hash = this.#visit(list ? list[i] : object[keys![i]!], depth + 1);
      a = mixA(mixA(a, low(hash)), high(hash));
      b = mixB(mixB(b, low(hash)), high(hash));
      bearing ||= this.#bearing;
    }
    const result = fold(a, b);
    this.#memo.set(value, bearing ? -result - 1 : result);
    this.#bearing = bearing;
    return result;
  }

  /**
   * The fingerprint of `value` without the lists of solutions it holds: what
   * every page may read of the global data beyond its own item (counts,
   * labels, the grid). The lists reach a page only through its item (a
   * chunk of a list, a ranking page), compared page by page.
   */
  withoutLists(value: unknown, depth = 0): number {
    if (!this.bearsSolutions(value)) return this.of(value);
    if (Array.isArray(value) || typeof value !== "object" || value instanceof Map || value instanceof Set || isScoredSolution(value) || depth > MAX_DEPTH) return 14;
    let a = SEED_A;
    let b = SEED_B;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      for (const hash of [keyHash(key), this.withoutLists(object[key], depth + 1)]) {
        a = mixA(mixA(a, low(hash)), high(hash));
        b = mixB(mixB(b, low(hash)), high(hash));
      }
    }
    return fold(a, b);
  }
}
