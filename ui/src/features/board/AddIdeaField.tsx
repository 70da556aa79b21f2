// A one-line field that adds an idea on Enter and stays ready for the next one; Escape leaves it. A pasted list (two
// lines or more) can go in as one idea per line.
import {
  lazy,
  Suspense,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type SyntheticEvent,
} from "react";

import { useToast, withdrawToasts } from "../../components/Toasts";
import { keepNewIdea, keptNewIdea } from "../../lib/drafts";
import { saveAtQuit } from "../../lib/atQuit";
import { afterFirstFrame } from "../../lib/startup";
import {
  charCount,
  cutAtWord,
  listItems,
  NOTES_MAX,
  pasteCut,
  PASTED_LIST_MAX,
  TITLE_CUT,
  TITLE_CUT_TO_NOTES,
  TITLE_MAX,
  tooLongForAnIdea,
  typedBy,
} from "../../lib/text";

const PastedList = lazy(async () => ({ default: (await import("./PastedList")).PastedList }));

/** The group of the toast that says an idea needs a title. */
const TITLE_EMPTY = "title-empty";

/** A paste of several lines, waiting for the choice between one idea per line and one idea for all. */
interface PastedList {
  items: string[];
  pasted: string;
  /** The field's selection the paste replaces. */
  from: number;
  to: number;
  /** Added: the choice stays a moment, saying so, where it was. */
  added?: boolean;
}

/** How long the choice stays once the list is added: the second click of a double click landed on the card that
 * moved up under the pointer, and opened its details with the focus in its title. */
const ADDED_SHOWN_MS = 600;

interface AddIdeaFieldProps {
  label: string;
  placeholder: string;
  /** Resolves to whether the idea was saved; the text comes back to the field when it was not. `notes`: the whole of a
   * paste too long for a title, which keeps its start. */
  onAdd: (title: string, notes?: string) => Promise<boolean>;
  /** Adds the items of a pasted list, one idea each; resolves to whether they were saved. */
  onAddList?: (titles: string[]) => Promise<boolean>;
  /** `byKey`: closed with Escape, not left for elsewhere. */
  onClose?: (byKey: boolean) => void;
  autoFocus?: boolean;
  showLabel?: boolean;
  /** The board whose New idea this is: what is typed is kept until it is added, and is back in the field the next
   * time the board opens (see lib/drafts.ts). */
  keptFor?: number;
  /** Whether the board has an idea of this title: what was kept is not brought back then (see `saveAtQuit` below). */
  added?: (title: string) => boolean;
}

