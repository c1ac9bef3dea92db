export { diffCatalogues, ruleWords, type Version as DiffVersion } from "./diff.js";
export { matchRules, matchContainers, CLAUSE_THRESHOLD, CONTENT_THRESHOLD, type Container as DiffContainer, type Matching as DiffMatching, type Pair as DiffPair } from "./match.js";
export { clauseSimilarity, clauseProfile, profileSimilarity, type ClauseProfile } from "./similarity.js";
export { wordsAt, type SourceTexts } from "./source-text.js";
export { itemWord, summaryLine, howWord, changeCounts, CHANGE_WORDS, type ChangeWord } from "./words.js";
export type * from "./types.js";
