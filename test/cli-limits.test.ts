/**
 * The parts of imr-parse that keep a run over thousands of files from hanging, crashing
 * or eating memory, tested on their own: the worker pool (with a scripted worker that
 * exits, hangs, throws or grows on cue), listing folders (with a file system that fails
 * on cue: tests run as root here, and root can list any folder), reading files, and the
 * option values. test/cli.test.ts runs the command itself on the same situations.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import type { Dirent, Stats } from "node:fs";
import { promises as fsp } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { compileCacheDirectory } from "../src/cli/compile-cache.js";
import { listInputs, looksLikePdf, printable, readRegularFile, readStandardInput, type FsPath, type Listed, type ListingFs } from "../src/cli/inputs.js";
import { readJobs, readMemory, readSize, readTimeout } from "../src/cli/limits.js";
import { WorkerPool } from "../src/cli/pool.js";
import type { Outcome, Settings, Task } from "../src/cli/read.js";

const settings: Settings = { format: "jsonl", single: false, maxSize: 1024, engine: undefined };
const script = new URL("./support/scripted-worker.mjs", import.meta.url);

async function runPool(sources: string[], options: { jobs?: number; timeout?: number; maxMemory?: number } = {}) {
  const pool = new WorkerPool({ jobs: 2, engine: undefined, timeout: 0, maxMemory: 1024, script, ...options });
  const outcomes: Outcome[] = [];
  try {
    for await (const outcome of pool.parse(sources.map((source, index): Task => ({ index, source })), settings)) outcomes.push(outcome);
  } finally {
    await pool.close();
  }
  return outcomes.map((o) => (o.output === null ? `${o.source}: ${o.problem}` : o.source));
}

describe("the worker pool", () => {
  it("reports the input of a worker that exits without an error, and reads the others", async () => {
    expect(await runPool(["a", "b", "exit", "c", "d", "e"])).toEqual(["a", "b", "exit: the worker reading it stopped: exit code 0", "c", "d", "e"]);
  });

  it("stops a worker that takes too long on one input, and replaces it", async () => {
    const started = performance.now();
    expect(await runPool(["a", "hang", "b", "hang", "c"], { timeout: 300 })).toEqual([
      "a",
      "hang: took longer than 0.3 s, the --timeout limit",
      "b",
      "hang: took longer than 0.3 s, the --timeout limit",
      "c",
    ]);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("reports an input whose reading throws in the worker", async () => {
    expect(await runPool(["a", "throw", "b"])).toEqual(["a", "throw: the worker reading it stopped: the reader broke", "b"]);
  });

  it("stops a worker that needs more memory than allowed", async () => {
    expect(await runPool(["a", "grow", "b"], { maxMemory: 128 })).toEqual(["a", "grow: needed more than 128 MB of memory, the --max-memory limit", "b"]);
  });

  it("keeps the input order with one worker or several", async () => {
    const sources = Array.from({ length: 200 }, (_, i) => (i % 50 === 7 ? "exit" : `f${i}`));
    const one = await runPool(sources, { jobs: 1 });
    expect(await runPool(sources, { jobs: 3 })).toEqual(one);
    expect(one.filter((s) => s.startsWith("exit:"))).toHaveLength(4);
  });

  it("gives up, rather than loop, when workers cannot start", async () => {
    const failing = new WorkerPool({ jobs: 1, engine: undefined, timeout: 0, maxMemory: 1024, script: new URL("./support/failing-worker.mjs", import.meta.url) });
    const run = async () => {
      for await (const _ of failing.parse([{ index: 0, source: "a" }], settings));
    };
    await expect(run()).rejects.toThrow(/worker threads stop before reading anything/);
    await failing.close();
  });
});

/** A file system that fails as told, over the real one. */
function failing(failures: Record<string, string>): ListingFs {
  const fail = (path: FsPath) => {
    const code = failures[path.toString()];
    if (code) throw Object.assign(new Error(`${code}: simulated, ${path.toString()}`), { code });
  };
  return {
    stat: async (path: FsPath): Promise<Stats> => (fail(path), fsp.stat(path)),
    readdir: async (path: FsPath): Promise<Dirent<Buffer>[]> => (fail(path), fsp.readdir(path, { withFileTypes: true, encoding: "buffer" })),
  };
}

