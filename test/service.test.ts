/**
 * What was disputed: the service category, drug class and generic drug of a treatment,
 * as a coder reads them. Every treatment here is invented.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  classifyService,
  DRUG_CLASSES,
  IMRDeterminationSchema,
  parseDetermination,
  SERVICE_CATEGORIES,
  ServiceSchema,
  type Service,
} from "../src/index.js";
import { canonical, CONFLICTS } from "../src/model/service/classify.js";
import { DRUG_CLASS_WORDS, DRUG_FORMS, DRUGS } from "../src/model/service/drugs.js";
import { BEHAVIORAL_SPECIALTIES, HOME_MODALITIES, QUALIFIERS, SERVICE_TERMS, SPINE_WORDS, WEAK_TERMS } from "../src/model/service/services.js";
import { letter } from "./fixtures/compose.js";

const service = (category: Service["category"]): Service => ({ category, drugClass: null, drug: null });
const drug = (drugClass: Service["drugClass"], name: string | null): Service => ({ category: "pharmaceutical", drugClass, drug: name });

describe("service categories", () => {
  it.each([
    ["Lumbar spine MRI with and without contrast", "diagnostic"],
    ["X-rays of the right ankle, three views", "diagnostic"],
    ["EMG/NCS of the bilateral lower extremities", "diagnostic"],
    ["Urine toxicology screen four times a year", "diagnostic"],
    ["Labs: CBC, CMP and hepatic panel", "diagnostic"],
    ["Overnight sleep study", "diagnostic"],
    ["Functional capacity evaluation", "diagnostic"],
    ["Ultrasound of the right shoulder", "diagnostic"],
    ["Aquatic therapy 2x4 for the low back", "rehabilitation"],
    ["Chiropractic manipulation, 6 visits", "rehabilitation"],
    ["Acupuncture with electrical stimulation, 8 sessions", "rehabilitation"],
    ["Work hardening, 10 sessions", "rehabilitation"],
    ["Ultrasound 2 times a week for 3 weeks", "rehabilitation"],
    ["Shockwave therapy to the left heel", "rehabilitation"],
    ["Orthopedic surgeon consultation for the right knee", "evaluation-management"],
    ["Follow-up visit in four weeks", "evaluation-management"],
    ["Referral to a neurologist", "evaluation-management"],
    ["Physical therapy evaluation", "evaluation-management"],
    ["Pre-op medical clearance", "evaluation-management"],
    ["Right L5-S1 transforaminal epidural steroid injection", "injection"],
    ["Bilateral L3-4 and L4-5 medial branch blocks", "injection"],
    ["Radiofrequency ablation of the left genicular nerves", "injection"],
    ["Trigger point injections x 4", "injection"],
    ["Platelet rich plasma injection to the left elbow", "injection"],
    ["Synvisc-One for the right knee", "injection"],
    ["Percutaneous neuroplasty, lumbar", "injection"],
    ["TENS unit with supplies, 30 day trial", "dmepos"],
    ["Hinged knee brace", "dmepos"],
    ["Cold therapy unit, 14 day rental", "dmepos"],
    ["Front wheeled walker", "dmepos"],
    ["Sit-stand desk", "dmepos"],
    ["Heat therapy pad", "dmepos"],
    ["Right carpal tunnel release", "surgery"],
    ["Arthroscopy of the right knee with partial meniscectomy", "surgery"],
    ["L4-5 transforaminal lumbar interbody fusion", "surgery"],
    ["Spinal cord stimulator trial", "surgery"],
    ["Assistant surgeon", "surgery"],
    ["Neuroplasty of the ulnar nerve at the elbow", "surgery"],
    ["Two day inpatient stay", "surgery"],
    ["Cognitive behavioral therapy, 6 sessions", "behavioral-health"],
    ["Psychological evaluation", "behavioral-health"],
    ["Consultation with a psychiatrist", "behavioral-health"],
    ["Biofeedback x 6", "behavioral-health"],
    ["Functional restoration program, 80 hours", "program"],
    ["Gym membership for three months", "program"],
    ["Opioid detoxification program", "program"],
    ["Home health aide 4 hours a day, 5 days a week", "home-health"],
    ["RN visits twice a week for wound care", "home-health"],
    ["Transportation to and from appointments", "other"],
  ] as const)("%s: %s", (text, category) => {
    expect(classifyService(text)).toEqual(service(category));
  });

  it("reads a word's ending as a coder does: an -ectomy is an operation, a -gram a test", () => {
    expect(classifyService("Left knee synovectomy").category).toBe("surgery");
    expect(classifyService("Right elbow epicondylectomy").category).toBe("surgery");
    expect(classifyService("Lumbar discogram").category).toBe("diagnostic");
  });
});

describe("the head of the treatment", () => {
  it("is the last term of the first phrase that names something", () => {
    expect(classifyService("Spine surgery evaluation").category).toBe("evaluation-management");
    expect(classifyService("Cervical spine MRI").category).toBe("diagnostic");
    expect(classifyService("Six sessions of acupuncture").category).toBe("rehabilitation");
    expect(classifyService("Acupuncture visits with a capsaicin patch").category).toBe("rehabilitation");
    expect(classifyService("Knee injection with ultrasound guidance").category).toBe("injection");
    expect(classifyService("Referral to a spine surgeon").category).toBe("evaluation-management");
  });

  it("counts vague words only when nothing else names the service", () => {
    expect(classifyService("Twelve acupuncture visits").category).toBe("rehabilitation");
    expect(classifyService("Office visits, monthly").category).toBe("evaluation-management");
    expect(classifyService("Post-op therapy 12 sessions").category).toBe("rehabilitation");
  });
});

describe("qualifiers and prefixes", () => {
  it.each([
    ["Associated surgical service: Post-operative physical therapy, 12 visits", service("rehabilitation")],
    ["Associated surgical service: Cold therapy unit, 14-day rental", service("dmepos")],
    ["Associated surgical service: Pre-operative labs", service("diagnostic")],
    ["Associated surgical service: Post-op Norco 5/325mg #30", drug("opioid", "hydrocodone/acetaminophen")],
    ["Retrospective urine drug screen (DOS 03/02/19)", service("diagnostic")],
    ["Prospective request for Celebrex 200mg #30", drug("nsaid", "celecoxib")],
    ["Continue Lyrica 75mg twice a day", drug("anticonvulsant", "pregabalin")],
    ["Additional chiropractic care, 6 visits", service("rehabilitation")],
    ["Purchase of a shower chair", service("dmepos")],
  ] as const)("%s", (text, expected) => {
    expect(classifyService(text)).toEqual(expected);
  });
});

describe("drugs", () => {
  it.each([
    // Brands and abbreviations to generics, combinations in their usual order.
    ["Norco 10/325mg #60", drug("opioid", "hydrocodone/acetaminophen")],
    ["Hydrocodone/APAP 7.5/325 one every 6 hours", drug("opioid", "hydrocodone/acetaminophen")],
    ["Hydrocodone 10/325 #90", drug("opioid", "hydrocodone/acetaminophen")],
    ["Percocet 5/325 #20", drug("opioid", "oxycodone/acetaminophen")],
    ["OxyContin ER 20mg q12h", drug("opioid", "oxycodone")],
    ["Ultracet 37.5/325mg", drug("opioid", "tramadol/acetaminophen")],
    ["Tylenol #3 #30", drug("opioid", "codeine/acetaminophen")],
    ["Butrans 10mcg/hr patch #4", drug("opioid", "buprenorphine")],
    ["Fentanyl 25mcg/hr transdermal patch", drug("opioid", "fentanyl")],
    ["Anaprox DS 550mg #60", drug("nsaid", "naproxen")],
    ["Voltaren XR 100mg", drug("nsaid", "diclofenac")],
    ["Motrin 800mg", drug("nsaid", "ibuprofen")],
    ["Zanaflex 4mg at bedtime", drug("muscle-relaxant", "tizanidine")],
    ["Orphenadrine citrate ER 100mg", drug("muscle-relaxant", "orphenadrine")],
    ["Neurontin 300mg", drug("anticonvulsant", "gabapentin")],
    ["Cymbalta 30mg", drug("antidepressant", "duloxetine")],
    ["Prilosec 20mg #30", drug("gastrointestinal", "omeprazole")],
    ["Zofran ODT 4mg", drug("gastrointestinal", "ondansetron")],
    ["Senokot-S #60", drug("gastrointestinal", "docusate/sennosides")],
    ["Ambien CR 12.5mg", drug("sleep-aid", "zolpidem")],
    ["Xanax 0.25mg", drug("anxiolytic", "alprazolam")],
    ["Sentra PM #60", drug("medical-food", null)],
    ["Medrol dose pack", drug("other", "methylprednisolone")],
    ["Keflex 500mg four times a day", drug("other", "cephalexin")],
    // Products for the skin, manufactured or compounded.
    ["Lidoderm 5% patches #30", drug("topical-analgesic", "lidocaine")],
    ["Lidocaine 4% cream", drug("topical-analgesic", "lidocaine")],
    ["Voltaren gel 1% 100g", drug("topical-analgesic", "diclofenac")],
    ["Diclofenac 1.5% topical solution", drug("topical-analgesic", "diclofenac")],
    ["Flector 1.3% patch", drug("topical-analgesic", "diclofenac")],
    ["Salonpas patches", drug("topical-analgesic", "methyl salicylate/menthol")],
    ["LidoPro ointment 121g", drug("topical-analgesic", "lidocaine/methyl salicylate/capsaicin/menthol")],
    ["Terocin patches #10", drug("topical-analgesic", "lidocaine/menthol")],
    ["Capsaicin 0.075% cream", drug("topical-analgesic", "capsaicin")],
    ["Ketoprofen 20% cream", drug("compound", "ketoprofen")],
    ["Flexeril cream", drug("compound", "cyclobenzaprine")],
    ["Gabapentin 10%, Amitriptyline 5%, Capsaicin 0.025% in cream base", drug("compound", "gabapentin/amitriptyline/capsaicin")],
    ["Flurbiprofen/lidocaine cream", drug("compound", "flurbiprofen/lidocaine")],
    ["Topical compound cream", drug("compound", null)],
    // Compounding kits and oral suspensions.
    ["Ketophene 20mg/ml oral suspension 150ml", drug("compound", "ketoprofen")],
    ["Synapryn 10mg/ml oral suspension", drug("compound", "tramadol")],
    ["Gabapentin 250mg/5ml oral suspension", drug("compound", "gabapentin")],
    ["Ibuprofen 100mg/5ml oral suspension", drug("nsaid", "ibuprofen")],
  ] as const)("%s", (text, expected) => {
    expect(classifyService(text)).toEqual(expected);
  });

  it("lists several drugs in the order the request does, and stops at their indication", () => {
    expect(classifyService("Acetaminophen with codeine 300/30").drug).toBe("acetaminophen/codeine");
    expect(classifyService("Omeprazole 20mg for stomach upset from naproxen")).toEqual(drug("gastrointestinal", "omeprazole"));
  });

  it("reads a request naming 120,000 drugs and forms in time linear in its length", () => {
    // Each drug looks at the request's forms: the distinct ones, not every mention of one.
    const request = "Norco 10/325mg tablet, Tramadol 50mg capsule, ".repeat(60_000);
    expect(classifyService(request)).toEqual(drug("opioid", "hydrocodone/acetaminophen/tramadol"));
  });

  it("leaves a drug given as an injection procedure to the injection", () => {
    expect(classifyService("Toradol 60mg IM injection")).toEqual(service("injection"));
    expect(classifyService("Kenalog injection to the right knee")).toEqual(service("injection"));
  });
});

describe("the rules a coder reads by", () => {
  it.each([
    // A drug's "extended release" is not a surgical release; "-ses" plurals lose only their "s".
    ["Tramadol extended release 100mg #30", drug("opioid", "tramadol")],
    ["Bilateral carpal tunnel releases", service("surgery")],
    ["Therapeutic exercises 2x/week x 6 weeks", service("rehabilitation")],
    ["Bilateral wrist MRIs", service("diagnostic")],
    ["Two lumbar ESIs", service("injection")],
    // A salt is part of its drug's name; a strength may run into its unit.
    ["Fenoprofen calcium 400mg #120", drug("nsaid", "fenoprofen")],
    ["Esomeprazole magnesium 40mg #30", drug("gastrointestinal", "esomeprazole")],
    ["Hydrocodone 7.5/200mg #60", drug("opioid", "hydrocodone/ibuprofen")],
    // A modality's device, or one for home use, is equipment; a hospital's rehabilitation unit is not.
    ["Interferential current stimulator", service("dmepos")],
    ["Ultrasound unit for home use", service("dmepos")],
    ["Paraffin bath for home use", service("dmepos")],
    ["Inpatient rehabilitation unit, one week", service("rehabilitation")],
    ["Physical therapy for home exercise program instruction, 4 visits", service("rehabilitation")],
    // A test or evaluation of behavioral health is behavioral health.
    ["MMPI-2 testing", service("behavioral-health")],
    ["Psychotropic medication management", service("behavioral-health")],
    // "<service> evaluation and treatment" asks for the service.
    ["Physical therapy re-evaluation and treatment 2x3", service("rehabilitation")],
    ["Chronic pain program evaluation and treatment 160 hours", service("program")],
    ["Orthopedic evaluation and treatment", service("evaluation-management")],
    ["Hand surgery evaluation and treatment", service("evaluation-management")],
    // The repair of equipment is the equipment's.
    ["Wheelchair repair", service("dmepos")],
    ["Repair of a hearing aid", service("dmepos")],
    ["Meniscus repair, left knee", service("surgery")],
    ["Release of medical records", service("other")],
    ["Right middle finger A1 pulley release", service("surgery")],
    // A drug the patient injects stays a drug; one a physician injects is the injection.
    ["Associated surgical service: Lovenox injections", drug("other", "enoxaparin")],
    ["Toradol 60mg IM", service("injection")],
    // A technique named "release" is not an operation; a drug's level is a blood test of it.
    ["Active release technique x 6", service("rehabilitation")],
    ["Vitamin D and B12 levels", service("diagnostic")],
    // A specialty says more than a vague word.
    ["Psychological support 6 sessions", service("behavioral-health")],
    // What follows "regarding" or "prior to" is not the request.
    ["Second opinion regarding surgery", service("evaluation-management")],
    ["Labs prior to surgery", service("diagnostic")],
  ] as const)("%s", (text, expected) => {
    expect(classifyService(text)).toEqual(expected);
  });
});

describe("invented treatments, worded as letters word them (test/fixtures/service-treatments.tsv)", () => {
  // Each row: treatment, category, drug class, drug ("-" for null), written by hand from the corpus README's definitions.
  const rows = readFileSync(join(import.meta.dirname, "fixtures", "service-treatments.tsv"), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [text, category, drugClass = "-", name = "-"] = line.split("\t") as [string, Service["category"], string?, string?];
      const expected: Service = { category, drugClass: drugClass === "-" ? null : (drugClass as Service["drugClass"]), drug: name === "-" ? null : name };
      return { text, expected };
    });

  it("holds over a thousand treatments across every category", () => {
    expect(rows.length).toBeGreaterThan(1000);
    expect(new Set(rows.map((r) => r.expected.category))).toEqual(new Set(SERVICE_CATEGORIES));
  });

  it.each(SERVICE_CATEGORIES.map((c) => [c]))("classifies every %s as a coder does", (category) => {
    const wrong = rows
      .filter((r) => r.expected.category === category)
      .map((r) => ({ text: r.text, expected: r.expected, actual: classifyService(r.text) }))
      .filter((r) => JSON.stringify(r.actual) !== JSON.stringify(r.expected));
    expect(wrong).toEqual([]);
  });
});

describe("what it cannot tell", () => {
  it("is other, or a null drug, never a guess", () => {
    expect(classifyService("Invented widget fitting")).toEqual(service("other"));
    expect(classifyService("Inventalol 20mg #30")).toEqual(drug(null, null));
    expect(classifyService("Pain medications")).toEqual(drug(null, null));
    expect(classifyService("")).toEqual(service("other"));
  });

  it("says so in an info diagnostic on the treatment's span", () => {
    const text = letter({
      decisions: [{ item: "Invented widget fitting" }, { item: "Inventalol 20mg #30", outcome: "Overturned" }, { item: "Knee brace" }],
    });
    const r = parseDetermination(text, { strict: true });
    IMRDeterminationSchema.parse(r);
    expect(r.decisions.map((d) => d.service.category)).toEqual(["other", "pharmaceutical", "dmepos"]);
    const info = r.diagnostics.filter((d) => d.severity === "info");
    expect(info.map((d) => d.code)).toEqual(["unknown-service", "unknown-drug"]);
    expect(info.map((d) => text.slice(d.span.start, d.span.end))).toEqual(["Invented widget fitting", "Inventalol 20mg #30"]);
    expect(info[1]!.span).toEqual(r.decisions[1]!.treatment!.span);
  });

  it("gives no diagnostic for a product it knows that has no generic", () => {
    const r = parseDetermination(letter({ decisions: [{ item: "Theramine #120" }] }));
    expect(r.decisions[0]!.service).toEqual(drug("medical-food", null));
    expect(r.diagnostics).toEqual([]);
  });
});

describe("in a letter", () => {
  it("classifies each decision's treatment: for a partial authorization, the IMR-eligible portion", () => {
    const r = parseDetermination(
      letter({
        decisions: [
          { item: "Cyclobenzaprine 7.5mg #30", partial: { original: "Cyclobenzaprine 7.5mg #90", authorized: "Cyclobenzaprine 7.5mg #60" } },
          { item: "Aquatic therapy for the low back, 4 sessions", outcome: "Overturned" },
        ],
      }),
    );
    expect(r.decisions.map((d) => d.service)).toEqual([drug("muscle-relaxant", "cyclobenzaprine"), service("rehabilitation")]);
    expect(r.diagnostics).toEqual([]);
  });

  it("reads a heading wrapped over lines, with a word broken after its hyphen at the line's end", () => {
    const item = "Associated surgical service: Rental of a cold therapy unit with a compression wrap for the post-\noperative knee";
    const r = parseDetermination(letter({ decisions: [{ item, headingWidth: 200 }] }));
    expect(r.decisions[0]!.treatment?.text).toBe(item.replace("\n", ""));
    expect(r.decisions[0]!.service).toEqual(service("dmepos"));
    expect(r.diagnostics).toEqual([]);
  });
});

describe("the schema", () => {
  it("takes the eleven categories and the drug classes as its enums", () => {
    expect(SERVICE_CATEGORIES).toHaveLength(11);
    for (const category of SERVICE_CATEGORIES) expect(ServiceSchema.parse(service(category))).toEqual(service(category));
    for (const drugClass of DRUG_CLASSES) expect(ServiceSchema.safeParse(drug(drugClass, "x")).success).toBe(true);
    expect(ServiceSchema.safeParse({ category: "medication", drugClass: null, drug: null }).success).toBe(false);
    expect(ServiceSchema.safeParse({ category: "pharmaceutical", drugClass: "painkiller", drug: null }).success).toBe(false);
  });
});

describe("the vocabulary", () => {
  it("gives no term two meanings", () => {
    expect(CONFLICTS).toEqual([]);
  });

  it("writes every term as the text's words are read: lowercase, one space apart", () => {
    const terms = [
      ...Object.values(SERVICE_TERMS).flat(),
      ...Object.keys(WEAK_TERMS),
      ...BEHAVIORAL_SPECIALTIES,
      ...QUALIFIERS,
      ...SPINE_WORDS,
      ...Object.keys(DRUG_CLASS_WORDS),
      ...Object.keys(DRUG_FORMS),
      ...DRUGS.flatMap((d) => d.names ?? []),
    ];
    expect(terms.filter((t) => canonical(t) !== t)).toEqual([]);
  });

  it("names drugs by lowercase generics of known classes", () => {
    for (const d of DRUGS) {
      expect(DRUG_CLASSES).toContain(d.drugClass);
      if (d.generic) expect(d.generic).toMatch(/^[a-z0-9][a-z0-9 -]*(\/[a-z0-9][a-z0-9 -]*)*$/);
    }
  });

  it("lists as home modalities only rehabilitation terms", () => {
    for (const t of HOME_MODALITIES) expect(SERVICE_TERMS.rehabilitation).toContain(t);
  });

  it("covers every category but pharmaceutical with service terms", () => {
    expect(Object.keys(SERVICE_TERMS).sort()).toEqual(SERVICE_CATEGORIES.filter((c) => c !== "pharmaceutical").sort());
  });
});

describe("the DWC's table, from a folder of letters", () => {
  it("examples/services-table.mjs tallies the example letters by category and drug class", () => {
    const root = join(import.meta.dirname, "..");
    const r = spawnSync(process.execPath, [join(root, "examples", "services-table.mjs"), join(root, "examples", "letters")], { encoding: "utf8", cwd: root });
    expect(r.stderr).toBe("");
    const rows = r.stdout.split("\n");
    expect(rows).toContain("| rehabilitation | 1 | 25.0 % | 1 | 100.0 % |");
    expect(rows).toContain("| pharmaceutical | 1 | 25.0 % | 0 | 0.0 % |");
    expect(rows).toContain("| all | 4 | 100.0 % | 1 | 25.0 % |");
    expect(rows).toContain("| muscle-relaxant | 1 | 100.0 % | 0 | 0.0 % |");
  });
});
