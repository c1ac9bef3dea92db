export { scoreWithDuckDb, streamWithDuckDb, typedFactRows, writeFactsForPostgres, type DuckDbScoreOptions } from "./duckdb.js";
export { scoreWithPostgres, type PostgresScoreOptions } from "./postgres.js";
export { EngineError } from "./errors.js";
export { rowsToResults, type EngineResult } from "./results.js";
export { awardMaxima } from "./awards.js";
