// A one-line field that adds an idea on Enter and stays ready for the next one; Escape leaves it.
import { useId, useState, type SyntheticEvent } from "react";

import { useToast } from "../../components/Toasts";
import { cutAtWord, pasteCut, TITLE_CUT_TO_NOTES, TITLE_MAX } from "../../lib/text";

interface AddIdeaFieldProps {
  label: string;
  placeholder: string;
  /** Resolves to whether the idea was saved; the text stays in the field when it was not. `notes`: the whole of a
   * paste too long for a title, which keeps its start. */
  onAdd: (title: string, notes?: string) => Promise<boolean>;
  onClose?: () => void;
  autoFocus?: boolean;
  showLabel?: boolean;
}

export function AddIdeaField({
  label,
  placeholder,
  onAdd,
  onClose,
  autoFocus,
  showLabel,
}: AddIdeaFieldProps) {
  const [title, setTitle] = useState("");
  // A paste longer than a title can be, whole: the idea's notes. The field kept its first 500 characters, and the
  // rest (2,500 characters of a pasted ticket) was gone once the idea was added.
  const [whole, setWhole] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const toast = useToast();

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const text = title.trim();
    if (busy) return;
    if (!text) {
      // Spaces alone: Enter did nothing, and said nothing.
      if (title !== "") {
        setTitle("");
        toast({ message: "An idea needs a title: type a few words, then Enter.", group: "title-empty" });
      }
      return;
    }
    setBusy(true);
    try {
      if (await onAdd(text, whole ?? undefined)) {
        setTitle("");
        setWhole(null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="add-idea" onSubmit={submit}>
      <label htmlFor={inputId} className={showLabel ? "add-idea-label" : "visually-hidden"}>
        {label}
      </label>
      <input
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
          if (!pasteCut(field, pasted, TITLE_MAX)) return;
          // The field would keep the first 500 characters, the last word cut in half: the title ends at a word.
          e.preventDefault();
          const [from, to] = [
            field.selectionStart ?? field.value.length,
            field.selectionEnd ?? field.value.length,
          ];
          const joined = `${field.value.slice(0, from)}${pasted}${field.value.slice(to)}`.replace(
            /\s+/g,
            " ",
          );
          setTitle(cutAtWord(joined, TITLE_MAX));
          setWhole(pasted.trim());
          toast(TITLE_CUT_TO_NOTES);
        }}
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          e.preventDefault();
          // A field that can close closes; the one that stays (the tray's) drops what was typed and lets go of the
          // focus, as search does, so that the board's keys work again.
          if (onClose) onClose();
          else {
            setTitle("");
            setWhole(null);
            e.currentTarget.blur();
          }
        }}
        onBlur={() => {
          if (onClose && !title.trim()) onClose();
        }}
      />
    </form>
  );
}
