// npm run schema: checks criteria/ and writes, from it, the JSON Schema of a
// solution file and the precompiled validator the `validate` command uses.
import { writeFileSync } from "node:fs";
import { generatedSchemaFiles } from "../src/lib/schema-file.ts";

for (const [file, text] of Object.entries(generatedSchemaFiles(process.cwd()))) {
  writeFileSync(file, text);
  console.log(`${file} écrit.`);
}
