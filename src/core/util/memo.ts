/**
 * Remembering the result of a pure text function. Reading a big workbook normalises the same
 * texts (indicator names, units, header labels) thousands of times; a bounded table keeps that
 * cheap without letting unusual input grow memory: when full, it starts over.
 */
export function memoText<T>(fn: (text: string) => T, limit = 20000): (text: string) => T {
  const memo = new Map<string, T>();
  // The text asked last is asked again most often (the same unit or date row after row): checked first.
  let lastText: string | undefined;
  let lastValue: T | undefined;
  return (text: string): T => {
    if (text === lastText) return lastValue as T;
    let value = memo.get(text);
    if (value === undefined && !memo.has(text)) {
      value = fn(text);
      if (memo.size >= limit) memo.clear();
      memo.set(text, value);
    }
    lastText = text;
    lastValue = value;
    return value as T;
  };
}
