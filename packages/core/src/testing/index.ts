/** Test scenarios of a catalogue (*.kptest): parse, run, coverage, record.  See scenario.ts for the format. */
export { parseScenarios, decimalPlaces, SCENARIO_EXTENSION, SCENARIO_WORDS, type Expectation, type ExpectationKind, type FactLine, type Scenario, type ScenarioFile, type ScenarioUnit } from "./scenario.js";
export { runScenarios, resolveScenarios, runDiagnostics, unitInput, ruleNet, factKeysOf, type Failure, type FileRun, type ScenarioResult } from "./run.js";
export { coverageOf, type Coverage, type CoverageItem } from "./coverage.js";
export { recordScenario, cellText } from "./record.js";
