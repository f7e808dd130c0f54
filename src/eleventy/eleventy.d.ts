// Eleventy 3 ships JSDoc types in JavaScript files, which this TypeScript
// build does not read: the part of its API the site uses is declared here,
// once. https://www.11ty.dev/docs/programmatic/ and /docs/config/
declare module "@11ty/eleventy" {
  /** The configuration object a config function or plugin receives. */
  export interface UserConfig {
    ignores: Set<string>;
    addPlugin<O>(plugin: (config: UserConfig, options: O) => void, options: O): void;
    addGlobalData(name: string, data: unknown): void;
    /** Replaces a template language's library; for "njk", a Nunjucks Environment. */
    setLibrary(name: "njk", library: unknown): void;
    setTemplateFormats(formats: string[]): void;
    setIncludesDirectory(dir: string): void;
    setQuietMode(quiet: boolean): void;
  }

  export default class Eleventy {
    constructor(input: string, output: string, options?: { configPath?: string | false; quietMode?: boolean; dryRun?: boolean; config?: (config: UserConfig) => void });
    /** Writes the site; resolves to [passthrough copies, written templates]. */
    write(): Promise<[unknown, unknown[]]>;
  }
}
