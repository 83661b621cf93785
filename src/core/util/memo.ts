/**
 * Remembering the result of a pure text function. Reading a big workbook normalises the same
 * texts (indicator names, units, header labels) thousands of times; a bounded table keeps that
 * cheap without letting unusual input grow memory: when full, it starts over.
 */
export function memoText<T>(fn: (text: string) => T, limit = 20000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text: string): T => {
    const known = memo.get(text);
    if (known !== undefined || memo.has(text)) return known as T;
    const value = fn(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, value);
    return value;
  };
}
