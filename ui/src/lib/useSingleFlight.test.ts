import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { useSingleFlight } from "./useSingleFlight";

describe("useSingleFlight", () => {
  it("drops a second call while the first runs, and runs again after it", async () => {
    const { result } = renderHook(() => useSingleFlight());
    let runs = 0;
    let finish: () => void = () => undefined;
    const work = () =>
      new Promise<void>((resolve) => {
        runs++;
        finish = resolve;
      });
    const first = result.current(work);
    void result.current(work);
    expect(runs).toBe(1);
    finish();
    await first;
    const again = result.current(work);
    expect(runs).toBe(2);
    finish();
    await again;
  });
});
