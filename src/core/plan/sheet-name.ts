/** Sheet names Excel accepts, and a free one next to the names a workbook already has. */

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts: the characters : \ / ? * [ ] replaced, no apostrophe at either end,
 * at most 31 characters; "Sheet" when nothing is left.
 */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  const cut = Array.from(cleaned).slice(0, MAX_SHEET_NAME).join("").trim();
  return cut || "Sheet";
}

/**
 * `name` when no sheet has it (Excel compares names without regard to case), else the first of
 * "name (2)", "name (3)" … that is free, shortening the base so the whole stays within 31 characters.
 */
export function freeSheetName(name: string, existing: Iterable<string>): string {
  const taken = new Set(Array.from(existing, (n) => n.toLowerCase()));
  const base = safeSheetName(name);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const head = Array.from(base)
      .slice(0, MAX_SHEET_NAME - suffix.length)
      .join("")
      .trimEnd();
    const candidate = `${head}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
