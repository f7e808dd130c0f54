// The part of Eleventy's configuration API the site uses. Eleventy 3 ships its
// types as JSDoc in JavaScript files, which the TypeScript build does not read.
export interface EleventyConfig {
  ignores: Set<string>;
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options: O): void;
  addGlobalData(name: string, data: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  setTemplateFormats(formats: string[]): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setQuietMode(quiet: boolean): void;
  setDataDeepMerge(deep: boolean): void;
  on(event: "eleventy.after", handler: (event: { directories: { output: string } }) => void | Promise<void>): void;
  /** Emitted when Eleventy creates its Nunjucks environment (before it adds the filters to it). */
  on(event: "eleventy.engine.njk", handler: (event: NunjucksEngine) => void): void;
}

/** The parts of Nunjucks (the library Eleventy bundles, and its environment) the build uses. */
export interface NunjucksEngine {
  nunjucks: {
    Template: new (source: string, environment: NunjucksEnvironment, path: string | null, eagerCompile: boolean) => NunjucksTemplate;
  };
  environment: NunjucksEnvironment;
}

export interface NunjucksEnvironment {
  opts: { autoescape?: boolean };
  getFilter(name: string): unknown;
}

export interface NunjucksTemplate {
  /** Synchronous when no filter or tag is asynchronous (none is in this site). */
  render(context: object): string;
}
