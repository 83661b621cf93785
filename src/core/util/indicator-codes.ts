/**
 * The order of indicator codes, wherever codes are listed or sorted: the fingerprint of a sheet,
 * the completeness table, the pane's findings grouped by indicator.
 */

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The end of the run of digits that starts at i. */
function digitsEnd(text: string, i: number): number {
  while (i < text.length && isDigit(text, i)) i++;
  return i;
}

/** Two runs of digits as the numbers they write (any length, leading zeros ignored). */
function compareDigitRuns(a: string, i: number, ea: number, b: string, j: number, eb: number) {
  while (i < ea - 1 && a[i] === "0") i++;
  while (j < eb - 1 && b[j] === "0") j++;
  if (ea - i !== eb - j) return ea - i - (eb - j);
  for (; i < ea; i++, j++) if (a[i] !== b[j]) return a.charCodeAt(i) - b.charCodeAt(j);
  return 0;
}

/** The order in which a person reads codes: numbers as numbers, letters without regard to case. */
function compareAsRead(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a, i);
    const db = isDigit(b, j);
    if (da && db) {
      const ea = digitsEnd(a, i);
      const eb = digitsEnd(b, j);
      const byNumber = compareDigitRuns(a, i, ea, b, j, eb);
      if (byNumber) return byNumber;
      i = ea;
      j = eb;
    } else if (da !== db) {
      // A number before anything else, as "A1" comes before "AB".
      return da ? -1 : 1;
    } else {
      const ca = a[i].toUpperCase();
      const cb = b[j].toUpperCase();
      if (ca !== cb) return ca < cb ? -1 : 1;
      i++;
      j++;
    }
  }
  // One code is the start of the other: the shorter first (A1 before A1a).
  return a.length - i - (b.length - j);
}

/**
 * "A1" < "A1a" < "A2" < "C9b" < "C10", and "1.2" < "1.10": each run of digits is compared as the
 * number it writes, as a person reads a section number, and letters without regard to case.
 * Codes that read the same (A01 and A1, a1 and A1) are ordered by their characters' codes, never
 * by a locale: the order is total, and a fingerprint sorted with it is the same on every machine.
 */
export function compareIndicatorCodes(a: string, b: string): number {
  return compareAsRead(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
