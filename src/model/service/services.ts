/**
 * The words of workers' compensation requests that name a kind of care, as data: each
 * term with the category it makes the request. Written and matched like the drug names
 * (lowercase words one space apart; case, punctuation and a plural ending in the text
 * do not matter), the longest term first:
 * "cold therapy unit" before "therapy", "manipulation under anesthesia" before
 * "manipulation".
 *
 * A request's category is that of its head: the last term of the first phrase that has
 * one ("Spine surgery evaluation" is an evaluation, "MRI of the knee" an MRI). The
 * phrases are cut at punctuation and at words such as "of", "for", "with", "and", so
 * "Six sessions of acupuncture" is acupuncture and "Injection with ultrasound guidance"
 * an injection.
 */
import type { ServiceCategory } from "./taxonomy.js";

/**
 * Terms that name the service: any one of them can be a request's head.
 *
 * @example
 * ```ts
 * SERVICE_TERMS.dmepos.includes("tens unit"); // true
 * ```
 */
export const SERVICE_TERMS: Readonly<Record<Exclude<ServiceCategory, "pharmaceutical">, readonly string[]>> = {
  diagnostic: [
    // imaging
    "mri", "mra", "magnetic resonance imaging", "magnetic resonance", "mr arthrogram", "open mri", "upright mri", "standing mri",
    "ct", "ct scan", "cat scan", "computed tomography", "ct myelogram", "cta",
    "x ray", "xray", "radiograph", "radiography", "x ray film", "flexion extension views", "imaging", "scan",
    "bone scan", "bone density", "dexa", "dxa", "pet scan", "spect", "scintigraphy", "nuclear medicine",
    "ultrasound of", "diagnostic ultrasound", "ultrasound scan", "ultrasound study", "ultrasound imaging", "ultrasound examination",
    "sonogram", "ultrasonography", "doppler", "duplex", "echocardiogram", "echo",
    "diagnostic ultrasound", "musculoskeletal ultrasound", "msk ultrasound", "shoulder ultrasound", "knee ultrasound", "elbow ultrasound",
    "wrist ultrasound", "hand ultrasound", "hip ultrasound", "ankle ultrasound", "foot ultrasound", "abdominal ultrasound", "pelvic ultrasound",
    "renal ultrasound", "venous ultrasound", "carotid ultrasound", "thyroid ultrasound", "scrotal ultrasound", "ultrasound left",
    "ultrasound right", "ultrasound bilateral",
    "trigger point impedance imaging", "tpii", "thermography", "fluoroscopy",
    // electrodiagnostics
    "emg", "ncv", "ncs", "emg ncv", "emg ncs", "electromyography", "electromyogram", "nerve conduction", "nerve conduction velocity",
    "nerve conduction study", "electrodiagnostic", "electrodiagnostic study", "electrodiagnostic testing", "ssep", "somatosensory evoked potential",
    "evoked potential", "qst", "quantitative sensory testing", "sudomotor", "qsart", "eeg", "electroencephalogram", "nerve study",
    "vng", "videonystagmography", "ekg", "ecg", "electrocardiogram", "holter", "stress test", "heart monitor", "cardiac monitor", "event monitor",
    "hearing evaluation", "hearing test", "audiology evaluation", "audiologic evaluation", "audiometry", "audiometric testing",
    "lumbar puncture", "spinal tap", "egd", "endoscopy",
    // labs and tests
    "lab", "laboratory", "labs", "lab work", "laboratory testing", "blood work", "bloodwork", "blood test", "blood draw", "venipuncture",
    "cbc", "complete blood count", "cmp", "bmp", "chem panel", "chemistry panel", "chem 7", "chem 12", "metabolic panel",
    "hepatic function panel", "liver function test", "lft", "renal function", "renal panel", "lipid panel", "thyroid panel", "tsh",
    "pt ptt", "pt inr", "ptt", "inr", "coagulation", "coagulation panel", "hemoglobin a 1 c", "a 1 c", "hba 1 c", "esr", "sed rate", "crp",
    "c reactive protein", "rheumatoid factor", "ana", "uric acid", "vitamin d level", "testosterone level", "drug level",
    "ua", "urinalysis", "urine culture", "urine test",
    "urine drug screen", "urine drug test", "urine drug testing", "urine toxicology", "uds", "udt", "drug screen", "drug screening",
    "drug test", "drug testing", "toxicology", "toxicology screen", "tox screen", "saliva drug test", "oral fluid drug test",
    "genetic testing", "genetic test", "pharmacogenetic testing", "pharmacogenomic testing", "cyp 450", "cytochrome p 450", "dna testing",
    "sleep study", "polysomnogram", "polysomnography", "home sleep test", "multiple sleep latency test",
    "functional capacity evaluation", "fce", "functional capacity exam", "functional capacity assessment",
    "functional capacity examination", "functional capacity test", "functional capacity testing", "functional capacity re evaluation",
    "plain film",
    "range of motion testing", "range of motion measurement", "computerized range of motion", "muscle testing", "strength testing",
    "manual muscle testing", "grip strength testing", "audiogram", "audiometry", "hearing test", "vestibular testing",
    "pulmonary function test", "spirometry", "allergy testing", "biopsy", "test", "testing", "study", "screening", "diagnostic",
    "panel", "level", "hepatic panel", "arthrogram",
  ],
  rehabilitation: [
    "physical therapy", "pt", "physiotherapy", "physio", "physical therapist", "occupational therapy", "ot", "pt ot", "hand therapy",
    "chiropractic", "chiro", "chiropractor", "chiropractic manipulation", "spinal manipulation", "manipulation", "mobilization",
    "manual therapy", "osteopathic manipulation", "omt", "massage", "massage therapy", "myofascial release", "soft tissue mobilization",
    "active release technique", "active release", "graston", "graston technique", "instrument assisted soft tissue mobilization", "iastm",
    "percutaneous electrical nerve stimulation",
    "acupuncture", "electroacupuncture", "electro acupuncture", "acupressure", "cupping", "dry needling",
    "aquatic therapy", "aqua therapy", "pool therapy", "water therapy", "hydrotherapy", "whirlpool",
    "traction", "spinal decompression therapy", "decompression therapy", "work hardening", "work conditioning",
    "therapeutic exercise", "exercise therapy", "home exercise program", "neuromuscular reeducation", "neuromuscular re education",
    "gait training", "balance training", "vestibular therapy", "vestibular rehabilitation", "speech therapy", "cognitive rehabilitation",
    "electrical stimulation", "electric stimulation", "e stim", "estim", "electrical muscle stimulation", "interferential therapy",
    "interferential stimulation", "interferential current", "ultrasound", "ultrasound therapy", "therapeutic ultrasound", "infrared",
    "infrared therapy", "paraffin", "paraffin bath", "iontophoresis", "phonophoresis", "hot pack", "cold pack", "moist heat",
    "shockwave", "shock wave", "extracorporeal shockwave therapy", "eswt", "ecswt", "laser therapy", "cold laser", "low level laser",
    "lllt", "class iv laser", "kinesio taping", "kinesiotaping", "kinesio tape", "kinesiotape", "taping", "neurostimulation therapy", "localized intense neurostimulation",
    "microcurrent", "modalities",
    // A hospital's unit, not a device.
    "rehabilitation unit", "rehab unit", "osteopathic manipulative treatment", "osteopathic manipulative therapy", "manipulative therapy",
    "manipulative treatment", "rehab", "rehabilitation", "laser", "trigger point therapy",
  ],
  "evaluation-management": [
    "consultation", "consult", "evaluation", "eval", "re evaluation", "reevaluation", "evaluate", "assessment", "exam", "examination",
    "physical exam", "physical examination", "re exam", "reexam", "reexamination", "office visit", "follow up", "followup", "follow up visit",
    "f u", "referral", "refer", "transfer of care", "toc", "second opinion", "medication management", "med management",
    "pain management", "pain management consultation", "clearance", "medical clearance", "preoperative clearance", "evaluation and management", "e m", "new patient",
    "history and physical", "h and p", "nutritional counseling", "nutrition counseling", "dietary counseling", "nutrition consultation",
    "established patient", "telemedicine", "office consultation", "e and m", "urgent care", "emergency room visit",
  ],
  injection: [
    "injection", "inj", "epidural", "esi", "epidural steroid injection", "transforaminal", "interlaminar", "caudal",
    "facet", "facet injection", "facet block", "facet joint injection", "medial branch block", "mbb", "nerve block", "block",
    "occipital nerve block", "stellate ganglion block", "sympathetic block", "genicular nerve block", "selective nerve root block", "snrb",
    "radiofrequency", "radiofrequency ablation", "rfa", "radiofrequency neurotomy", "radiofrequency rhizotomy", "rhizotomy", "neurotomy",
    "trigger point injection", "trigger point", "tpi", "joint injection", "intra articular", "cortisone", "cortisone shot", "steroid injection",
    "viscosupplementation", "prp", "platelet rich plasma", "prolotherapy", "stem cell", "stem cell injection", "shot",
    "percutaneous neuroplasty", "epidural neuroplasty", "epidural adhesiolysis", "epidural lysis of adhesions", "racz", "infusion",
    "intramuscular", "im injection", "sacroiliac joint injection", "si joint injection", "bursa injection", "ganglion block",
    "aspiration", "arthrocentesis", "ablation", "cryoablation", "cryoneurolysis", "viscosupplement", "pulsed radiofrequency",
    "tfesi", "tf esi", "lesi", "cesi", "ilesi", "im",
  ],
  dmepos: [
    "dme", "durable medical equipment", "tens", "tens unit", "ems", "ems unit", "e stim unit", "estim unit", "interferential unit",
    "if unit", "inferential unit", "h wave", "h wave unit", "h wave device", "muscle stimulator", "neuromuscular stimulator", "nmes unit",
    "stimulator unit", "electrodes", "brace", "orthosis", "orthotic", "orthotics", "splint", "sling", "ultrasling", "immobilizer", "collar",
    "cervical collar", "lumbar support", "back support", "lso", "tlso", "corset", "binder", "walking boot", "cam boot",
    "cam walker", "boot", "post op shoe", "surgical shoe", "shoe", "insole", "heel cup", "afo", "cane", "crutch", "walker", "rollator",
    "wheelchair", "scooter", "knee scooter", "power chair", "commode", "shower chair", "bath chair", "shower bench", "tub bench",
    "transfer bench", "raised toilet seat", "toilet seat", "grab bar", "reacher", "grabber", "hospital bed", "adjustable bed", "mattress",
    "pillow", "cervical pillow", "wedge", "cold therapy", "cold therapy unit", "cryotherapy", "cryotherapy unit", "cryo unit", "cryocuff",
    "cryo cuff", "ice machine", "ice unit", "ice pack", "polar care", "polar pack", "game ready", "vascutherm", "thermocooler",
    "hot cold unit", "hot cold therapy", "heat unit", "heating pad", "heat wrap", "thermophore", "compression device", "compression stocking",
    "compression garment", "compression sleeve", "sequential compression device", "scd", "pneumatic compression", "dvt prophylaxis unit",
    "cpm", "continuous passive motion", "bone growth stimulator", "bone stimulator", "ergonomic chair", "chair", "workstation", "desk",
    "standing desk", "keyboard", "ergonomic keyboard", "headset", "hearing aid", "eyeglasses", "yoga mat", "exercise mat", "mat", "putty",
    "therapy putty", "theraputty", "foam roller", "stability ball", "therapy ball", "hand exerciser", "exercise band", "hose",
    "compression hose", "ted hose", "posture brace", "posture corrector", "glucometer", "glucose meter", "test strip",
    "blood pressure monitor", "blood pressure cuff", "glove", "wipe", "diaper", "incontinence supplies", "catheter",
    "bandage", "dressing", "gauze", "lift chair", "home exercise kit", "exercise kit", "exercise equipment", "exercise ball",
    "theraband", "resistance band", "pulley", "stationary bike", "recumbent bike", "exercise bike", "exercise bicycle", "conductive gel", "electrode gel", "ultrasound gel",
    "traction table", "hot and cold pack", "hot cold pack", "sleep number bed", "hot tub", "jacuzzi", "spica", "thumb spica",
    "lumbar roll", "cervical roll", "treadmill", "traction unit", "traction device",
    "home traction", "home cervical traction", "inversion table", "massage device", "massager", "prosthesis", "prosthetic",
    "cpap", "bipap", "nebulizer", "oxygen", "dynasplint", "jas splint", "bioness", "hoyer lift", "patient lift", "bed rail", "ramp",
    "battery", "belt", "strap", "sock", "stocking", "glasses", "sleeve", "heel lift", "shoe lift", "recliner", "stair lift",
  ],
  surgery: [
    "surgery", "operation", "surgical procedure", "surgical intervention", "surgical repair", "surgical release", "surgical decompression",
    "arthroscopy", "arthroscopic", "arthroplasty", "joint replacement", "knee replacement", "hip replacement", "shoulder replacement", "tka", "tkr", "tha", "thr", "resurfacing",
    "tsa", "rsa", "scope", "ctr", "cutr",
    "fusion", "alif", "plif", "tlif", "xlif", "acdf", "discectomy", "diskectomy", "microdiscectomy", "laminectomy", "laminotomy",
    "foraminotomy", "hemilaminectomy", "facetectomy", "corpectomy", "decompression", "disc replacement", "artificial disc",
    "carpal tunnel release", "cubital tunnel release", "trigger finger release", "release", "repair", "reconstruction", "meniscectomy",
    "chondroplasty", "debridement", "synovectomy", "acromioplasty", "subacromial decompression", "distal clavicle excision", "mumford",
    "tenodesis", "tenotomy", "capsulorrhaphy", "capsular release", "manipulation under anesthesia", "mua", "osteotomy", "orif",
    "open reduction", "internal fixation", "hardware removal", "removal of hardware", "excision", "resection", "amputation", "kyphoplasty",
    "vertebroplasty", "spinal cord stimulator", "scs", "dorsal column stimulator", "spinal cord stimulation", "neurostimulator",
    "peripheral nerve stimulator", "intrathecal pump", "pain pump", "intrathecal drug delivery", "implant", "implantation",
    "assistant surgeon", "surgical assistant", "surgical assist", "co surgeon", "anesthesia", "anesthesiologist", "inpatient stay",
    "hospital stay", "inpatient hospital stay", "hospitalization", "length of stay", "outpatient surgery",
    "overnight stay", "overnight observation", "observation stay", "inpatient admission", "hospital admission", "hardware", "laparoscopy", "laparoscopic",
    "transposition", "neurolysis", "neuroplasty", "bunionectomy", "fasciotomy", "plantar fascia release", "ganglion cyst excision",
    "hernia repair", "herniorrhaphy", "rotator cuff repair", "labral repair", "slap repair", "bankart repair", "acl reconstruction",
    "total knee", "total hip", "total shoulder", "unicompartmental", "operative", "revision",
  ],
  "behavioral-health": [
    "psychotherapy", "psychological treatment", "psychological therapy", "psychological counseling", "psychological evaluation",
    "psychological testing", "psychiatric evaluation", "psychiatric treatment", "psych eval", "psychometric testing", "neuropsychological testing",
    "neuropsychological evaluation", "neuropsych testing", "cognitive behavioral therapy", "cbt", "counseling", "group therapy",
    "biofeedback", "neurofeedback", "hypnotherapy", "hypnosis", "relaxation training", "stress management", "pain psychology",
    "behavioral medicine", "anger management", "mindfulness", "mbsr", "emdr", "partial hospitalization", "php", "intensive outpatient", "iop", "mmpi",
  ],
  program: [
    "functional restoration program", "functional restoration", "frp", "help program", "chronic pain program", "pain program",
    "multidisciplinary pain program", "interdisciplinary pain program", "multidisciplinary program", "interdisciplinary program",
    "pain rehabilitation program", "restoration program", "detox", "detoxification", "detoxification program", "rapid detox", "tapering program", "taper program", "weaning program",
    "pain management program", "chronic pain management program", "weight loss program", "weight management program", "weight loss", "medifast", "lindora", "nutrisystem", "weight watchers",
    "brain injury program", "tbi program", "brain injury rehabilitation", "gym membership", "health club membership", "ymca membership", "pool membership",
    "gym", "membership", "pool access", "personal trainer", "personal training", "yoga", "pilates", "tai chi", "exercise class",
    "fitness class",
  ],
  "home-health": [
    "home health", "hha", "home health aide", "home health care", "home healthcare", "home care", "home nursing", "nursing visit",
    "skilled nursing visit", "nursing care", "in home care", "in home support", "in home supportive services", "ihss", "chore services", "chore", "caregiver", "home attendant", "attendant care",
    "housekeeping", "homemaker", "home assistance", "home aide", "nurse visit", "lvn", "cna", "personal care", "personal care attendant",
    "attendant", "nurse", "rn", "registered nurse", "licensed vocational nurse", "nursing", "visiting nurse", "wound care nurse",
  ],
  other: [
    "transportation", "transport", "medical transportation", "van", "vehicle", "automobile", "taxi", "interpreter", "translation", "translator", "dental", "dentist",
    "dental implant", "crown", "vocational rehabilitation", "case management", "nurse case manager", "medical records", "home modification",
    "vehicle modification", "hand controls", "narcotic contract", "opioid contract", "opioid agreement",
    "pain contract", "housing", "skilled nursing facility", "snf", "nursing home",
  ],
};

