// What a form is doing (checking, sending) or what went wrong, read out as it changes, and brought into view: in a
// dialog taller than the window it sits below the buttons, where an error was written out of sight.
import { useLayoutEffect, useRef } from "react";

/** A form's state: work in progress, what was done, or an error in words. */
export interface FormStatusValue {
  tone: "progress" | "ok" | "error";
  text: string;
}

/** A ref for what says `text`, brought into view each time `text` changes to something to say. The dialog's body
 * scrolls only as far as needed. */
export function useBroughtIntoView<E extends HTMLElement>(text: string | undefined) {
  const ref = useRef<E | null>(null);
  useLayoutEffect(() => {
    if (text) ref.current?.scrollIntoView({ block: "nearest" });
  }, [text]);
  return ref;
}

/** `id`: for the field an error is about to name it (`aria-errormessage`). */
export function FormStatus({ status, id }: { status: FormStatusValue | null; id?: string }) {
  const ref = useBroughtIntoView<HTMLParagraphElement>(status?.text);
  if (!status) return null;
  const progress = status.tone === "progress";
  return (
    <p
      ref={ref}
      id={id}
      className={progress ? "field-hint" : status.tone === "ok" ? "field-ok" : "field-error"}
      role={status.tone === "error" ? "alert" : "status"}
      aria-busy={progress}
    >
      {status.text}
    </p>
  );
}
