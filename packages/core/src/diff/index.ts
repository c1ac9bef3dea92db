export { diffCatalogues, ruleWords, type Version } from "./diff.js";
export { matchRules, matchContainers, CLAUSE_THRESHOLD, CONTENT_THRESHOLD, type Container, type Matching, type Pair } from "./match.js";
export { clauseSimilarity } from "./similarity.js";
export { wordsAt, type SourceTexts } from "./source-text.js";
export type * from "./types.js";
