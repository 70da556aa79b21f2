// A value rebuilt at each render that keeps its identity while its content is the same, so that the memoised parts
// of the page that receive it are not drawn again.
import { useState } from "react";

/** What `keep` makes of `next` given the value returned at the last render (that value itself when nothing changed). */
export function useKept<T>(next: T, keep: (previous: T, next: T) => T): T {
  const [kept, setKept] = useState(next);
  const value = keep(kept, next);
  if (value !== kept) setKept(value);
  return value;
}
