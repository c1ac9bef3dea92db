export { splitClauses, recogniseClause } from "./recognise/index.js";
export type { Clause, ClauseContext, Recognition } from "./recognise/index.js";
