// Files dragged onto the window: whether one is over it (to show where to drop), and the name of one dropped.
// The backend keeps the dropped file's path; the page only asks it to open the file.
import { useState } from "react";

import { useBackendEvent } from "../../lib/ipc";

export function useFileDrop(onDropped: (fileName: string) => void): boolean {
  const [over, setOver] = useState(false);
  useBackendEvent("file-drag", (drag) => {
    setOver(drag.over);
  });
  useBackendEvent("file-dropped", (dropped) => {
    onDropped(dropped.fileName);
  });
  return over;
}
