/**
 * The drugs a workers' compensation request names, as data: each generic (or brand
 * combination) with its class and the names it goes by (brands, abbreviations, common
 * misspellings). Written from the drugs most prescribed in California workers'
 * compensation (opioids, NSAIDs, muscle relaxants, anticonvulsants, antidepressants,
 * topical products, compounding kits, GI drugs, sleep aids, anxiolytics, medical foods)
 * and the rest a treating physician commonly asks for.
 *
 * Names are written as the text's words are read: lowercase, one space apart, a strength's
 * digits apart from its letters ("tylenol # 3", "vitamin b 12"); they match whatever case,
 * punctuation and plural ending the text has: "Ambien CR", "hydrocodone/APAP" and "Tylenol
 * #3" are all found.
 * A generic is one lowercase name; a combination joins its generics with "/" in its usual
 * order (opioid first: Norco is `hydrocodone/acetaminophen`).
 */
import type { DrugClass } from "./taxonomy.js";

/**
 * How a drug behaves on the skin, which decides the class of a cream, gel or patch:
 * - `analgesic`: manufacturers sell it for pain on the skin, alone or combined with the
 *   others of this kind (lidocaine, menthol, methyl salicylate, capsaicin): a product of
 *   only these is a `topical-analgesic`;
 * - `analgesic-alone`: sold for the skin on its own (diclofenac gel, patch, solution),
 *   a compound when mixed with anything else;
 * - `own`: sold for or through the skin in its own class (a fentanyl or buprenorphine
 *   patch is an opioid, hydrocortisone cream is `other`).
 * Any other drug in a skin form is made by a compounding pharmacy: a `compound`.
 */
export type Skin = "analgesic" | "analgesic-alone" | "own";

export interface DrugEntry {
  /** Generic name(s), lowercase, joined by "/"; null for a product with no generic (a medical-food blend). */
  readonly generic: string | null;
  readonly drugClass: DrugClass;
  /** Other names: brands, abbreviations, spellings (the generic itself is always a name). */
  readonly names?: readonly string[];
  /** See {@link Skin}. */
  readonly skin?: Skin;
  /** The name is a product for the skin whatever words follow it (Lidoderm, Flector, Salonpas). */
  readonly topical?: true;
  /** The name is a compounding pharmacy's kit or oral suspension: always a `compound`. */
  readonly kit?: true;
  /** Given only by a physician's injection (Botox, Synvisc): the request is an `injection`. */
  readonly injected?: true;
  /** Sold for the patient to inject (Lovenox, insulin): "injections" of it are a pharmaceutical, not a procedure. */
  readonly selfInjected?: true;
  /** Manufacturers sell it as an oral liquid, so "oral suspension" does not make it a compound. */
  readonly liquid?: true;
  /** The generic for a product named with its form ("Terocin lotion"), when that changes the ingredients. */
  readonly byForm?: Readonly<Record<string, string>>;
}

const opioid = (generic: string, names: string[] = [], extra: Partial<DrugEntry> = {}): DrugEntry => ({ generic, drugClass: "opioid", names, ...extra });
const entry = (drugClass: DrugClass) => (generic: string | null, names: string[] = [], extra: Partial<DrugEntry> = {}): DrugEntry => ({ generic, drugClass, names, ...extra });
const nsaid = entry("nsaid");
const relaxant = entry("muscle-relaxant");
const anticonvulsant = entry("anticonvulsant");
const antidepressant = entry("antidepressant");
const gi = entry("gastrointestinal");
const sleep = entry("sleep-aid");
const anxiolytic = entry("anxiolytic");
const food = entry("medical-food");
const topical = entry("topical-analgesic");
const compound = entry("compound");
const other = entry("other");

/**
 * The drug table: generic to class, with brand names and abbreviations.
 *
 * @example
 * ```ts
 * DRUGS.find((d) => d.names?.includes("norco"))?.generic; // "hydrocodone/acetaminophen"
 * ```
 */
