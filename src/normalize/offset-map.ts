/**
 * Where each character of a rewritten string came from in the string it was rewritten
 * from. Rewrites copy runs unchanged, replace a few characters by one (`Â®` → `®`,
 * `\r\n` → `\n`, a run of spaces → one space), drop some (a page header) and, in a
 * layout table, move a cell up a line; so the map is a list of segments sorted by
 * output offset, looked up by binary search.
 */
export class OffsetMap {
  /** Output offset where each segment starts. */
  private readonly outStart: number[] = [];
  /** Source range of each segment. */
  private readonly srcStart: number[] = [];
  private readonly srcEnd: number[] = [];
  /** 1 when the segment is an unchanged copy (output char i ↔ source char srcStart + i). */
  private readonly copied: number[] = [];
  private length = 0;

  /** Appends `count` output characters copied one to one from `srcStart`. */
  copy(srcStart: number, count: number): void {
    if (count <= 0) return;
    const last = this.outStart.length - 1;
    // Adjacent copies merge, so an untouched input is a single segment.
    if (last >= 0 && this.copied[last] === 1 && this.srcEnd[last] === srcStart) {
      this.srcEnd[last] = srcStart + count;
    } else {
      this.push(srcStart, srcStart + count, 1);
    }
    this.length += count;
  }

  /** Appends `count` output characters that together stand for the source range. */
  replace(srcStart: number, srcEnd: number, count = 1): void {
    if (count <= 0) return;
    for (let i = 0; i < count; i++) this.push(srcStart, srcEnd, 0);
    this.length += count;
  }

  private push(srcStart: number, srcEnd: number, copied: number): void {
    this.outStart.push(this.length);
    this.srcStart.push(srcStart);
    this.srcEnd.push(srcEnd);
    this.copied.push(copied);
  }

  private segmentOf(offset: number): number {
    let lo = 0;
    let hi = this.outStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.outStart[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source offset where output character `offset` starts. */
  startOf(offset: number): number {
    if (this.outStart.length === 0) return 0;
    if (offset >= this.length) return this.srcEnd[this.srcEnd.length - 1]!;
    const s = this.segmentOf(offset);
    return this.copied[s] ? this.srcStart[s]! + (offset - this.outStart[s]!) : this.srcStart[s]!;
  }

  /** Source offset just past output character `offset`. */
  endOf(offset: number): number {
    if (this.outStart.length === 0) return 0;
    if (offset >= this.length) return this.srcEnd[this.srcEnd.length - 1]!;
    const s = this.segmentOf(offset);
    return this.copied[s] ? this.srcStart[s]! + (offset - this.outStart[s]!) + 1 : this.srcEnd[s]!;
  }
}
