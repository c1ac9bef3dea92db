/**
 * @kaoping/facts: facts files (.csv, .json, .xlsx) read for a compiled catalogue, exactly (nothing
 * dropped, merged or guessed; numbers from their text), with every problem a located diagnostic in
 * Chinese.  The one reader of `kp score`/`kp explain` (packages/cli) and of the language server's
 * 「用事实文件计分」「解释单位得分」 (packages/lsp): the same file gives the same codes and messages in
 * both.  exceljs is imported only when an .xlsx file is read.
 */
export { loadFacts, locateFactErrors, knownFacts, type FactsOptions } from "./load.js";
export { readCsv, scanFields, detectDelimiter } from "./csv.js";
export { readKeptRows } from "./keep-rows.js";
export { streamCsvUnits, STREAM_BATCH_ROWS, type CsvStreamOutcome } from "./csv-stream.js";
export { streamJsonlUnits } from "./jsonl-stream.js";
export { streamXlsxUnits } from "./xlsx-stream.js";
export { streamUnits, STREAMED_FACTS } from "./stream.js";
export type { RowUnit, StreamOptions, StreamOutcome } from "./stream-common.js";
export { readJsonl } from "./jsonl.js";
export { readJson, readJsonNumber, isPlainNumber, MAX_JSON_DEPTH, MAX_JSON_VALUES } from "./json.js";
export { readXlsx, checkZip, shiftDecimal, MAX_XLSX_UNZIPPED_BYTES, MAX_XLSX_ENTRIES, MAX_XLSX_RATIO } from "./xlsx.js";
export { tableToUnits, isLongHeader, cellName, printable, withoutInvisible, type Table, type TableRow, type TableCell, type KnownFacts } from "./table.js";
export { factKeys, factsDiagnostic, nowhere, emptySpan, factsProblemLine, type CellRef, type FactsDiagnostic, type FactsLocator, type FactsLocation, type LoadedFacts, type MergedFrom } from "./types.js";
export { loadFactsFiles, mergeFacts, expandFactsPaths, isFolderOfFacts, placeText, type FactsFilesOptions } from "./merge.js";
export { factOwners, departmentOf, NO_DEPARTMENT, type FactOwner } from "./owners.js";
export { didYouMean, editDistance } from "./suggest.js";
export { factsMemoryProblem, scoringMemoryProblem, heap, BYTES_PER_CELL, BYTES_PER_JSON_BYTE, BYTES_PER_XLSX_BYTE, BYTES_PER_RESULT, TRACE_FACTOR } from "./memory.js";
