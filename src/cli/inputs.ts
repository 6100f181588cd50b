/**
 * Finding and reading the inputs safely. Only regular files are read (a FIFO or a link to
 * `/dev/zero` named like a letter would block or never end), never more than the size
 * limit; a folder that cannot be listed, like a file that cannot be read, is one problem
 * reported with its path, and the run goes on.
 */
import * as fs from "node:fs";
import type { Dirent, Stats } from "node:fs";
import { join } from "node:path";
import { formatSize } from "./limits.js";

/**
 * A path to open: a string, or its bytes when a name in it is not UTF-8 (an old archive's
 * Latin-1 "é"), which a string cannot hold.
 */
export type FsPath = string | Buffer;

/**
 * An input found on the command line or in a folder: a file to read, or why it cannot be.
 * `source` is the path as the output shows it; `path`, when given, is the path to open.
 */
export type Listed = { source: string; path?: Buffer; problem?: undefined } | { source: string; path?: Buffer; problem: string };

/** The file-system calls listing needs; tests give failing ones (as root, every folder can be read). */
export interface ListingFs {
  stat(path: FsPath): Promise<Stats>;
  /** A folder's entries, their names as bytes. */
  readdir(path: FsPath): Promise<Dirent<Buffer>[]>;
}

const nodeFs: ListingFs = {
  stat: (path) => fs.promises.stat(path),
  readdir: (path) => fs.promises.readdir(path, { withFileTypes: true, encoding: "buffer" }),
};

export const STDIN = "-";
const isLetterFile = (name: string) => /\.(txt|pdf)$/i.test(name);

/** The file `--out` writes: its name and identity, so that a folder's listing leaves it out. */
export interface OutputFile {
  name: string;
  info: Stats;
}

/**
 * The inputs the command line names, in order: "-" (standard input), files of any name,
 * and the .txt and .pdf files of folders (recursively, sorted by name; links to folders
 * are followed once each). What cannot be read is listed with the reason. The `--out`
 * file, when a folder holds it, is not an input: it holds the results of this run.
 */
export async function* listInputs(inputs: readonly string[], fileSystem: ListingFs = nodeFs, output: OutputFile | null = null): AsyncGenerator<Listed> {
  for (const input of inputs) {
    if (input === STDIN) {
      yield { source: STDIN };
      continue;
    }
    let info: Stats;
    try {
      info = await fileSystem.stat(input);
    } catch (error) {
      yield { source: input, problem: describeError(error) };
      continue;
    }
    if (info.isFile()) yield { source: input };
    else if (!info.isDirectory()) yield { source: input, problem: `not a regular file or folder (${kindOf(info)}); give - to read standard input` };
    else {
      let found = false;
      for await (const listed of walk(input, input, fileSystem, new Set([identity(info)]), output)) {
        found = true;
        yield listed;
      }
      if (!found) yield { source: input, problem: "the folder holds no .txt or .pdf file" };
    }
  }
}

/** Walks `folder` (opened by `path`, shown as `folder`). */
async function* walk(folder: string, path: FsPath, fileSystem: ListingFs, seen: Set<string>, output: OutputFile | null): AsyncGenerator<Listed> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await fileSystem.readdir(path);
  } catch (error) {
    yield listed(folder, path, `the folder cannot be listed: ${describeError(error)}`);
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const name = entry.name.toString();
    const source = join(folder, name);
    // A name that is not UTF-8 decodes with U+FFFD in it: the entry is then opened by its bytes.
    const entryPath = typeof path === "string" && Buffer.byteLength(name) === entry.name.length && !name.includes("\ufffd") ? source : Buffer.concat([Buffer.from(path), SLASH, entry.name]);
    if (entry.isDirectory()) {
      yield* walk(source, entryPath, fileSystem, seen, output);
      continue;
    }
    if (entry.isSymbolicLink()) {
      // A link is what it points to: a letter file, or a folder not seen yet (no loops).
      let target: Stats;
      try {
        target = await fileSystem.stat(entryPath);
      } catch (error) {
        if (isLetterFile(name)) yield listed(source, entryPath, describeError(error));
        continue;
      }
      if (target.isDirectory()) {
        if (seen.has(identity(target))) continue;
        seen.add(identity(target));
        yield* walk(source, entryPath, fileSystem, seen, output);
      } else if (isLetterFile(name) && !(output && sameFile(target, output.info))) {
        yield listed(source, entryPath, target.isFile() ? undefined : `not a regular file (${kindOf(target)})`);
      }
      continue;
    }
    if (!isLetterFile(name)) continue;
    // Only an entry of the output's name can be it (a hard link by another name aside): no stat for the others.
    if (output && name === output.name && (await fileSystem.stat(entryPath).then((info) => sameFile(info, output.info), () => false))) continue;
    yield listed(source, entryPath, entry.isFile() ? undefined : `not a regular file (${kindOf(entry)})`);
  }
}

