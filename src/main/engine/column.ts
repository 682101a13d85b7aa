/**
 * A growable column of 32-bit integers or doubles: the evidence store's columns and the packed
 * records' numbers and structure program.
 */
export class Column<A extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = v;
    this.length += 1;
  }

  private grow(): void {
    const bigger = this.make(Math.max(1024, this.data.length * 2));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  trimmed(): A {
    return this.data.subarray(0, this.length) as A;
  }

  /** Takes over decoded values as the column's whole content. */
  adopt(data: A): void {
    this.data = data;
    this.length = data.length;
  }
}
