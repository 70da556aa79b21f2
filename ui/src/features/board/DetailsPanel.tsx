// The selected idea, editable: title, notes, scores, owner, link, tags, where it sits, and its timeline. Each field is
// saved on its own, as one edit, when it loses focus (or on Enter in a one-line field, where Escape takes back an edit
// not yet saved); Escape closes the panel and returns to the board. A value the backend would refuse (no title, a link
// that is not a web address) is never sent: it is marked at its field with what to type instead, holds back no other
// field, and the save indicator counts it.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";

import { LazyMarkdown as Markdown } from "../../components/LazyMarkdown";
import { SidePanel } from "../../components/SidePanel";
import { useToast, withdrawToasts } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import type { Idea, IdeaEdit, Zone } from "../../lib/bindings";
import { DRAFT_FIELDS, dropDraft, keepDraft, keptDraft, type KeptDraft } from "../../lib/drafts";
import { setStyle } from "../../lib/styleAttribute";
import { pasteCut, shorten, TAG_MAX, TITLE_CUT, TITLE_MAX, typedBy } from "../../lib/text";
import { ZONE_INFO, ZONES } from "../../lib/zones";
import { Timeline } from "../history/Timeline";
import {
  FIELDS,
  fieldProblem,
  notSaved,
  oneLine,
  parseScore,
  sameValue,
  scoreProblem,
  type Field,
  type ScoreAxis,
  type UnsavedField,
} from "./fields";
import { fieldWord } from "./unsaved";
import { revealBesidePanel } from "./besidePanel";
import type { BoardView } from "./BoardToolbar";

interface DetailsPanelProps {
  idea: Idea;
  boardTags: string[];
  onSave: (id: number, edit: IdeaEdit) => void;
  onScores: (id: number, payoff: number, cost: number) => void;
  onMove: (id: number, zone: Zone) => void;
  onDelete: (id: number) => void;
  onClose: () => void;
  /** Something went wrong; with the toasts' `group` of a field's value not saved (a later save of it ends it). */
  onError: (message: string, group?: string) => void;
  /** The fields on screen that are not saved, each time that changes; an empty list when the panel closes. */
  onUnsaved?: (unsaved: UnsavedField[]) => void;
  /** Takes the panel's own step back, which the board's Undo takes first, while its fields hold what cannot be saved
   * (a payoff of 11; `null` while they hold none, and once the panel goes): those put back to the saved values;
   * whether it took the step. */
  onTypedStepBack?: (takeBack: (() => boolean) | null) => void;
  /** Asks the title to take the focus, each time it is a new value (E on a card, also once the panel is open); `null`
   * leaves the focus where it is (a click on a card keeps it: the board's keys, 1–4 to move, Delete, the arrows,
   * still act on the idea). Not given: the title takes the focus as the panel opens. */
  titleFocus?: TitleFocus | null;
  /** The board's view, where the idea shown is kept in sight beside the panel. */
  view?: BoardView;
}

/** A request for the title to take the focus: a new object each time it is asked. */
export interface TitleFocus {
  readonly asked: number;
}
const AT_OPEN: TitleFocus = { asked: 0 };

/** Slider steps closer together than this are one change. */
const SLIDER_BURST_MS = 600;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function toEdit(idea: Idea): IdeaEdit {
  return { title: idea.title, notes: idea.notes, owner: idea.owner, link: idea.link, tags: idea.tags };
}

function withField(edit: IdeaEdit, field: Field, value: IdeaEdit[Field]): IdeaEdit {
  return { ...edit, [field]: value };
}

const SCORE_AXES: readonly ScoreAxis[] = ["payoff", "cost"];
const DEFAULT_SCORE = 5;
/** Keys that move through a closed list's options (a letter goes to the option it starts). */
const BROWSING_KEYS = /^(Arrow(Up|Down|Left|Right)|Home|End|Page(Up|Down)|\w)$/;

/** A score typed or slid: clamped to 0–10, one decimal. */
export function cleanScore(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(10, Math.max(0, value)) * 10) / 10;
}

/** The toasts' group of what Escape took back in a field. */
const TAKE_BACK = "details-take-back";

