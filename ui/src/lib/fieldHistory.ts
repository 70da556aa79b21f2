// Undo and redo in a text field, each field with a history of its own. WebKitGTK binds no key to a field's undo, and
// the page's one editing history (`execCommand("undo")`) is shared by all its fields: Ctrl+Z in the empty New idea
// field stepped back into the owner typed before and emptied it, and the empty owner was saved. Here a step only ever
// changes the field that has the focus, and a field with nothing of its own to undo is left as it is.

type TextField = HTMLInputElement | HTMLTextAreaElement;

interface Snapshot {
  value: string;
  start: number;
  end: number;
}

interface History {
  undo: Snapshot[];
  redo: Snapshot[];
  /** The value after the last change recorded: a value set since by the page (another idea shown in the same field,
   * New idea emptied once added) is not this field's history any more. */
  after: string;
  /** When, and of which kind ("insert", "delete"), the last change typed was: a run of them is one step. */
  typedAt: number;
  typed: string;
}

/** Keys typed within this long of each other are one step, as in a text editor. */
const RUN_MS = 1000;
/** The most steps a field keeps. */
const MAX_STEPS = 100;

const histories = new WeakMap<TextField, History>();

/** Whether `target` is a field whose text the user edits (not a checkbox, a slider, a button). */
function textField(target: EventTarget | null): target is TextField {
  if (target instanceof HTMLTextAreaElement) return !target.readOnly;
  return (
    target instanceof HTMLInputElement &&
    !target.readOnly &&
    // Those with a caret to put back (a number or e-mail field has none that a page can set).
    ["text", "search", "url", "password", "tel"].includes(target.type)
  );
}

function snapshot(field: TextField): Snapshot {
  return {
    value: field.value,
    start: field.selectionStart ?? field.value.length,
    end: field.selectionEnd ?? field.value.length,
  };
}

/** The history of `field`, started afresh when its value was set by the page since the last change recorded. */
function historyOf(field: TextField): History {
  const known = histories.get(field);
  if (known?.after === field.value) return known;
  const fresh: History = { undo: [], redo: [], after: field.value, typedAt: -Infinity, typed: "" };
  histories.set(field, fresh);
  return fresh;
}

/** Records every change the user makes in a text field of `doc`, for `fieldStep`. Returns how to stop. */
export function recordFieldHistory(doc: Document = document): () => void {
  const before = (event: Event) => {
    const field = event.target;
    const { inputType } = event as InputEvent;
    if (!textField(field) || inputType === "historyUndo" || inputType === "historyRedo") return;
    const history = historyOf(field);
    const kind = inputType === "insertText" ? "insert" : inputType.startsWith("delete") ? "delete" : "";
    const now = performance.now();
    const sameRun = kind !== "" && kind === history.typed && now - history.typedAt < RUN_MS;
    if (!sameRun) history.undo = [...history.undo, snapshot(field)].slice(-MAX_STEPS);
    history.redo = [];
    history.typed = kind;
    history.typedAt = now;
  };
  const after = (event: Event) => {
    const field = event.target;
    const { inputType } = event as InputEvent;
    if (!textField(field) || inputType === "historyUndo" || inputType === "historyRedo") return;
    const history = histories.get(field);
    if (history) history.after = field.value;
  };
  doc.addEventListener("beforeinput", before, true);
  doc.addEventListener("input", after, true);
  return () => {
    doc.removeEventListener("beforeinput", before, true);
    doc.removeEventListener("input", after, true);
  };
}

/** Whether `field` has a change of its own to undo or redo. */
export function canStep(field: Element, step: "undo" | "redo"): boolean {
  return textField(field) && historyOf(field)[step].length > 0;
}

/**
 * Undoes or redoes the last change made in `field`, as Ctrl+Z and Ctrl+Y do there, and says so to the page as typing
 * does (React's `onChange` sees it). Returns whether there was one.
 */
export function fieldStep(field: Element | null, step: "undo" | "redo"): boolean {
  if (!textField(field)) return false;
  const history = historyOf(field);
  const [from, to] = step === "undo" ? [history.undo, history.redo] : [history.redo, history.undo];
  const target = from.pop();
  if (!target) return false;
  to.push(snapshot(field));
  history.typed = "";
  history.after = target.value;
  // The value's own setter: React's tracker then sees the event's value as new.
  const prototype =
    field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, target.value);
  field.setSelectionRange(target.start, target.end);
  field.dispatchEvent(
    new InputEvent("input", { bubbles: true, inputType: step === "undo" ? "historyUndo" : "historyRedo" }),
  );
  return true;
}
