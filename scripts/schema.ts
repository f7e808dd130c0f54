// npm run schema: writes schemas/solution.schema.json from criteria/.
import { writeFileSync } from "node:fs";
import { loadGrid } from "../src/lib/grid.ts";
import { buildSolutionSchema } from "../src/lib/schema.ts";
import { schemaFileText, SCHEMA_PATH } from "../src/lib/schema-file.ts";

const grid = loadGrid(process.cwd());
writeFileSync(SCHEMA_PATH, schemaFileText(buildSolutionSchema(grid)));
console.log(`${SCHEMA_PATH} écrit (grille ${grid.version}, ${grid.criteria.length} critères).`);
