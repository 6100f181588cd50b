/**
 * The command's limits and how their option values are read: strictly (`--jobs 0x2`,
 * `1e1` or ` 2 ` is a usage error, not a number JavaScript would make of it), with the
 * defaults a run over thousands of published PDFs needs.
 */
import { availableParallelism } from "node:os";

/** Thrown for a wrong command line (exit status 2). */
export class UsageError extends Error {}

/** Largest input read, standard input included: far above any letter (tens of kB). */
export const DEFAULT_MAX_SIZE = 64 * 1024 * 1024;
/** Longest a worker may spend on one input before it is stopped: a PDF takes milliseconds. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** Memory a worker may use (JavaScript heap and buffers, a PDF engine's included). */
export const DEFAULT_MAX_MEMORY_MB = 1024;
/** A worker needs this much to load the library at all. */
const MIN_MEMORY_MB = 128;
/** More workers than this per CPU only add memory. */
export const JOBS_PER_CPU = 4;

export const cpus = (): number => availableParallelism();

/** `--jobs`: a whole number from 1 to 4 × the CPUs. */
export function readJobs(value: string | undefined): number {
  const max = JOBS_PER_CPU * cpus();
  if (value === undefined) return cpus();
  if (!/^[1-9][0-9]*$/.test(value) || Number(value) > max) {
    throw new UsageError(`--jobs must be a whole number from 1 to ${max} (${JOBS_PER_CPU} times the ${cpus()} CPUs), not ${quote(value)}`);
  }
  return Number(value);
}

const UNITS: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-size`: bytes, or a whole number of kB, MB or GB (`64MB`, `512k`; 1 kB = 1024 bytes). */
export function readSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SIZE;
  const match = /^([1-9][0-9]*)([kmg]?)b?$/i.exec(value);
  if (!match) throw new UsageError(`--max-size must be a size such as 64MB, 512kB or 1048576 (bytes), not ${quote(value)}`);
  return Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
}

/** `--timeout`: seconds (a decimal number), 0 for none. Returns milliseconds. */
export function readTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value)) throw new UsageError(`--timeout must be a number of seconds (0 for no limit), not ${quote(value)}`);
  return Number(value) * 1000;
}

/** `--max-memory`: whole megabytes per worker. */
export function readMemory(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_MEMORY_MB;
  if (!/^[1-9][0-9]*$/.test(value) || Number(value) < MIN_MEMORY_MB) {
    throw new UsageError(`--max-memory must be a whole number of megabytes, at least ${MIN_MEMORY_MB}, not ${quote(value)}`);
  }
  return Number(value);
}

/** A size for people: "64 MB", "1.5 kB", "300 bytes". */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [["GB", 1024 ** 3], ["MB", 1024 ** 2], ["kB", 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

const quote = (value: string) => JSON.stringify(value);
