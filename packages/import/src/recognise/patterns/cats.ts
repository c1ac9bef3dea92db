// Session 29 (helper cats): categories, grades and count units, tried first after the header — each class in its
// own file, gathered here so the dispatch (recognise.ts) names them once.
import type { Pattern } from "../reading.js";
import { gradesListedPatterns } from "./grades-listed.js";
import { shortOfTarget } from "./short-of-target.js";
import { measuredPatterns } from "./measured.js";
import { rankByTotal } from "./rank-by-total.js";
import { respectivelyPatterns } from "./respectively.js";

export const catsPatterns: readonly Pattern[] = [...gradesListedPatterns, shortOfTarget, ...measuredPatterns, rankByTotal, ...respectivelyPatterns];