const SLASH = Buffer.from("/");

function listed(source: string, path: FsPath, problem: string | undefined): Listed {
  const opened = typeof path === "string" ? {} : { path };
  return problem === undefined ? { source, ...opened } : { source, ...opened, problem };
}

const identity = (info: Stats) => `${info.dev}:${info.ino}`;
/** Whether two stats are of one file (two paths, a link and its target). */
export const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

function kindOf(info: Stats | Dirent<Buffer>): string {
  if (info.isFIFO()) return "a FIFO";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  if (info.isDirectory()) return "a folder";
  return "not a file";
}

/** Thrown when an input cannot be read; its message is the reason. */
export class InputError extends Error {}

// O_NONBLOCK: opening a FIFO put there after the listing returns at once instead of
// waiting for a writer; for a regular file it changes nothing. (Not on Windows.)
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** A regular file's bytes, if it is no larger than `maxSize`. */
export function readRegularFile(path: string | Uint8Array, maxSize: number): Buffer {
  let fd: number;
  try {
    // A path's bytes come from a worker's message as a Uint8Array: opened as a Buffer over them.
    fd = fs.openSync(typeof path === "string" ? path : Buffer.from(path.buffer, path.byteOffset, path.length), OPEN_FLAGS);
  } catch (error) {
    throw new InputError(describeError(error));
  }
  try {
    const info = fs.fstatSync(fd);
    if (!info.isFile()) throw new InputError(`not a regular file (${kindOf(info)})`);
    if (info.size > maxSize) throw new InputError(tooLarge(maxSize));
    // Read to the end, in case the file grew since; a byte more than the limit is enough to tell.
    let buffer = Buffer.allocUnsafe(Math.min(info.size, maxSize) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxSize) throw new InputError(tooLarge(maxSize));
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxSize + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof InputError ? error : new InputError(describeError(error));
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input's bytes, if no more than `maxSize` (reading stops there). */
export async function readStandardInput(maxSize: number, stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += (chunk as Buffer).length;
    if (length > maxSize) {
      (stream as NodeJS.ReadStream).destroy?.();
      throw new InputError(tooLarge(maxSize));
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, length);
}

const tooLarge = (maxSize: number) => `larger than ${formatSize(maxSize)}, the --max-size limit`;

/** A PDF announces itself with "%PDF-" (readers accept up to a kilobyte of anything before it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes("%PDF-");
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ELOOP: "too many symbolic links (a loop?)",
  ENAMETOOLONG: "the path is too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  EIO: "input/output error",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EROFS: "read-only file system",
};

/** The reason an operating-system error gives, in words ("permission denied"). */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

// Control characters, and the Unicode ones that break or reorder a line, which a file
// name can hold and a terminal would obey.
const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * A path as stderr shows it: as it is, or, when it holds a line break or another control
 * character, as a JSON string (quoted, `\n` and `\u001b` escaped), so that no name can
 * forge a line of its own or drive the terminal.
 */
export function printable(path: string): string {
  UNPRINTABLE.lastIndex = 0;
  if (!UNPRINTABLE.test(path)) return path;
  UNPRINTABLE.lastIndex = 0;
  return JSON.stringify(path).replace(UNPRINTABLE, escape);
}

/** A message on one line: control characters escaped. */
export const oneLine = (message: string): string => message.replace(UNPRINTABLE, escape);
