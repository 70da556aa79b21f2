// The ideas of one zone as a sortable, droppable list, with a teaching empty state. A long zone renders a screenful
// of ideas and more as the list nears its end, so that a board of 10,000 ideas opens as fast and as light as a small
// one. An idea that arrives (just added, or moved here by a command) is shown wherever it lands, scrolled to and
// highlighted: past the rendered cards, it is shown after them and the button for the ones between, so that a zone
// never renders all its cards for one arrival (a number key sends an idea to the end of its quadrant).
import { memo, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

import type { Idea, Zone } from "../../lib/bindings";
import { ideaDragId } from "../../lib/dnd";
import { CARDS_PER_PAGE, cardsThatFit, FIRST_CARDS, showMoreLabel } from "../../lib/firstFrameRules";
import { afterFirstFrame, firstFrameShown } from "../../lib/startup";
import { sameListOr } from "../../lib/lists";
import { useKept } from "../../lib/useKept";
import { ZONE_INFO } from "../../lib/zones";
import { focusShown } from "./focus";
import { DragHooksContext } from "./dragHooks";
import { IdeaCard } from "./IdeaCard";

/** How far below the list's end the "Show more" button starts the next page: one list height, so that scrolling
 * finds the cards there. */
const AHEAD = "0px 0px 100% 0px";

/** How long an arrived card stays highlighted, from the frame that shows it; board.css fades it out in 3 s. */
export const ARRIVAL_MS = 4000;

/** An idea to bring into view; `seq` tells one arrival from the next of the same idea. */
export interface Arrival {
  id: number;
  seq: number;
}

/** Where a zone's list was left: how many cards it had rendered, and how far it was scrolled. */
export interface ZonePlace {
  limit: number;
  scrollTop: number;
}

interface ZoneListProps {
  zone: Zone;
  /** The board's lists' places, kept while the board is open: a quadrant shown again (the chart and back) comes back
   * as it was left, not at its first cards. */
  places?: Map<Zone, ZonePlace>;
  ideas: Idea[];
  selectedId: number | null;
  matches: Set<number> | null;
  isTarget: boolean;
  arrival: Arrival | null;
  onOpen: (id: number, focusTitle?: boolean) => void;
  onDelete: (id: number) => void;
}

/** Drawn again only when its own props change: a move touches two zones, and the others keep their cards as they are. */
export const ZoneList = memo(function ZoneList(props: ZoneListProps) {
  const { zone, places, ideas, selectedId, matches, isTarget, arrival, onOpen, onDelete } = props;
  const drag = useContext(DragHooksContext);
  const { setNodeRef } = drag.useZone(zone);
  const [limit, setLimit] = useState(() =>
    Math.max(places?.get(zone)?.limit ?? 0, firstFrameShown() ? FIRST_CARDS : 0),
  );
  /** Whether the list shows more by itself as its end comes near: not before the app's first frame, while it holds
   * only the cards that fit (its "Show more" button is near then, and would render a page of cards nobody scrolled
   * to: 120 cards on a 1,000-idea board instead of 49). */
  const [filling, setFilling] = useState(firstFrameShown);
  const moreRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement | null>(null);
  // The app's first frame draws only the cards a list has room for (a quadrant shows four or five), measured before
  // that frame is painted; the rest of the zone's first cards follow the frame.
  useLayoutEffect(() => {
    if (firstFrameShown()) return;
    // A list with no height yet (not laid out) gets the first cards at once.
    const height = listRef.current?.clientHeight ?? 0;
    setLimit(cardsThatFit(height));
    return afterFirstFrame(() => {
      setLimit((now) => Math.max(now, FIRST_CARDS));
      setFilling(true);
    });
  }, []);
  // Back where it was left, and kept as it goes (the list's node is gone by the time the list unmounts).
  const limitNow = useRef(limit);
  useEffect(() => {
    limitNow.current = limit;
  }, [limit]);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !places) return;
    list.scrollTop = places.get(zone)?.scrollTop ?? 0;
    return () => {
      places.set(zone, { limit: limitNow.current, scrollTop: list.scrollTop });
    };
  }, [places, zone]);
  const shownSeq = useRef(0);
  /** The arrival whose card is highlighted, from the first frame that shows it until ARRIVAL_MS later. */
  const [lit, setLit] = useState<number | null>(null);

  const arrivedAt = arrival ? ideas.findIndex((i) => i.id === arrival.id) : -1;
  /** End pressed on a card of this long list: its last card is shown after those rendered, and takes the focus. */
  const [lastAsked, setLastAsked] = useState(false);
  /** Whether the keys reach an idea's card: a search dims those it does not match, and leaves them out. */
  const reachable = (i: Idea) => matches === null || matches.has(i.id);
  /** The last card the keys reach: with a search, End took the focus to the list's last card though it did not
   * match, drawn at full strength as focused, and Delete deleted it. */
  const lastAt = matches === null ? ideas.length - 1 : ideas.findLastIndex(reachable);
  /** The search's first match in this zone: brought into view. */
  const matchAt = useMemo(
    () => (matches && matches.size > 0 ? ideas.findIndex((i) => matches.has(i.id)) : -1),
    [ideas, matches],
  );
  /** How many of the search's matches past the rendered cards are shown after them; back to a page at each search. */
  const [matchLimit, setMatchLimit] = useState(CARDS_PER_PAGE);
  const [searched, setSearched] = useState(matches);
  if (searched !== matches) {
    setSearched(matches);
    setMatchLimit(CARDS_PER_PAGE);
  }
  /** The arrival, or else the last card once End asked for it, when it lies beyond the rendered cards, and the
   * search's matches there (a page of them at a time): shown after the rendered cards, in the list's order, so that
   * the list never renders all its cards for them. A search on a long list showed its first match alone, the others
   * behind "Show more", which showed the next cards, matching or not. */
  const { beyond, matchesLeft } = useMemo(() => {
    const single = arrivedAt >= limit ? arrivedAt : lastAsked && lastAt >= limit ? lastAt : -1;
    const past: number[] = [];
    let left = 0;
    for (let at = limit; matches && matches.size > 0 && at < ideas.length; at++) {
      const id = ideas[at]?.id;
      if (at !== single && (id === undefined || !matches.has(id))) continue;
      if (at === single || past.length < matchLimit) past.push(at);
      else left += 1;
    }
    if (single >= 0 && !past.includes(single)) {
      past.push(single);
      past.sort((a, b) => a - b);
    }
    return { beyond: past.flatMap((at) => ideas[at] ?? []), matchesLeft: left };
  }, [ideas, matches, limit, matchLimit, arrivedAt, lastAsked, lastAt]);
  const page = useMemo(() => (ideas.length > limit ? ideas.slice(0, limit) : ideas), [ideas, limit]);
  const shown = useMemo(() => (beyond.length > 0 ? [...page, ...beyond] : page), [page, beyond]);
  // The same list of ids while the cards are the same (an edit or a move's answer replaces an idea, not its place), so
  // that lighting or editing one card re-renders that card alone: a new list re-renders every card of the zone.
  const items = useKept(
    useMemo(() => shown.map((i) => ideaDragId(i.id)), [shown]),
    sameListOr,
  );
  const hidden = ideas.length - shown.length;
  const hasMore = hidden > 0;

  // Once its card is rendered, scroll the arrival into view, once per arrival, and highlight it from the next frame:
  // rendering a long list can keep the page busy for a moment, and the highlight must not fade before it is seen.
  const arrivedShown = arrivedAt >= 0;
  useLayoutEffect(() => {
    if (!arrival || !arrivedShown || shownSeq.current === arrival.seq) return;
    const { id, seq } = arrival;
    shownSeq.current = seq;
    requestAnimationFrame(() => {
      setLit(seq);
    });
    const card = listRef.current?.querySelector<HTMLElement>(`[data-idea-id="${id}"]`);
    const list = listRef.current;
    if (!card || !list) return;
    const c = card.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    if (c.top >= l.top && c.bottom <= l.bottom) return;
    // A short way glides, so the eye can follow; a long way (or with reduced motion) jumps, so that the card is in
    // view while its highlight is still bright. Once the list has settled (a long list may still be laying out, and
    // the board's answer may re-render it), the card is checked again and brought wholly into view.
    const far = Math.abs(c.top - l.top) > 2 * l.height;
    const still = far || window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    card.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    const reveal = () => {
      const again = listRef.current?.querySelector<HTMLElement>(`[data-idea-id="${id}"]`);
      const box = listRef.current?.getBoundingClientRect();
      const at = again?.getBoundingClientRect();
      if (again && box && at && (at.top < box.top || at.bottom > box.bottom)) {
        again.scrollIntoView({ block: "nearest", behavior: "auto" });
      }
    };
    const settles = [600, 1500].map((ms) => window.setTimeout(reveal, ms));
    return () => {
      settles.forEach((t) => {
        window.clearTimeout(t);
      });
    };
  }, [arrival, arrivedShown]);
  const firstMatch = matchAt >= 0 ? ideas[matchAt]?.id : undefined;
  useLayoutEffect(() => {
    const list = listRef.current;
    if (firstMatch === undefined || !list) return;
    const card = list.querySelector<HTMLElement>(`.card[data-idea-id="${String(firstMatch)}"]`);
    const box = list.getBoundingClientRect();
    const at = card?.getBoundingClientRect();
    // At the list's top, with what follows it below: brought only as far as the list's bottom, it stood under a card
    // cut in half, and the matches after it were out of sight.
    if (card && at && (at.top < box.top || at.bottom > box.bottom)) card.scrollIntoView({ block: "start" });
  }, [firstMatch]);
  useEffect(() => {
    if (lit === null) return;
    const timer = setTimeout(() => {
      setLit(null);
    }, ARRIVAL_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [lit]);
  const litId = arrival !== null && lit === arrival.seq ? arrival.id : null;

  // Show more when the end of the list comes near (the button does the same by click or keyboard), again after each
  // page while the button is still near (a tall window); not while an arrival is shown past the button, which would
  // push the arrival out of view. Once that arrival has gone (the next one landed elsewhere), the list is still
  // scrolled to its end, where the arrival was: the button is in view because the list went there, not because the
  // person scrolled to it, so only a later scroll to it shows more. Otherwise each number key that sends an idea to
  // the end of a long quadrant would render a page more of its cards.
  // The same holds for a list back where it was left (the chart and back): at its end, it would render a page more
  // at each return.
  const arrivalPast = beyond.length > 0;
  const afterArrival = useRef(false);
  const backInPlace = useRef(places?.has(zone) ?? false);
  useEffect(() => {
    if (arrivalPast) afterArrival.current = true;
    const more = moreRef.current;
    if (!filling || !more || arrivalPast || typeof IntersectionObserver === "undefined") return;
    let ignoreFirst = afterArrival.current || backInPlace.current;
    afterArrival.current = false;
    backInPlace.current = false;
    const observer = new IntersectionObserver(
      (entries) => {
        // An observer's first report is where the button is now, not a scroll.
        if (ignoreFirst) {
          ignoreFirst = false;
          return;
        }
        if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + CARDS_PER_PAGE);
      },
      { root: listRef.current, rootMargin: AHEAD },
    );
    observer.observe(more);
    return () => {
      observer.disconnect();
    };
  }, [hasMore, arrivalPast, limit, filling]);

  // One Tab stop per zone: the selected card where it is in the zone (an idea just added is selected, and Tab from
  // New idea went to the first card while the new one stood highlighted: 1 then moved the wrong one), else the card
  // last focused in it, else its first card the search does not dim. The arrow keys, Home and End go from card to
  // card (IdeaCard); Tab goes on to the next zone. On a 2,000-idea board, Tab stopped at every card, and reaching
  // Challenge took some 460 presses.
  const [lastFocused, setLastFocused] = useState<number | null>(null);
  const isDimmed = (idea: Idea) => matches !== null && !matches.has(idea.id);
  const tabStop = (
    shown.find((i) => i.id === selectedId && !isDimmed(i)) ??
    shown.find((i) => i.id === lastFocused && !isDimmed(i)) ??
    shown.find((i) => !isDimmed(i))
  )?.id;

  const card = (idea: Idea) => (
    <IdeaCard
      key={idea.id}
      idea={idea}
      selected={idea.id === selectedId}
      arrived={idea.id === litId}
      dimmed={isDimmed(idea)}
      tabStop={idea.id === tabStop}
      onOpen={onOpen}
      onDelete={onDelete}
    />
  );

  /** Gives the focus to idea `id`'s card, scrolled into view; false when the list has not drawn it. */
  const focusDrawn = (id: number) => {
    const card = listRef.current?.querySelector<HTMLElement>(`.card[data-idea-id="${id}"]`);
    if (card) focusShown(card, true);
    card?.scrollIntoView({ block: "nearest" });
    return card != null;
  };

  // A card the keys asked for before it was drawn (End: the last; Down on the last drawn: the next) takes the focus
  // once it is.
  const focusWhenDrawn = useRef<number | null>(null);
  useLayoutEffect(() => {
    const id = focusWhenDrawn.current;
    if (id !== null && focusDrawn(id)) focusWhenDrawn.current = null;
  });

  // While a search has matches past the rendered cards, the button shows more of them, after those shown.
  const moreButton = (
    <button
      ref={moreRef}
      type="button"
      className="zone-more"
      // Not a Tab stop: Tab goes from zone to zone, and the arrows and End reach the cards past it (the list
      // draws them as the focus comes near). Focused by Tab, it scrolled into view, which drew more cards and
      // pushed it, still focused, out of sight.
      tabIndex={-1}
      onClick={() => {
        if (matchesLeft > 0) setMatchLimit((l) => l + CARDS_PER_PAGE);
        else setLimit((l) => l + CARDS_PER_PAGE);
      }}
    >
      {matchesLeft > 0
        ? showMoreLabel(matchesLeft, "matches")
        : showMoreLabel(hidden, matches ? "others" : "cards")}
    </button>
  );

  return (
    <drag.List items={items}>
      <div
        ref={(node) => {
          setNodeRef(node);
          listRef.current = node;
        }}
        className={`zone-list${isTarget ? " zone-list-target" : ""}`}
        data-zone={zone}
        onFocus={(e) => {
          const id =
            e.target instanceof HTMLElement && e.target.matches(".card")
              ? e.target.dataset.ideaId
              : undefined;
          if (id !== undefined) setLastFocused(Number(id));
        }}
        onKeyDown={(e) => {
          // End, or Down on the last card drawn, that a card left to the list (see IdeaCard): the card asked for is
          // not drawn yet, past "Show more".
          const plain = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
          if ((e.key !== "End" && e.key !== "ArrowDown") || !plain || e.defaultPrevented || !hasMore) return;
          const card = e.target;
          if (!(card instanceof HTMLElement) || !card.matches(".card")) return;
          const from = ideas.findIndex((i) => i.id === Number(card.dataset.ideaId));
          const wanted = e.key === "End" ? ideas[lastAt] : ideas.slice(from + 1).find(reachable);
          if (!wanted) return;
          e.preventDefault();
          if (focusDrawn(wanted.id)) return;
          focusWhenDrawn.current = wanted.id;
          if (e.key === "End") setLastAsked(true);
          else setLimit((l) => (from + 1 < l ? l : l + CARDS_PER_PAGE));
        }}
      >
        {ideas.length === 0 && <p className="zone-empty">{ZONE_INFO[zone].hint}</p>}
        {page.map(card)}
        {hasMore && matchesLeft === 0 && moreButton}
        {beyond.map(card)}
        {matchesLeft > 0 && moreButton}
      </div>
    </drag.List>
  );
});
