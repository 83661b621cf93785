#!/usr/bin/env bash
# Runs the demo (npm run demo: samples/ into out/) and prints every analysed and consolidated
# workbook with LibreOffice, another program than the one that wrote it (docs/charts.md): each
# product sheet with charts prints its table, then each chart on a page of its own (its print
# area). The pages are saved as PNG to look at; the script checks that every chart page was drawn
# and that the PDF holds the charts' Chinese titles.
# Not part of `npm test`: it needs system packages.
#
# usage: bash scripts/render-charts.sh [FOLDER]
#   FOLDER  where the PDFs and pages go (default out/charts-libreoffice)
# Needs soffice with Calc (Debian: libreoffice-calc-nogui), poppler-utils (pdftotext, pdftoppm)
# and a Chinese font (Debian: fonts-noto-cjk).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/charts-libreoffice}"
for tool in soffice pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool not found (LibreOffice with Calc, poppler-utils)" >&2; exit 2; }
done
rm -rf "$OUT"
mkdir -p "$OUT"

echo "== npm run demo"
node bin/indicator-tracker.js demo samples --out out >/dev/null || { echo "the demo failed" >&2; exit 1; }

PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
failed=0
check() { # DESCRIPTION COMMAND…
  local what="$1"
  shift
  if "$@"; then echo "  ok   $what"; else echo "  FAIL $what"; failed=$((failed + 1)); fi
}
for book in out/*.xlsx; do
  name="$(basename "${book%.xlsx}")"
  echo "== $book"
  timeout 300 soffice "-env:UserInstallation=file://$PROFILE" --headless --convert-to pdf --outdir "$OUT" "$book" >"$OUT/$name.log" 2>&1
  pdf="$OUT/$name.pdf"
  if [ ! -s "$pdf" ]; then
    echo "  FAIL LibreOffice did not convert it (see $OUT/$name.log)"
    failed=$((failed + 1))
    continue
  fi
  pdftotext "$pdf" - | tr -d ' \t' >"$OUT/$name.txt"
  if [[ "$name" == *汇总 ]]; then titles=(各类别指标状态分布 各指标推进进度与序时进度 各单位得分排名 各类单位报送情况)
  else titles=(各类别指标状态分布 各指标推进进度与序时进度); fi
  for t in "${titles[@]}"; do check "chart title: $t" grep -q "$t" "$OUT/$name.txt"; done
  mkdir -p "$OUT/$name"
  pdftoppm -r 80 -png "$pdf" "$OUT/$name/page"
  echo "  $(ls "$OUT/$name" | wc -l) pages as PNG in $OUT/$name"
done
echo
if [ "$failed" = 0 ]; then echo "charts printed by LibreOffice: all checks passed"; else echo "charts printed by LibreOffice: $failed checks failed"; fi
[ "$failed" = 0 ]
