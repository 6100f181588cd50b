// Where the benchmarks find letters: the shared corpus beside the project when it is
// there (development), else the invented letters in examples/.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const corpus = join(here, "..", "..", "shared", "corpus");
export const raw = join(corpus, "letters", "raw");
export const hasCorpus = existsSync(raw);

/** The one letter a cold start parses: the corpus's first, or the first example. */
export function sampleLetter() {
  const dir = hasCorpus ? raw : join(here, "..", "examples", "letters");
  return join(dir, readdirSync(dir).sort()[0]);
}
