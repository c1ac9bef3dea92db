/**
 * @kaoping/cli — the `kp` command line, and the pieces it is made of, for tests and for tools that
 * want the same reports: facts loading, diagnostics and report formatting, catalogue resolution.
 */
export { runCli, buildProgram, translateCommanderError } from "./program.js";
export { ExitCode, UsageError, type ExitCodeValue } from "./exit.js";
export { processIo, colorsFor, displayPath, writeFileAtomic, writeFilesAtomic, writeOutputs, type Io, type OutStream, type Colors } from "./io.js";
export {
  codeFrame,
  countsText,
  diagnosticToJson,
  formatDiagnostic,
  isFileLevel,
  locationText,
  severityWord,
  sortForOutput,
  type CellRef,
  type CliDiagnostic,
  type Sources,
} from "./report/diagnostics.js";
export { rankingColumns, rankingCsv, rankingJson, rankingTable, shorten } from "./report/ranking.js";
export { explainText, factText, flattenFacts } from "./report/explain.js";
export { cliHost, compileLoaded, headerSources, loadCatalogue, outputBaseName, prepareCatalogue, resolveCatalogue, type LoadedCatalogue } from "./catalogue.js";
export { importModule, factKeys, type ScoringModule, type UnitInput, type UnitResult, type TraceEntry, type FactError, type CatalogueMeta } from "./module.js";
// The facts readers live in @kaoping/facts (shared with the language server); re-exported as before.
export {
  loadFacts,
  locateFactErrors,
  knownFacts,
  readCsv,
  scanFields,
  detectDelimiter,
  readJson,
  shiftDecimal,
  tableToUnits,
  cellName,
  didYouMean,
  editDistance,
  type Table,
  type TableRow,
  type TableCell,
  type KnownFacts,
  type FactsLocator,
  type FactsLocation,
  type LoadedFacts,
} from "@kaoping/facts";
