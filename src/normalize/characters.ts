import { OffsetMap } from "./offset-map.js";

/** Something the character pass changed that the reader of the result should hear of. */
export interface CharacterRepair {
  kind: "mojibake-dropped" | "control-characters" | "invalid-characters";
  /** Range in the string the pass read. */
  start: number;
  end: number;
  text: string;
}

export interface CharacterPass {
  text: string;
  map: OffsetMap;
  repairs: CharacterRepair[];
  /** Whether anything was decoded: double-encoded text needs another pass. */
  decoded: boolean;
}

// Windows-1252 puts printable characters where Latin-1 has C1 controls; reading UTF-8
// continuation bytes 0x80–0x9F as Windows-1252 gives these.
const CP1252_BYTE = new Map<number, number>();
"€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ".split("").forEach((ch, i) => {
  CP1252_BYTE.set(ch.charCodeAt(0), 0x80 + i);
});

/** The byte a character stood for when UTF-8 was read as Windows-1252 or Latin-1, or -1. */
function byteOf(code: number): number {
  if (code <= 0xff) return code;
  return CP1252_BYTE.get(code) ?? -1;
}

const INVERTED_QUESTION = 0xbf;

// Some converters wrote `¿` for every byte they could not map (0x80–0x9F), so `â¿X`
// is E2 8? X with the middle byte lost. Only `™` (E2 84 A2) is common enough in these
// letters to restore; the rest cannot be told apart (`â¿¿` is any of ’ “ ” – —) and is
// dropped with a warning.
const LOST_MIDDLE_BYTE: Record<string, string> = { "¢": "™" };

const LETTER = /\p{L}/u;

/**
 * Zero-width characters, the byte order mark, and the marks that set the direction of
 * text (text copied from a browser or a word processor has them): they carry no text.
 */
const carriesNoText = (code: number) =>
  (code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfeff || code === 0x061c || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

// Typographic ligatures (U+FB00–U+FB06), which some PDFs' text holds, as their letters.
const LIGATURES = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];
// Full-width forms of ASCII (U+FF01–U+FF5E: "\uff1a" is ":"), from fonts set for East Asian text.
const FULL_WIDTH_OFFSET = 0xfee0;

// Cyrillic and Greek letters drawn like Latin ones ("\u0415" is "E"), which OCR trained on
// several scripts, or a hostile hand, puts into English words ("Uph\u0435ld"). Inside a word
// that also has Latin letters they are those letters; a word of these scripts alone is
// kept. Greek small letters other than omicron are left out: "TNF\u03b1" means alpha.
const LOOK_ALIKES = new Map<number, string>();
for (const [from, to] of [
  ["\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0423\u0425\u0405\u0406\u0408", "ABEKMHOPCTYXSIJ"],
  ["\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u04bb\u0501", "aeopcyxsijhd"],
  ["\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf", "ABEZHIKMNOPTYXo"],
] as const) {
  for (let k = 0; k < from.length; k++) LOOK_ALIKES.set(from.charCodeAt(k), to[k]!);
}
const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

// Characters the pass has to look at; everything else is copied as it is.
const SPECIAL = /[^\x20-\x7e\n]/g;

/**
 * One pass over the text: repairs mojibake, turns every kind of line break but the form
 * feed into `\n`, every kind of space into ` `, drops control, zero-width and direction characters,
 * turns a soft hyphen into the hyphen a line ends with, or nothing mid-line, and ligatures
 * and full-width forms into their ASCII letters and signs, and Cyrillic or Greek look-alikes
 * inside a Latin word into the Latin letters they stand for. Linear:
 * each special character looks at most three characters ahead.
 */
