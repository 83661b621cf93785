/**
 * Opening a workbook package from bytes, with one clear bilingual sentence for everything that
 * makes it unusable: an empty file, an encrypted or legacy file under an .xlsx name, a damaged
 * zip, a package without a workbook or without a worksheet.
 */
import type { Message } from "../../core/i18n/messages";
import { NOT_A_WORKBOOK, cannotReadWorkbook } from "../../core/i18n/file-messages";
import { PackageError, ZipPackage } from "./zip";
import { listSheets, workbookPart } from "./structure";

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** True when the bytes hold the ASCII `text` in UTF-16LE, as OLE files name their streams. */
export function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i + 2 * text.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let k = 0; k < text.length; k++) {
      if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** One-line, bilingual error for bytes that are not a usable workbook package. */
export function notXlsx(reason: Message, detail?: string): Error {
  return new Error(cannotReadWorkbook(reason, detail?.replace(/\s+/g, " ").trim()));
}

/** Refuses, with its one sentence, bytes that cannot be a zip package: empty, an OLE file, anything else. */
export function refuseNonPackage(bytes: Uint8Array): void {
  if (bytes.length === 0) throw notXlsx(NOT_A_WORKBOOK.empty);
  if (startsWith(bytes, OLE_MAGIC)) {
    // Excel saves a workbook with an opening password as an OLE file holding an "EncryptedPackage".
    if (holdsUtf16(bytes, "EncryptedPackage")) {
      throw notXlsx(NOT_A_WORKBOOK.encrypted);
    }
    throw notXlsx(NOT_A_WORKBOOK.legacyOrEncrypted);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw notXlsx(NOT_A_WORKBOOK.notXlsx);
}

export function openPackage(bytes: Uint8Array): ZipPackage {
  refuseNonPackage(bytes);
  let pkg: ZipPackage;
  try {
    pkg = ZipPackage.read(bytes);
    if (!pkg.has("[Content_Types].xml") && !pkg.names().some((n) => n.endsWith(".rels"))) {
      throw notXlsx(NOT_A_WORKBOOK.zipWithoutWorkbook);
    }
    const sheets = listSheets(pkg, workbookPart(pkg));
    if (!pkg.has("[Content_Types].xml"))
      throw new PackageError("the package has no [Content_Types].xml");
    const lost = sheets.find((s) => s.kind === "worksheet" && !s.part);
    if (lost)
      throw new PackageError(
        `sheet '${lost.name}' is missing from the package: its relationship names a part that is not there`
      );
    if (!sheets.some((s) => s.kind === "worksheet" && s.part)) {
      throw notXlsx(NOT_A_WORKBOOK.noWorksheet);
    }
  } catch (e) {
    if (e instanceof PackageError) throw notXlsx(NOT_A_WORKBOOK.damaged, e.message);
    throw e;
  }
  return pkg;
}
