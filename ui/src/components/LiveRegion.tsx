// What a screen reader is told as it happens. WebKitGTK tells screen readers of an element added to a live region, and
// of nothing when a text in it changes in place (read through AT-SPI): a move made with the keys, a drag's steps, the
// search's count and a marker carried with the arrows went unsaid. So each message is an element of its own, made
// anew when the message changes, or when `n` does (the same words said again: a second 4 on an idea in Kill). The
// region is there before its messages: a screen reader is told of what is added to a live region, not of a region
// that comes with its words.
export function LiveRegion({
  message,
  n,
  assertive = false,
  className = "visually-hidden",
}: {
  message: string;
  n?: number;
  assertive?: boolean;
  className?: string;
}) {
  return (
    <div
      className={className}
      role={assertive ? undefined : "status"}
      aria-live={assertive ? "assertive" : "polite"}
      aria-atomic="true"
    >
      {message && <p key={n ?? message}>{message}</p>}
    </div>
  );
}
