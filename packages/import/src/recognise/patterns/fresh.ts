// The patterns added from the sixth and seventh fresh sets (session 23), tried before the others.
import type { Pattern } from "../reading.js";
import { formulaPatterns } from "./formulas.js";
import { occurrencePatterns } from "./occurrences.js";
import { classPatterns } from "./classes.js";
import { conditionPatterns } from "./conditions.js";

export const freshPatterns: readonly Pattern[] = [...formulaPatterns, ...occurrencePatterns, ...classPatterns, ...conditionPatterns];
