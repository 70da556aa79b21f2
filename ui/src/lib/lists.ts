// Lists compared by their items, for values that keep their identity while their content is the same.

/** Whether two lists hold the same items in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** `next`, or `previous` when it holds the same items in the same order. */
export function sameListOr<T>(previous: T[], next: T[]): T[] {
  return sameItems(previous, next) ? previous : next;
}
