/**
 * The named result types (src/model/types.ts, where the fields are described) are exactly
 * what the zod schemas check: `tsc` (part of `npm test`) fails when a field is added to,
 * removed from or retyped in one and not the other.
 */
import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import {
  CitationSchema,
  DecisionSchema,
  DiagnosticSchema,
  GuidelineSchema,
  IMRDeterminationSchema,
  MtusCitationSchema,
  NonMtusCitationSchema,
  ServiceSchema,
  SourcesSchema,
  SpanSchema,
  TextFieldSchema,
  listCitations,
  parseDetermination,
  type Citation,
  type CitationRow,
  type Decision,
  type Diagnostic,
  type Guideline,
  type GuidelineBasis,
  type IMRDetermination,
  type MtusCitation,
  type NonMtusCitation,
  type Outcome,
  type Service,
  type Sources,
  type Span,
  type TextField,
} from "imr-determination";
import { GuidelineBasisSchema, OutcomeSchema, PrioritySchema, SeveritySchema, SexSchema, type Priority, type Severity, type Sex } from "../src/vocabulary.js";

describe("the named types", () => {
  it("are what the schemas infer", () => {
    expectTypeOf<z.infer<typeof SpanSchema>>().toEqualTypeOf<Span>();
    expectTypeOf<z.infer<typeof TextFieldSchema>>().toEqualTypeOf<TextField>();
    expectTypeOf<z.infer<typeof MtusCitationSchema>>().toEqualTypeOf<MtusCitation>();
    expectTypeOf<z.infer<typeof NonMtusCitationSchema>>().toEqualTypeOf<NonMtusCitation>();
    expectTypeOf<z.infer<typeof CitationSchema>>().toEqualTypeOf<Citation>();
    expectTypeOf<z.infer<typeof GuidelineSchema>>().toEqualTypeOf<Guideline>();
    expectTypeOf<z.infer<typeof DecisionSchema>>().toEqualTypeOf<Decision>();
    expectTypeOf<z.infer<typeof ServiceSchema>>().toEqualTypeOf<Service>();
    expectTypeOf<z.infer<typeof DiagnosticSchema>>().toEqualTypeOf<Diagnostic>();
    expectTypeOf<z.infer<typeof SourcesSchema>>().toEqualTypeOf<Sources>();
    expectTypeOf<z.infer<typeof IMRDeterminationSchema>>().toEqualTypeOf<IMRDetermination>();
    expectTypeOf<Decision["outcome"]>().toEqualTypeOf<Outcome | null>();
    expectTypeOf<Guideline["basis"]>().toEqualTypeOf<GuidelineBasis>();
    // The vocabularies: each documented union is what its enum checks.
    expectTypeOf<z.infer<typeof OutcomeSchema>>().toEqualTypeOf<Outcome>();
    expectTypeOf<z.infer<typeof GuidelineBasisSchema>>().toEqualTypeOf<GuidelineBasis>();
    expectTypeOf<z.infer<typeof SeveritySchema>>().toEqualTypeOf<Severity>();
    expectTypeOf<z.infer<typeof PrioritySchema>>().toEqualTypeOf<Priority>();
    expectTypeOf<z.infer<typeof SexSchema>>().toEqualTypeOf<Sex>();
  });

  it("are what the functions return, by name", () => {
    expectTypeOf(parseDetermination).returns.toEqualTypeOf<IMRDetermination>();
    expectTypeOf(listCitations).returns.toEqualTypeOf<CitationRow[]>();
  });

  it("tell a drift apart", () => {
    // The comparison is strict: a missing field, an extra one or a looser type all differ.
    expectTypeOf<Omit<Span, "column">>().not.toEqualTypeOf<Span>();
    expectTypeOf<Span & { page: number }>().not.toEqualTypeOf<Span>();
    expectTypeOf<Omit<Decision, "outcome"> & { outcome: string }>().not.toEqualTypeOf<Decision>();
    expectTypeOf<Omit<TextField, "text"> & { text: string | null }>().not.toEqualTypeOf<TextField>();
  });
});
