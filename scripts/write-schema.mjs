// Writes the JSON Schema generated from the zod schema next to the bundles, so that it
// ships in the package (imr-determination/schema.json) without being written by hand.
import { writeFileSync } from "node:fs";
import { jsonSchema } from "../dist/index.js";

writeFileSync(new URL("../dist/imr-determination.schema.json", import.meta.url), `${JSON.stringify(jsonSchema(), null, 2)}\n`);
