// What a channel form is doing (checking, sending) or what went wrong, read out as it changes.

/** A form's state: work in progress, or an error in words. */
export interface FormStatusValue {
  tone: "progress" | "error";
  text: string;
}

export function FormStatus({ status }: { status: FormStatusValue | null }) {
  if (!status) return null;
  const progress = status.tone === "progress";
  return (
    <p
      className={progress ? "field-hint" : "field-error"}
      role={progress ? "status" : "alert"}
      aria-busy={progress}
    >
      {status.text}
    </p>
  );
}
