// The site's percentage filter: the pure function lives in the data core,
// shared with the CLI's job summary.
export { percent } from "../../lib/theme-figures.ts";
