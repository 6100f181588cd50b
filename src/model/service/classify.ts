/**
 * Reads a treatment the way a coder does: finds the vocabulary's terms in its words
 * (longest first), takes the head of its first phrase that names something, and for a
 * drug works out the generic names and the class from the names, the forms ("cream",
 * "patch", "oral suspension") and the words for compounding. What it cannot place is
 * `other` (or a null drug) with an `info` diagnostic, never a guess.
 *
 * The vocabulary (drugs.ts, services.ts) is compiled once, when the module loads, into one
 * map of terms; a treatment costs one pass over its words with a few map lookups each.
 */
import { quote } from "../context.js";
import type { TextNode } from "../../ast/nodes.js";
import type { DiagnosticCode } from "../diagnostics.js";
import type { Service, Span } from "../schema.js";
import { DRUG_CLASS_WORDS, DRUG_FORMS, DRUGS, type DrugEntry, type Skin } from "./drugs.js";
import { BEHAVIORAL_SPECIALTIES, HOME_MODALITIES, IN_THE_SPINE, QUALIFIERS, SERVICE_SUFFIXES, SERVICE_TERMS, SPINE_WORDS, WEAK_TERMS } from "./services.js";
import type { DrugClass, ServiceCategory } from "./taxonomy.js";

type Meaning =
  | { readonly kind: "service"; readonly category: ServiceCategory }
  | { readonly kind: "weak"; readonly category: ServiceCategory | null }
  | { readonly kind: "drug"; readonly drug: DrugEntry }
  | { readonly kind: "class"; readonly drugClass: DrugClass | null }
  | { readonly kind: "form"; readonly form: "skin" | "suspension" | "oral"; readonly word: string }
  | { readonly kind: "specialty" }
  | { readonly kind: "qualifier" };

/** A word without its plural ending: "braces" is "brace", "supplies" "supply", "patches" "patch". */
function singular(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  const before = word.charCodeAt(n - 2);
  // "-is" loses its "s" too: "MRIs", "ESIs" (an "analysi" is no term, so no harm).
  if (before === 115 /* ss */ || before === 117 /* us */) return word;
  if (before === 101 /* e */) {
    const c = word.charCodeAt(n - 3);
    if (c === 105 /* ies */ && n > 4) return `${word.slice(0, -3)}y`;
    // "-ches", "-shes", "-xes", "-zes", "-sses" lose "es": patches, crutches, boxes; "-ses"
    // after anything else only its "s": releases, exercises, doses.
    const d = word.charCodeAt(n - 4);
    if (c === 120 /* x */ || c === 122 /* z */ || (c === 115 /* s */ && d === 115) || (c === 104 /* h */ && (d === 99 || d === 115))) {
      return word.slice(0, -2);
    }
  }
  return word.slice(0, -1);
}

const PUNCTUATION = new Set([",", ";", ":", "(", ")", "[", "]", "#", "%", "+"]);

/**
 * The text's words, lowercase: runs of letters, runs of digits (with a decimal point), and
 * the punctuation that separates phrases or marks a dose. "10mg" is "10", "mg"; "&" is
 * "and"; hyphens, slashes and everything else separate words.
 */
function words(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      let j = i + 1;
      for (let d = lower.charCodeAt(j); j < n && d >= 97 && d <= 122; d = lower.charCodeAt(++j));
      out.push(lower.slice(i, j));
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = lower.charCodeAt(j);
        if (d >= 48 && d <= 57) continue;
        // A decimal point belongs to the number: "7.5".
        if (d === 46 && j + 1 < n && lower.charCodeAt(j + 1) >= 48 && lower.charCodeAt(j + 1) <= 57) continue;
        break;
      }
      out.push(lower.slice(i, j));
      i = j;
    } else {
      if (c === 38 /* & */) out.push("and");
      else if (PUNCTUATION.has(lower[i]!)) out.push(lower[i]!);
      i++;
    }
  }
  return out;
}

/**
 * A term as the vocabulary must write it: its words, lowercase, one space apart ("x ray",
 * "tylenol # 3"); a term's last word also matches its plural in the text ("brace" matches
 * "braces"). The test of the vocabulary checks every term is written so.
 */
export function canonical(term: string): string {
  return words(term).join(" ");
}

// --- The vocabulary, compiled once -----------------------------------------------------
// One map from each term to its meaning, and the same terms as a tree of words, which a
// treatment is walked along word by word (no strings joined to look a term up). The terms
// are already canonical, so compiling is a few map insertions per term: no tokenizing in
// V8's interpreter while the library loads.

