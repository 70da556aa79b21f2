// Where the pointer is while it drags an idea over the chart's plane, for the ghost marker: a store of its own, so
// that a pointer move re-renders the ghost alone, not the board.

export interface Point {
  x: number;
  y: number;
}

/** A value that components read with `useSyncExternalStore`. */
export interface PointerStore {
  get: () => Point | null;
  set: (next: Point | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createPointerStore(): PointerStore {
  let value: Point | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (next === value || (next && value && next.x === value.x && next.y === value.y)) return;
      value = next;
      listeners.forEach((l) => {
        l();
      });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
