/** The pane's language, shared with every component through React context. */
import { createContext, useContext } from "react";
import type { Lang, StringKey } from "./strings";
import { translate } from "./strings";

export interface Strings {
  lang: Lang;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
}

export function stringsFor(lang: Lang): Strings {
  return { lang, t: (key, vars) => translate(lang, key, vars) };
}

export const StringsContext = createContext<Strings>(stringsFor("zh"));

export function useStrings(): Strings {
  return useContext(StringsContext);
}
