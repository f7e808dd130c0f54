// The site's pure filters, registered by name in plugin.ts. Filters that need
// the catalogue (solution views) are created there.
export { dateFr } from "./date-fr.ts";
export { demoNotice } from "./demo-notice.ts";
export { documentMarkdown, markdown } from "./markdown.ts";
export { percent } from "./percent.ts";
export { scriptJson } from "./script-json.ts";
export { listFr, numberFr } from "./french-words.ts";