const TERMS = new Map<string, Meaning>();
/** A term, or the first words of one: `meaning` when the words so far are a term. */
interface TermNode {
  term: string;
  meaning: Meaning | undefined;
  next: Map<string, TermNode> | undefined;
}
const FIRST_WORDS = new Map<string, TermNode>();
/** Terms the tables give two different meanings (the test of the vocabulary checks there are none). */
export const CONFLICTS: string[] = [];

function sameMeaning(a: Meaning, b: Meaning): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "service" || a.kind === "weak") return a.category === (b as typeof a).category;
  if (a.kind === "drug") return a.drug === (b as typeof a).drug;
  if (a.kind === "class") return a.drugClass === (b as typeof a).drugClass;
  if (a.kind === "form") return a.form === (b as typeof a).form;
  return true;
}

function add(term: string, meaning: Meaning): void {
  const known = TERMS.get(term);
  if (known) {
    if (!sameMeaning(known, meaning)) CONFLICTS.push(`"${term}" is both ${known.kind} and ${meaning.kind}`);
    return;
  }
  TERMS.set(term, meaning);
  let level = FIRST_WORDS;
  let node: TermNode | undefined;
  for (let from = 0; from <= term.length; ) {
    const space = term.indexOf(" ", from);
    const end = space < 0 ? term.length : space;
    const word = term.slice(from, end);
    node = level.get(word);
    if (!node) level.set(word, (node = { term: term.slice(0, end), meaning: undefined, next: undefined }));
    from = end + 1;
    if (from <= term.length) level = node.next ??= new Map();
  }
  node!.meaning = meaning;
}

/** Skin behavior of each single generic, for the topical rules (see drugs.ts). */
const SKIN = new Map<string, Skin | undefined>();

for (const category in SERVICE_TERMS) {
  const meaning: Meaning = { kind: "service", category: category as ServiceCategory };
  for (const t of SERVICE_TERMS[category as keyof typeof SERVICE_TERMS]) add(t, meaning);
}
for (const t in WEAK_TERMS) add(t, { kind: "weak", category: WEAK_TERMS[t]! });
const specialty: Meaning = { kind: "specialty" };
for (const t of BEHAVIORAL_SPECIALTIES) add(t, specialty);
const qualifier: Meaning = { kind: "qualifier" };
for (const t of QUALIFIERS) add(t, qualifier);
for (const t in DRUG_CLASS_WORDS) add(t, { kind: "class", drugClass: DRUG_CLASS_WORDS[t]! });
for (const t in DRUG_FORMS) add(t, { kind: "form", form: DRUG_FORMS[t]!, word: t });
for (const drug of DRUGS) {
  if (!drug.names) continue;
  const meaning: Meaning = { kind: "drug", drug };
  for (const name of drug.names) add(name, meaning);
}
// A generic names its plain entry (not a kit, a skin product or an injection of it) unless a brand already took the name.
const PLAIN = /^[a-z]+(?: [a-z]+)*$/;
for (const drug of DRUGS) {
  const generic = drug.generic;
  if (!generic || drug.kit || drug.topical || drug.injected) continue;
  if (!generic.includes("/")) SKIN.set(generic, SKIN.get(generic) ?? drug.skin);
  const term = PLAIN.test(generic) ? generic : canonical(generic);
  if (!TERMS.has(term)) add(term, { kind: "drug", drug });
}

// Unknown words that end a phrase: punctuation and the little words between a service and its details.
const BOUNDARY = new Set([
  ",", ";", ":", "(", ")", "[", "]", "+",
  "and", "or", "plus", "with", "w", "without", "for", "to", "of", "under", "using", "via", "in", "into", "on", "at", "per", "x",
  "time", "times", "from", "by", "as", "due", "secondary", "including", "following", "after", "versus", "v", "then", "while", "because",
  "regarding", "concerning", "about", "prior", "before", "during", "pending",
]);
// Where the drugs of a request end: what follows says why or for what ("Omeprazole for GI upset from naproxen").
const INDICATION = new Set(["for", "due", "secondary", "because", "while", "to"]);
// "Hydrocodone 10/325": the second strength of a combination names its partner.
// The strength may run into its unit ("7.5/200mg").
const PARTNER_STRENGTH = /\d\s*\/\s*(\d{3})(?![\d.])/;
const ACETAMINOPHEN_STRENGTHS = new Set(["300", "325", "500", "650", "660", "750"]);
const ACETAMINOPHEN_PARTNERS = new Set(["hydrocodone", "oxycodone", "codeine", "tramadol", "dihydrocodeine"]);
const GENERIC_HEADS = new Set(["evaluation-management"]);
const SPINE = new Set(SPINE_WORDS);
const GENERIC_TESTS = new Set(["test", "testing", "screening", "assessment"]);
// A salt named after its drug is part of its name ("Fenoprofen calcium", "Esomeprazole magnesium").
const SALTS = new Set(["calcium", "magnesium"]);
// "<service> evaluation and treatment" asks for the service, not for an evaluation.
const TREATMENT = new Set(["treatment", "treat", "care", "management"]);
// Operations named for what they do: of equipment or records, they are not operations.
const ACTS_ON = new Map<string, ServiceCategory>([["repair", "dmepos"], ["release", "other"]]);
const HOME_USE = /\bhome[\s-]+use\b|\bfor (?:the )?home\b/i;
const HOME_MODALITY = new Set(HOME_MODALITIES);

