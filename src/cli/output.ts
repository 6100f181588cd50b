/**
 * Where the results go: a file (`--out`) or standard output. Any failure to write (a
 * missing folder, a folder given as the file, a full disk, `/dev/full`) becomes one
 * `OutputError` the command reports on one line with its own exit status, instead of an
 * unhandled 'error' event.
 */
import * as fs from "node:fs";
import { dirname } from "node:path";
import { describeError, printable } from "./inputs.js";

export class OutputError extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
    /** The reader of a pipe went away (`imr-parse … | head`): not worth a message. */
    readonly readerGone = false,
  ) {
    super(`cannot write ${where}: ${reason}`);
  }
}

export interface Output {
  /** Resolves once the text is written or buffered; rejects with an OutputError. */
  write(text: string): Promise<void>;
  close(): Promise<void>;
  /** The file written to (`--out`), to leave out of the inputs; null for standard output. */
  file: fs.Stats | null;
}

/** The file named by `--out`, created (or emptied) at once, so a wrong path stops the run before any work. */
export function openFile(path: string): Output {
  const where = printable(path);
  let fd: number;
  try {
    fd = fs.openSync(path, "w");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError(where, code === "ENOENT" ? `no such folder: ${printable(dirname(path))}` : describeError(error));
  }
  const fail = (error: unknown) => new OutputError(where, describeError(error));
  return {
    file: fs.fstatSync(fd),
    async write(text) {
      // Synchronous: a file takes the text at once, and the results stay in order.
      try {
        fs.writeSync(fd, text);
      } catch (error) {
        throw fail(error);
      }
    },
    async close() {
      try {
        fs.closeSync(fd);
      } catch (error) {
        throw fail(error);
      }
    },
  };
}

/** Standard output, with its errors caught (it can be a full device, or a closed pipe). */
export function standardOutput(stream: NodeJS.WriteStream = process.stdout): Output {
  let failure: OutputError | null = null;
  const failed = (error: NodeJS.ErrnoException | null | undefined) => {
    if (error) failure ??= new OutputError("standard output", describeError(error), error.code === "EPIPE");
  };
  stream.on("error", failed);
  return {
    file: null,
    write(text) {
      if (failure) return Promise.reject(failure);
      if (text.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const settle = () => {
          stream.off("drain", settle);
          if (failure) reject(failure);
          else resolve();
        };
        // The callback carries the error of this write (a destroyed stream emits no more
        // 'error' events); when the stream is full, 'drain' says the reader took some.
        const taken = stream.write(text, (error) => {
          failed(error);
          if (error) settle();
        });
        if (taken) resolve();
        else stream.on("drain", settle);
      });
    },
    close() {
      // An empty write's callback comes after every earlier write is done.
      return new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        stream.write("", (error) => {
          failed(error);
          if (failure) reject(failure);
          else resolve();
        });
      });
    },
  };
}
