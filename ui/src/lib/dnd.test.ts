import { describe, expect, it } from "vitest";

import { ideaDragId, parseIdeaId, parseZoneId, PLANE_DROP_ID, zoneDropId } from "./dnd";

describe("drag and drop ids", () => {
  it("reads back the idea and the zone they were made from", () => {
    expect(parseIdeaId(ideaDragId(42))).toBe(42);
    expect(parseZoneId(zoneDropId("kill"))).toBe("kill");
    expect(parseZoneId(zoneDropId("unsorted"))).toBe("unsorted");
  });

  it("tells ideas, zones and the plane apart", () => {
    expect(parseIdeaId(zoneDropId("kill"))).toBeNull();
    expect(parseZoneId(ideaDragId(3))).toBeNull();
    expect(parseIdeaId(PLANE_DROP_ID)).toBeNull();
    expect(parseZoneId(PLANE_DROP_ID)).toBeNull();
    expect(parseZoneId("zone:elsewhere")).toBeNull();
    expect(parseIdeaId(null)).toBeNull();
  });
});
