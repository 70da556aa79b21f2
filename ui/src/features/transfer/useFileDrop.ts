// Files dragged onto the window: whether one is over it (to show where to drop), and the name of one dropped.
// The backend keeps the dropped file's path; the page only asks it to open the file.
import { listen } from "@tauri-apps/api/event";
import { useEffect, useRef, useState } from "react";

export function useFileDrop(onDropped: (fileName: string) => void): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(onDropped);
  useEffect(() => {
    latest.current = onDropped;
  });
  useEffect(() => {
    const stops: (() => void)[] = [];
    let cancelled = false;
    const keep = (unlisten: () => void) => {
      if (cancelled) unlisten();
      else stops.push(unlisten);
    };
    const ignore = () => undefined; // no backend events (unit tests)
    listen<boolean>("file-drag", (e) => {
      setOver(e.payload);
    }).then(keep, ignore);
    listen<string>("file-dropped", (e) => {
      latest.current(e.payload);
    }).then(keep, ignore);
    return () => {
      cancelled = true;
      stops.forEach((stop) => {
        stop();
      });
    };
  }, []);
  return over;
}
