/**
 * What kind of spreadsheet a file is, judged by its content: offices rename files freely (an .xls
 * saved as "….xlsx", an .et sent as ".xls"), so the name is only a hint, and only for plain text.
 */
import { ZipPackage } from "../package/zip";
import { CompoundFile, hasOleMagic } from "./cfb";
import { biffEncrypted } from "./xls";

export type FileFormat = "xlsx" | "xls" | "ods" | "csv" | "encrypted" | "unknown";

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
const TEXT_NAME = /\.(csv|txt|tsv)$/i;
/** A bare BIFF5/BIFF8 stream (BOF 0x0809) or an Excel 2.x–4.x file (BOF 0x0009/0x0209/0x0409). */
const BIFF_BOF = [0x00, 0x02, 0x04, 0x08];

export function detectFormat(bytes: Uint8Array, fileName?: string): FileFormat {
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  ) {
    return zipFormat(bytes);
  }
  if (hasOleMagic(bytes)) return oleFormat(bytes);
  if (bytes.length >= 8 && BIFF_BOF.includes(bytes[1]) && bytes[0] === 0x09 && bytes[3] === 0x00)
    return "xls";
  if (fileName && TEXT_NAME.test(fileName)) return "csv";
  // A web page or an XML spreadsheet named .xls (as some systems export) is no table of text.
  if (looksLikeMarkup(bytes)) return "unknown";
  return looksLikeText(bytes) ? "csv" : "unknown";
}

/** A zip package is an .xlsx with [Content_Types].xml, an .ods with its mimetype part. */
function zipFormat(bytes: Uint8Array): FileFormat {
  let pkg: ZipPackage;
  try {
    pkg = ZipPackage.read(bytes);
  } catch {
    // A damaged zip is most likely a damaged .xlsx: its reader says what is wrong with it.
    return "xlsx";
  }
  let mime = "";
  try {
    mime = pkg.text("mimetype") ?? "";
  } catch {
    mime = ""; // a damaged mimetype part: judged by the other parts
  }
  // The template variant (…spreadsheet-template) holds a spreadsheet just the same.
  if (mime.trim().startsWith(ODS_MIME)) return "ods";
  if (pkg.has("[Content_Types].xml")) return "xlsx";
  if (pkg.has("content.xml")) return "ods";
  return "unknown";
}

/**
 * An OLE file is an encrypted .xlsx (EncryptedPackage), an .xls/.et (Workbook or Book stream, its
 * globals checked for FILEPASS), or something else (a Word document). A damaged one is called
 * 'xls', so that reading it says what is damaged.
 */
function oleFormat(bytes: Uint8Array): FileFormat {
  let cf: CompoundFile;
  try {
    cf = CompoundFile.read(bytes);
  } catch {
    return "xls";
  }
  if (cf.has("EncryptedPackage")) return "encrypted";
  let stream: Uint8Array | undefined;
  try {
    stream = cf.stream("Workbook") ?? cf.stream("Book");
  } catch {
    return "xls";
  }
  if (!stream) return "unknown";
  return biffEncrypted(stream) ? "encrypted" : "xls";
}

/** Text in UTF-8, UTF-16 (with BOM) or a legacy Chinese encoding: no NUL and no other C0 controls. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return true;
  const n = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

/** Text that starts with '<' (after a BOM and blanks): HTML or XML. */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x3c;
}
