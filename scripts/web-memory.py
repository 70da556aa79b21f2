#!/usr/bin/env python3
"""Where the web process's memory is, from WebKit's own inspector: a diagnostic, not a test.

Start a debug build of Pickboard (its web view has the inspector) with WebKit's inspector server on, for example:

    WEBKIT_INSPECTOR_HTTP_SERVER=127.0.0.1:9223 PICKBOARD_DATA_DIR=/tmp/some-board xvfb-run -a target/debug/pickboard

then, from another shell (needs `pip install websocket-client`):

    python3 scripts/web-memory.py                 # WebKit's memory categories and the web process's PSS
    python3 scripts/web-memory.py --moves 300     # the same before and after 300 moves (a card opened, 1-4 pressed)
    python3 scripts/web-memory.py --switches 300 --snapshot --gc

`--snapshot` adds the live JavaScript heap by class (a heap snapshot, which collects garbage first); `--gc` measures
again after a full garbage collection. "javascript" is the JavaScript heap's blocks (live objects and garbage not
collected yet), "other" is the rest WebKit counts (DOM, style, layout, caches, malloc's free pages).
"""

import argparse
import collections
import json
import subprocess
import time

import websocket

OPEN_AND_MOVE = """(() => {
  const cards = document.querySelectorAll('.board-screen .card');
  const card = cards[%d %% cards.length];
  card.click();
  card.focus();
  card.dispatchEvent(new KeyboardEvent('keydown', { key: '%s', bubbles: true, cancelable: true }));
})()"""

SWITCH_VIEW = """(() => {
  document.activeElement?.blur?.();
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'v', bubbles: true, cancelable: true }));
})()"""


class Page:
    """The page's inspector, through the page target that WebKit's inspector server lists first."""

    def __init__(self, address):
        self.ws = websocket.create_connection(f"ws://{address}/socket/1/1/WebPage", timeout=120)
        self.target = None
        self.next_id = 0
        while self.target is None:
            message = json.loads(self.ws.recv())
            if message.get("method") == "Target.targetCreated":
                self.target = message["params"]["targetInfo"]["targetId"]
        self.call("Memory.enable")
        self.call("Heap.enable")

    def messages(self):
        """The page's own messages, unwrapped from the target's envelope."""
        while True:
            message = json.loads(self.ws.recv())
            if message.get("method") == "Target.dispatchMessageFromTarget":
                yield json.loads(message["params"]["message"])

    def call(self, method, params=None):
        self.next_id += 1
        inner = {"id": self.next_id, "method": method, "params": params or {}}
        envelope = {"targetId": self.target, "message": json.dumps(inner)}
        self.ws.send(json.dumps({"id": self.next_id, "method": "Target.sendMessageToTarget", "params": envelope}))
        for message in self.messages():
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", {"expression": expression})

    def categories(self):
        """WebKit's memory categories (MiB), from the first sample of its memory timeline."""
        self.call("Memory.startTracking")
        for message in self.messages():
            if message.get("method") == "Memory.trackingUpdate":
                sample = message["params"]["event"]["categories"]
                break
        self.call("Memory.stopTracking")
        return {c["type"]: round(c["size"] / 1048576, 1) for c in sample if c["size"]}

    def heap_by_class(self):
        """The live JavaScript heap: cells and bytes by class."""
        snapshot = json.loads(self.call("Heap.snapshot")["snapshotData"])
        nodes, names = snapshot["nodes"], snapshot["nodeClassNames"]
        width = 4 if snapshot.get("type") == "Inspector" else 7
        sizes, counts = collections.Counter(), collections.Counter()
        for i in range(0, len(nodes), width):
            name = names[nodes[i + 2]]
            sizes[name] += nodes[i + 1]
            counts[name] += 1
        return sizes, counts


def web_process_pss():
    """PSS of the WebKit web processes (MiB), from /proc."""
    pids = subprocess.run(["pgrep", "-f", "WebKitWebProcess"], capture_output=True, text=True).stdout.split()
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except OSError:
            pass
    return total // 1024


def report(page, moment, snapshot):
    print(f"{moment}: web process PSS {web_process_pss()} MiB, WebKit's categories {page.categories()}")
    if not snapshot:
        return None
    sizes, counts = page.heap_by_class()
    print(f"  live JavaScript heap: {sum(counts.values())} cells, {sum(sizes.values()) / 1048576:.1f} MiB")
    for name, size in sizes.most_common(8):
        print(f"    {name:32s} {counts[name]:8d} cells {size / 1048576:7.2f} MiB")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", default="127.0.0.1:9223", help="WEBKIT_INSPECTOR_HTTP_SERVER's address")
    parser.add_argument("--moves", type=int, default=0, help="moves to make (a card opened, then 1-4)")
    parser.add_argument("--switches", type=int, default=0, help="view switches to make (V)")
    parser.add_argument("--pause", type=float, default=0.2, help="seconds between two steps")
    parser.add_argument("--snapshot", action="store_true", help="also break the live JavaScript heap down by class")
    parser.add_argument("--gc", action="store_true", help="measure again after a full garbage collection")
    args = parser.parse_args()

    page = Page(args.address)
    before = report(page, "before", args.snapshot)
    for i in range(args.moves):
        page.evaluate(OPEN_AND_MOVE % (i * 7, "1234"[i % 4]))
        time.sleep(args.pause)
    for _ in range(args.switches):
        page.evaluate(SWITCH_VIEW)
        time.sleep(args.pause)
    if args.moves or args.switches:
        after = report(page, f"after {args.moves} moves and {args.switches} view switches", args.snapshot)
        if before and after:
            grown = sorted(after, key=lambda name: after[name] - before.get(name, 0), reverse=True)[:8]
            print("  classes with the most new cells:", ", ".join(f"{n} {after[n] - before.get(n, 0):+d}" for n in grown))
    if args.gc:
        page.call("Heap.gc")
        time.sleep(3)
        report(page, "3 s after a full garbage collection", False)


if __name__ == "__main__":
    main()
