/**
 * What the command line (indicator-tracker, docs/specification.md §10) says when it cannot go on:
 * its help, the usage errors of each command and the files it cannot read or write. Most lines
 * carry both languages side by side, as the terminal shows them; the summaries a command prints
 * are in cli-output-messages.ts.
 */
import type { Message } from "./messages";

/** How each command is called, as --help lists it. */
export const CLI_USAGE = {
  validate: "validate FILE [--sheet NAME] [--as-of DATE] [--rules FILE] [--json]",
  analyse: "analyse FILE [--as-of DATE] [--out OUT.xlsx | --in-place] [--rules FILE] [--json]",
  demo: "demo [FOLDER] [--out FOLDER]   (analyse every sample workbook)",
  template: "template --unit NAME|all --period TEXT --out OUT.xlsx|FOLDER [--rules FILE]",
  rules: "rules --out OUT.xlsx [--rules FILE] | rules --check FILE",
  consolidate: "consolidate FILE|FOLDER... --out OUT.xlsx [--as-of DATE] [--rules FILE] [--json]",
  approve: "approve FILE [--sheet NAME] --reviewer NAME [--json]   (appends to 审核记录)",
  report:
    "report FILE|FOLDER...|CONSOLIDATED.xlsx --out 通报.docx [--as-of DATE] [--rules FILE] [--date DATE]   (监测通报)",
} as const;

/** The help's lines around the commands' usages, and main's own errors. */
export const CLI_HELP = {
  title: "usage: indicator-tracker COMMAND ...",
  command: (usage: string) => `  indicator-tracker ${usage}`,
  version: "  indicator-tracker --version",
  unknownCommand: (name: string) => `indicator-tracker: unknown command "${name}" (try --help)`,
  usageError: (name: string, problem: string, usage: string) =>
    `indicator-tracker ${name}: ${problem} — usage: indicator-tracker ${usage}`,
  inputError: (problem: string) => `indicator-tracker: ${problem}`,
};

/** What is wrong with a command's arguments (exit 2, followed by the command's usage). */
export const USAGE_ERROR = {
  exactlyOneFile: (command: string) => `${command} takes exactly one FILE`,
  filesOrFolders: (command: string) => `${command} takes one or more FILEs (or folders)`,
  reportInputs: "report takes one or more FILEs (or folders), or a consolidated workbook",
  unexpectedArgument: (arg: string) => `unexpected argument ${arg}`,
  outOrInPlace: "use either --out or --in-place, not both",
  outIsInput: "--out names the input file; use --in-place to write into it",
  outXlsxRequired: "--out OUT.xlsx is required",
  outDocxRequired: "--out 通报.docx is required",
  outNotDocx: "--out must name a .docx file",
  noInputBesidesOut: "no input file besides --out",
  notRealDate: (option: string, value: string) => `${option} ${value} is not a real date`,
  notDate: (option: string, value: string) => `${option} ${value} is not a date (YYYY-MM-DD)`,
  asOfNeither: (value: string) =>
    `--as-of ${value} is neither a date (YYYY-MM-DD) nor a period (2022Q3)`,
  notPeriod: (value: string) => `--period ${value} is not a period (e.g. 2022Q3, 2022年第三季度)`,
  reviewerRequired: "--reviewer NAME is required",
  sheetNeeded: (sheets: string[]) =>
    `--sheet NAME is needed: the workbook has ${sheets.length} monitoring sheets${sheets.length ? ` (${sheets.join(", ")})` : ""}`,
  outOrCheck: "give either --out OUT.xlsx or --check FILE",
  templateNeeds: "--unit, --period and --out are all needed",
  allUnitsNeedFolder: "--unit all writes one workbook per unit: --out names a folder",
  demoOneFolder: "demo takes one folder",
};

/** A file or folder that cannot be read (exit 2); each line starts with the path given. */
export const READ_ERROR = {
  notAFile: (file: string) => `${file}: is not a file / 不是文件`,
  noSuchFile: (file: string) => `${file}: no such file / 文件不存在`,
  isAFolder: (file: string) => `${file}: is a folder, not a workbook / 这是文件夹，不是工作簿`,
  cannotRead: (file: string, why: string) => `${file}: cannot be read (${why}) / 无法读取`,
  unreadableFormat: (file: string, problem: string) => `${file}: ${problem} / 无法读取该文件`,
  damaged: (file: string, detail: string) =>
    `${file}: 无法读取工作簿：文件已损坏 / Cannot read the workbook: the file is damaged (${detail})`,
  noSuchFolder: (dir: string) => `${dir}: no such folder / 文件夹不存在`,
  /** A folder given as the input of a command that analyses each of its workbooks. */
  noWorkbooks: (dir: string) =>
    `${dir}: holds no workbook (.xlsx, .xls, .et, .ods, .csv) / 没有工作簿`,
  /** A folder given among the files to consolidate. */
  noWorkbooksInFolder: (dir: string) =>
    `${dir}: holds no workbook (.xlsx, .xls, .et, .ods, .csv) / 文件夹中没有工作簿`,
  noRulesSheet: (file: string, sheet: string) =>
    `${file}: 没有名为“${sheet}”的工作表（可用 indicator-tracker rules --out 生成）/ has no sheet named ${sheet}`,
  /** A broken 指标规则: how many problems, the first, and the command that lists them all. */
  brokenRules: (file: string, problems: Message, cell: string, first: string) =>
    `${file}: ${problems.zh}，第一处 ${cell} ${first}` +
    `（运行 indicator-tracker rules --check ${file} 查看全部）/ ${problems.en}`,
  consolidatedAsAt: (file: string, asOf: string, wanted: string) =>
    `${file}: is consolidated as at ${asOf}, not ${wanted}; give the units' files to consolidate as at another date / 该汇总表的截至日期为 ${asOf}`,
  nothingToReport: "nothing to report: no indicator figures for the period / 没有可通报的指标数据",
};

/** A file or folder that cannot be written (exit 2); nothing is left half written. */
export const WRITE_ERROR = {
  /** `format`: ".csv", ".xls/.et"; `what`: the command that would write; `instead`: the output to name. */
  notInPlace: (file: string, format: string, what: string, instead: string) =>
    `${file}: is a ${format} file, which ${what} does not write into; save it as .xlsx in Excel, WPS or LibreOffice first, or use analyse --out ${instead} / ${format} 文件不能直接写入，请先另存为 .xlsx`,
  isAFolder: (file: string, example: string) =>
    `${file}: is a folder; name a file in it, such as ${example} / 这是文件夹，请给出文件名`,
  notPlainFile: (file: string) =>
    `${file}: is not a plain file and is not replaced / 不是普通文件，不能写入`,
  keepMacros: (file: string) =>
    `${file}: the workbook holds macros (.xlsm); name the output .xlsm so they are kept / 工作簿含宏，请将输出文件命名为 .xlsm`,
  noMacros: (file: string) =>
    `${file}: the workbook holds no macros; name the output .xlsx / 工作簿不含宏，请将输出文件命名为 .xlsx`,
  cannotWrite: (file: string, why: string) => `${file}: cannot be written (${why}) / 无法写入`,
  folderUnusable: (file: string, dir: string, code: string | undefined) =>
    `${file}: folder ${dir} cannot be used (${code}) / 无法使用该文件夹`,
  notAFolder: (file: string, dir: string) => `${file}: ${dir} is not a folder / 不是文件夹`,
  folderNotCreated: (file: string, dir: string, code: string | undefined) =>
    `${file}: folder ${dir} cannot be created (${code}) / 无法创建文件夹`,
};
