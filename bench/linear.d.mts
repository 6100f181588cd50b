// Types for bench/linear.mjs, which test/damage.test.ts imports.

/** The phrase-dense constructions: a size in characters → a text of about that size. */
export declare const DENSE_INPUTS: Readonly<Record<string, (bytes: number) => string>>;

/** Times `parse` (processor time) on every construction at each size (MB); reports ms/MB and its growth, ✓ at ≤ 2×. */
export declare function linearTime(options: {
  parse: (text: string) => unknown;
  check?: (name: string, value: string, unit: string, target: string, ok: boolean) => void;
  sizes?: number[];
  budgetMs?: number;
}): { worst: number; failures: string[] };
