// What a screen reader is told as it happens. WebKitGTK tells screen readers of an element added to a live region, and
// of nothing when a text in it changes in place (read through AT-SPI): a move made with the keys, a drag's steps, the
// search's count and a marker carried with the arrows went unsaid. So each message is an element of its own, made
// anew when the message changes.
export function LiveRegion({
  message,
  assertive = false,
  className = "visually-hidden",
}: {
  message: string;
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
      {message && <p key={message}>{message}</p>}
    </div>
  );
}
