// The board's activity in the side panel, loaded with its first opening: the panel's code was among the first
// scripts, where the board's screen-reader messages needed its bytes.
import { SidePanel } from "../../components/SidePanel";
import { Timeline, type TimelineProps } from "./Timeline";

export function ActivityPanel({
  onClose,
  ...timeline
}: Omit<TimelineProps, "ideaId"> & { onClose: () => void }) {
  return (
    <SidePanel label="Board activity" title="Activity" closeLabel="Close activity" onClose={onClose}>
      <Timeline ideaId={null} {...timeline} />
    </SidePanel>
  );
}
