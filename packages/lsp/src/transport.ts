/**
 * The stdio transport: LSP messages framed by `Content-Length` headers on stdin, answers on stdout.
 *
 * vscode-jsonrpc's StreamMessageReader trusts the header: it reads `Content-Length: -5` as a
 * length of -5 (its buffer then goes wrong and the server stays alive and silent for good), takes
 * `12abc` for 12, and with a length of 10^11 buffers everything it is sent.  So every byte passes
 * through a {@link FrameChecker} first: a header the server cannot use — no or several
 * Content-Length, a length that is not a decimal number, one over {@link MAX_MESSAGE_BYTES}, a line
 * not ending in CR LF, a header over {@link MAX_HEADER_BYTES} — is a framing error.  The stream
 * cannot be trusted after one, so the server writes one line (KP0020) to stderr and exits with
 * code 1; the editor then restarts it.
 *
 * When stdin ends the server exits too, as the LSP spec asks (0 after a shutdown request, else 1),
 * whatever `processId` the client sent (vscode-languageserver only does so for a stream it reads
 * itself, and would otherwise wait for that process to end).
 */
import { Transform } from "node:stream";
import { formatBytes, formatMessage } from "@kaoping/core";
import {
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
} from "vscode-languageserver/node";

/** The largest message the server accepts (bytes of the body): 64 MiB, twice the largest .kp file. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** The largest header section (bytes); a real one is about 25. */
export const MAX_HEADER_BYTES = 8 * 1024;

const CR = 0x0d;
const LF = 0x0a;

/**
 * Follows the framing of a byte stream of LSP messages (headers, then as many body bytes as
 * Content-Length says) and reports the first header that cannot be used.
 */
export class FrameChecker {
  private header: number[] = [];
  /** Body bytes still to come. */
  private remaining = 0;

  /** Takes the next bytes of the stream; returns why the framing is broken (Chinese), or undefined. */
  push(chunk: Uint8Array): string | undefined {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - i);
        this.remaining -= n;
        i += n;
        continue;
      }
      const b = chunk[i++]!;
      const h = this.header;
      h.push(b);
      if (h.length > MAX_HEADER_BYTES) return `消息头超过 ${formatBytes(MAX_HEADER_BYTES)} 仍未结束`;
      if (b !== LF) continue;
      if (h.length < 2 || h[h.length - 2] !== CR) return "消息头的行须以回车换行（CR LF）结束";
      if (h.length >= 4 && h[h.length - 3] === LF && h[h.length - 4] === CR) {
        const length = contentLength(Buffer.from(h).toString("latin1"));
        if (typeof length === "string") return length;
        this.header = [];
        this.remaining = length;
      }
    }
    return undefined;
  }

  /** True between messages (nothing of a message has been read). */
  get idle(): boolean {
    return this.remaining === 0 && this.header.length === 0;
  }
}

/** The body length a header section (ending in CR LF CR LF) announces, or why it cannot be used. */
function contentLength(section: string): number | string {
  let length: number | undefined;
  for (const line of section.slice(0, -4).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) return `消息头中的一行${shown(line)}不是「名称: 值」的形式`;
    if (line.slice(0, colon).trim().toLowerCase() !== "content-length") continue;
    const value = line.slice(colon + 1).trim();
    if (length !== undefined) return "消息头中有多个 Content-Length";
    if (!/^\d+$/.test(value)) return `消息长度${shown(value)}不是一个非负整数（消息头「Content-Length」）`;
    length = Number(value);
    if (length > MAX_MESSAGE_BYTES) {
      const digits = value.replace(/^0+(?=\d)/, "");
      const size = digits.length > 24 ? `是一个 ${digits.length} 位的数` : ` ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")} 字节`;
      return `消息长度${size}，超过上限 ${formatBytes(MAX_MESSAGE_BYTES)}`;
    }
  }
  return length ?? "消息头中没有 Content-Length";
}

/** A piece of a header as shown in a message: quoted, control characters visible, at most 40 characters. */
function shown(text: string): string {
  const visible = text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return `「${visible.length > 40 ? `${visible.slice(0, 40)}…` : visible}」`;
}

/** A reader that also notes whether the client asked the server to shut down. */
class ShutdownAwareReader extends StreamMessageReader {
  shutdownRequested = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message: Message) => {
      if ((message as { method?: unknown }).method === "shutdown") this.shutdownRequested = true;
      callback(message);
    });
  }
}

/** What the stdio transport needs of the process (the real one by default; tests pass their own). */
export interface StdioProcess {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  /** Writes one line for the user (stderr). */
  report(line: string): void;
  exit(code: number): void;
}

/** This process (stdin is only touched when the stdio transport is used). */
function realProcess(): StdioProcess {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    report: (line) => process.stderr.write(`${line}\n`),
    exit: (code) => process.exit(code),
  };
}

/** The reader and writer of the stdio transport, with the framing checked and exit on end of input. */
export function stdioTransport(proc: StdioProcess = realProcess()): { reader: StreamMessageReader; writer: StreamMessageWriter } {
  let failed = false;
  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    proc.report(`kp: KP0020 ${formatMessage("KP0020", [reason])}`);
    proc.exit(1);
  };
  const checker = new FrameChecker();
  const checked = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const problem = failed ? "" : checker.push(chunk);
      if (problem === undefined) done(null, chunk);
      else {
        fail(problem);
        done(); // nothing more reaches the reader
      }
    },
  });
  proc.stdin.pipe(checked);
  const reader = new ShutdownAwareReader(checked);
  reader.onError((e) => {
    // Our checker has passed the header: this is a body that is not JSON, and the framing holds.
    if (/content-length|header/i.test(e.message)) fail(e.message);
  });
  let ended = false;
  const end = () => {
    if (ended || failed) return;
    ended = true;
    proc.exit(reader.shutdownRequested ? 0 : 1);
  };
  proc.stdin.on("end", end);
  proc.stdin.on("close", end);
  return { reader, writer: new StreamMessageWriter(proc.stdout) };
}
