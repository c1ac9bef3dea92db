export { scoreWithDuckDb, streamWithDuckDb, typedFactRows, writeFactsForPostgres, type DuckDbScoreOptions } from "./duckdb.js";
export { scoreWithPostgres, streamWithPostgres, type PostgresScoreOptions } from "./postgres.js";
export { EngineError } from "./errors.js";
export { rowsToResults, type EngineResult } from "./results.js";
export { namedUnits, unitResultOf } from "./unit-result.js";
export { awardMaxima } from "./awards.js";
export { checkFactsTable, FactsTableError, type TableChecks } from "./pg-checks.js";