export function AddIdeaField({
  label,
  placeholder,
  onAdd,
  onAddList,
  onClose,
  autoFocus,
  showLabel,
  keptFor,
  added,
}: AddIdeaFieldProps) {
  const [title, setTitle] = useState("");
  // What is typed is kept until it is added, and what was kept comes back (lib/drafts.ts). The web view's storage is
  // first used after the first frame: its first use waits on WebKit's storage process, which that frame does not need.
  const keeping = useRef(false);
  const bringBack = useEffectEvent((kept: string) => {
    if (kept !== "" && !added?.(kept.trim())) setTitle((now) => (now === "" ? kept : now));
  });
  useEffect(() => {
    if (keptFor === undefined) return;
    return afterFirstFrame(() => {
      keeping.current = true;
      bringBack(keptNewIdea(keptFor));
    });
  }, [keptFor]);
  useEffect(() => {
    if (keptFor !== undefined && keeping.current) keepNewIdea(keptFor, title);
  }, [keptFor, title]);
  // A paste longer than a title can be, whole: the idea's notes. The field kept its first 500 characters, and the
  // rest (2,500 characters of a pasted ticket) was gone once the idea was added.
  const [whole, setWhole] = useState<string | null>(null);
  const [list, setList] = useState<PastedList | null>(null);
  // The list "Add N ideas" was pressed for. A second press before the first was answered added the list twice, and
  // so did one after it, before the choice was drawn again as added (a double click on a board of 2,000 ideas).
  const addingList = useRef<PastedList | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const toast = useToast();

  /** Puts `pasted` in place of the field's `from`–`to`, as one line; past a title's length, the title keeps the start
   * (ending at a word) and the whole paste goes in the notes. Past what the notes hold, nothing is pasted: the idea was
   * added with 500 characters of a paste of 100,000, its notes refused, and the rest gone. */
  function pasteAsOne(value: string, pasted: string, from: number, to: number) {
    const chars = charCount(pasted.trim());
    if (chars > NOTES_MAX) {
      toast(tooLongForAnIdea(chars));
      return;
    }
    const joined = `${value.slice(0, from)}${pasted}${value.slice(to)}`.replace(/\s+/g, " ");
    if (charCount(joined) <= TITLE_MAX) {
      setTitle(joined);
      return;
    }
    setTitle(cutAtWord(joined, TITLE_MAX));
    setWhole(pasted.trim());
    toast(TITLE_CUT_TO_NOTES);
  }

  async function addList(pending: PastedList) {
    const { items } = pending;
    if (!onAddList || addingList.current === pending || pending.added) return;
    addingList.current = pending;
    if (!(await onAddList(items))) {
      // Not saved (said in a toast): it can be pressed again.
      addingList.current = null;
      return;
    }
    const added = { ...pending, added: true };
    setList(added);
    input.current?.focus();
    lendUndo();
    window.setTimeout(() => {
      setList((now) => (now === added ? null : now));
    }, ADDED_SHOWN_MS);
  }

  function keepAsOne(pending: PastedList) {
    setList(null);
    pasteAsOne(title, pending.pasted, pending.from, pending.to);
    input.current?.focus();
  }

  function dropList() {
    setList(null);
    input.current?.focus();
  }

  /** Right after an add, Ctrl+Z here takes it back once what was typed since is undone (`hasOwnUndo`), until the
   * field is left. */
  function lendUndo() {
    if (input.current?.value === "") input.current.dataset.boardStep = "undo";
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    void add();
  }

  async function add() {
    const text = title.trim();
    if (!text) {
      // Spaces alone: Enter did nothing, and said nothing.
      if (title !== "") {
        setTitle("");
        toast({ message: "An idea needs a title: type a few words, then Enter.", group: TITLE_EMPTY });
      }
      return;
    }
    // A title at last: the word that it needed one no longer holds (it stayed its seconds under the idea added).
    withdrawToasts(TITLE_EMPTY);
    // The field is ready for the next idea at once; the adds are saved in turn. It was cleared once the save
    // answered, and took with it what was typed meanwhile: "Second quick", typed straight after "First quick" and
    // Enter, was gone, and an Enter while the first was saving went into the next idea's title.
    const notes = whole ?? undefined;
    setTitle("");
    setWhole(null);
    if (await onAdd(text, notes)) {
      lendUndo();
      return;
    }
    // Not saved (a toast said why): the text comes back, unless the next idea is being typed already.
    if (input.current?.value === "") {
      setTitle(text);
      setWhole(notes ?? null);
    }
  }

  // Ctrl+Q, the window's close button or a logout adds what is typed here, as Enter does. Kept only in the web view's
  // storage, it was lost by a quit within a second of typing: WebKit writes that storage to disk a moment later. The
  // storage may still hold it at the next start, forgotten too late: the idea added then is not offered again.
  const addAtQuit = useEffectEvent(() => {
    if (title.trim()) void add();
  });
  useEffect(
    () =>
      saveAtQuit(() => {
        addAtQuit();
      }),
    [],
  );

  return (
    <form className="add-idea" onSubmit={submit}>
      <label htmlFor={inputId} className={showLabel ? "add-idea-label" : "visually-hidden"}>
        {label}
      </label>
      <input
        ref={input}
        id={inputId}
        className="add-idea-input"
        value={title}
        placeholder={placeholder}
        maxLength={TITLE_MAX}
        autoFocus={autoFocus}
        onChange={(e) => {
          setTitle(e.target.value);
          if (e.target.value === "") setWhole(null);
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData.getData("text");
          const field = e.currentTarget;
          const [from, to] = [
            field.selectionStart ?? field.value.length,
            field.selectionEnd ?? field.value.length,
          ];
          const items = onAddList ? listItems(pasted) : [];
          // A list of lines was joined into one long idea: it can be one idea per line instead. Not a document whose
          // lines are longer than a title (kept whole, as one idea with notes), nor a list too long to add at once.
          if (
            items.length >= 2 &&
            items.length <= PASTED_LIST_MAX &&
            items.every((i) => charCount(i) <= TITLE_MAX)
          ) {
            e.preventDefault();
            setList({ items, pasted, from, to });
            return;
          }
          // Not when nothing is pasted at all (`pasteAsOne`).
          if (items.length > PASTED_LIST_MAX && charCount(pasted.trim()) <= NOTES_MAX)
            toast({
              message: `${items.length.toLocaleString()} lines pasted, as one idea: a list of up to ${String(PASTED_LIST_MAX)} lines can be added one idea per line. Import a longer one as a CSV file.`,
              group: "pasted-list",
            });
          if (!pasteCut(field, pasted, TITLE_MAX)) return;
          // The field would keep the first 500 characters, the last word cut in half: the title ends at a word.
          e.preventDefault();
          pasteAsOne(field.value, pasted, from, to);
        }}
        onKeyDown={(e) => {
          // Typing on at the limit: the field took no more, and said nothing.
          if (pasteCut(e.currentTarget, typedBy(e.nativeEvent), TITLE_MAX)) toast(TITLE_CUT);
          if (e.key !== "Escape") return;
          e.preventDefault();
          // A field that can close closes; the one that stays (the tray's) drops what was typed and lets go of the
          // focus, as search does, so that the board's keys work again.
          if (onClose) onClose(true);
          else {
            setTitle("");
            setWhole(null);
            e.currentTarget.blur();
          }
        }}
        onBlur={(e) => {
          delete e.currentTarget.dataset.boardStep;
          // Not while the focus goes to the choice a pasted list offers, just below.
          if (onClose && !title.trim() && !e.currentTarget.form?.contains(e.relatedTarget)) onClose(false);
        }}
      />
      {list && (
        <Suspense fallback={null}>
          <PastedList
            items={list.items}
            added={list.added === true}
            onAdd={() => void addList(list)}
            onKeepAsOne={() => {
              keepAsOne(list);
            }}
            onDrop={dropList}
          />
        </Suspense>
      )}
    </form>
  );
}
