import type { Catalogue } from "../model/catalogue";
import { sha256Hex } from "../util/sha256";

/** Stable JSON: object keys sorted, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The catalogue's version: the first 12 hex digits of the SHA-256 of its content. */
export function catalogueVersion(content: Omit<Catalogue, "version">): string {
  return sha256Hex(canonicalJson(content)).slice(0, 12);
}
