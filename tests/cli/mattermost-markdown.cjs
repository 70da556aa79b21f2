// Reads the posts `pickboard post --dry-run` prints (separated by the dry run's separator line) and parses each with
// Mattermost's own Markdown parser, the commonmark.js fork the Mattermost web app renders with. Prints one JSON line
// per post: how many table rows it has, the text of every paragraph line that looks like a table row (a row shown as
// raw pipes), the at-mentions it would send, any raw HTML in it, the text it styles (italics, bold, strikethrough,
// links), the text it shows as code, the text of each table cell, where each idea's link leads, and where each address
// in a title leads. The Rust test
// decides what is right.
"use strict";

const path = require("node:path");
const { Parser } = require(path.join(__dirname, "../../ui/node_modules/@mattermost/commonmark"));

/** The text of `node` and everything in it. */
function textOf(node) {
  let text = "";
  const walker = node.walker();
  let event;
  while ((event = walker.next())) if (event.entering && event.node.literal) text += event.node.literal;
  return text;
}

const separator = process.argv[2];
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const posts = input.replace(/\n$/, "").split(`\n${separator}\n`);
  for (const post of posts) {
    const tree = new Parser().parse(post);
    const walker = tree.walker();
    const report = {
      tableRows: 0,
      tables: 0,
      rawRows: [],
      mentions: [],
      html: [],
      styled: [],
      code: [],
      cells: [],
      links: [],
      addresses: [],
    };
    let event;
    while ((event = walker.next())) {
      const node = event.node;
      if (!event.entering) continue;
      if (node.type === "table") report.tables += 1;
      if (node.type === "table_row") report.tableRows += 1;
      if (node.type === "at_mention") report.mentions.push(node.mentionName);
      if (node.type === "html_inline" || node.type === "html_block") report.html.push(node.literal);
      if (node.type === "text" && /^\s*\|.*\|\s*$/.test(node.literal)) report.rawRows.push(node.literal);
      // The text Mattermost shows in italics, bold, struck through or as a link.
      if (["emph", "strong", "del", "link"].includes(node.type)) report.styled.push(textOf(node));
      if (node.type === "code") report.code.push(node.literal);
      if (node.type === "table_cell") report.cells.push(textOf(node));
      // An idea's link ("link"), not an address in a title, which Mattermost makes a link of its own.
      if (node.type === "link" && textOf(node) === "link") report.links.push(node.destination);
      // An address in a title, which Mattermost makes a link of: its text, and where it leads.
      else if (node.type === "link") report.addresses.push([textOf(node), node.destination]);
    }
    process.stdout.write(JSON.stringify(report) + "\n");
  }
});
