/**
 * Where each character of a rewritten string came from in the string it was rewritten
 * from. Rewrites copy runs unchanged, replace a few characters by one (`Â®` → `®`,
 * `\r\n` → `\n`, a run of spaces → one space), drop some (a page header) and, in a
 * layout table, move a cell up a line; so the map is a list of segments sorted by
 * output offset, looked up by binary search.
 */
/** How many numbers the segments hold before they move into a typed array. */
const LARGE = 4096;

export class OffsetMap {
  /**
   * The segments, four numbers each: the output offset where it starts, its source range
   * (start, end), and 1 when it is an unchanged copy (output char i ↔ source char start + i).
   * A plain array while the map is small (a typed array is allocated outside the heap,
   * which costs more than a letter's few segments), moved into a typed array when it
   * grows large: a layout table of a million cells makes millions of segments, and the
   * garbage collector does not look inside a typed array.
   */
  private segments: number[] | Int32Array = [];
  private count = 0;
  private length = 0;

  /** Appends `count` output characters copied one to one from `srcStart`. */
  copy(srcStart: number, count: number): void {
    if (count <= 0) return;
    const last = (this.count - 1) * 4;
    // Adjacent copies merge, so an untouched input is a single segment.
    if (last >= 0 && this.segments[last + 3] === 1 && this.segments[last + 2] === srcStart) {
      this.segments[last + 2] = srcStart + count;
    } else {
      this.push(srcStart, srcStart + count, 1);
    }
    this.length += count;
  }

  /** Appends `count` output characters that together stand for the source range. */
  replace(srcStart: number, srcEnd: number, count = 1): void {
    if (count <= 0) return;
    this.push(srcStart, srcEnd, 0);
    this.length += count;
  }

  private push(srcStart: number, srcEnd: number, copied: number): void {
    const at = this.count * 4;
    if (at === this.segments.length && (at >= LARGE || !Array.isArray(this.segments))) {
      const grown = new Int32Array(Math.max(at * 2, LARGE));
      grown.set(this.segments);
      this.segments = grown;
    }
    this.segments[at] = this.length;
    this.segments[at + 1] = srcStart;
    this.segments[at + 2] = srcEnd;
    this.segments[at + 3] = copied;
    this.count++;
  }

  /** The segment last found: offsets are mostly asked in reading order, so it, or the one after it, is tried first. */
  private last = 0;

  /** The index (times four) of the segment holding output character `offset`. */
  private segmentOf(offset: number): number {
    const segments = this.segments;
    const last = this.last;
    if (last < this.count && segments[last * 4]! <= offset) {
      if (last + 1 >= this.count || offset < segments[(last + 1) * 4]!) return last * 4;
      if (last + 2 >= this.count || offset < segments[(last + 2) * 4]!) return (this.last = last + 1) * 4;
    }
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (segments[mid * 4]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return lo * 4;
  }

  /** Source offset where output character `offset` starts. */
  startOf(offset: number): number {
    if (this.count === 0) return 0;
    if (offset >= this.length) return this.segments[(this.count - 1) * 4 + 2]!;
    const s = this.segmentOf(offset);
    const segments = this.segments;
    return segments[s + 3] ? segments[s + 1]! + (offset - segments[s]!) : segments[s + 1]!;
  }

  /** Source offset just past output character `offset`. */
  endOf(offset: number): number {
    if (this.count === 0) return 0;
    if (offset >= this.length) return this.segments[(this.count - 1) * 4 + 2]!;
    const s = this.segmentOf(offset);
    const segments = this.segments;
    return segments[s + 3] ? segments[s + 1]! + (offset - segments[s]!) + 1 : segments[s + 2]!;
  }
}
