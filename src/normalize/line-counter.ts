/**
 * Line and column of an offset in the caller's string, found by binary search over the
 * line starts (computed once, on first use). Lines break at `\n`, `\r\n` and `\r`.
 * Offsets are mostly asked in reading order, so the line last found, and the one after
 * it, are tried first.
 */
export class LineCounter {
  private starts: number[] | null = null;
  private last = 0;

  constructor(private readonly input: string) {}

  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.input));
    // (Indices are checked: reading past an array's end is V8's slow path.)
    const last = this.last;
    const n = starts.length;
    if (starts[last]! <= offset) {
      if (last + 1 >= n || offset < starts[last + 1]!) return this.at(last, offset);
      if (last + 2 >= n || offset < starts[last + 2]!) return this.at(last + 1, offset);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.at(lo, offset);
  }

  private at(line: number, offset: number): { line: number; column: number } {
    this.last = line;
    return { line: line + 1, column: offset - this.starts![line]! + 1 };
  }
}

function lineStarts(input: string): number[] {
  const starts = [0];
  if (input.indexOf("\r") < 0) {
    for (let i = input.indexOf("\n"); i >= 0; i = input.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (input.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
