/**
 * The JSON Schema of what the command writes: one record per letter, the result of
 * `parseDetermination` with the input's `source` first and, for a PDF, the page each
 * decision starts on. It is the library's schema (generated from the zod schema) with
 * those two properties added, so the two cannot drift apart.
 */
import { jsonSchema } from "imr-determination";

export function recordSchema(): Record<string, unknown> {
  const result = jsonSchema() as { $schema: string; properties: Record<string, unknown>; required: string[] };
  return {
    $schema: result.$schema,
    $id: "https://www.npmjs.com/package/imr-determination/imr-parse-record.schema.json",
    title: "imr-parse record",
    description:
      "One letter as imr-parse writes it: a line of JSON Lines, an element of the JSON array (several inputs), " +
      "or the JSON document (one input). The result of parseDetermination, with the input's source first.",
    type: "object",
    properties: {
      source: { type: "string", description: 'The input as named on the command line or found in a folder; "-" for standard input.' },
      ...result.properties,
      decisionPages: {
        type: "array",
        items: { type: "integer", minimum: 1 },
        description: "For a PDF: the page (from 1) on which each decision starts, in the order of decisions.",
      },
    },
    required: ["source", ...result.required],
    additionalProperties: false,
  };
}