export const DRUGS: readonly DrugEntry[] = [
  // --- Opioids (and their fixed combinations) ---
  opioid("hydrocodone", ["zohydro", "hysingla", "vantrela", "hydrocodone bitartrate", "hydrocodon"]),
  opioid("hydrocodone/acetaminophen", [
    "norco", "vicodin", "vicodin es", "vicodin hp", "lortab", "lorcet", "lorcet plus", "lorcet hd", "xodol", "zydone",
    "hycet", "maxidone", "anexsia", "co gesic", "verdrocet", "zamicet", "lortab elixir", "hydrocet",
  ], { liquid: true }),
  opioid("hydrocodone/ibuprofen", ["vicoprofen", "reprexain", "ibudone", "xylon"]),
  opioid("oxycodone", ["oxycontin", "roxicodone", "oxecta", "oxaydo", "xtampza", "roxybond", "oxyir", "oxy ir", "oxycodone hcl", "oxycodon"]),
  opioid("oxycodone/acetaminophen", ["percocet", "endocet", "roxicet", "tylox", "primlev", "xartemis", "nalocet", "prolate", "magnacet", "perloxx", "xolox"]),
  opioid("oxycodone/aspirin", ["percodan", "endodan"]),
  opioid("oxycodone/ibuprofen", ["combunox"]),
  opioid("oxycodone/naloxone", ["targiniq"]),
  opioid("oxycodone/naltrexone", ["troxyca"]),
  opioid("morphine", ["ms contin", "mscontin", "kadian", "avinza", "arymo", "morphabond", "msir", "roxanol", "morphine sulfate"]),
  opioid("morphine/naltrexone", ["embeda"]),
  opioid("hydromorphone", ["dilaudid", "exalgo"]),
  opioid("oxymorphone", ["opana"]),
  opioid("fentanyl", ["duragesic", "actiq", "fentora", "subsys", "abstral", "lazanda", "onsolis"], { skin: "own" }),
  opioid("methadone", ["dolophine", "methadose"]),
  opioid("tapentadol", ["nucynta"]),
  opioid("tramadol", ["ultram", "ryzolt", "conzip", "rybix", "tramadol hcl"]),
  opioid("tramadol/acetaminophen", ["ultracet"]),
  opioid("codeine", ["codeine sulfate"]),
  opioid("codeine/acetaminophen", ["tylenol with codeine", "tylenol # 3", "tylenol # 4", "tylenol 3", "tylenol 4", "tylenol no 3", "tylenol no 4"]),
  opioid("buprenorphine", ["butrans", "belbuca", "buprenex", "subutex"], { skin: "own" }),
  opioid("buprenorphine/naloxone", ["suboxone", "zubsolv", "bunavail"]),
  opioid("levorphanol"),
  opioid("meperidine", ["demerol"]),
  opioid("pentazocine/naloxone", ["talwin"]),
  opioid("pentazocine"),
  opioid("butorphanol", ["stadol"]),
  opioid("nalbuphine", ["nubain"]),
  opioid("dihydrocodeine"),
  opioid("dihydrocodeine/acetaminophen/caffeine", ["trezix", "panlor", "dvorah"]),
  opioid("carisoprodol/aspirin/codeine", ["soma compound with codeine"]),
  opioid("butalbital/acetaminophen/caffeine/codeine", ["fioricet with codeine"]),
  opioid("butalbital/aspirin/caffeine/codeine", ["fiorinal with codeine"]),

  // --- NSAIDs (oral) ---
  nsaid("ibuprofen", ["motrin", "advil", "ibu", "ibuprophen", "ibuprofin"], { liquid: true }),
  nsaid("naproxen", ["naprosyn", "anaprox", "anaprox ds", "aleve", "naprelan", "ec naprosyn", "naproxen sodium"]),
  nsaid("celecoxib", ["celebrex"]),
  nsaid("meloxicam", ["mobic", "vivlodex", "qmiiz"]),
  nsaid("diclofenac", ["voltaren", "cataflam", "zipsor", "zorvolex", "cambia", "diclofenac sodium", "diclofenac potassium", "voltaren xr"], { skin: "analgesic-alone" }),
  nsaid("etodolac", ["lodine"]),
  nsaid("nabumetone", ["relafen"]),
  nsaid("ketorolac", ["toradol", "sprix"]),
  nsaid("indomethacin", ["indocin", "tivorbex"]),
  nsaid("piroxicam", ["feldene"]),
  nsaid("oxaprozin", ["daypro"]),
  nsaid("sulindac", ["clinoril"]),
  nsaid("diflunisal", ["dolobid"]),
  nsaid("fenoprofen", ["nalfon"]),
  nsaid("flurbiprofen", ["ansaid"]),
  nsaid("ketoprofen", ["orudis", "oruvail"]),
  nsaid("salsalate", ["disalcid"]),
  nsaid("aspirin", ["asa", "ecotrin", "bayer aspirin", "acetylsalicylic acid"]),
  nsaid("mefenamic acid", ["ponstel"]),
  nsaid("tolmetin"),
  nsaid("meclofenamate"),
  nsaid("choline magnesium trisalicylate", ["trilisate"]),
  nsaid("ibuprofen/famotidine", ["duexis"]),
  nsaid("naproxen/esomeprazole", ["vimovo"]),
  nsaid("diclofenac/misoprostol", ["arthrotec"]),

  // --- Products for the skin (manufactured) ---
  topical("lidocaine", ["lidoderm", "ztlido", "xylocaine", "lidocaine hcl"], { skin: "analgesic" }),
  topical("capsaicin", ["capzasin", "zostrix", "qutenza"], { skin: "analgesic" }),
  topical("menthol", ["biofreeze", "flexall"], { skin: "analgesic" }),
  topical("methyl salicylate", ["wintergreen oil"], { skin: "analgesic" }),
  topical("camphor", [], { skin: "analgesic" }),
  topical("trolamine salicylate", ["aspercreme", "trolamine"], { skin: "analgesic" }),
  topical("benzocaine", [], { skin: "analgesic" }),
  topical("prilocaine", [], { skin: "analgesic" }),
  topical("tetracaine", [], { skin: "analgesic" }),
  topical("diclofenac", ["flector", "pennsaid", "solaraze", "voltaren gel"], { topical: true }),
  topical("lidocaine/prilocaine", ["emla"], { topical: true }),
  topical("lidocaine/tetracaine", ["pliaglis", "synera"], { topical: true }),
  topical("lidocaine/methyl salicylate/capsaicin/menthol", ["lidopro", "lido pro"], { topical: true }),
  topical("lidocaine/menthol", ["terocin", "lidothol"], { topical: true, byForm: { lotion: "methyl salicylate/capsaicin/menthol/lidocaine" } }),
  topical("methyl salicylate/menthol", ["salonpas", "menthoderm", "mentoderm", "mentherm", "kera tek", "keratek", "bengay", "ben gay", "icy hot", "icyhot", "thera gesic"], { topical: true }),
  topical("methyl salicylate/menthol/capsaicin", ["medrox", "ultracin", "exoten c", "xoten c"], { topical: true }),
  topical("methyl salicylate/menthol/benzocaine", ["dendracin"], { topical: true }),
  topical("camphor/menthol", ["tiger balm"], { topical: true }),

  // --- Compounding kits and oral suspensions (named for their main ingredient) ---
  compound("ketoprofen", ["ketophene"], { kit: true }),
  compound("cyclobenzaprine", ["cyclophene", "tabradol"], { kit: true }),
  compound("ranitidine", ["deprizine"], { kit: true }),
  compound("diphenhydramine", ["dicopanol"], { kit: true }),
  compound("gabapentin", ["fanatrex"], { kit: true }),
  compound("tramadol", ["synapryn"], { kit: true }),
  compound("flurbiprofen/cyclobenzaprine", ["flurflex", "fluriflex"], { kit: true }),
  compound("tramadol/gabapentin/menthol/camphor/capsaicin", ["tghot", "tg hot"], { kit: true }),
  compound("tramadol/gabapentin/menthol/camphor", ["tgice", "tg ice"], { kit: true }),
  compound("gabapentin/cyclobenzaprine/tramadol", ["gabacyclotram"], { kit: true }),

  // --- Muscle relaxants ---
  relaxant("cyclobenzaprine", ["flexeril", "fexmid", "amrix", "flexaril", "cyclobenzaprine hcl", "cyclobenzeprine", "cyclobenzaprin"]),
  relaxant("methocarbamol", ["robaxin"]),
  relaxant("carisoprodol", ["soma"]),
  relaxant("carisoprodol/aspirin", ["soma compound"]),
  relaxant("tizanidine", ["zanaflex", "tizanadine"]),
  relaxant("baclofen", ["lioresal", "gablofen", "ozobax"]),
  relaxant("metaxalone", ["skelaxin", "metaxall"]),
  relaxant("chlorzoxazone", ["parafon forte", "parafon", "lorzone"]),
  relaxant("orphenadrine", ["norflex", "orphenadrine citrate"]),
  relaxant("orphenadrine/aspirin/caffeine", ["norgesic"]),
  relaxant("dantrolene", ["dantrium"]),

  // --- Anticonvulsants ---
  anticonvulsant("gabapentin", ["neurontin", "gabapentine", "gralise", "horizant", "gabapentin enacarbil"]),
  anticonvulsant("pregabalin", ["lyrica"]),
  anticonvulsant("topiramate", ["topamax", "trokendi", "qudexy"]),
  anticonvulsant("carbamazepine", ["tegretol", "carbatrol"]),
  anticonvulsant("oxcarbazepine", ["trileptal"]),
  anticonvulsant("lamotrigine", ["lamictal"]),
  anticonvulsant("levetiracetam", ["keppra"]),
  anticonvulsant("divalproex", ["depakote"]),
  anticonvulsant("valproic acid", ["depakene", "valproate"]),
  anticonvulsant("zonisamide", ["zonegran"]),
  anticonvulsant("lacosamide", ["vimpat"]),
  anticonvulsant("phenytoin", ["dilantin"]),
  anticonvulsant("tiagabine", ["gabitril"]),

  // --- Antidepressants ---
  antidepressant("amitriptyline", ["elavil"]),
  antidepressant("nortriptyline", ["pamelor", "aventyl"]),
  antidepressant("desipramine", ["norpramin"]),
  antidepressant("imipramine", ["tofranil"]),
  antidepressant("doxepin", ["sinequan"], { skin: "own" }),
  antidepressant("clomipramine", ["anafranil"]),
  antidepressant("duloxetine", ["cymbalta", "irenka", "drizalma"]),
  antidepressant("venlafaxine", ["effexor", "effexor xr"]),
  antidepressant("desvenlafaxine", ["pristiq", "khedezla"]),
  antidepressant("milnacipran", ["savella"]),
  antidepressant("levomilnacipran", ["fetzima"]),
  antidepressant("sertraline", ["zoloft"]),
  antidepressant("fluoxetine", ["prozac", "sarafem"]),
  antidepressant("paroxetine", ["paxil", "pexeva"]),
  antidepressant("citalopram", ["celexa"]),
  antidepressant("escitalopram", ["lexapro"]),
  antidepressant("fluvoxamine", ["luvox"]),
  antidepressant("bupropion", ["wellbutrin", "aplenzin", "zyban"]),
  antidepressant("mirtazapine", ["remeron"]),
  antidepressant("trazodone", ["desyrel", "oleptro"]),
  antidepressant("nefazodone"),
  antidepressant("vortioxetine", ["trintellix", "brintellix"]),
  antidepressant("vilazodone", ["viibryd"]),

  // --- Gastrointestinal: PPIs, H2 blockers, antiemetics, laxatives ---
  gi("omeprazole", ["prilosec", "omeprazol"]),
  gi("omeprazole/sodium bicarbonate", ["zegerid"]),
  gi("esomeprazole", ["nexium"]),
  gi("pantoprazole", ["protonix"]),
  gi("lansoprazole", ["prevacid"]),
  gi("rabeprazole", ["aciphex"]),
  gi("dexlansoprazole", ["dexilant"]),
  gi("ranitidine", ["zantac"], { liquid: true }),
  gi("famotidine", ["pepcid"], { liquid: true }),
  gi("cimetidine", ["tagamet"]),
  gi("nizatidine", ["axid"]),
  gi("ondansetron", ["zofran"], { liquid: true }),
  gi("promethazine", ["phenergan"], { liquid: true }),
  gi("metoclopramide", ["reglan"]),
  gi("prochlorperazine", ["compazine"]),
  gi("trimethobenzamide", ["tigan"]),
  gi("meclizine", ["antivert"]),
  gi("scopolamine", ["transderm scop"], { skin: "own" }),
  gi("docusate", ["colace", "docusate sodium"], { liquid: true }),
  gi("sennosides", ["senna", "senokot"]),
  gi("docusate/sennosides", ["senokot s", "peri colace", "senna s", "senna plus"]),
  gi("bisacodyl", ["dulcolax"]),
  gi("polyethylene glycol", ["miralax", "peg 3350"]),
  gi("lactulose", [], { liquid: true }),
  gi("magnesium citrate", [], { liquid: true }),
  gi("psyllium", ["metamucil"]),
  gi("methylnaltrexone", ["relistor"], { selfInjected: true }),
  gi("naloxegol", ["movantik"]),
  gi("naldemedine", ["symproic"]),
  gi("lubiprostone", ["amitiza"]),
  gi("linaclotide", ["linzess"]),
  gi("sucralfate", ["carafate"], { liquid: true }),
  gi("misoprostol", ["cytotec"]),
  gi("dicyclomine", ["bentyl"]),
  gi("loperamide", ["imodium"]),
  gi("simethicone", ["gas x"]),
  gi("calcium carbonate", ["tums"]),

  // --- Sleep aids ---
  sleep("zolpidem", ["ambien", "ambien cr", "intermezzo", "edluar", "zolpimist"]),
  sleep("eszopiclone", ["lunesta"]),
  sleep("zaleplon", ["sonata"]),
  sleep("ramelteon", ["rozerem"]),
  sleep("suvorexant", ["belsomra"]),
  sleep("temazepam", ["restoril"]),
  sleep("triazolam", ["halcion"]),
  sleep("flurazepam", ["dalmane"]),
  sleep("estazolam", ["prosom"]),
  sleep("doxepin", ["silenor"]),
  sleep("melatonin"),
  sleep("doxylamine", ["unisom"]),
  sleep("diphenhydramine", ["benadryl", "zzzquil"]),
  sleep("acetaminophen/diphenhydramine", ["tylenol pm"]),

  // --- Anxiolytics ---
  anxiolytic("alprazolam", ["xanax"]),
  anxiolytic("lorazepam", ["ativan"]),
  anxiolytic("clonazepam", ["klonopin"]),
  anxiolytic("diazepam", ["valium"]),
  anxiolytic("chlordiazepoxide", ["librium"]),
  anxiolytic("clorazepate", ["tranxene"]),
  anxiolytic("oxazepam"),
  anxiolytic("buspirone", ["buspar"]),
  anxiolytic("hydroxyzine", ["vistaril", "atarax"]),

  // --- Medical foods (named by brand; a blend has no generic) ---
  food(null, ["theramine", "sentra am", "sentra pm", "sentra", "trepadone", "gabadone", "apptrim", "percura", "hypertensa", "fosteum", "vasculera", "somnicin", "axona"]),
  food("flavocoxid", ["limbrel"]),
  food("l-methylfolate", ["deplin", "l methylfolate", "levomefolate"]),
  food("l-methylfolate/methylcobalamin/pyridoxal phosphate", ["metanx"]),

  // --- Given by injection (the request is the injection) ---
  other("onabotulinumtoxina", ["botox", "botulinum toxin", "onabotulinum toxin"], { injected: true }),
  other("abobotulinumtoxina", ["dysport"], { injected: true }),
  other("hyaluronic acid", ["synvisc", "synvisc one", "orthovisc", "supartz", "euflexxa", "hyalgan", "gel one", "monovisc", "durolane", "gelsyn", "genvisc", "trivisc", "hylan", "hyaluronan", "sodium hyaluronate"], { injected: true }),
  other("triamcinolone", ["kenalog"], { injected: true }),
  other("methylprednisolone acetate", ["depo medrol", "depomedrol"], { injected: true }),
  other("betamethasone", ["celestone"], { injected: true }),
  other("betamethasone"),

  // --- Other drugs workers' compensation sees ---
  other("acetaminophen", ["tylenol", "apap", "paracetamol", "tylenol extra strength", "tylenol arthritis"], { liquid: true }),
  other("butalbital/acetaminophen/caffeine", ["fioricet", "esgic"]),
  other("butalbital/aspirin/caffeine", ["fiorinal"]),
  other("acetaminophen/aspirin/caffeine", ["excedrin", "excedrin migraine"]),
  other("caffeine"),
  other("butalbital"),
  other("triamcinolone"),
  other("sumatriptan", ["imitrex"], { selfInjected: true }),
  other("sumatriptan/naproxen", ["treximet"]),
  other("rizatriptan", ["maxalt"]),
  other("zolmitriptan", ["zomig"]),
  other("eletriptan", ["relpax"]),
  other("naratriptan", ["amerge"]),
  other("frovatriptan", ["frova"]),
  other("almotriptan", ["axert"]),
  other("ergotamine/caffeine", ["cafergot"]),
  other("prednisone", ["deltasone"]),
  other("methylprednisolone", ["medrol", "medrol dosepak", "medrol dose pack"]),
  other("dexamethasone", ["decadron"]),
  other("prednisolone"),
  other("hydrocortisone", ["cortef", "cortaid"], { skin: "own" }),
  other("clobetasol", ["temovate"], { skin: "own" }),
  other("cephalexin", ["keflex"], { liquid: true }),
  other("amoxicillin", ["amoxil"], { liquid: true }),
  other("amoxicillin/clavulanate", ["augmentin"], { liquid: true }),
  other("azithromycin", ["zithromax", "z pak", "zpak"], { liquid: true }),
  other("ciprofloxacin", ["cipro"]),
  other("levofloxacin", ["levaquin"]),
  other("doxycycline", ["vibramycin"]),
  other("minocycline", ["minocin"]),
  other("clindamycin", ["cleocin"]),
  other("sulfamethoxazole/trimethoprim", ["bactrim", "septra", "smx tmp"]),
  other("nitrofurantoin", ["macrobid", "macrodantin"]),
  other("cefadroxil"),
  other("cefuroxime", ["ceftin"]),
  other("metronidazole", ["flagyl"]),
  other("mupirocin", ["bactroban"], { skin: "own" }),
  other("silver sulfadiazine", ["silvadene"], { skin: "own" }),
  other("bacitracin", [], { skin: "own" }),
  other("valacyclovir", ["valtrex"]),
  other("acyclovir", ["zovirax"]),
  other("fluconazole", ["diflucan"]),
  other("sildenafil", ["viagra"]),
  other("tadalafil", ["cialis"]),
  other("vardenafil", ["levitra"]),
  other("testosterone", ["androgel", "testim", "axiron", "depo testosterone"], { skin: "own" }),
  other("estradiol", ["estrace"], { skin: "own" }),
  other("modafinil", ["provigil"]),
  other("armodafinil", ["nuvigil"]),
  other("methylphenidate", ["ritalin", "concerta"]),
  other("amphetamine/dextroamphetamine", ["adderall"]),
  other("quetiapine", ["seroquel"]),
  other("aripiprazole", ["abilify"]),
  other("olanzapine", ["zyprexa"]),
  other("risperidone", ["risperdal"]),
  other("ziprasidone", ["geodon"]),
  other("lurasidone", ["latuda"]),
  other("lithium", ["lithobid"]),
  other("donepezil", ["aricept"]),
  other("memantine", ["namenda"]),
  other("lisinopril", ["prinivil", "zestril"]),
  other("amlodipine", ["norvasc"]),
  other("losartan", ["cozaar"]),
  other("metoprolol", ["lopressor", "toprol", "toprol xl"]),
  other("atenolol", ["tenormin"]),
  other("propranolol", ["inderal"]),
  other("hydrochlorothiazide", ["hctz"]),
  other("clonidine", ["catapres", "kapvay"], { skin: "own" }),
  other("metformin", ["glucophage"]),
  other("glipizide", ["glucotrol"]),
  other("insulin", ["lantus", "humalog", "novolog"], { selfInjected: true }),
  other("atorvastatin", ["lipitor"]),
  other("simvastatin", ["zocor"]),
  other("rosuvastatin", ["crestor"]),
  other("pravastatin", ["pravachol"]),
  other("levothyroxine", ["synthroid"]),
  other("warfarin", ["coumadin"]),
  other("rivaroxaban", ["xarelto"]),
  other("apixaban", ["eliquis"]),
  other("dabigatran", ["pradaxa"]),
  other("enoxaparin", ["lovenox"], { selfInjected: true }),
  other("clopidogrel", ["plavix"]),
  other("tamsulosin", ["flomax"]),
  other("oxybutynin", ["ditropan"]),
  other("finasteride", ["proscar", "propecia"]),
  other("cetirizine", ["zyrtec"]),
  other("loratadine", ["claritin"]),
  other("fexofenadine", ["allegra"]),
  other("albuterol", ["proair", "ventolin", "proventil"]),
  other("fluticasone", ["flonase"]),
  other("montelukast", ["singulair"]),
  other("nicotine", ["nicoderm", "nicorette", "nicotrol"], { skin: "own" }),
  other("varenicline", ["chantix"]),
  other("naloxone", ["narcan", "evzio"], { selfInjected: true }),
  other("naltrexone", ["revia", "vivitrol"]),
  other("disulfiram", ["antabuse"]),
  other("acamprosate", ["campral"]),
  other("alendronate", ["fosamax"]),
  other("allopurinol", ["zyloprim"]),
  other("colchicine", ["colcrys"]),
  other("cyanocobalamin", ["vitamin b 12", "b 12"]),
  other("vitamin d", ["cholecalciferol", "ergocalciferol", "vitamin d 3"]),
  other("folic acid"),
  other("calcium"),
  other("magnesium"),
  other("potassium chloride", ["klor con"]),
  other("glucosamine"),
  other("chondroitin"),
  other("glucosamine/chondroitin", ["cosamin", "osteo bi flex"]),
  other("fish oil", ["omega 3"]),
  other("ketamine"),
  other("cannabis", ["marijuana", "medical marijuana", "medical cannabis"]),
  other("cannabidiol", ["cbd", "cbd oil"]),
  other("dronabinol", ["marinol", "syndros"]),
  other("nabilone", ["cesamet"]),
  other("bupivacaine", ["marcaine", "sensorcaine"]),
  other("dextromethorphan"),
  other("amantadine"),
  other("ropinirole", ["requip"]),
  other("pramipexole", ["mirapex"]),
  other("nitroglycerin", [], { skin: "own" }),
];

