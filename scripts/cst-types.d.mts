/** The source of src/grammar/cst.ts, generated from the grammars. */
export declare function cstTypesSource(): Promise<string>;
