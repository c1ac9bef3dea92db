/**
 * A throw-away PostgreSQL 15 server for tests: initdb in a temporary folder (as user postgres: the
 * server refuses to run as root), started on 127.0.0.1 and a free port, stopped and removed after.
 * `available()` is false when the binaries are missing (then the tests that need a server say so).
 *
 * A killed test run (Ctrl-C, a CI timeout, SIGKILL) never reaches its afterAll: each server has a
 * reaper, a detached shell that waits for this process to end and then stops the server and removes
 * its folder — so no run, however it ends, leaves a postmaster behind. `stop()` ends the reaper first.
 */
import { execFileSync, spawn } from "node:child_process";
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
  /** The server's folder (data, socket, log), removed by stop(). */
  dir: string;
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

/** The reaper's script: $1 the test process, $2 the data folder, $3 the server's folder. */
const REAPER = `while kill -0 "$1" 2>/dev/null; do sleep 1; done
if [ -d "$2" ]; then ${process.getuid?.() === 0 ? "runuser -u postgres -- " : ""}"${BIN}/pg_ctl" -D "$2" -m immediate -w stop; fi
rm -rf "$3"`;

/** Starts the reaper of a server (see the header); returns a function that ends it. */
function startReaper(data: string, dir: string): () => void {
  const child = spawn("sh", ["-c", REAPER, "kp-pg-reaper", String(process.pid), data, dir], { detached: true, stdio: "ignore" });
  child.unref();
  return () => {
    try {
      if (child.pid !== undefined) process.kill(child.pid);
    } catch {
      // already gone
    }
  };
}

function finishStart(dir: string, data: string, port: number): PgServer {
  const endReaper = startReaper(data, dir);
  asPostgres([join(BIN, "pg_ctl"), "-D", data, "-o", `-k ${dir} -h 127.0.0.1 -p ${port}`, "-l", join(dir, "log"), "-w", "start"]);
  // a password for kp, so that a wrong one can be refused (host connections use md5)
  const stop = () => {
    endReaper();
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
    dir,
    stop,
  };
}
