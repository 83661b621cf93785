#!/usr/bin/env bash
# Writes the sample quarter's bulletin (indicator-tracker report samples/2022Q3) and opens it in
# LibreOffice, another program than the one that wrote it (docs/bulletin.md): it must convert to
# PDF on A4 pages, every section's heading, table and figure caption must be in the PDF's text,
# and nothing may be drawn outside the 版心's margins. The pages are saved as PNG to look at.
# Not part of `npm test`: it needs system packages.
#
# usage: bash scripts/check-bulletin-libreoffice.sh [FOLDER] [--readme]
#   FOLDER    where the .docx, the PDF and the pages go (default out/bulletin-libreoffice)
#   --readme  also refreshes docs/bulletin-page1.png, the README's picture of the first page
# Needs soffice with Writer (Debian: libreoffice-writer-nogui) and poppler-utils (pdfinfo,
# pdftotext, pdffonts, pdftoppm).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="out/bulletin-libreoffice"
README=0
for arg in "$@"; do
  case "$arg" in
    --readme) README=1 ;;
    *) OUT="$arg" ;;
  esac
done
for tool in soffice pdfinfo pdftotext pdffonts pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool not found (LibreOffice with Writer, poppler-utils)" >&2; exit 2; }
done
rm -rf "$OUT"
mkdir -p "$OUT/png"
DOCX="$OUT/bulletin-2022Q3.docx"
PDF="$OUT/bulletin-2022Q3.pdf"

echo "== writing the bulletin of samples/2022Q3"
# Exit status 1 says the units' sheets have error findings, which the bulletin reports.
node bin/indicator-tracker.js report samples/2022Q3 --out "$DOCX" --date 2022-10-20
[ -s "$DOCX" ] || { echo "no bulletin written" >&2; exit 1; }

# A profile of its own: a LibreOffice already running, or a first-start dialog, cannot get in the way.
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
echo "== converting with $(soffice --version 2>/dev/null | head -1)"
timeout 300 soffice "-env:UserInstallation=file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$DOCX" >"$OUT/soffice.log" 2>&1
if [ ! -s "$PDF" ]; then
  echo "LibreOffice did not convert the document (see $OUT/soffice.log; is Writer installed? Debian: libreoffice-writer-nogui)" >&2
  exit 1
fi

failed=0
check() { # DESCRIPTION COMMAND…
  local what="$1"
  shift
  if "$@"; then echo "  ok   $what"; else echo "  FAIL $what"; failed=$((failed + 1)); fi
}
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$PDF" | awk -F': *' '/^Page size:/ {print $2}')
echo "== $pages pages, $size"
check "A4 pages (595 × 842 pt)" grep -q '^595\.[0-9]* x 841\.[0-9]* pts' <<<"$size"
pdftotext -layout "$PDF" "$OUT/text.txt"
# The PDF's text with the spaces LibreOffice puts between characters taken out.
tr -d ' \t' <"$OUT/text.txt" >"$OUT/text-packed.txt"
for want in 建设指标监测通报 （2022年第三季度） 一、总体情况 二、分类情况 三、滞后指标督导清单 四、填报和考核情况 五、尚待解决的数据问题 \
  表1 表9 表10 表11 图1 图2 全市综合得分66.5分; do
  check "text: $want" grep -q "$want" "$OUT/text-packed.txt"
done
check "page numbers — 1 — to — $pages —" grep -q "—${pages}—" "$OUT/text-packed.txt"
echo "== fonts LibreOffice used (the named ones where installed, else its substitutes)"
pdffonts "$PDF" | tail -n +3 | awk '{print "  " $1}' | sed 's/^  [A-Z]\{6\}+/  /' | sort -u
pdftoppm -r 80 -png "$PDF" "$OUT/png/page"
echo "== pages as PNG in $OUT/png: nothing outside the margins of the 版心"
node bin/run-ts.js scripts/check-bulletin-pages.ts "$OUT/png" || failed=$((failed + 1))
if [ "$README" = 1 ]; then
  pdftoppm -r 100 -png -f 1 -l 1 -singlefile "$PDF" docs/bulletin-page1
  echo "== docs/bulletin-page1.png refreshed"
fi
echo
if [ "$failed" = 0 ]; then echo "bulletin checked in LibreOffice: all checks passed"; else echo "bulletin checked in LibreOffice: $failed checks failed"; fi
[ "$failed" = 0 ]