/**
 * Terms that name a service only vaguely ("visits", "sessions", "therapy" alone): the
 * head only when the request has no other term, and the category then only where the
 * word is clear enough on its own; the others leave the request `other`, with an
 * `unknown-service` diagnostic.
 *
 * @example
 * ```ts
 * WEAK_TERMS.visit; // "evaluation-management"
 * ```
 */
export const WEAK_TERMS: Readonly<Record<string, ServiceCategory | null>> = {
  therapy: "rehabilitation",
  visit: "evaluation-management",
  appointment: "evaluation-management",
  physician: "evaluation-management",
  doctor: "evaluation-management",
  specialist: "evaluation-management",
  surgeon: "evaluation-management",
  neurosurgeon: "evaluation-management",
  orthopedist: "evaluation-management",
  orthopedic: "evaluation-management",
  orthopaedic: "evaluation-management",
  neurologist: "evaluation-management",
  neurology: "evaluation-management",
  physiatrist: "evaluation-management",
  rheumatologist: "evaluation-management",
  podiatrist: "evaluation-management",
  internist: "evaluation-management",
  dietitian: "evaluation-management",
  nutritionist: "evaluation-management",
  ortho: "evaluation-management",
  podiatry: "evaluation-management",
  dermatology: "evaluation-management",
  cardiology: "evaluation-management",
  urology: "evaluation-management",
  gastroenterology: "evaluation-management",
  ophthalmology: "evaluation-management",
  optometry: "evaluation-management",
  otolaryngology: "evaluation-management",
  ent: "evaluation-management",
  neurosurgery: "evaluation-management",
  rheumatology: "evaluation-management",
  endocrinology: "evaluation-management",
  pulmonology: "evaluation-management",
  physiatry: "evaluation-management",
  "physical medicine": "evaluation-management",
  "sports medicine": "evaluation-management",
  "internal medicine": "evaluation-management",
  "pain specialist": "evaluation-management",
  view: "diagnostic",
  urine: "diagnostic",
  serum: "diagnostic",
  stimulator: "dmepos",
  // In a request, an assistant alone is the surgeon's ("PA assist").
  assist: "surgery",
  assistant: "surgery",
  pad: "dmepos",
  wrap: "dmepos",
  supplies: "dmepos",
  unit: "dmepos",
  device: "dmepos",
  machine: "dmepos",
  lamp: "dmepos",
  table: "dmepos",
  rental: "dmepos",
  kit: "dmepos",
  equipment: "dmepos",
  support: "dmepos",
  insert: "dmepos",
  program: "program",
  session: null,
  treatment: null,
  care: null,
  service: null,
  procedure: null,
  request: null,
};

