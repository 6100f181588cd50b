/**
 * Where a reviewer can be licensed: the U.S. states, the District of Columbia and the
 * territories, by name or postal abbreviation.
 */
const NAMES = [
  "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
  "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
  "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
  "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
  "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
  "West Virginia", "Wisconsin", "Wyoming", "District of Columbia", "Washington DC", "Washington D.C.", "Puerto Rico",
  "Guam", "U.S. Virgin Islands", "Virgin Islands", "American Samoa", "Northern Mariana Islands",
];
const ABBREVIATIONS = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
  "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
  "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
];

const KNOWN = new Set([...NAMES.map((n) => n.toLowerCase()), ...ABBREVIATIONS.map((a) => a.toLowerCase())]);

/** Whether `name` names a U.S. state or territory ("North Carolina", "NC"); case does not matter. */
export function isStateName(name: string): boolean {
  return KNOWN.has(name.trim().toLowerCase());
}
