/**
 * The command's output formats. Each result becomes a string the writer appends in
 * input order: a JSON document, a JSON Lines record, or CSV rows (one per decision).
 */
import type { IMRDetermination } from "imr-determination";

export type Format = "json" | "jsonl" | "csv";

export const CSV_COLUMNS = [
  "source",
  "caseNumber",
  "dateAssigned",
  "decisionDate",
  "dateOfInjury",
  "urDenialDate",
  "applicationReceived",
  "priority",
  "reviewerLicensure",
  "reviewerSpecialties",
  "patientAge",
  "patientSex",
  "decisionIndex",
  "treatment",
  "originalRequest",
  "authorized",
  "outcome",
  "claimsAdministratorBasis",
  "claimsAdministratorGuideline",
  "reviewerBasis",
  "reviewerGuideline",
  "rationale",
  "errors",
] as const;

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csvRows(source: string, d: IMRDetermination): string {
  const letter = [
    source,
    d.caseNumber,
    d.dates.assigned,
    d.dates.decision,
    d.dates.injury,
    d.dates.urDenial,
    d.dates.applicationReceived,
    d.priority,
    d.reviewer.licensure.join("; "),
    d.reviewer.specialties.join("; "),
    d.patient.age,
    d.patient.sex,
  ];
  const errors = d.diagnostics.filter((x) => x.severity === "error").map((x) => x.code).join("; ");
  const decisions = d.decisions.length > 0 ? d.decisions : [null];
  return decisions
    .map((x, i) =>
      [
        ...letter,
        x ? i : null,
        x?.treatment.text,
        x?.originalRequest?.text,
        x?.authorized?.text,
        x?.outcome,
        x?.claimsAdministratorGuideline?.basis,
        x?.claimsAdministratorGuideline?.text,
        x?.reviewerGuideline?.basis,
        x?.reviewerGuideline?.text,
        x?.rationale?.text,
        errors,
      ]
        .map(csvField)
        .join(","),
    )
    .join("\r\n")
    .concat("\r\n");
}

/**
 * The text one result adds to the output. `single`: the output is this one document.
 * `extra`: what the JSON record adds after the result (a PDF's `decisionPages`).
 */
export function formatResult(format: Format, source: string, d: IMRDetermination, single: boolean, extra?: object): string {
  if (format === "csv") return csvRows(source, d);
  const record = { source, ...d, ...extra };
  if (format === "jsonl") return `${JSON.stringify(record)}\n`;
  return single ? `${JSON.stringify(record, null, 2)}\n` : JSON.stringify(record, null, 2);
}

export function header(format: Format, single: boolean): string {
  if (format === "csv") return `${CSV_COLUMNS.join(",")}\r\n`;
  return format === "json" && !single ? "[\n" : "";
}

export function separator(format: Format, single: boolean): string {
  return format === "json" && !single ? ",\n" : "";
}

export function footer(format: Format, single: boolean): string {
  return format === "json" && !single ? "\n]\n" : "";
}
