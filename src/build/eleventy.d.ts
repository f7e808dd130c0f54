// Eleventy 3 ships JSDoc types in JavaScript files, which this TypeScript
// build does not read: the programmatic API is declared here as the build uses it.
// https://www.11ty.dev/docs/programmatic/
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input: string, output: string, options?: Record<string, unknown>);
    /** Writes the site; resolves to [passthrough copies, written templates]. */
    write(): Promise<[unknown, unknown[]]>;
  }
}
