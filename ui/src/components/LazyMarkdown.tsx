// Markdown loaded when first needed (the details panel, the post preview): the renderer is most of the bundle, and
// the board opens without it. Until it arrives, the text shows as plain text.
import { lazy, memo, Suspense } from "react";

import "./Markdown.css";

const Markdown = lazy(async () => ({ default: (await import("./Markdown")).Markdown }));

export const LazyMarkdown = memo(function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<div className="markdown markdown-plain">{text}</div>}>
      <Markdown text={text} />
    </Suspense>
  );
});
