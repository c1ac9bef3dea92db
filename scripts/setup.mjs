#!/usr/bin/env node
// One-command setup for a fresh machine: installs pnpm (the pinned version) if missing, installs
// dependencies, builds every package, then runs the main job: scoring the shipped example facts
// against the shipped rulebook.  Usage: `npm run setup`.
import { execSync } from "node:child_process";

const PNPM = "10.34.9";
const run = (cmd) => {
  console.error(`\n$ ${cmd}`);
  execSync(cmd, { stdio: "inherit" });
};
let have = "";
try {
  have = execSync("pnpm --version", { encoding: "utf8" }).trim();
} catch {
  // not installed
}
if (have !== PNPM) run(`npm install -g pnpm@${PNPM}`);
run("pnpm install --frozen-lockfile");
run("pnpm build");
run("node packages/cli/dist/cli.js check rules");
run("node packages/cli/dist/cli.js score rules examples/各县事实.csv");
