// The board screen as the app shows it, on board 1 of the fake backend, for component tests.
import { render } from "@testing-library/react";
import { vi } from "vitest";

import { Providers } from "../components/Providers";
import { BoardScreen } from "../features/board/BoardScreen";

export function renderBoard() {
  return render(
    <Providers>
      <BoardScreen
        boardId={1}
        focusName={false}
        onDuplicated={vi.fn()}
        onDeleted={vi.fn()}
        onExport={vi.fn()}
        onImport={vi.fn()}
      />
    </Providers>,
  );
}