/**
 * In-office modalities a patient can also have at home: one "for home use" is equipment
 * (`dmepos`), "Paraffin bath for home use"; physical therapy at home is still therapy.
 *
 * @example
 * ```ts
 * HOME_MODALITIES.includes("paraffin bath"); // true
 * ```
 */
export const HOME_MODALITIES: readonly string[] = [
  "electrical stimulation", "electric stimulation", "e stim", "estim", "electrical muscle stimulation", "interferential therapy",
  "interferential stimulation", "interferential current", "ultrasound", "ultrasound therapy", "therapeutic ultrasound", "infrared",
  "infrared therapy", "paraffin", "paraffin bath", "hot pack", "cold pack", "moist heat", "laser therapy", "cold laser", "low level laser",
  "lllt", "laser", "traction", "whirlpool", "hydrotherapy", "microcurrent", "iontophoresis", "neurostimulation therapy",
];

/**
 * Words that make an evaluation, consultation or referral a behavioral health service:
 * "Psychiatric consultation", "Referral to a psychologist".
 *
 * @example
 * ```ts
 * BEHAVIORAL_SPECIALTIES.includes("psychologist"); // true
 * ```
 */
export const BEHAVIORAL_SPECIALTIES: readonly string[] = [
  "psych", "psychological", "psychologist", "psychology", "psychiatric", "psychiatrist", "psychiatry", "neuropsychological",
  "neuropsychologist", "neuropsych", "behavioral", "behavioral health", "mental health", "psychosocial", "cognitive behavioral", "psychotropic", "psychopharmacology",
];

