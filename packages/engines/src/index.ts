export { scoreWithDuckDb, type DuckDbScoreOptions } from "./duckdb.js";
export { EngineError } from "./errors.js";
export { rowsToResults, type EngineResult } from "./results.js";
export { awardMaxima } from "./awards.js";
