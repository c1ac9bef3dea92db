/**
 * The framing check of the stdio transport, in-process: valid streams pass however they are cut
 * into chunks; the first unusable header is reported.  (Through a real process: stdio-limits.test.ts.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FrameChecker, MAX_MESSAGE_BYTES } from "../src/transport.js";

const frame = (body: string, headers = "") => `${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds `bytes` cut at the given points; returns the first problem. */
function check(bytes: Buffer, cuts: number[] = []): string | undefined {
  const checker = new FrameChecker();
  let from = 0;
  for (const at of [...new Set(cuts)].sort((a, b) => a - b).concat(bytes.length)) {
    const problem = checker.push(bytes.subarray(from, at));
    if (problem !== undefined) return problem;
    from = at;
  }
  return checker.idle ? undefined : "unfinished";
}

describe("FrameChecker", () => {
  it("valid streams pass, cut anywhere (bodies with CR LF, headers' text and Chinese inside)", () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.constant('{"text":"Content-Length: -5\\r\\n\\r\\n指标 「甲」"}'),
      fc.constant("\r\n\r\nContent-Length: abc\r\n\r\n"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(bodies, fc.boolean()), { minLength: 1, maxLength: 5 }), fc.array(fc.nat()), (messages, cuts) => {
        const typedHeader = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n";
        const stream = Buffer.from(messages.map(([b, typed]) => frame(b, typed ? typedHeader : "")).join(""));
        expect(check(stream, cuts.map((c) => c % (stream.length + 1)))).toBeUndefined();
      }),
    );
  });

  it("a length at the limit passes; one byte more does not", () => {
    const checker = new FrameChecker();
    expect(checker.push(Buffer.from(`Content-Length: ${MAX_MESSAGE_BYTES}\r\n\r\n`))).toBeUndefined();
    expect(new FrameChecker().push(Buffer.from(`Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n`))).toBe(
      "消息长度 67,108,865 字节，超过上限 64 MiB",
    );
  });

  it("a bad header after valid messages is reported; its text is shown with control characters visible", () => {
    const stream = Buffer.from(frame("{}") + frame("[]") + "Content-Length: \x1b[2J\r\n\r\n");
    expect(check(stream, [3, 30])).toBe("消息长度「\\x1b[2J」不是一个非负整数（消息头「Content-Length」）");
    expect(check(Buffer.from(`Content-Length: ${"9".repeat(400)}\r\n\r\n`))).toBe("消息长度是一个 400 位的数，超过上限 64 MiB");
  });
});
