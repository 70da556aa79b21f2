// An action that runs once at a time: a second call while the first is on its way (a double click, Enter pressed
// twice) is dropped, whatever React has rendered meanwhile.
import { useCallback, useRef } from "react";

export function useSingleFlight(): (work: () => Promise<void>) => Promise<void> {
  const running = useRef(false);
  return useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    try {
      await work();
    } finally {
      running.current = false;
    }
  }, []);
}