/**
 * Words that name a kind of drug without naming the drug ("topical compound", "an
 * opioid", "medical food"): the request is a pharmaceutical of that class, its drug null.
 *
 * @example
 * ```ts
 * DRUG_CLASS_WORDS["muscle relaxant"]; // "muscle-relaxant"
 * ```
 */
export const DRUG_CLASS_WORDS: Readonly<Record<string, DrugClass | null>> = {
  opioid: "opioid",
  opiate: "opioid",
  narcotic: "opioid",
  "pain medication": null,
  medication: null,
  medicine: null,
  meds: null,
  prescription: null,
  rx: null,
  pharmacy: null,
  nsaid: "nsaid",
  "anti inflammatory": "nsaid",
  "antiinflammatory": "nsaid",
  "muscle relaxant": "muscle-relaxant",
  "muscle relaxer": "muscle-relaxant",
  antidepressant: "antidepressant",
  "anti depressant": "antidepressant",
  ssri: "antidepressant",
  snri: "antidepressant",
  anticonvulsant: "anticonvulsant",
  "anti convulsant": "anticonvulsant",
  antiepileptic: "anticonvulsant",
  "anti epileptic": "anticonvulsant",
  ppi: "gastrointestinal",
  "proton pump inhibitor": "gastrointestinal",
  "h 2 blocker": "gastrointestinal",
  antiemetic: "gastrointestinal",
  "anti emetic": "gastrointestinal",
  laxative: "gastrointestinal",
  "stool softener": "gastrointestinal",
  "sleep aid": "sleep-aid",
  "sleep medication": "sleep-aid",
  "sleeping pill": "sleep-aid",
  hypnotic: "sleep-aid",
  anxiolytic: "anxiolytic",
  benzodiazepine: "anxiolytic",
  "medical food": "medical-food",
  "topical analgesic": "topical-analgesic",
  compound: "compound",
  compounded: "compound",
  compounding: "compound",
  "cream base": "compound",
  "lipoderm base": "compound",
  "versapro base": "compound",
  antibiotic: "other",
  steroid: "other",
  corticosteroid: "other",
  vitamin: "other",
  supplement: "other",
  antihistamine: "other",
  triptan: "other",
};

