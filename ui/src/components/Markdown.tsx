// Notes rendered as Markdown, safely: raw HTML is shown as the text it is (never parsed, as Mattermost shows it),
// images are not loaded, and links open in the system browser through the backend (http and https only) instead of
// navigating the window.
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

import { backend } from "../lib/backend";

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

const components: Components = {
  a: ({ href, children }) => {
    const url = safeUrl(href ?? "");
    if (!url) return <span>{children}</span>;
    return (
      <a
        href={url}
        title={url}
        onClick={(e) => {
          e.preventDefault();
          void backend.openLink(url).catch(() => undefined);
        }}
      >
        {children}
      </a>
    );
  },
};

export function Markdown({ text }: { text: string }) {
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
}
