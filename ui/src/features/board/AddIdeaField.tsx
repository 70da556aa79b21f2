// A one-line field that adds an idea on Enter and stays ready for the next one; Escape leaves it.
import { useId, useState, type SyntheticEvent } from "react";

import { useToast } from "../../components/Toasts";
import { pasteCut, TITLE_CUT, TITLE_MAX } from "../../lib/text";

interface AddIdeaFieldProps {
  label: string;
  placeholder: string;
  /** Resolves to whether the idea was saved; the text stays in the field when it was not. */
  onAdd: (title: string) => Promise<boolean>;
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
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const toast = useToast();

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const text = title.trim();
    if (!text || busy) return;
    setBusy(true);
    try {
      if (await onAdd(text)) setTitle("");
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
        }}
        onPaste={(e) => {
          if (pasteCut(e.currentTarget, e.clipboardData.getData("text"), TITLE_MAX)) toast(TITLE_CUT);
        }}
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          e.preventDefault();
          // A field that can close closes; the one that stays (the tray's) drops what was typed and lets go of the
          // focus, as search does, so that the board's keys work again.
          if (onClose) onClose();
          else {
            setTitle("");
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
