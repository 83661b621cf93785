#!/usr/bin/env bash
# Makes the fixtures of test/workbook/formats.test.ts in test/fixtures/formats/: the same content
# as a few samples/*.xlsx, converted by LibreOffice to .xls (BIFF8), .ods and .csv, plus a GBK
# csv and a WPS .et. Needs soffice (LibreOffice) and iconv; the tests only read the results.
#
#   bash scripts/make-format-fixtures.sh
#
# What cannot be made here:
#  - BIFF5/BIFF7 (Excel 95): LibreOffice 7.x no longer writes it; the tests build BIFF5 by hand.
#  - A real WPS .et: no WPS here. A WPS .et is BIFF8 in an OLE compound file, so the .et fixture
#    is a copy of an .xls fixture; it proves the name plays no part, not WPS's own quirks.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/test/fixtures/formats"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
# A private LibreOffice profile: a running LibreOffice of the user's is neither used nor disturbed.
SOFFICE=(soffice "-env:UserInstallation=file://$WORK/profile" --headless)
# Recalculate .xlsx formulas on load: without it LibreOffice writes 0 as the .xls cached result of a
# text formula (and no STRING record), which is not what Excel or WPS would write.
mkdir -p "$WORK/profile/user"
cat > "$WORK/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
CSV_UTF8='csv:Text - txt - csv (StarCalc):44,34,76,1'

# ASCII names for the fixtures (tests map them back to their sources).
declare -A SOURCES=(
  [01]="samples/01-市科技局-2022Q3.xlsx"
  [02]="samples/02-那吾镇-2022Q3.xlsx"
  [03]="samples/03-勒秀镇-2022年度-宽表.xlsx"
  [04]="samples/04-市农业农村局-2022Q3-有错误.xlsx"
  [q3-lexiu]="samples/2022Q3/勒秀镇-2022Q3.xlsx"
  [q3-gongxin]="samples/2022Q3/市工信局-2022Q3.xlsx"
)

# 05-formats.xlsx: sample 01 with what the samples lack — percent and date formats, formulas
# (numeric, text and error results), a boolean, a hidden sheet — so each format's handling of
# them is compared with the .xlsx. Kept beside the fixtures as their source.
make_rich_source() {
  (cd "$ROOT" && node - "$OUT/05-formats.xlsx" <<'NODE'
const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('samples/01-市科技局-2022Q3.xlsx');
  const ws = wb.worksheets[0];
  // ExcelJS shares style objects between cells: a style is replaced, never changed in place.
  const set = (addr, value, numFmt) => { const c = ws.getCell(addr); c.value = value; if (numFmt) c.style = { ...c.style, numFmt }; };
  set('E5', 0.0085, '0.00%');
  set('G5', 0.0102, '0.00%');
  set('H5', 0.011, '0.00%');
  set('F8', 0.6, '0%');
  set('H8', 0.45, '0%');
  set('H7', { formula: '60+1.5', result: 61.5 });
  set('I7', { formula: '"2021"&"年数"', result: '2021年数' });
  set('H20', { formula: '1/0', result: { error: '#DIV/0!' } });
  set('I9', true);
  set('H23', '报出日期');
  set('I23', new Date(Date.UTC(2022, 9, 8)), 'yyyy-mm-dd');
  set('I22', new Date(Date.UTC(2022, 8, 30)), 'yyyy"年"m"月"d"日"');
  const hidden = wb.addWorksheet('填报说明');
  hidden.getCell('A1').value = '本表由科技局填报，数据截至报告期末。';
  hidden.state = 'hidden';
  await wb.xlsx.writeFile(process.argv[2]);
})().catch((e) => { console.error(e); process.exit(1); });
NODE
  )
}

convert() { # convert SRC.xlsx NAME: NAME.xls, NAME.ods, NAME.csv (UTF-8, first sheet only)
  local src="$1" name="$2"
  cp "$src" "$WORK/$name.xlsx"
  "${SOFFICE[@]}" --convert-to xls --outdir "$WORK" "$WORK/$name.xlsx" >/dev/null 2>&1
  "${SOFFICE[@]}" --convert-to ods --outdir "$WORK" "$WORK/$name.xlsx" >/dev/null 2>&1
  "${SOFFICE[@]}" --convert-to "$CSV_UTF8" --outdir "$WORK" "$WORK/$name.xlsx" >/dev/null 2>&1
  for ext in xls ods csv; do
    [ -s "$WORK/$name.$ext" ] || { echo "soffice did not write $name.$ext" >&2; exit 1; }
    cp "$WORK/$name.$ext" "$OUT/$name.$ext"
  done
  # The .ods thumbnail is a picture of the sheet: nothing reads it, and it triples the file.
  (cd "$OUT" && zip -q -d "$name.ods" 'Thumbnails/*' >/dev/null 2>&1 || true)
}

make_rich_source
for name in "${!SOURCES[@]}"; do convert "$ROOT/${SOURCES[$name]}" "$name"; done
convert "$OUT/05-formats.xlsx" 05-formats

# Chinese Excel's plain "CSV" is GBK (code page 936); GB18030 is its superset.
iconv -f UTF-8 -t GBK "$OUT/01.csv" > "$OUT/01-gbk.csv"
iconv -f UTF-8 -t GBK "$OUT/04.csv" > "$OUT/04-gbk.csv"
# A WPS .et is BIFF8 in a compound file, as an .xls is (see the note at the top).
cp "$OUT/02.xls" "$OUT/02.et"

ls -l "$OUT"