// --- Reading a treatment ----------------------------------------------------------------

interface Match {
  meaning: Meaning;
  term: string;
  /** Index of the phrase it stands in. */
  phrase: number;
  /** After a word that starts the drug's indication. */
  afterIndication: boolean;
  /** Index of the word after it. */
  end: number;
}

/** The result of reading one treatment: its service, and why a part of it is unknown. */
export interface ServiceReading {
  service: Service;
  unknown: { code: Extract<DiagnosticCode, "unknown-service" | "unknown-drug">; message: string } | null;
}

const isHead = (m: Meaning) => m.kind === "service" || m.kind === "drug" || m.kind === "class";

/**
 * Reads a treatment's service category, drug class and generic drug, and says what it
 * could not tell.
 */
export function readService(text: string): ServiceReading {
  const ws = words(text);
  const matches: Match[] = [];
  let phrase = 0;
  let sawDrug = false;
  let indication = false;
  let drugLevel = false;
  for (let i = 0; i < ws.length; ) {
    // The longest term that starts here, walked word by word; its last word may be a plural.
    let found: TermNode | undefined;
    let length = 0;
    let level: Map<string, TermNode> | undefined = FIRST_WORDS;
    for (let k = i; level !== undefined && k < ws.length; k++) {
      const word = ws[k]!;
      const node = level.get(word);
      let term = node;
      if (!term?.meaning) {
        const one = singular(word);
        term = one === word ? undefined : level.get(one);
      }
      if (term?.meaning) {
        found = term;
        length = k - i + 1;
      }
      level = node?.next;
    }
    if (found) {
      const meaning = found.meaning!;
      // (Indices are checked: reading past an array's end is V8's slow path.)
      const last = matches.length > 0 ? matches[matches.length - 1] : undefined;
      if (meaning.kind === "drug" && SALTS.has(meaning.drug.generic!) && last?.meaning.kind === "drug" && last.end === i) {
        i += length;
        continue;
      }
      // A drug's "level" is a blood test of it.
      if (found.term === "level" && last?.meaning.kind === "drug" && last.end === i) drugLevel = true;
      matches.push({ meaning, term: found.term, phrase, afterIndication: indication, end: i + length });
      if (found.meaning!.kind === "drug") sawDrug = true;
      i += length;
      continue;
    }
    const w = ws[i]!;
    const suffix = w.length > 6 ? SERVICE_SUFFIXES.find(([ending]) => w.endsWith(ending)) : undefined;
    if (suffix) matches.push({ meaning: { kind: "service", category: suffix[1] }, term: w, phrase, afterIndication: indication, end: i + 1 });
    else if (BOUNDARY.has(w)) {
      phrase++;
      if (sawDrug && INDICATION.has(w)) indication = true;
    }
    i++;
  }

  // The head: the last naming term of the first phrase that has one; failing that, of a vague term.
  let head = lastOfFirstPhrase(matches, isHead);
  // "Psychological support": the specialty says more than a vague word.
  head ??= matches.find((m) => m.meaning.kind === "specialty");
  head ??= lastOfFirstPhrase(matches, (m) => m.kind === "weak" && m.category !== null);
  head ??= matches.find((m) => m.meaning.kind === "form");
  if (!head) {
    return {
      service: { category: "other", drugClass: null, drug: null },
      unknown: { code: "unknown-service", message: `No service the vocabulary knows in ${quote(text)}: service.category is "other"` },
    };
  }

  // "Lovenox injections": a drug the patient injects, not an injection procedure.
  if (head.meaning.kind === "service" && head.meaning.category === "injection") {
    const at = matches.indexOf(head);
    const before = at > 0 ? matches[at - 1]! : undefined;
    if (before?.phrase === head.phrase && before.meaning.kind === "drug" && before.meaning.drug.selfInjected) head = before;
  }
  // "Vitamin D and B12 levels", "Lithium level": a blood test, not the drug.
  if (drugLevel && head.meaning.kind === "drug") return { service: { category: "diagnostic", drugClass: null, drug: null }, unknown: null };
  const meaning = head.meaning;
  if (meaning.kind === "service" || meaning.kind === "weak" || meaning.kind === "specialty") {
    let category = meaning.kind === "specialty" ? "behavioral-health" : meaning.category!;
    const inTheSpine = IN_THE_SPINE[head.term];
    if (inTheSpine && ws.some((w) => SPINE.has(w))) category = inTheSpine;
    category = whatTheHeadIsFor(category, head, matches, ws, text);
    return { service: { category, drugClass: null, drug: null }, unknown: null };
  }
  return readDrug(matches, text);
}

