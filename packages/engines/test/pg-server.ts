/**
 * A throw-away PostgreSQL 15 server for tests: initdb in a temporary folder (as user postgres: the
 * server refuses to run as root), started on 127.0.0.1 and a free port, stopped and removed after.
 * `available()` is false when the binaries are missing (then the tests that need a server say so).
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

export function postgresAvailable(): boolean {
  return existsSync(join(BIN, "pg_ctl"));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

export interface PgServer {
  url: string;
  port: number;
  stop(): void;
}

function asPostgres(args: string[]): string {
  const root = process.getuid?.() === 0;
  return execFileSync(root ? "runuser" : args[0]!, root ? ["-u", "postgres", "--", ...args] : args.slice(1), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export async function startPostgres(): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), "kp-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  asPostgres([join(BIN, "initdb"), "-D", data, "-U", "kp", "--auth-local=trust", "--auth-host=md5", "-E", "UTF8", "--locale=C"]);
  return finishStart(dir, data, port);
}

function finishStart(dir: string, data: string, port: number): PgServer {
  asPostgres([join(BIN, "pg_ctl"), "-D", data, "-o", `-k ${dir} -h 127.0.0.1 -p ${port}`, "-l", join(dir, "log"), "-w", "start"]);
  // a password for kp, so that a wrong one can be refused (host connections use md5)
  const stop = () => {
    try {
      asPostgres([join(BIN, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    asPostgres([join(BIN, "psql"), "-h", dir, "-p", String(port), "-U", "kp", "-d", "postgres", "-c", "ALTER USER kp PASSWORD 'kp-secret'", "-c", "CREATE DATABASE kp"]);
  } catch (e) {
    stop();
    throw e;
  }
  return {
    url: `postgres://kp:kp-secret@127.0.0.1:${port}/kp`,
    port,
    stop,
  };
}
