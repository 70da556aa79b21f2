// The board screen as the app shows it, on board 1 of the fake backend, for component tests.
import { render } from "@testing-library/react";
import { vi } from "vitest";

import { Providers } from "../components/Providers";
import { forgetDragLayer, loadDragLayer } from "../features/board/BoardDrag";
import { BoardScreen } from "../features/board/BoardScreen";

/** By default with drag and drop loaded, as after the first input, so that a test does not race its loading; with
 * `dragAndDrop: "at first input"` as at start, before any input; with `"as the test left it"` neither loaded nor
 * forgotten (BoardDrag.test.tsx). */
export async function renderBoard({
  dragAndDrop = "loaded",
  chart = false,
}: { dragAndDrop?: "loaded" | "at first input" | "as the test left it"; chart?: boolean } = {}) {
  if (dragAndDrop === "loaded") await loadDragLayer();
  else if (dragAndDrop === "at first input") forgetDragLayer();
  return render(
    <Providers>
      <BoardScreen
        boardId={1}
        focusName={false}
        openOnChart={chart}
        onDuplicated={vi.fn()}
        onDeleted={vi.fn()}
        onExport={vi.fn()}
        onImport={vi.fn()}
      />
    </Providers>,
  );
}
