#!/usr/bin/env bash
# Opens every rich workbook (test/helpers/rich-package.ts) and what the command line wrote from it
# in LibreOffice: each must convert to PDF and back to .xlsx, and LibreOffice must find as many
# charts, pictures, pivot tables and notes in the output as in the input — a check by another
# program than our own comparePackages. Not part of `npm test`: it needs soffice.
#
# usage: bash scripts/check-lossless-libreoffice.sh [FOLDER]   (default out/lossless-libreoffice)
# Needs soffice and unzip; pdftoppm and pdfinfo (poppler-utils) are used when present.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/lossless-libreoffice}"
WB="$OUT/workbooks"

if ! command -v soffice >/dev/null; then
  echo "soffice (LibreOffice) not found" >&2
  exit 2
fi
rm -rf "$OUT"
mkdir -p "$WB" "$OUT/pdf" "$OUT/xlsx" "$OUT/png"

echo "== writing the workbooks and the command line's outputs"
node bin/run-ts.js scripts/write-lossless-workbooks.ts "$WB"
echo

# A profile of its own: a LibreOffice already running, or a first-start dialog, cannot get in the way.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
convert() { # FORMAT FOLDER FILES… — one soffice for all files: starting it is most of the cost
  local fmt="$1" dest="$2"
  shift 2
  timeout 900 soffice "-env:UserInstallation=file://$PROFILE" --headless --convert-to "$fmt" --outdir "$dest" "$@" >>"$OUT/soffice.log" 2>&1
}
mapfile -t FILES < <(ls "$WB"/*.xls[xm] | sort)
echo "== converting ${#FILES[@]} workbooks with $(soffice --version 2>/dev/null | head -1)"
convert pdf "$OUT/pdf" "${FILES[@]}"
convert 'xlsx:Calc MS Excel 2007 XML' "$OUT/xlsx" "${FILES[@]}"

# What LibreOffice kept, counted in the .xlsx it saved: charts, pictures, pivot tables, notes.
kept() {
  local list
  list="$(unzip -Z1 "$1" 2>/dev/null)"
  printf 'charts %s pictures %s pivots %s notes %s' \
    "$(grep -c '^xl/charts/chart[0-9]*\.xml$' <<<"$list")" "$(grep -c '^xl/media/' <<<"$list")" \
    "$(grep -c '^xl/pivotTables/pivotTable[0-9]*\.xml$' <<<"$list")" \
    "$(unzip -p "$1" 'xl/comments*.xml' 2>/dev/null | grep -o '<comment ' | wc -l)"
}

echo
printf '%-32s %-5s %-6s %-9s %s\n' FILE PDF PAGES XLSX 'LibreOffice kept (from its .xlsx)'
failed=0
for f in "${FILES[@]}"; do
  stem="$(basename "${f%.*}")"
  pdf="$OUT/pdf/$stem.pdf" xlsx="$OUT/xlsx/$stem.xlsx"
  pages='-'
  [ -s "$pdf" ] && command -v pdfinfo >/dev/null && pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  pdf_ok=no xlsx_ok=no
  [ -s "$pdf" ] && pdf_ok=ok
  [ -s "$xlsx" ] && xlsx_ok=ok
  [ "$pdf_ok" = ok ] && [ "$xlsx_ok" = ok ] || failed=1
  printf '%-32s %-5s %-6s %-9s %s\n' "$stem" "$pdf_ok" "$pages" "$xlsx_ok" "$([ "$xlsx_ok" = ok ] && kept "$xlsx")"
  if [ "$pdf_ok" = ok ] && command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$pdf" "$OUT/png/$stem"
  fi
done

# An output must keep what LibreOffice found in its input.
echo
mismatch=0
for f in "$OUT"/xlsx/*.analysed.xlsx "$OUT"/xlsx/*.approved.xlsx; do
  [ -s "$f" ] || continue
  stem="$(basename "$f" .xlsx)"
  input="$OUT/xlsx/${stem%.*}.xlsx"
  [ "${stem##*.}" = approved ] && continue # the approved file comes from the clean sample: no input of its own here
  [ -s "$input" ] || continue
  a="$(kept "$input")" b="$(kept "$f")"
  # Notes: the output adds the product's own notes, so only the other counts must match.
  if [ "${a% notes*}" != "${b% notes*}" ]; then
    echo "LOST in $stem: input $a / output $b"
    mismatch=1
  fi
done
[ "$mismatch" = 0 ] && echo "every analysed output keeps the charts, pictures and pivot tables LibreOffice saw in its input"

echo
echo "PDFs in $OUT/pdf, LibreOffice's .xlsx in $OUT/xlsx, first pages in $OUT/png; soffice's log in $OUT/soffice.log"
[ "$failed" = 0 ] && [ "$mismatch" = 0 ]
