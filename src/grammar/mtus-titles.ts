/**
 * The MTUS guideline titles the guideline grammar knows, in one place.
 *
 * California's Medical Treatment Utilization Schedule (MTUS, 8 CCR §9792.20 ff.) adopted
 * the ACOEM Practice Guidelines' chapters in 2004 (and the Elbow chapter in 2007) and
 * added its own guidelines for acupuncture (2007), chronic pain (2009, revised 2016),
 * postsurgical treatment (2009) and opioids (2016). From 2017 it adopted later ACOEM
 * chapters under their own names. IMR letters name them as "Decision based on MTUS
 * <title> <year>"; older letters add "Guidelines" or an "ACOEM Chapter N" prefix
 * (matched by the grammar, not listed here).
 *
 * Knowing the titles is what lets the grammar read "Forearm, Wrist, and Hand Complaints
 * 2004" as one guideline and ", and Chronic Pain Medical Treatment 2016" as the start of
 * the next. A title that is not here still parses (its words up to the year), with an
 * `unknown-mtus-guideline` warning; add it here when a letter shows a new one.
 *
 * @example
 * ```ts
 * import { MTUS_TITLES } from "imr-determination";
 * MTUS_TITLES.includes("Forearm, Wrist, and Hand Complaints"); // true
 * ```
 */
export const MTUS_TITLES: readonly string[] = [
  // ACOEM Practice Guidelines, 2nd edition, as adopted in 2004 (Elbow in 2007)
  "Prevention",
  "General Approaches",
  "General Approach to Initial Assessment and Documentation",
  "Initial Approaches to Treatment",
  "Work-Relatedness",
  "Cornerstones of Disability Prevention and Management",
  "Pain, Suffering, and the Restoration of Function",
  "Independent Medical Examinations and Consultations",
  "Neck and Upper Back Complaints",
  "Shoulder Complaints",
  "Elbow Complaints",
  "Elbow Disorders",
  "Forearm, Wrist, and Hand Complaints",
  "Low Back Complaints",
  "Knee Complaints",
  "Ankle and Foot Complaints",
  "Stress-Related Conditions",
  // MTUS guidelines of its own
  "Acupuncture Treatment",
  "Acupuncture Treatment Guidelines",
  "Acupuncture Medical Treatment Guidelines",
  "Chronic Pain Medical Treatment",
  "Chronic Pain Medical Treatment Guidelines",
  "Chronic Pain Treatment Guidelines",
  "Postsurgical Treatment",
  "Postsurgical Treatment Guidelines",
  "Opioid Treatment",
  "Opioids Treatment Guidelines",
  // ACOEM chapters adopted from 2017
  "Cervical and Thoracic Spine Disorders",
  "Shoulder Disorders",
  "Hand, Wrist, and Forearm Disorders",
  "Low Back Disorders",
  "Knee Disorders",
  "Ankle and Foot Disorders",
  "Hip and Groin Disorders",
  "Chronic Pain",
  "Opioids",
  "Eye Disorders",
  "Occupational Interstitial Lung Disease",
  "Traumatic Brain Injury",
  "Workplace Mental Health",
];
