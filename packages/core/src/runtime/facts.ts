/**
 * Reading and validating units' facts: the runtime's own facts reader (src/cells.ts,
 * src/read-units.ts), the very code compiled modules run (they embed its generated JavaScript).
 */
export { kpFlag, kpIds, kpRawOf, type KpRawProblem } from "./src/cells.js";
export { kpReadUnits, type FactError, type FactSpec, type ReadUnit } from "./src/read-units.js";
