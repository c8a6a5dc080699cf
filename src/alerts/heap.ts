/** A binary min-heap by `at`: the delivery worker's "which chat is ready next" queue. */
export interface Timed {
  at: number;
}

export const createMinHeap = <T extends Timed>() => {
  const items: T[] = [];
  const swap = (i: number, j: number): void => {
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  };
  return {
    get size(): number {
      return items.length;
    },
    peek: (): T | undefined => items[0],
    push(item: T): void {
      items.push(item);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (items[parent]!.at <= items[i]!.at) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop(): T | undefined {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < items.length && items[l]!.at < items[m]!.at) m = l;
          if (r < items.length && items[r]!.at < items[m]!.at) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return top;
    },
  };
};
