/**
 * Line and column of an offset in the caller's string, found by binary search over the
 * line starts (computed once, on first use). Lines break at `\n`, `\r\n` and `\r`.
 */
export class LineCounter {
  private starts: number[] | null = null;

  constructor(private readonly input: string) {}

  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.input));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
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
