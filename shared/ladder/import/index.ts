/** Importers: other formats to a Trellis ladder draft, with the mapping used and every problem found. */
export * from './common';
export { type Detection, detectLadderSource, type LadderSourceKind, sourceKindLabels } from './detect';
export { type FtMapping, type FtOptions, ftProficiency, importFtJobFamily } from './ft';
export { importMonzoFramework, type MonzoFile, type MonzoMapping, type MonzoOptions } from './monzo';
export { importSpreadsheet, type SpreadsheetLayout, type SpreadsheetMapping, type SpreadsheetOptions } from './spreadsheet';