/**
 * Phrases that qualify the request without naming a service, so they never count as its
 * head: "Associated surgical service: Cold therapy unit" is a cold therapy unit.
 *
 * @example
 * ```ts
 * QUALIFIERS.includes("associated surgical service"); // true
 * ```
 */
export const QUALIFIERS: readonly string[] = [
  "associated surgical service", "associated surgical", "surgical service", "date of service", "dos", "retrospective", "retro",
  "prospective", "post op", "postop", "post operative", "postoperative", "pre op", "preop", "pre operative", "preoperative",
  "continue", "continued", "additional", "initial", "outpatient", "inpatient", "home", "trial", "purchase",
];

/**
 * Procedures that are another service when done on the spine: there, neuroplasty and
 * neurolysis are percutaneous (epidural adhesiolysis, an injection); on the median or
 * ulnar nerve they are operations. The words that put a request in the spine follow.
 *
 * @example
 * ```ts
 * IN_THE_SPINE.neuroplasty; // "injection"
 * ```
 */
export const IN_THE_SPINE: Readonly<Record<string, ServiceCategory>> = {
  neuroplasty: "injection",
  neurolysis: "injection",
};

/**
 * Words that put a request in the spine (see {@link IN_THE_SPINE}).
 *
 * @example
 * ```ts
 * SPINE_WORDS.includes("lumbar"); // true
 * ```
 */
export const SPINE_WORDS: readonly string[] = [
  "spine", "spinal", "lumbar", "lumbosacral", "cervical", "thoracic", "thoracolumbar", "sacral", "epidural", "caudal", "back", "neck",
];

/**
 * Endings of medical words a coder reads as the kind of service when the word itself is
 * not in the vocabulary: an "-ectomy" is an operation, a "-gram" a test.
 *
 * @example
 * ```ts
 * SERVICE_SUFFIXES.find(([ending]) => "epicondylectomy".endsWith(ending))?.[1]; // "surgery"
 * ```
 */
export const SERVICE_SUFFIXES: readonly (readonly [string, ServiceCategory])[] = [
  ["ectomy", "surgery"],
  ["otomy", "surgery"],
  ["ostomy", "surgery"],
  ["plasty", "surgery"],
  ["pexy", "surgery"],
  ["desis", "surgery"],
  ["rrhaphy", "surgery"],
  ["oscopy", "diagnostic"],
  ["gram", "diagnostic"],
  ["graphy", "diagnostic"],
];
