// Types of formats.cjs (plain CommonJS, shared with the precompiled validator).
declare const formats: { "https-url": (value: string) => boolean };
export = formats;
