/**
 * decodeText uses the runtime's TextDecoder; where it lacks Windows-1251 or UTF-16BE (Node built without
 * full ICU), it falls back to iconv-lite, with the same text as a result.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

// «Привет;Да» in Windows-1251, «Да» in UTF-16BE with its mark.
const CP1251 = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x3b, 0xc4, 0xe0]);
const UTF16BE = new Uint8Array([0xfe, 0xff, 0x04, 0x14, 0x04, 0x30]);

async function freshDecodeText() {
  vi.resetModules();
  return (await import("mentor-match/csv")).decodeText;
}

describe("decodeText without a built-in decoder", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("decodes with the built-in TextDecoder", async () => {
    const decodeText = await freshDecodeText();
    expect(decodeText(CP1251)).toEqual({ text: "Привет;Да", encoding: "windows-1251" });
    expect(decodeText(UTF16BE)).toEqual({ text: "Да", encoding: "utf-16be" });
  });

  it("falls back to iconv-lite where TextDecoder lacks the encoding, with the same text", async () => {
    const Real = globalThis.TextDecoder;
    const asked: string[] = [];
    class SmallIcuDecoder extends Real {
      constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) {
        if (label === "windows-1251" || label === "utf-16be") {
          asked.push(label);
          throw new RangeError(`The "${label}" encoding is not supported`);
        }
        super(label, options);
      }
    }
    vi.stubGlobal("TextDecoder", SmallIcuDecoder);
    const decodeText = await freshDecodeText();
    expect(decodeText(CP1251)).toEqual({ text: "Привет;Да", encoding: "windows-1251" });
    expect(decodeText(UTF16BE)).toEqual({ text: "Да", encoding: "utf-16be" });
    expect(decodeText(CP1251, { encoding: "windows-1251" }).text).toBe("Привет;Да");
    expect(asked).toContain("windows-1251");
    expect(asked).toContain("utf-16be");
  });
});
