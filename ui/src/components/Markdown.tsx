// Notes rendered as Markdown, safely: raw HTML is shown as the text it is (never parsed, as Mattermost shows it),
// images are not loaded, and links open in the system browser through the backend (http and https only) instead of
// navigating the window.
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
        remarkPlugins={[remarkGfm, htmlAsText]}
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
