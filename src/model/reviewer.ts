/**
 * The expert reviewer's credentials: from the "State(s) of Licensure:" and
 * "Certification(s)/Specialty:" lines, or in older letters from the sentence "The
 * expert reviewer is Board Certified in X [has a subspecialty in Y] and is licensed to
 * practice in Z."
 */
import type { BoardCertificationNode, ReviewerCredentialsNode } from "../ast/nodes.js";
import { splitText, wholePiece, type Piece } from "./text.js";

export interface ReviewerReading {
  licensure: Piece[];
  specialties: Piece[];
}

// Lists are comma-separated ("Texas,New York,California"); specialty names never hold a comma.
const COMMA = /,/;
// In the older sentence states may also be joined by "and".
const STATES_IN_SENTENCE = /,|[ \n]and[ \n]/;
const SENTENCE_END = /\.(?=[ \n]|$)/;

export function readCredentialLines(node: ReviewerCredentialsNode): ReviewerReading {
  const licensure: Piece[] = [];
  const specialties: Piece[] = [];
  for (const credential of node.credentials) {
    if (credential.value === null) continue;
    const { value, normalized } = credential.value;
    (credential.kind === "licensure" ? licensure : specialties).push(...splitText(value, normalized.start, COMMA));
  }
  return { licensure, specialties };
}

export function readBoardCertification(node: BoardCertificationNode): ReviewerReading {
  const specialties: Piece[] = [];
  for (const part of [node.boardCertifiedIn, node.subspecialty]) if (part) specialties.push(wholePiece(part));
  let licensure: Piece[] = [];
  if (node.licensedIn) {
    // The states end the sentence; the rest of the boilerplate follows them.
    const { value, normalized } = node.licensedIn;
    const end = SENTENCE_END.exec(value)?.index ?? value.length;
    licensure = splitText(value.slice(0, end), normalized.start, STATES_IN_SENTENCE);
  }
  return { licensure, specialties };
}