export function DetailsPanel(props: DetailsPanelProps) {
  const {
    idea,
    boardTags,
    onSave,
    onScores,
    onMove,
    onDelete,
    onClose,
    onError,
    onUnsaved,
    onTypedStepBack,
    view,
  } = props;
  const titleFocus = props.titleFocus === undefined ? AT_OPEN : props.titleFocus;
  const toast = useToast();
  /** The idea as saved, or as it will be once the edits on their way are. */
  const saved = toEdit(idea);
  // What was typed here and not saved when the window last went (closed, or its page ended under it) comes back.
  const [restored] = useState(() => {
    const kept = keptDraft(idea.id)?.fields ?? {};
    return DRAFT_FIELDS.filter((f) => kept[f] !== undefined && !sameValue(f, kept[f], saved[f])).map((f) => ({
      field: f,
      value: kept[f] ?? "",
    }));
  });
  const [draft, setDraft] = useState<IdeaEdit>(() =>
    restored.reduce<IdeaEdit>((edit, { field, value }) => withField(edit, field, value), saved),
  );
  // The saved values `draft` last followed. When the idea changes under the panel (an undo, the backend's answer, a
  // refused edit), each field the person has not changed since follows it; a field being typed in keeps its text.
  // A field whose text is now saved shows it as stored ("Pay " + U+202E + "gnp.exe now", saved without the override,
  // still read "Pay won exe.png" in the field): the board shows the text typed until the backend answers with the
  // text stored, the same value in another form, and that is a change under the panel too.
  const [base, setBase] = useState<IdeaEdit>(saved);
  const changed = (f: Field) =>
    typeof saved[f] === "string" ? saved[f] !== base[f] : !sameValue(f, saved[f], base[f]);
  if (FIELDS.some(changed)) {
    let followed = draft;
    for (const f of FIELDS) {
      if (changed(f) && [base, saved].some((to) => sameValue(f, draft[f], to[f])))
        followed = withField(followed, f, saved[f]);
    }
    setBase(saved);
    setDraft(followed);
  }
  /** The fields the person has left at least once: a problem shows from then on (not while the first letters go in). */
  const [left, setLeft] = useState<ReadonlySet<Field>>(
    () => new Set<Field>(["title", ...restored.map((r) => r.field)]),
  );
  const [preview, setPreview] = useState(idea.notes.trim() !== "");
  // Edit puts the caret at the end of the notes: the focus stayed on the button, and what was typed went nowhere.
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const editNotes = useRef(false);
  useEffect(() => {
    const notes = notesRef.current;
    if (preview || !editNotes.current || !notes) return;
    editNotes.current = false;
    notes.focus();
    notes.setSelectionRange(notes.value.length, notes.value.length);
  }, [preview]);
  const [tagInput, setTagInput] = useState("");
  // The score boxes' text, exactly as typed: a value that is not a score is marked at its box and never saved, and
  // nothing rewrites the text while the box has the focus. An unplaced idea shows 5 and 5, saved once changed.
  const position = idea.position;
  /** A score box's text for the saved score (an unplaced idea's 5). */
  const savedScoreText = (axis: ScoreAxis) => String(position?.[axis] ?? DEFAULT_SCORE);
  const [scoreText, setScoreText] = useState<Record<ScoreAxis, string>>(() => ({
    payoff: savedScoreText("payoff"),
    cost: savedScoreText("cost"),
  }));
  const [scoresTouched, setScoresTouched] = useState(false);
  // The boxes typed in: "Nor was the cost/risk 5" named the 5 an unplaced idea shows, which nobody typed.
  const typedAxes = useRef(new Set<ScoreAxis>());
  /** The changes this panel saved since a score, title or link was last typed: see `takeBackUnsavable`. */
  const savesSinceTyped = useRef(0);
  // A place browsed to in the Place list with the keys, taken once chosen; and whether the list's last key browsed.
  const [zonePick, setZonePick] = useState<Zone | null>(null);
  const zoneKeyed = useRef(false);
  const placeAt = (zone: Zone) => {
    setZonePick(null);
    zoneKeyed.current = false;
    if (zone === idea.zone) return;
    savesSinceTyped.current += 1;
    onMove(idea.id, zone);
  };
  const [scoresLeft, setScoresLeft] = useState<ReadonlySet<ScoreAxis>>(() => new Set());
  // The score box being typed in, if any: nothing rewrites its text.
  const [typingIn, setTypingIn] = useState<ScoreAxis | null>(null);
  // When the scores change under the panel (the chart, Place, an undo), a box the person has not changed follows
  // them, and so does one left holding what is not a score: it could never be saved, and kept beside the new scores
  // it showed the idea at two places at once, with an error about a value that no longer mattered. An idea taken off
  // the chart (an undo) shows an unplaced idea's 5 and 5 again, and is not placed by passing through its boxes.
  // The scores this panel saved last are not a change under it: a box holding what is not a score keeps it then (a
  // payoff of 11, then a cost/risk of 8 saved beside it, put the payoff back to its old score without a word).
  const [scoreBase, setScoreBase] = useState(position);
  const [scoresSent, setScoresSent] = useState<{ payoff: number; cost: number } | null>(null);
  if (position?.payoff !== scoreBase?.payoff || position?.cost !== scoreBase?.cost) {
    const followed = { ...scoreText };
    const cleared = new Set(scoresLeft);
    const ours =
      scoresSent !== null && position?.payoff === scoresSent.payoff && position.cost === scoresSent.cost;
    for (const axis of SCORE_AXES) {
      const typed = parseScore(scoreText[axis]);
      const unsavable = typed === null && axis !== typingIn && !ours;
      if (typed === (scoreBase?.[axis] ?? DEFAULT_SCORE) || unsavable) {
        followed[axis] = savedScoreText(axis);
        cleared.delete(axis);
      }
    }
    setScoreBase(position);
    setScoreText(followed);
    if (cleared.size !== scoresLeft.size) setScoresLeft(cleared);
    if (!position && SCORE_AXES.every((axis) => followed[axis] === String(DEFAULT_SCORE)))
      setScoresTouched(false);
  }
  /** Opening the link failed (no browser is set up): why, and whether it was copied instead. */
  const [linkTrouble, setLinkTrouble] = useState<{ link: string; message: string; copied: boolean } | null>(
    null,
  );
  // Said where it is seen: at the details' foot in a low window, it was under the window's edge.
  const showLinkTrouble = useCallback((el: HTMLElement | null) => {
    el?.scrollIntoView({ block: "nearest" });
  }, []);
  // The idea shown, or moved by its keys, to where the panel covers the board: its quadrant, or its marker, comes out
  // beside the panel, once drawn (the chart's first showing loads it).
  const { payoff, cost } = idea.position ?? {};
  useLayoutEffect(() => {
    let frame = 0;
    const reveal = (tries: number) => {
      const card = document.querySelector<HTMLElement>(
        `.board-body :is(.card, .marker)[data-idea-id="${String(idea.id)}"]`,
      );
      if (card) revealBesidePanel(card);
      else if (tries > 0)
        frame = requestAnimationFrame(() => {
          reveal(tries - 1);
        });
    };
    reveal(60);
    // And again when the page changes size (the window's, or its zoom): the board scrolled under the panel kept its
    // place, and the idea went under the panel, or off the page.
    const again = () => {
      cancelAnimationFrame(frame);
      reveal(60);
    };
    addEventListener("resize", again);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener("resize", again);
    };
  }, [idea.id, idea.zone, payoff, cost, view]);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  // The title field is as tall as its text (its CSS caps it, then it scrolls).
  useLayoutEffect(() => {
    const el = titleRef.current;
    if (!el) return;
    setStyle(el, "height: auto");
    setStyle(el, { height: el.scrollHeight + el.offsetHeight - el.clientHeight });
  }, [draft.title]);
  const ids = {
    title: useId(),
    titleProblem: useId(),
    notes: useId(),
    payoff: useId(),
    cost: useId(),
    owner: useId(),
    link: useId(),
    linkProblem: useId(),
    payoffProblem: useId(),
    costProblem: useId(),
    tags: useId(),
    tagLimit: useId(),
    zone: useId(),
    list: useId(),
  };
  const problem = (f: Field): string | null => (left.has(f) ? fieldProblem(f, draft) : null);
  const scoreIssue = (axis: ScoreAxis): string | null =>
    scoresLeft.has(axis) ? scoreProblem(axis, scoreText[axis]) : null;
  const scoreSaved = (axis: ScoreAxis): boolean =>
    position ? parseScore(scoreText[axis]) === position[axis] : !scoresTouched;
  // An unplaced idea's box that was not typed in shows a 5 nobody chose: not a field left unsaved.
  const leftUnsaved = (axis: ScoreAxis): boolean =>
    !scoreSaved(axis) && (position !== null || typedAxes.current.has(axis));
  const unsaved: UnsavedField[] = [
    ...FIELDS.filter((f) => !sameValue(f, draft[f], saved[f])).map((f) => ({
      field: f,
      problem: problem(f),
    })),
    ...SCORE_AXES.filter(leftUnsaved).map((axis) => ({
      field: axis,
      problem: scoreIssue(axis),
    })),
  ];
  const unsavedKey = JSON.stringify(unsaved);
  /** What the boxes and fields hold that cannot be saved, whether or not they were left yet. */
  const unsavable = {
    axes: SCORE_AXES.filter((axis) => !scoreSaved(axis) && scoreProblem(axis, scoreText[axis]) !== null),
    fields: FIELDS.filter((f) => !sameValue(f, draft[f], saved[f]) && fieldProblem(f, draft) !== null),
  };

  // A draft brought back is saved at once (what cannot be saved stays marked at its field), and said.
  useEffect(() => {
    if (restored.length === 0) return;
    const fields = restored.map((r) => r.field);
    commit(fields);
    const held = fields.filter((f) => fieldProblem(f, draft) !== null);
    const kept = fields.filter((f) => !held.includes(f));
    toast({
      message: [
        "Brought back what you were typing before the window last closed or stopped:",
        kept.length > 0 ? ` the ${kept.join(" and ")}, now saved` : "",
        kept.length > 0 && held.length > 0 ? ";" : "",
        held.length > 0 ? ` the ${held.join(" and ")}, not saved until fixed (see the field)` : "",
        ".",
      ].join(""),
      duration: 10_000,
    });
    // Once, as the panel opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The text typed and not saved yet is kept as it goes (see lib/drafts.ts).
  const typedKey = JSON.stringify(
    Object.fromEntries(
      DRAFT_FIELDS.filter((f) => !sameValue(f, draft[f], saved[f])).map((f) => [f, draft[f]]),
    ),
  );
  useEffect(() => {
    keepDraft(idea.boardId, idea.id, JSON.parse(typedKey) as KeptDraft["fields"]);
  }, [typedKey, idea.boardId, idea.id]);

  // Whether a key has reached the title since the panel opened: see the title's keys below.
  const keyedTitle = useRef(false);
  // Opened from the keyboard, the title takes the focus with the caret at its end: what is typed at once adds to it,
  // not in front of it. Opened by a click, the card keeps it: 2, meant to move the idea, went into its title.
  const focusTheTitle = useCallback(() => {
    const title = titleRef.current;
    title?.focus();
    title?.setSelectionRange(title.value.length, title.value.length);
  }, []);
  useEffect(() => {
    if (titleFocus) focusTheTitle();
  }, [titleFocus, focusTheTitle]);

  useEffect(() => {
    onUnsaved?.(JSON.parse(unsavedKey) as UnsavedField[]);
  }, [unsavedKey, onUnsaved]);

  // What the panel holds when it goes, for its last word: a value that could not be saved is said to be dropped.
  const now = {
    ideaId: idea.id,
    draft,
    saved,
    scoreText,
    position,
    touched: scoresTouched,
    onError,
    onUnsaved,
  };
  const latest = useRef({ ...now, deleting: false });
  useEffect(() => {
    latest.current = { ...latest.current, ...now };
  });
  useEffect(
    () => () => {
      const { draft: last, saved: kept, deleting, onError: say, onUnsaved: report } = latest.current;
      report?.([]);
      // Closed here: what was not saved is said below, and not brought back later.
      dropDraft(latest.current.ideaId);
      if (deleting) return;
      const texts = latest.current.scoreText;
      for (const axis of SCORE_AXES) {
        const why = scoreProblem(axis, texts[axis]);
        if (why === null) continue;
        // An unplaced idea is placed with both scores: the other one, typed, waited for this one.
        const other = axis === "payoff" ? "cost" : "payoff";
        const held =
          !latest.current.position &&
          scoreProblem(other, texts[other]) === null &&
          latest.current.touched &&
          typedAxes.current.has(other)
            ? ` Nor was the ${fieldWord(other)} ${texts[other].trim()}: an idea is placed with both.`
            : "";
        const typed = texts[axis].trim();
        const kept = latest.current.position?.[axis];
        say(
          typed
            ? `The ${fieldWord(axis)} “${typed}” was not saved. ${why}.${held}`
            : // Emptied: 'The payoff “” was not saved' said nothing of what it is now, nor how to unscore an idea.
              kept === undefined
              ? `The ${fieldWord(axis)} was left empty, so nothing was saved.${held}`
              : `The ${fieldWord(axis)} was left empty, so it stays ${String(kept)}. To take the idea off the ` +
                "chart, move it to Unsorted.",
          notSaved(latest.current.ideaId, axis),
        );
      }
      for (const f of FIELDS) {
        const why = fieldProblem(f, last);
        if (why === null || sameValue(f, last[f], kept[f])) continue;
        const value = last[f];
        say(
          `The ${f}${typeof value === "string" && value.trim() ? ` “${value.trim()}”` : ""} was not saved. ${why}`,
          notSaved(latest.current.ideaId, f),
        );
      }
    },
    [],
  );

  /** Saves `fields` as `from` has them, each that can be saved, over the saved idea: one edit. */
  function commit(fields: readonly Field[], from: IdeaEdit = draft) {
    let next = saved;
    for (const f of fields) {
      if (fieldProblem(f, from) === null && !sameValue(f, from[f], saved[f]))
        next = withField(next, f, from[f]);
    }
    if (next === saved) return;
    savesSinceTyped.current += 1;
    onSave(idea.id, next);
    // "Not saved" said of a field at an earlier close is not true any more: "-1 not saved" stayed up beside the
    // payoff saved after it.
    for (const f of FIELDS) if (!sameValue(f, next[f], saved[f])) withdrawToasts(notSaved(idea.id, f));
  }

  // Closed, the panel takes its "Escape again closes the details" with it: said of a panel no longer there, it stayed.
  useEffect(
    () => () => {
      withdrawToasts(TAKE_BACK);
    },
    [],
  );

  /** Escape in a one-line field with an edit not yet saved takes the edit back, and leaves the panel open; the next
   * Escape closes it. Without it, a key typed into the title by mistake (the title has the focus when a card is
   * clicked) was saved as the panel closed. */
  function takeBack(f: Field, e: React.KeyboardEvent) {
    if (e.key !== "Escape" || sameValue(f, draft[f], saved[f])) return false;
    e.preventDefault();
    e.stopPropagation();
    setDraft({ ...draft, [f]: saved[f] });
    // Said, not silent: a hurried Escape meant to close would otherwise lose the edit without a word.
    toast({
      message: `Took back the ${f} you typed, unsaved. Escape again closes the details.`,
      group: TAKE_BACK,
      // Short: it is about the next key (and goes with the panel if that key closes it).
      duration: 3500,
    });
    return true;
  }

  /** Puts the boxes of `axes` back to the saved scores, as if never typed in: an unplaced idea whose boxes both read
   * 5 again is not placed at 5 and 5 when they are left. */
  function putScoresBack(axes: readonly ScoreAxis[]) {
    const back = { ...scoreText };
    for (const axis of axes) {
      back[axis] = savedScoreText(axis);
      typedAxes.current.delete(axis);
    }
    setScoreText(back);
    setScoresLeft(new Set([...scoresLeft].filter((axis) => !axes.includes(axis))));
    if (!position && SCORE_AXES.every((axis) => back[axis] === String(DEFAULT_SCORE)))
      setScoresTouched(false);
  }

  /** Escape in a score box holding what is not saved puts the saved score back and leaves the panel open, as
   * `takeBack` does in a one-line field: with "11" in the payoff box, Escape closed the whole panel. */
  function takeBackScore(axis: ScoreAxis, e: React.KeyboardEvent) {
    if (e.key !== "Escape" || scoreText[axis] === savedScoreText(axis)) return false;
    e.preventDefault();
    e.stopPropagation();
    putScoresBack([axis]);
    toast({
      message: `Took back the ${fieldWord(axis)} you typed, unsaved. Escape again closes the details.`,
      group: TAKE_BACK,
      duration: 3500,
    });
    return true;
  }

  /** Puts what the fields hold and cannot save back to the saved values, and says so; whether there was any. The
   * board's Undo takes this first: it dropped a payoff of 11 left in its box without a word and took back the change
   * before it, while a valid 8 was saved as the box was left and then undone (the box back where it was, as here). */
  function takeBackUnsavable(): boolean {
    const { axes, fields } = unsavable;
    if (axes.length === 0 && fields.length === 0) return false;
    // A change this panel saved after that text was typed is newer: the board takes it back first (a title typed
    // beside a payoff of 12 was saved by the click on ↶, and that ↶ took back the 12).
    if (savesSinceTyped.current > 0) {
      savesSinceTyped.current -= 1;
      return false;
    }
    const typed = [
      ...axes.map((axis) => `the ${fieldWord(axis)} “${scoreText[axis].trim()}”`),
      ...fields.map((f) => {
        const value = draft[f];
        return `the ${f}${typeof value === "string" && value.trim() ? ` “${shorten(oneLine(value).trim(), 60)}”` : ""}`;
      }),
    ];
    if (axes.length > 0) putScoresBack(axes);
    if (fields.length > 0) setDraft(fields.reduce((edit, f) => withField(edit, f, saved[f]), draft));
    toast({
      message: `Undone: ${typed.join(" and ")} you typed, which could not be saved.`,
      group: TAKE_BACK,
    });
    return true;
  }
  const takeBackLatest = useRef(takeBackUnsavable);
  useEffect(() => {
    takeBackLatest.current = takeBackUnsavable;
  });
  // Offered only while there is something to take back: the toolbar's ↶ is lit for it, though the board has nothing
  // to undo (it was not, until the box was left, and the first click only left it).
  const holdsUnsavable = unsavable.axes.length > 0 || unsavable.fields.length > 0;
  useEffect(() => {
    if (!onTypedStepBack || !holdsUnsavable) return;
    onTypedStepBack(() => takeBackLatest.current());
    return () => {
      onTypedStepBack(null);
    };
  }, [onTypedStepBack, holdsUnsavable]);

  function leave(f: Field) {
    if (!left.has(f)) setLeft(new Set(left).add(f));
    commit([f]);
  }

  /** Saves the scores the boxes hold, when one changed; a box that holds no score stays marked, and holds back the
   * other only while the idea has no place (it is placed with both scores). */
  function commitScores(text = scoreText, touched = scoresTouched) {
    const payoff = parseScore(text.payoff) ?? position?.payoff ?? null;
    const cost = parseScore(text.cost) ?? position?.cost ?? null;
    if (payoff === null || cost === null) return;
    const changed = position ? position.payoff !== payoff || position.cost !== cost : touched;
    if (!changed) return;
    setScoresSent({ payoff, cost });
    savesSinceTyped.current += 1;
    onScores(idea.id, payoff, cost);
    for (const axis of SCORE_AXES) withdrawToasts(notSaved(idea.id, axis));
    // Placed with a score nobody set: said, with where it went. A payoff of 8 typed for an unscored idea placed it
    // at a cost/risk of 5 without a word, as if someone had estimated it.
    const notSet = position ? [] : SCORE_AXES.filter((axis) => !typedAxes.current.has(axis));
    if (notSet.length > 0)
      toast({
        message:
          notSet.length === 2
            ? `Placed in the middle, at payoff ${String(DEFAULT_SCORE)} and cost/risk ${String(DEFAULT_SCORE)}: no ` +
              "score was set. Change them here or on the chart."
            : `Placed at ${fieldWord(notSet[0] ?? "cost")} ${String(DEFAULT_SCORE)}, the middle: only the ` +
              `${fieldWord(notSet[0] === "payoff" ? "cost" : "payoff")} was set. Change it here or on the chart.`,
      });
  }

  function typeScore(axis: ScoreAxis, text: string) {
    savesSinceTyped.current = 0;
    setScoreText({ ...scoreText, [axis]: text });
    setScoresTouched(true);
    typedAxes.current.add(axis);
  }

  /** The box loses the focus: its problem shows from now on; a valid score is saved and shown as saved. */
  function leaveScore(axis: ScoreAxis) {
    if (!scoresLeft.has(axis)) setScoresLeft(new Set(scoresLeft).add(axis));
    const value = parseScore(scoreText[axis]);
    if (value !== null && String(value) !== scoreText[axis])
      setScoreText({ ...scoreText, [axis]: String(value) });
    commitScores();
  }

  function addTag(raw: string) {
    const tag = raw.replace(/,/g, " ").trim();
    setTagInput("");
    if (!tag || draft.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    const next = { ...draft, tags: [...draft.tags, tag] };
    setDraft(next);
    commit(["tags"], next);
  }

  function removeTag(tag: string) {
    const next = { ...draft, tags: draft.tags.filter((t) => t !== tag) };
    setDraft(next);
    commit(["tags"], next);
  }

  const field = (key: "title" | "owner" | "link") => {
    const why = problem(key);
    const describedBy = key === "title" ? ids.titleProblem : key === "link" ? ids.linkProblem : undefined;
    return {
      value: draft[key],
      "aria-invalid": why !== null,
      "aria-describedby": why !== null ? describedBy : undefined,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        savesSinceTyped.current = 0;
        setDraft({ ...draft, [key]: e.target.value });
      },
      onBlur: () => {
        leave(key);
      },
      onKeyDown: (e: React.KeyboardEvent) => {
        if (e.key === "Enter") leave(key);
        else takeBack(key, e);
      },
    };
  };

  // Arrow keys on a slider step it by 0.1 at a time: the steps of a burst are saved as one change, once the keys rest
  // (or the slider loses the focus), not one undo step per press.
  const commitLatest = useRef(commitScores);
  useEffect(() => {
    commitLatest.current = commitScores;
  });
  const sliderTimer = useRef<number | null>(null);
  const commitNow = () => {
    if (sliderTimer.current === null) return;
    window.clearTimeout(sliderTimer.current);
    sliderTimer.current = null;
    commitLatest.current();
  };
  const commitSoon = () => {
    if (sliderTimer.current !== null) window.clearTimeout(sliderTimer.current);
    sliderTimer.current = window.setTimeout(() => {
      sliderTimer.current = null;
      commitLatest.current();
    }, SLIDER_BURST_MS);
  };
  useEffect(() => commitNow, []);

  const scoreField = (axis: ScoreAxis, label: string, hint: string) => {
    const why = scoreIssue(axis);
    const problemId = axis === "payoff" ? ids.payoffProblem : ids.costProblem;
    // An unplaced idea is placed with both scores: a right one typed waits, unsaved, for the wrong one beside it.
    const other: ScoreAxis = axis === "payoff" ? "cost" : "payoff";
    const waitsFor = !position && why === null && leftUnsaved(axis) && scoreIssue(other) !== null;
    // The 5 an unplaced idea shows, not set by anyone: box and slider show it as a suggestion until it is typed.
    const unset = !position && !typedAxes.current.has(axis) ? "score-unset" : undefined;
    return (
      <div className="score-field">
        <label htmlFor={ids[axis]}>
          {label} <span className="field-hint">{hint}</span>
        </label>
        <div className="score-inputs">
          <input
            type="range"
            className={unset}
            min={0}
            max={10}
            step={0.1}
            value={parseScore(scoreText[axis]) ?? position?.[axis] ?? DEFAULT_SCORE}
            aria-label={`${label} slider`}
            onChange={(e) => {
              typeScore(axis, e.target.value);
            }}
            onPointerUp={() => {
              commitScores();
            }}
            onKeyUp={() => {
              commitSoon();
            }}
            onBlur={() => {
              commitNow();
            }}
          />
          <input
            id={ids[axis]}
            className={unset}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            maxLength={8}
            value={scoreText[axis]}
            aria-invalid={why !== null}
            aria-describedby={why !== null || waitsFor ? problemId : undefined}
            onChange={(e) => {
              typeScore(axis, e.target.value);
            }}
            // A score typed over the same one (5 over the 5 an unplaced idea shows) changes no text, so no onChange:
            // it is typed all the same, and places the idea.
            onInput={() => {
              setScoresTouched(true);
              typedAxes.current.add(axis);
            }}
            onFocus={() => {
              setTypingIn(axis);
            }}
            // A suggested 5 clicked into is selected, as Tab selects it: the caret put after it made a 7 typed "57".
            onClick={(e) => {
              const box = e.currentTarget;
              if (unset && box.selectionStart === box.selectionEnd) box.select();
            }}
            onBlur={() => {
              setTypingIn(null);
              leaveScore(axis);
            }}
            onKeyDown={(e) => {
              if (takeBackScore(axis, e) || e.key !== "Enter") return;
              if (!scoresLeft.has(axis)) setScoresLeft(new Set(scoresLeft).add(axis));
              // Enter saves what the boxes show: an unplaced idea's 5 and 5 too, which it is then placed at.
              setScoresTouched(true);
              commitScores(scoreText, true);
            }}
          />
        </div>
        {/* Its line is kept: the message appearing as the box was left pushed the next box down under a click
            aimed at it, and the 2 typed there went into its slider's place ("52"). */}
        <p id={problemId} className={`score-message ${why !== null ? "field-error" : "field-hint"}`}>
          {why ?? (waitsFor ? `Saved with the ${fieldWord(other)}, once that is fixed.` : "")}
        </p>
      </div>
    );
  };

  return (
    <SidePanel
      label="Idea details"
      title="Idea"
      closeLabel="Close details"
      leaveFocus={titleFocus === null}
      onOpeningDoubleClick={focusTheTitle}
      onClose={() => {
        commit(FIELDS);
        onClose();
      }}
    >
      <label htmlFor={ids.title}>Title</label>
      {/* A title is one line, but a long one wraps and the field grows to show it (up to a few lines, then it
          scrolls): Enter saves instead of starting a new line, and pasted line breaks become spaces. */}
      <textarea
        id={ids.title}
        ref={titleRef}
        className="title-field"
        rows={1}
        maxLength={TITLE_MAX}
        {...field("title")}
        onChange={(e) => {
          savesSinceTyped.current = 0;
          setDraft({ ...draft, title: oneLine(e.target.value) });
        }}
        onBlur={() => {
          keyedTitle.current = true;
          leave("title");
        }}
        onPaste={(e) => {
          if (pasteCut(e.currentTarget, e.clipboardData.getData("text"), TITLE_MAX)) toast(TITLE_CUT);
        }}
        onKeyDown={(e) => {
          // E, the key that opens the details from a card, pressed first after a click opened them (the title has
          // had the focus since, and no other key): it is taken as that, not typed. A click, then E "to edit",
          // added an "e" to the title, saved on the next Tab.
          const first = !keyedTitle.current;
          keyedTitle.current = true;
          const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
          if (first && plain && (e.key === "e" || e.key === "E") && draft.title === saved.title) {
            e.preventDefault();
            return;
          }
          if (pasteCut(e.currentTarget, typedBy(e.nativeEvent), TITLE_MAX)) toast(TITLE_CUT);
          if (takeBack("title", e) || e.key !== "Enter") return;
          e.preventDefault();
          leave("title");
        }}
      />
      {problem("title") && (
        <p id={ids.titleProblem} className="field-error">
          {problem("title")}
        </p>
      )}

      {/* The toggle comes after the notes in the Tab order (the grid shows it beside the label): Tab from the title
          goes into the notes, and the first words typed there no longer land on the toggle. */}
      <div className="details-notes">
        <label htmlFor={ids.notes}>Notes</label>
        {preview ? (
          <div className="notes-preview" id={ids.notes}>
            {draft.notes.trim() ? (
              <Markdown text={draft.notes} />
            ) : (
              <p className="field-hint">No notes yet.</p>
            )}
          </div>
        ) : (
          <textarea
            id={ids.notes}
            ref={notesRef}
            value={draft.notes}
            rows={6}
            placeholder="Why it matters, what it takes. Markdown works: **bold**, lists, [links](https://…)."
            onChange={(e) => {
              setDraft({ ...draft, notes: e.target.value });
            }}
            onBlur={() => {
              leave("notes");
            }}
          />
        )}
        <button
          type="button"
          className="link-button details-notes-toggle"
          onClick={() => {
            editNotes.current = preview;
            setPreview(!preview);
          }}
          onKeyDown={(e) => {
            // Typing on Edit (the notes shown as Markdown) edits them: the letter goes at their end.
            if (!preview || e.key.length !== 1 || e.key === " " || e.ctrlKey || e.metaKey || e.altKey) return;
            e.preventDefault();
            editNotes.current = true;
            setDraft({ ...draft, notes: draft.notes + e.key });
            setPreview(false);
          }}
        >
          {preview ? "Edit" : "Preview"}
        </button>
      </div>

      {scoreField("payoff", "Payoff", "0 none – 10 very high")}
      {scoreField("cost", "Cost / risk", "0 easy – 10 very hard")}
      {!idea.position && (
        <p className="field-hint">
          Not on the chart yet: set its scores to place it. A score left unset goes in the middle, at 5.
        </p>
      )}

      <label htmlFor={ids.zone}>Place</label>
      <select
        id={ids.zone}
        value={zonePick ?? idea.zone}
        onKeyDown={(e) => {
          if (e.key === "Enter" && zonePick) {
            // Taken, and the list not opened as well.
            e.preventDefault();
            placeAt(zonePick);
          } else if (e.key === "Escape" && zonePick) {
            // The place it had comes back before the panel closes, as a field's typing does.
            e.preventDefault();
            e.stopPropagation();
            setZonePick(null);
          } else zoneKeyed.current = BROWSING_KEYS.test(e.key);
        }}
        onChange={(e) => {
          const zone = e.target.value as Zone;
          // Browsed with the arrow keys (or by a letter), the list moved the idea at each step, and an idea taken
          // through Unsorted lost its scores: the place is taken once chosen (Enter, or leaving the list).
          if (zoneKeyed.current) setZonePick(zone === idea.zone ? null : zone);
          else placeAt(zone);
        }}
        onBlur={() => {
          if (zonePick) placeAt(zonePick);
        }}
      >
        {ZONES.map((zone) => (
          <option key={zone} value={zone}>
            {ZONE_INFO[zone].name}
          </option>
        ))}
      </select>

      <label htmlFor={ids.owner}>Owner</label>
      <input id={ids.owner} maxLength={100} placeholder="Mattermost username" {...field("owner")} />

      <label htmlFor={ids.link}>Link</label>
      <div className="link-row">
        <input id={ids.link} type="url" maxLength={2000} placeholder="https://…" {...field("link")} />
        <button
          type="button"
          className="button"
          disabled={!/^https?:\/\/\S+$/i.test(idea.link)}
          onClick={() => {
            setLinkTrouble(null);
            const link = idea.link;
            backend.openLink(link).catch((raw: unknown) => {
              setLinkTrouble({ link, message: AppError.from(raw).message, copied: false });
            });
          }}
        >
          Open
        </button>
      </div>
      {linkTrouble?.link === idea.link && (
        // No browser opened: the link can be copied from right here, to paste wherever it can be opened.
        <div className="link-trouble" role="alert" ref={showLinkTrouble}>
          <p className={linkTrouble.copied ? undefined : "field-error"}>
            {linkTrouble.copied ? "The link is copied: paste it into your browser." : linkTrouble.message}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              const { link } = linkTrouble;
              navigator.clipboard.writeText(link).then(
                () => {
                  setLinkTrouble({ ...linkTrouble, copied: true });
                },
                () => {
                  onError(
                    "The link could not be copied. Select it in the Link field and copy it from there.",
                  );
                },
              );
            }}
          >
            Copy link
          </button>
        </div>
      )}
      {problem("link") && (
        <p id={ids.linkProblem} className="field-error">
          {problem("link")}
        </p>
      )}

      <label htmlFor={ids.tags}>Tags</label>
      <ul className="tag-list" role="list" aria-label="Tags">
        {draft.tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => {
                removeTag(tag);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={ids.tags}
        list={ids.list}
        value={tagInput}
        maxLength={TAG_MAX}
        aria-describedby={tagInput.length >= TAG_MAX ? ids.tagLimit : undefined}
        placeholder="Add a tag, press Enter"
        onChange={(e) => {
          setTagInput(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === ",") {
            e.preventDefault();
            addTag(tagInput);
          }
        }}
        onBlur={() => {
          if (tagInput.trim()) addTag(tagInput);
        }}
      />
      {/* At the limit, said: the field took no more keys, and a longer tag was saved cut without a word. */}
      {tagInput.length >= TAG_MAX && (
        <p id={ids.tagLimit} className="field-hint" role="status">
          A tag can be at most {TAG_MAX} characters long.
        </p>
      )}
      <datalist id={ids.list}>
        {boardTags
          .filter((t) => !draft.tags.includes(t))
          .map((t) => (
            <option key={t} value={t} />
          ))}
      </datalist>

      <dl className="details-times">
        <dt>Created</dt>
        <dd>{dateFormat.format(idea.createdAt)}</dd>
        <dt>Changed</dt>
        <dd>{dateFormat.format(idea.updatedAt)}</dd>
      </dl>

      <h3 className="details-subheading">History</h3>
      <Timeline boardId={idea.boardId} ideaId={idea.id} />

      <button
        type="button"
        className="button button-danger details-delete"
        onClick={() => {
          latest.current.deleting = true;
          onDelete(idea.id);
        }}
      >
        Delete idea
      </button>
    </SidePanel>
  );
}