/**
 * Forms of a drug. A skin form decides between `topical-analgesic` and `compound` (see
 * {@link Skin}); "suspension" marks an oral suspension, which is a compounding kit
 * unless the drug is sold as a liquid. The other forms only say the request is a drug.
 *
 * @example
 * ```ts
 * DRUG_FORMS.patch; // "skin"
 * ```
 */
export const DRUG_FORMS: Readonly<Record<string, "skin" | "suspension" | "oral">> = {
  cream: "skin",
  gel: "skin",
  ointment: "skin",
  lotion: "skin",
  patch: "skin",
  topical: "skin",
  transdermal: "skin",
  liniment: "skin",
  balm: "skin",
  foam: "skin",
  "roll on": "skin",
  rub: "skin",
  "%": "skin",
  suspension: "suspension",
  tablet: "oral",
  tab: "oral",
  capsule: "oral",
  caplet: "oral",
  syrup: "oral",
  elixir: "oral",
  liquid: "oral",
  solution: "oral",
  mg: "oral",
  mcg: "oral",
  ml: "oral",
  po: "oral",
  film: "oral",
  odt: "oral",
  // Not a surgical "release".
  "extended release": "oral",
  "sustained release": "oral",
  "immediate release": "oral",
  "delayed release": "oral",
  "controlled release": "oral",
};
