/**
 * Model → JavaScript: the emitter, split by concern under emit-js/ (module.ts assembles the module;
 * tables, rules by body kind, groups, indicators and sections, cross-unit rules).  This file keeps the
 * names the rest of kaoping imports.
 */
export { emitJs, type EmitOptions } from "./emit-js/module.js";
export { applicableClasses, factSpecs, indicatorClasses, meetsClasses } from "./emit-js/tables.js";
