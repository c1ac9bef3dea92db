/**
 * writeFilesAtomic: all or nothing when any rename or fsync fails (the file-system calls are
 * injected to fail in turn), what the user set up is kept (mode, links), what must not be written
 * is refused (read-only files, directories, FIFOs, inputs), stale temporary files are removed; and
 * compiled sets carry one generation id (KP0018 when they are mixed).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatMessage, stampCompiledSet, verifyCompiledSet, writeFilesAtomic, WriteFilesError, type AtomicFs } from "@kaoping/core";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kp-atomic-"));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const names = ["细则.js", "细则.d.ts", "细则.facts.schema.json"];
const paths = () => names.map((n) => join(dir, n));
const contents = () => paths().map((p) => (existsSync(p) ? readFileSync(p, "utf8") : undefined));
const leftovers = () => readdirSync(dir).filter((f) => f.startsWith("."));

function refusal(f: () => void): WriteFilesError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(WriteFilesError);
    return e as WriteFilesError;
  }
  throw new Error("expected a WriteFilesError");
}

describe("writeFilesAtomic: all or nothing", () => {
  for (let failing = 0; failing < 3; failing++) {
    it(`rename ${failing + 1} of 3 fails: every target keeps its old content, no temporary file is left`, () => {
      paths().forEach((p, i) => writeFileSync(p, `旧 ${i}`));
      let n = 0;
      const fs: Partial<AtomicFs> = {
        rename(from, to) {
          if (n++ === failing) throw Object.assign(new Error("ENOSPC: no space left on device, rename"), { code: "ENOSPC" });
          renameSync(from, to);
        },
      };
      const e = refusal(() => writeFilesAtomic(paths().map((p, i) => ({ path: p, data: `新 ${i}` })), { fs }));
      expect([e.code, e.target]).toEqual(["ENOSPC", paths()[failing]]);
      expect(contents()).toEqual(["旧 0", "旧 1", "旧 2"]);
      expect(leftovers()).toEqual([]);
    });
  }

  it("a rename failing among new files removes those already renamed", () => {
    let n = 0;
    const fs: Partial<AtomicFs> = {
      rename(from, to) {
        if (n++ === 2) throw Object.assign(new Error("EIO"), { code: "EIO" });
        renameSync(from, to);
      },
    };
    refusal(() => writeFilesAtomic(paths().map((p) => ({ path: p, data: "新" })), { fs }));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an fsync failing (disk full while flushing) changes nothing", () => {
    paths().forEach((p, i) => writeFileSync(p, `旧 ${i}`));
    const fs: Partial<AtomicFs> = {
      fsync() {
        throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
      },
    };
    const e = refusal(() => writeFilesAtomic(paths().map((p) => ({ path: p, data: "新" })), { fs }));
    expect(e.code).toBe("ENOSPC");
    expect(contents()).toEqual(["旧 0", "旧 1", "旧 2"]);
    expect(leftovers()).toEqual([]);
  });

  it("removes temporary files a killed process left, and only those of dead processes", () => {
    const target = join(dir, "细则.js");
    // pid 2^22+1 is above Linux's pid_max: no such process
    const stale = [`.细则.js.4194305.0123abcd.tmp`, `.细则.js.4194305.89abcdef.bak`];
    const mine = `.细则.js.${process.pid}.00000000.tmp`;
    for (const f of [...stale, mine]) writeFileSync(join(dir, f), "x");
    writeFilesAtomic([{ path: target, data: "新" }]);
    expect(readdirSync(dir).sort()).toEqual([mine, "细则.js"].sort());
  });
});

describe("writeFilesAtomic: keeps what the user set up", () => {
  it("keeps the mode of the replaced file (0600 stays 0600)", () => {
    const p = join(dir, "私密.kp");
    writeFileSync(p, "旧");
    chmodSync(p, 0o600);
    writeFilesAtomic([{ path: p, data: "新" }]);
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(readFileSync(p, "utf8")).toBe("新");
  });

  it("keeps the owner where permitted (root: another user's file stays theirs)", () => {
    if (process.getuid?.() !== 0) return;
    const p = join(dir, "别人的.kp");
    writeFileSync(p, "旧");
    chownSync(p, 1234, 2345);
    writeFilesAtomic([{ path: p, data: "新" }]);
    expect([statSync(p).uid, statSync(p).gid]).toEqual([1234, 2345]);
  });

  it("says why in Chinese (the message), whatever the system said", () => {
    const e = refusal(() => writeFilesAtomic([{ path: join(dir, "长".repeat(100) + ".kp"), data: "新" }]));
    expect([e.code, e.message]).toEqual(["ENAMETOOLONG", "文件名太长"]);
    expect(leftovers()).toEqual([]);
  });

  it("follows a symbolic link: the target is rewritten, the link stays a link", () => {
    mkdirSync(join(dir, "真"));
    const real = join(dir, "真", "细则.kp");
    writeFileSync(real, "旧");
    const link = join(dir, "链接.kp");
    symlinkSync("真/细则.kp", link);
    writeFilesAtomic([{ path: link, data: "新" }]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("真/细则.kp");
    expect(readFileSync(real, "utf8")).toBe("新");
  });

  it("refuses a read-only file, a directory and a FIFO, writing nothing", () => {
    const ro = join(dir, "只读.kp");
    writeFileSync(ro, "旧");
    chmodSync(ro, 0o444);
    const ok = join(dir, "可写.kp");
    expect(refusal(() => writeFilesAtomic([{ path: ok, data: "新" }, { path: ro, data: "新" }])).refusal).toBe("read-only");
    expect(readFileSync(ro, "utf8")).toBe("旧");
    expect(existsSync(ok)).toBe(false);
    mkdirSync(join(dir, "目录"));
    expect(refusal(() => writeFilesAtomic([{ path: join(dir, "目录"), data: "新" }])).refusal).toBe("directory");
    const fifo = join(dir, "管道");
    execFileSync("mkfifo", [fifo]);
    const e = refusal(() => writeFilesAtomic([{ path: fifo, data: "新" }]));
    expect([e.refusal, e.detail]).toEqual(["not-regular", "命名管道（FIFO）"]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // A device node of our own (never /dev/null: a regression would replace it); mknod needs root.
    const device = join(dir, "设备");
    try {
      execFileSync("mknod", [device, "c", "1", "3"], { stdio: "ignore" });
    } catch {
      return;
    }
    expect(refusal(() => writeFilesAtomic([{ path: device, data: "新" }])).detail).toBe("字符设备");
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it("refuses an input by device and inode, whatever the name (a link, a hard link)", () => {
    const input = join(dir, "事实.csv");
    writeFileSync(input, "单位\n甲\n");
    const link = join(dir, "链接.csv");
    symlinkSync(input, link);
    const hard = join(dir, "硬链接.csv");
    linkSync(input, hard);
    for (const target of [input, link, hard, join(dir, ".", "事实.csv")]) {
      const e = refusal(() => writeFilesAtomic([{ path: target, data: "x" }], { inputs: [input] }));
      expect([e.refusal, e.detail]).toEqual(["is-input", input]);
    }
    expect(readFileSync(input, "utf8")).toBe("单位\n甲\n");
    expect(leftovers()).toEqual([]);
  });
});

describe("compiled sets carry one generation id", () => {
  const set = (tag: string) => ({ js: `// js ${tag}\n`, dts: `// dts ${tag}\n`, schema: JSON.stringify({ $schema: "s", title: tag }, null, 2) + "\n" });

  it("a whole set verifies; one file of another compilation makes it mixed (KP0018)", () => {
    const [js, dts, schema] = paths();
    const write = (s: ReturnType<typeof stampCompiledSet>, which: ("js" | "dts" | "schema")[]) => {
      const p = { js: js!, dts: dts!, schema: schema! };
      for (const k of which) writeFileSync(p[k], s[k]);
      return p;
    };
    const a = stampCompiledSet(set("a"));
    const b = stampCompiledSet(set("b"));
    expect(a.generation).not.toBe(b.generation);
    const p = write(a, ["js", "dts", "schema"]);
    expect(verifyCompiledSet(p)).toEqual({ ok: true, generation: a.generation });
    expect(JSON.parse(a.schema).$comment).toBe(`kaoping-generation: ${a.generation}`);
    write(b, ["js"]);
    const mixed = verifyCompiledSet(p);
    expect(mixed).toMatchObject({ ok: false, problem: "mixed" });
    expect(formatMessage("KP0018", [dir, "编译标识不一致"])).toContain("不是同一次编译生成的");
    // An edited file is caught too: its id no longer matches the contents.
    write(a, ["js"]);
    writeFileSync(dts!, a.dts.replace("dts a", "dts A"));
    expect(verifyCompiledSet(p)).toMatchObject({ ok: false, problem: "mixed" });
    writeFileSync(dts!, "// no id\n");
    expect(verifyCompiledSet(p)).toEqual({ ok: false, problem: "unstamped", file: dts });
  });
});