describe("listing the inputs", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "imr-list-"));
    for (const folder of ["letters/locked", "letters/more", "empty"]) mkdirSync(join(dir, folder), { recursive: true });
    for (const file of ["letters/a.txt", "letters/b.PDF", "letters/locked/c.txt", "letters/more/d.txt", "letters/notes.md"]) writeFileSync(join(dir, file), "x");
    symlinkSync("/dev/zero", join(dir, "letters", "z.txt"));
    symlinkSync("..", join(dir, "letters", "more", "up")); // a loop
    execFileSync("mkfifo", [join(dir, "letters", "x.txt")]);
  });
  const list = async (inputs: string[], fileSystem?: ListingFs) => {
    const listed: Listed[] = [];
    for await (const item of listInputs(inputs.map((i) => (i === "-" ? i : join(dir, i))), fileSystem)) listed.push(item);
    return listed.map((l) => (l.problem ? `${l.source.replace(dir, "")}: ${l.problem}` : l.source.replace(dir, "")));
  };

  it("lists letter files recursively, in order, and says why the others cannot be read", async () => {
    expect(await list(["letters"])).toEqual([
      "/letters/a.txt",
      "/letters/b.PDF",
      "/letters/locked/c.txt",
      "/letters/more/d.txt",
      "/letters/x.txt: not a regular file (a FIFO)",
      "/letters/z.txt: not a regular file (a character device)",
    ]);
  });

  it("reports a folder that cannot be listed (EACCES) and lists the rest", async () => {
    expect(await list(["letters"], failing({ [join(dir, "letters", "locked")]: "EACCES" }))).toEqual([
      "/letters/a.txt",
      "/letters/b.PDF",
      "/letters/locked: the folder cannot be listed: permission denied",
      "/letters/more/d.txt",
      "/letters/x.txt: not a regular file (a FIFO)",
      "/letters/z.txt: not a regular file (a character device)",
    ]);
  });

  it("reports missing inputs, empty folders and special files named on the command line", async () => {
    expect(await list(["missing.txt", "empty", "letters/x.txt", "-"])).toEqual([
      "/missing.txt: no such file or folder",
      "/empty: the folder holds no .txt or .pdf file",
      "/letters/x.txt: not a regular file or folder (a FIFO); give - to read standard input",
      "-",
    ]);
  });
});

describe("reading an input", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "imr-read-"));
    writeFileSync(join(dir, "small.txt"), "a letter");
    execFileSync("mkfifo", [join(dir, "fifo.txt")]);
  });

  it("reads a regular file up to the size limit", () => {
    expect(readRegularFile(join(dir, "small.txt"), 8).toString()).toBe("a letter");
    expect(() => readRegularFile(join(dir, "small.txt"), 7)).toThrow("larger than 7 bytes, the --max-size limit");
  });

  it("does not wait on a FIFO or read a device forever", () => {
    expect(() => readRegularFile(join(dir, "fifo.txt"), 1024)).toThrow("not a regular file (a FIFO)");
    expect(() => readRegularFile("/dev/zero", 1024)).toThrow("not a regular file (a character device)");
  });

  it("stops reading standard input past the size limit", async () => {
    await expect(readStandardInput(10, Readable.from([Buffer.from("0123456789"), Buffer.from("!")]))).rejects.toThrow("larger than 10 bytes");
    expect((await readStandardInput(10, Readable.from([Buffer.from("0123456789")]))).toString()).toBe("0123456789");
  });

  it("tells a PDF by its first bytes", () => {
    expect(looksLikePdf(Buffer.from("%PDF-1.7\n..."))).toBe(true);
    expect(looksLikePdf(Buffer.from("\r\n  %PDF-1.4"))).toBe(true);
    expect(looksLikePdf(Buffer.from("Case Number: CM19-0000001"))).toBe(false);
  });

  it("writes a name with a line break or a control character escaped, on one line", () => {
    expect(printable("letters/a.txt")).toBe("letters/a.txt");
    expect(printable("evil\nimr-parse: cannot read x.txt")).toBe('"evil\\nimr-parse: cannot read x.txt"');
    expect(printable("bell\x07\x1b[31m\u2028.txt")).toBe('"bell\\u0007\\u001b[31m\\u2028.txt"');
  });
});

describe("option values", () => {
  it("reads --jobs strictly, up to 4 times the CPUs", () => {
    expect(readJobs("2")).toBe(2);
    for (const wrong of ["0", "0x2", "1e1", " 2 ", "2.0", "-1", "", "1000"]) expect(() => readJobs(wrong)).toThrow(/--jobs must be a whole number from 1 to \d+/);
  });

  it("reads sizes, times and memory", () => {
    expect([readSize(undefined), readSize("64MB"), readSize("512k"), readSize("1G"), readSize("100")]).toEqual([64 * 1024 ** 2, 64 * 1024 ** 2, 512 * 1024, 1024 ** 3, 100]);
    for (const wrong of ["", "0", "1.5MB", "64 MB", "-1", "1T"]) expect(() => readSize(wrong)).toThrow(/--max-size must be a size/);
    expect([readTimeout(undefined), readTimeout("0"), readTimeout("1.5")]).toEqual([60_000, 0, 1_500]);
    for (const wrong of ["", "-1", "1e3", "ten"]) expect(() => readTimeout(wrong)).toThrow(/--timeout must be a number of seconds/);
    expect(readMemory("512")).toBe(512);
    for (const wrong of ["64", "0x200", "1e3"]) expect(() => readMemory(wrong)).toThrow(/--max-memory must be a whole number of megabytes/);
  });
});

describe("the compile cache", () => {
  it("lives in the user's own cache folder", () => {
    expect(compileCacheDirectory({ XDG_CACHE_HOME: "/home/ana/.xdg" }, "linux", "/home/ana")).toBe("/home/ana/.xdg/imr-determination");
    expect(compileCacheDirectory({ XDG_CACHE_HOME: "relative" }, "linux", "/home/ana")).toBe("/home/ana/.cache/imr-determination");
    expect(compileCacheDirectory({}, "darwin", "/Users/ana")).toBe("/Users/ana/Library/Caches/imr-determination");
    expect(compileCacheDirectory({ LOCALAPPDATA: "C:\\Users\\ana\\AppData\\Local" }, "win32", "C:\\Users\\ana")).toMatch(/imr-determination.Cache$/);
    expect(compileCacheDirectory({}, "linux", "")).toBeUndefined();
  });
});