export function repairCharacters(input: string): CharacterPass {
  const map = new OffsetMap();
  const repairs: CharacterRepair[] = [];
  const parts: string[] = [];
  let decoded = false;
  let copiedFrom = 0;
  const n = input.length;
  SPECIAL.lastIndex = 0;

  const flush = (to: number) => {
    if (to > copiedFrom) {
      parts.push(input.slice(copiedFrom, to));
      map.copy(copiedFrom, to - copiedFrom);
    }
  };
  const emit = (text: string, from: number, to: number) => {
    flush(from);
    if (text) {
      parts.push(text);
      map.replace(from, to, text.length);
    }
    copiedFrom = to;
  };
  const note = (kind: CharacterRepair["kind"], from: number, to: number) => {
    const last = repairs[repairs.length - 1];
    if (last && last.kind === kind && last.end === from) {
      last.end = to;
      last.text += input.slice(from, to);
    } else {
      repairs.push({ kind, start: from, end: to, text: input.slice(from, to) });
    }
  };

  // The run of letters a look-alike stands in, and whether it has a Latin letter: looked
  // at once per run, however many look-alikes it holds (linear).
  let runEnd = -1;
  let runIsLatin = false;
  const isLetterAt = (k: number) => isAsciiLetter(input.charCodeAt(k)) || LETTER.test(input[k]!);

  let m: RegExpExecArray | null;
  while ((m = SPECIAL.exec(input)) !== null) {
    const i = m.index;
    if (i < copiedFrom) {
      SPECIAL.lastIndex = copiedFrom;
      continue;
    }
    const code = input.charCodeAt(i);

    // Line breaks: CRLF, CR, vertical tab, Unicode separators. A form feed (a page break)
    // stays, for the line pass, which knows pages.
    if (code === 0x0c) {
      continue;
    } else if (code === 0x0d) {
      const to = input.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      emit("\n", i, to);
    } else if (code === 0x0b || code === 0x2028 || code === 0x2029) {
      emit("\n", i, i + 1);
    } else if (code === 0x09 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) {
      emit(" ", i, i + 1);
    } else if (carriesNoText(code)) {
      emit("", i, i + 1);
    } else if (LOOK_ALIKES.has(code)) {
      if (i >= runEnd) {
        let start = i;
        while (start > 0 && isLetterAt(start - 1)) start--;
        runEnd = i + 1;
        while (runEnd < n && isLetterAt(runEnd)) runEnd++;
        runIsLatin = false;
        for (let k = start; k < runEnd && !runIsLatin; k++) runIsLatin = isAsciiLetter(input.charCodeAt(k));
      }
      if (runIsLatin) emit(LOOK_ALIKES.get(code)!, i, i + 1);
    } else if (code >= 0xfb00 && code <= 0xfb06) {
      emit(LIGATURES[code - 0xfb00]!, i, i + 1);
    } else if (code >= 0xff01 && code <= 0xff5e) {
      emit(String.fromCharCode(code - FULL_WIDTH_OFFSET), i, i + 1);
    } else if (code === 0xad) {
      // A soft hyphen is printed only where a line breaks at it, inside a word: there it is
      // the hyphen the line ends with (as PDFium's own marker is), elsewhere nothing ("Up\u00adheld").
      const next = input.charCodeAt(i + 1);
      const endsLine = next === 0x0a || next === 0x0d || next === 0x0c;
      emit(endsLine && LETTER.test(input[i - 1] ?? "") ? "-" : "", i, i + 1);
    } else if (code >= 0xc2 && code <= 0xf4) {
      const length = code < 0xe0 ? 2 : code < 0xf0 ? 3 : 4;
      const lostMiddle = code === 0xe2 && input.charCodeAt(i + 1) === INVERTED_QUESTION;
      if (lostMiddle && i + 2 < n && byteOf(input.charCodeAt(i + 2)) >= 0x80 && byteOf(input.charCodeAt(i + 2)) <= 0xbf) {
        const restored = LOST_MIDDLE_BYTE[input[i + 2]!];
        if (restored) emit(restored, i, i + 3);
        else {
          emit("", i, i + 3);
          note("mojibake-dropped", i, i + 3);
        }
        decoded = true;
      } else {
        const ch = decodeUtf8(input, i, length);
        if (ch) {
          emit(ch, i, i + length);
          decoded = true;
        }
        // Otherwise a real Latin-1 letter: copied as it is.
      }
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      emit("", i, i + 1);
      note("control-characters", i, i + 1);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const pair = code <= 0xdbff && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        SPECIAL.lastIndex = i + 2;
        continue;
      }
      emit("\ufffd", i, i + 1);
      note("invalid-characters", i, i + 1);
    }
    if (SPECIAL.lastIndex < copiedFrom) SPECIAL.lastIndex = copiedFrom;
  }
  flush(n);
  copiedFrom = n;
  return { text: parts.length === 1 ? parts[0]! : parts.join(""), map, repairs, decoded };
}

/** The character a UTF-8 sequence read as single bytes stood for, or null if it is not one. */
function decodeUtf8(input: string, at: number, length: number): string | null {
  if (at + length > input.length) return null;
  const b0 = input.charCodeAt(at);
  let cp = length === 2 ? b0 & 0x1f : length === 3 ? b0 & 0x0f : b0 & 0x07;
  for (let k = 1; k < length; k++) {
    const b = byteOf(input.charCodeAt(at + k));
    if (b < 0x80 || b > 0xbf) return null;
    cp = (cp << 6) | (b & 0x3f);
  }
  // Reject overlong forms, surrogates and values past Unicode.
  if ((length === 3 && cp < 0x800) || (length === 4 && (cp < 0x10000 || cp > 0x10ffff))) return null;
  if (cp >= 0xd800 && cp <= 0xdfff) return null;
  return String.fromCodePoint(cp);
}
