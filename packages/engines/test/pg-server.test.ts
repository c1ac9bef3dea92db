/**
 * The test server never outlives its test process: a run killed outright (SIGKILL: no afterAll, no
 * exit handler) still leaves no postmaster and no folder behind — the server's reaper stops it.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { postgresAvailable } from "./pg-server.js";

const child = fileURLToPath(new URL("./pg-server-child.ts", import.meta.url));

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: "127.0.0.1", port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on("error", () => resolve(false));
  });
}

async function until(what: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return what();
}

describe.skipIf(!postgresAvailable())("the test PostgreSQL server", () => {
  it("is stopped and removed when its test process is killed with SIGKILL", async () => {
    const p = spawn(process.execPath, ["--import", "tsx", child], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      p.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      p.on("exit", (code) => reject(new Error(`child ended (${code}) before its server started`)));
    });
    const { port, dir } = JSON.parse(line) as { port: number; dir: string };
    expect(await accepts(port)).toBe(true);
    expect(existsSync(dir)).toBe(true);
    p.kill("SIGKILL");
    expect(await until(async () => !(await accepts(port)), 30_000)).toBe(true);
    expect(await until(() => !existsSync(dir), 30_000)).toBe(true);
  }, 90_000);
});
