// Notes rendered as Markdown, safely, as Mattermost shows a message: raw HTML is shown as the text it is (never
// parsed), a line break within a paragraph is one, images are not loaded, and links open in the system browser through
// the backend (http and https only) instead of navigating the window.
import { memo, type ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

import { backend } from "../lib/backend";
import { AppError } from "../lib/ipc";
import { useToast } from "./Toasts";

export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : "";
}

interface MdNode {
  type: string;
  children?: MdNode[];
}

/** A remark plugin: raw HTML becomes plain text, so `<script>` reads as `<script>` and nothing is parsed. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return walk;
}

interface MdText extends MdNode {
  value?: string;
}

/** A remark plugin: a line break within a paragraph shows as one, as Mattermost shows a message (a note of two lines
 * read as one line in the post's preview, and Mattermost showed two). Code keeps its own lines untouched. */
function linesKept() {
  const walk = (node: MdText) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child: MdText) => {
      if (child.type !== "text" || !child.value?.includes("\n")) {
        walk(child);
        return [child];
      }
      return child.value
        .split("\n")
        .flatMap((line, k) => [...(k > 0 ? [{ type: "break" }] : []), { type: "text", value: line }]);
    });
  };
  return walk;
}

/** A link of the notes: opened in the system's browser; when none opens, a toast says so and copies it. A click
 * that did nothing, with the reason in the log alone, read as a broken link. */
function NotesLink({ url, children }: { url: string; children: ReactNode }) {
  const toast = useToast();
  return (
    <a
      href={url}
      title={url}
      onClick={(e) => {
        e.preventDefault();
        backend.openLink(url).catch((raw: unknown) => {
          toast({
            tone: "error",
            message: AppError.from(raw).message,
            action: {
              label: "Copy link",
              run: () => {
                void navigator.clipboard.writeText(url).catch(() => undefined);
              },
            },
          });
        });
      }}
    >
      {children}
    </a>
  );
}

const components: Components = {
  a: ({ href, children }) => {
    const url = safeUrl(href ?? "");
    if (!url) return <span>{children}</span>;
    return <NotesLink url={url}>{children}</NotesLink>;
  },
};

/** Drawn again only when its text changes: a parent drawn for each key typed beside it (the Post dialog's note) drew
 * a long preview anew each time. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        remarkPlugins={[remarkGfm, htmlAsText, linesKept]}
        urlTransform={safeUrl}
        disallowedElements={["img"]}
        unwrapDisallowed
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
});
