// Up, Down, Home and End in a list of buttons or boxes, as in the sidebar's boards, a chart's list of ideas and Start
// round's ideas to pick.

const STEPS: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at) => at + 1,
  ArrowUp: (at) => at - 1,
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The item of `items` that `key` goes to from the one at `at` (-1: from none of them, as from the list's heading, where
 * Down goes to the first), kept at the list's ends; undefined for another key or an empty list.
 */
export function listKeyTarget<T extends Element>(
  key: string,
  items: readonly T[],
  at: number,
): T | undefined {
  const step = STEPS[key];
  const last = items.length - 1;
  return step && last >= 0 ? items[Math.max(0, Math.min(last, step(at, last)))] : undefined;
}
