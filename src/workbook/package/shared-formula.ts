/**
 * The text of a cell that only refers to a shared formula (`<f t="shared" si="0"/>`): its master's
 * formula with the relative references moved by the distance between the two cells, as ExcelJS
 * gives it (lib/utils/shared-formula.js), with one change: text inside string literals ("Q3") and
 * quoted sheet names ('Q3 data'!A1) is left alone, where ExcelJS would move "Q3" to "Q4".
 */
import { columnLetters } from "../../core/model/cells";

// ExcelJS's two patterns: a candidate token (maybe sheet-qualified, maybe a function name) and a cell reference.
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function slideRefs(text: string, dRow: number, dCol: number): string {
  return text.replace(
    CANDIDATE,
    (
      match: string,
      sheet: string | undefined,
      _name: string,
      addr: string,
      paren: string | undefined
    ) => {
      if (paren) return match; // a function name such as LOG10(
      const ref = CELL_REF.exec(addr);
      if (!ref) return match;
      const letters = ref[2].toUpperCase();
      // Past XFD it is a name, not a column.
      if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match;
      const col = lettersToColumn(letters) + (ref[1] ? 0 : dCol);
      const row = parseInt(ref[4], 10) + (ref[3] ? 0 : dRow);
      return `${sheet ?? ""}${ref[1] ?? ""}${columnLetters(col)}${ref[3] ?? ""}${row}`;
    }
  );
}

/** The master's formula as it reads at (toRow, toCol); rows and columns 0-based. */
export function slideFormula(
  formula: string,
  fromRow: number,
  fromCol: number,
  toRow: number,
  toCol: number
): string {
  const dRow = toRow - fromRow;
  const dCol = toCol - fromCol;
  let out = "";
  let from = 0;
  for (let i = 0; i < formula.length; i++) {
    const quote = formula[i];
    if (quote !== '"' && quote !== "'") continue;
    out += slideRefs(formula.slice(from, i), dRow, dCol);
    // A quote inside is written twice.
    let j = i + 1;
    for (;;) {
      j = formula.indexOf(quote, j);
      if (j < 0) j = formula.length;
      else if (formula[j + 1] === quote) {
        j += 2;
        continue;
      }
      break;
    }
    out += formula.slice(i, j + 1);
    i = j;
    from = j + 1;
  }
  return out + slideRefs(formula.slice(from), dRow, dCol);
}
