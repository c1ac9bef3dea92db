/** Process memory and wall time of child processes (Linux /proc, /usr/bin/time). */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

function statusField(pid: number, field: string): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Current resident memory of a process, MB (undefined off Linux). */
export const rssMB = (pid: number) => statusField(pid, "VmRSS");
/** Peak resident memory of a process so far, MB. */
export const peakRssMB = (pid: number) => statusField(pid, "VmHWM");

/**
 * CPU time a process has used so far (user + system, all its threads, GC helpers included), ms, from
 * /proc/<pid>/stat (clock ticks, assumed 100 per second as on Linux); undefined off Linux.  Unlike
 * wall-clock latency, it hardly moves when other processes load the machine.
 */
export function cpuTimeMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which is in parentheses and may contain spaces): utime is the 14th field, stime the 15th.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The outcome of a timed child process. */
export interface Timed {
  code: number | null;
  wallMs: number;
  /** Peak resident memory, MB, when it could be measured. */
  peakMB: number | undefined;
  stdout: string;
  stderr: string;
}

const hasTimeV = existsSync("/usr/bin/time");

/**
 * Extra node arguments for the processes the bench starts (server, CLI), from BENCH_CHILD_NODE_ARGS —
 * e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them.
 */
export const childNodeArgs: string[] = (process.env.BENCH_CHILD_NODE_ARGS ?? "").split(/\s+/).filter((a) => a !== "");

/**
 * Runs a command to completion; measures wall time (hrtime around spawn → exit) and peak RSS — from
 * GNU time's "Maximum resident set size" when /usr/bin/time exists (wall time then includes its tiny
 * overhead), else by polling /proc/<pid>/status VmHWM every 20 ms.
 */
export function timed(cmd: string, args: string[], options: { cwd?: string; rss?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const useTime = options.rss && hasTimeV;
    const file = useTime ? "/usr/bin/time" : cmd;
    const argv = useTime ? ["-v", cmd, ...args] : args;
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    let polled: number | undefined;
    const poll = options.rss && !useTime ? setInterval(() => (polled = Math.max(polled ?? 0, peakRssMB(child.pid!) ?? 0)), 20) : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (poll) clearInterval(poll);
      let peakMB = polled;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) peakMB = Number(m[1]) / 1024;
        const exit = /Exit status: (\d+)/.exec(stderr);
        if (exit) code = Number(exit[1]);
        stderr = stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, "");
      }
      resolve({ code, wallMs, peakMB, stdout, stderr });
    });
  });
}