/**
 * What a service head asks for, from the words around it: "Psychiatric evaluation" is
 * behavioral health, "Physical therapy evaluation and treatment" therapy, "Wheelchair
 * repair" equipment, "Interferential current stimulator" equipment.
 */
function whatTheHeadIsFor(category: ServiceCategory, head: Match, matches: Match[], ws: string[], text: string): ServiceCategory {
  const at = matches.indexOf(head);
  const next = head.end < ws.length ? ws[head.end] : undefined;
  if (GENERIC_HEADS.has(category) || GENERIC_TESTS.has(head.term)) {
    // A psychologist's evaluation, an MMPI test: behavioral health.
    for (const m of matches) {
      if (m.meaning.kind === "specialty" || (m.phrase === head.phrase && m.meaning.kind === "service" && m.meaning.category === "behavioral-health")) {
        return "behavioral-health";
      }
    }
    if (category === "evaluation-management" && next === "and" && head.end + 1 < ws.length && TREATMENT.has(ws[head.end + 1]!)) {
      // "Physical therapy evaluation and treatment" asks for the therapy ("Hand surgery
      // evaluation and treatment" names the surgeon's specialty, not an operation).
      for (let k = at - 1; k >= 0 && matches[k]!.phrase === head.phrase; k--) {
        const m = matches[k]!.meaning;
        if ((m.kind === "service" || m.kind === "weak") && m.category !== null && m.category !== category) {
          return m.category === "surgery" ? category : m.category;
        }
      }
    }
    return category;
  }
  const on = ACTS_ON.get(head.term);
  if (on) {
    // "Wheelchair repair", "Repair of a hearing aid", "Release of medical records": what it
    // acts on ("A1 pulley release" is an operation: a pulley is equipment only when repaired).
    const before = head.term === "repair" && at > 0 && matches[at - 1]!.phrase === head.phrase ? matches[at - 1]! : undefined;
    const after = next === "of" && at + 1 < matches.length && matches[at + 1]!.phrase === head.phrase + 1 ? matches[at + 1]! : undefined;
    if (before?.meaning.kind === "service" && before.meaning.category === on) return on;
    if (after?.meaning.kind === "service" && after.meaning.category === on) return on;
    return category;
  }
  if (category === "rehabilitation") {
    // A modality's device is equipment: "Interferential current stimulator", "Ultrasound unit"; so is one "for home use".
    if (HOME_MODALITY.has(head.term) && HOME_USE.test(text)) return "dmepos";
    for (let k = at + 1; k < matches.length && matches[k]!.phrase === head.phrase; k++) {
      const m = matches[k]!.meaning;
      if (m.kind === "weak" && m.category === "dmepos") return "dmepos";
    }
  }
  return category;
}

function lastOfFirstPhrase(matches: Match[], naming: (m: Meaning) => boolean): Match | undefined {
  let head: Match | undefined;
  for (const m of matches) {
    if (!naming(m.meaning)) continue;
    if (head && m.phrase !== head.phrase) break;
    head = m;
  }
  return head;
}


