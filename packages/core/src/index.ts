/**
 * @kaoping/core — the .kp language: lexer, parser, typed AST, checker, compiler and exact-decimal
 * runtime.  Everything is a pure function from one form to the next; user errors are returned as
 * diagnostics.
 *
 *   text ──lex──▶ tokens ──parse──▶ CST ──from-cst──▶ AST ──check──▶ model ──compile──▶ JS/.d.ts/schema
 */
export * from "./ast.js";
export * from "./diagnostics.js";
export type * from "./model.js";
export { VERSION } from "./version.js";
export { LineIndex, joinSpans, type Position, type Span } from "./text/position.js";
export { decodeBytes, type Decoded } from "./text/encoding.js";
export * as tokens from "./syntax/tokens.js";
export { keywords, keywordOf, canonicalKeyword, perUnits, measureWords, type KeywordInfo, type KeywordRole } from "./syntax/tokens.js";
export { keywordDocs, keywordDoc, keywordsWithoutDocs, exampleCatalogue, type KeywordDoc, type ExampleContext } from "./syntax/keyword-docs.js";
export { lex, toHalfWidth, canonicalImage, stringValue, isRecoveredWord, closestKeyword, keywordCandidates, type LexResult } from "./syntax/lexer.js";
export { allowedAt, keywordFits } from "./syntax/expect.js";
export { parseKp, type ParseResult } from "./syntax/parse.js";
export { normaliseDecimal } from "./syntax/from-cst.js";
export { KpParser } from "./syntax/parser.js";
export { todoRefusals, withTodoRefusals } from "./check/todo.js";
export { reviewCount, withReviewSummary } from "./check/review.js";
export { checkCatalogue, factsOf, intervalText, maxAward, type CheckOptions, type CheckResult } from "./check/checker.js";
export { CheckCache } from "./check/item-cache.js";
export {
  analyzeCatalogue,
  allowedRoots,
  analyzeFiles,
  fileDiagnostic,
  includeRefusal,
  includesOf,
  isRootFile,
  type Analysis,
  type LoadedFile,
  type ReadResult,
  type SourceHost,
} from "./project/load.js";
export { nodeHost } from "./project/node-host.js";
export { writeFileAtomic, writeFilesAtomic, removePendingTemporaries, type FileData, writeReason, WriteFilesError, type AtomicFs, type WriteOptions, type WriteRefusal } from "./project/atomic.js";
export { stampCompiledSet, verifyCompiledSet, type CompiledSetCheck, type CompiledTexts } from "./project/compiled-set.js";
export { readRegularFile, readRefusal, byteCount, fileKind, formatBytes, systemReason, MAX_FACTS_BYTES, MAX_SOURCE_BYTES, type ReadFileResult } from "./project/read-file.js";
export {
  evaluateCompiledModule,
  importCompiledModule,
  type CatalogueMeta,
  type IndicatorMeta,
  type IndicatorResult,
  type RuleMeta,
  type ScoringModule,
  type Scorer,
  type ScorerOptions,
  type StreamedResult,
  type SectionMeta,
  type TraceEntry,
  type UnitInput,
  type UnitResult,
  type Veto,
} from "./compile/module.js";
export { compileCatalogue, type CompiledCatalogue } from "./compile/compile.js";
export { inFormat, moduleExtensions, toCommonJs, type ModuleFormat } from "./compile/module-format.js";
export { emitJs, applicableClasses, meetsClasses, factSpecs, type EmitOptions } from "./compile/emit-js.js";
export { emitDts, emitFactsSchema } from "./compile/emit-types.js";
export { jsString, commentText } from "./compile/js-literals.js";
export * from "./runtime/decimal.js";
export * from "./explain/trace-text.js";
export { kpReadUnits, kpFlag, kpIds, kpRawOf, type FactError, type FactSpec, type ReadUnit } from "./runtime/facts.js";
export { nameKey, isOwnNameKey, invisibleChars, invisibleKind, type InvisibleChar } from "./text/names.js";
export { runTogetherSplits } from "./text/run-together.js";
export * from "./diff/index.js";
export * from "./testing/index.js";
export { lower, lowerDiagnostic } from "./ir/lower.js";
export { emitSql, sqlIdent, sqlComment, type SqlDialect, type SqlOptions, type SqlQuery } from "./ir/emit-sql.js";
export { LowerError, IDS_SUFFIX, type IrProgram, type IrColumn, type IrStep, type Expr as IrExpr, type Cond as IrCond } from "./ir/types.js";
