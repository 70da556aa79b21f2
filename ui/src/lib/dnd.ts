// The ids that @dnd-kit knows the board's draggables and drop targets by, shared by the board (cards, zone lists)
// and the chart view (the plane).
import type { UniqueIdentifier } from "@dnd-kit/core";

import type { Zone } from "./bindings";
import { ZONES } from "./zones";

export const zoneDropId = (zone: Zone): string => `zone:${zone}`;
/** The chart view's plane: an idea dropped there is placed where it lands. */
export const PLANE_DROP_ID = "plane";
export const ideaDragId = (id: number): string => `idea:${id}`;

export function parseIdeaId(id: UniqueIdentifier | null | undefined): number | null {
  const text = String(id ?? "");
  return text.startsWith("idea:") ? Number(text.slice(5)) : null;
}

export function parseZoneId(id: UniqueIdentifier | null | undefined): Zone | null {
  const text = String(id ?? "");
  const zone = text.startsWith("zone:") ? text.slice(5) : "";
  return (ZONES as readonly string[]).includes(zone) ? (zone as Zone) : null;
}
