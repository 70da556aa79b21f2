#!/usr/bin/python3
"""What a screen reader hears of Pickboard, read through AT-SPI, the Linux desktop's accessibility bus (the end-to-end
tests' ear: accessibility.rs). Runs in the app's D-Bus session, with accessibility turned on there.

    atspi.py PID

Walks the accessible tree of the app with process id PID (WebKit reports changes only of objects a client has asked
about, as a screen reader does of the page it reads), prints "ready", then prints one JSON line for each element added
to a live region, as a screen reader is told of it: {"role": ..., "text": ...}. As Orca does, it counts what is added
to a live region (the event's source is one, or within one), not a live region that comes with its words.
"""
import json
import sys
import time

import pyatspi


def application(pid):
    """The app's accessible root, once it has registered on the bus (within 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:  # an app that left the bus meanwhile
                pass
        time.sleep(0.2)
    sys.exit(f"no accessible application with process id {pid} on the accessibility bus")


def walk(node, depth=0):
    """Asks for every object of the tree once."""
    if node is None or depth > 60:
        return
    try:
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return
    for child in children:
        walk(child, depth + 1)


def text_of(node):
    try:
        return node.queryText().getText(0, -1).replace("\ufffc", "").strip()
    except Exception:
        return node.name or ""


def added(event):
    try:
        if event.source.getApplication().get_process_id() != PID:
            return
        live = any(a.startswith("container-live:") for a in event.source.getAttributes())
    except Exception:
        return
    if live:
        child = event.any_data
        print(json.dumps({"role": child.getRoleName(), "text": text_of(child)}), flush=True)


PID = int(sys.argv[1])
walk(application(PID))
pyatspi.Registry.registerEventListener(added, "object:children-changed:add")
print("ready", flush=True)
pyatspi.Registry.start()
