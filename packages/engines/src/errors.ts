/**
 * Errors of the SQL engines, codes KP8010–KP8049 (this package's own catalogue; KP8001, a construct
 * the SQL target cannot lower, is core's, in diagnostics.ts):
 *
 * - KP8010 a cell that does not read as its fact's type
 * - KP8011 a column missing from the facts file or table
 * - KP8012 a file DuckDB cannot read
 * - KP8013 the engine failed while scoring (overflow, a 参照 unit absent …)
 * - KP8020 the database cannot be reached (down, wrong address)
 * - KP8021 the database refuses the login (user or password)
 * - KP8022 the database does not exist
 * - KP8023 the facts table does not exist
 * - KP8024 a facts table column of the wrong type
 * - KP8025 scoring in DuckDB was stopped (the facts check found problems: the JS engine reports them; never shown)
 * - KP8026 (kp score) the JS facts reader cannot stream this file, so DuckDB's reading cannot be checked against it
 * - KP8027 (kp score, engine chosen by size) DuckDB failed on facts the JS reader accepts: scored by the JS engine
 * - KP8028 (kp score, engine chosen by size) the catalogue does not lower to SQL (KP8001): scored by the JS engine
 */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}
