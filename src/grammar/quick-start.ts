/**
 * A `CstParser` that is quicker to build: the base of both grammars.
 *
 * While `performSelfAnalysis` records the grammar, Chevrotain puts recording versions of
 * the DSL methods (`CONSUME`, `OR2`, `LA`, …, about 90 of them) on the parser instance,
 * and afterwards deletes them so calls reach the parsing methods on the prototype. By
 * then the instance is a V8 prototype object (Chevrotain's `toFastProperties`), and on
 * such an object every `delete` lays the object out anew: 2–3 ms per parser, a tenth of
 * a cold start. Assigning the prototype's methods over the recording ones has the same
 * effect (every call reaches the parsing method) without changing the object's shape.
 */
import { CstParser } from "chevrotain";

/** The DSL methods Chevrotain records with, in both spellings it uses. */
const RECORDING_METHODS: readonly string[] = [
  ...["CONSUME", "SUBRULE", "OPTION", "OR", "MANY", "MANY_SEP", "AT_LEAST_ONE", "AT_LEAST_ONE_SEP"].flatMap((name) =>
    ["", 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `${name}${i}`),
  ),
  ...["consume", "subrule", "option", "or", "many", "atLeastOne", "ACTION", "BACKTRACK", "LA"],
];

export abstract class QuickStartCstParser extends CstParser {
  /**
   * Replaces Chevrotain's `disableRecording` (an internal step of `performSelfAnalysis`):
   * the same end state, reached by assignment instead of `delete`.
   * @internal
   */
  disableRecording(): void {
    (this as unknown as { RECORDING_PHASE: boolean }).RECORDING_PHASE = false;
    const self = this as unknown as Record<string, unknown>;
    const prototype = Object.getPrototypeOf(this) as Record<string, unknown>;
    for (const name of RECORDING_METHODS) {
      if (Object.hasOwn(self, name)) self[name] = prototype[name];
    }
  }
}