function readDrug(matches: Match[], text: string): ServiceReading {
  const drugs: DrugEntry[] = [];
  let skin = false;
  let suspension = false;
  let compoundWord = false;
  let classWord: DrugClass | null = null;
  // A set: a form named again adds nothing, and a treatment naming thousands of drugs and
  // forms must not look at every form for every drug.
  const forms = new Set<string>();
  for (const m of matches) {
    const meaning = m.meaning;
    if (meaning.kind === "drug" && !m.afterIndication) drugs.push(meaning.drug);
    else if (meaning.kind === "form") {
      forms.add(meaning.word);
      if (meaning.form === "skin") skin = true;
      else if (meaning.form === "suspension") suspension = true;
    } else if (meaning.kind === "class") {
      if (meaning.drugClass === "compound") compoundWord = true;
      else classWord ??= meaning.drugClass;
    }
  }
  if (drugs.some((d) => d.injected)) return { service: { category: "injection", drugClass: null, drug: null }, unknown: null };

  const ingredients: string[] = [];
  for (const d of drugs) {
    const generic = (d.byForm && formGeneric(d.byForm, forms)) || d.generic;
    for (const g of generic?.split("/") ?? []) if (!ingredients.includes(g)) ingredients.push(g);
  }
  if (ingredients.length === 1 && ACETAMINOPHEN_PARTNERS.has(ingredients[0]!)) {
    const partner = PARTNER_STRENGTH.exec(text)?.[1];
    if (partner && ACETAMINOPHEN_STRENGTHS.has(partner)) ingredients.push("acetaminophen");
    else if (partner === "200" && ingredients[0] === "hydrocodone") ingredients.push("ibuprofen");
  }

  let drugClass: DrugClass | null;
  if (drugs.some((d) => d.kit) || compoundWord) drugClass = "compound";
  else if (skin || drugs.some((d) => d.topical)) drugClass = skinClass(ingredients, drugs, classWord);
  else if (suspension && drugs.length > 0 && !drugs.every((d) => d.liquid)) drugClass = "compound";
  else if (drugs.length === 0) drugClass = classWord;
  else if (ingredients.length > 1 && drugs.length > 1 && drugs.some((d) => d.drugClass === "opioid")) drugClass = "opioid";
  else drugClass = drugs[0]!.drugClass;

  const drug = ingredients.length > 0 ? ingredients.join("/") : null;
  const named = drugs.length > 0; // a product the vocabulary knows, with no generic (a medical-food blend)
  return {
    service: { category: "pharmaceutical", drugClass, drug },
    unknown:
      drug === null && !named
        ? { code: "unknown-drug", message: `No drug the vocabulary knows in ${quote(text)}: service.drug is null` }
        : null,
  };
}

/** The generic a drug has in the first of the treatment's forms it has one for (a drug's byForm). */
function formGeneric(byForm: NonNullable<DrugEntry["byForm"]>, forms: ReadonlySet<string>): string | undefined {
  for (const f of forms) if (byForm[f]) return byForm[f];
  return undefined;
}

/** The class of a product for the skin, from its ingredients (see {@link Skin}). */
function skinClass(ingredients: string[], drugs: DrugEntry[], classWord: DrugClass | null): DrugClass | null {
  if (ingredients.length === 0) return classWord === "topical-analgesic" ? classWord : drugs[0]?.drugClass ?? null;
  const skins = ingredients.map((g) => SKIN.get(g));
  if (skins.every((s) => s === "analgesic")) return "topical-analgesic";
  if (ingredients.length === 1 && skins[0] === "analgesic-alone") return "topical-analgesic";
  if (ingredients.length === 1 && skins[0] === "own") return drugs[0]!.drugClass;
  return "compound";
}

/**
 * What kind of care a treatment is: its service category, and for a drug its class and
 * generic name(s). Works on any treatment string, not only a letter's: "Norco 10/325mg
 * #60", "Associated surgical service: Cold therapy unit", "EMG/NCV of the bilateral lower
 * extremities". What it cannot tell is `other` (or a null drug), never a guess; use
 * `parseDetermination` to get the `unknown-service` and `unknown-drug` diagnostics too.
 *
 * @param treatment - The treatment as a letter words it.
 * @returns `{ category, drugClass, drug }`; `drugClass` and `drug` are null unless the category is `pharmaceutical`.
 *
 * @example
 * ```ts
 * import { classifyService } from "imr-determination";
 * classifyService("Norco 10/325mg #60");
 * // { category: "pharmaceutical", drugClass: "opioid", drug: "hydrocodone/acetaminophen" }
 * classifyService("Ketoprofen 20% cream"); // { category: "pharmaceutical", drugClass: "compound", drug: "ketoprofen" }
 * classifyService("MRI of the left knee"); // { category: "diagnostic", drugClass: null, drug: null }
 * ```
 */
export function classifyService(treatment: string): Service {
  return readService(treatment).service;
}

/** The service of a decision's treatment, reporting what it could not tell on the treatment's span. */
export function treatmentService(
  treatment: TextNode | null | undefined,
  headingSpan: Span,
  diagnostics: { add(code: DiagnosticCode, message: string, span: Span): void },
): Service {
  const { service, unknown } = readService(treatment?.value ?? "");
  if (unknown) diagnostics.add(unknown.code, unknown.message, treatment?.span ?? headingSpan);
  return service;
}
