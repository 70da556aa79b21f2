/**
 * A count with its thousands grouped, "12,345", as the chart's counts read. Not `toLocaleString()`: on the board's
 * first frame that would be the page's first use of ICU's number formats, which loads their data into the web
 * process (megabytes) before anything is drawn.
 */
export function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A count and its noun, the noun in the singular for one: "1 idea", "2,000 ideas". */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}
