/**
 * The bound words shared by the guards (guards.ts's bound check, guards-danger.ts's rate threshold after 每): a module
 * of its own so no guard file imports guards.ts, which imports them all.
 */
import { NUM, rxg } from "./normalise.js";
import { NOUNS } from "./units.js";

/** A number bound by a word (「不得少于4次」「超过95%」「10处以上」): the reading must write it. */
export const BOUND_RE = rxg`(?:不得少于|不应少于|不少于|不得低于|不低于|不高于|不超过|至少|最少|少于|多于|低于|高于|超过|不足|达到|未达到|未达|大于|小于)${NUM}(${NOUNS})?|${NUM}(${NOUNS})?(?:[^,;。分\\d.]{0,4}?)(?:\\(含\\))?(?:及)?(?:以上|以下|以内|之内)`;
