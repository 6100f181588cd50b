import * as z from "zod/mini";
import { IMRDeterminationSchema } from "./schema.js";

/**
 * The JSON Schema (draft 2020-12) of {@link IMRDeterminationSchema}, generated from the
 * zod schema, for validating results from other languages. The package also ships it
 * as `imr-determination/schema.json`.
 *
 * @example
 * ```ts
 * import { jsonSchema } from "imr-determination";
 * writeFileSync("imr-determination.schema.json", JSON.stringify(jsonSchema(), null, 2));
 * ```
 */
export function jsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(IMRDeterminationSchema),
    $id: "https://www.npmjs.com/package/imr-determination/schema.json",
    title: "IMRDetermination",
    description: "A California IMR Final Determination Letter as data, as imr-determination's parseDetermination returns it.",
  };
}
