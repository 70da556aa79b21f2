#!/usr/bin/python3
"""What a screen reader hears of Pickboard, read through AT-SPI, the Linux desktop's accessibility bus (the end-to-end
tests' ear: accessibility.rs). Runs in the app's D-Bus session, with accessibility turned on there.

    atspi.py PID

Walks the accessible tree of the app with process id PID (WebKit reports changes only of objects a client has asked
about, as a screen reader does of the page it reads), prints "ready", then prints one JSON line for each element added
to a live region, as a screen reader is told of it: {"role": ..., "text": ...}.
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
    child = event.any_data
    try:
        attributes = child.getAttributes()
    except Exception:
        return
    if not any(a.startswith(("live:", "container-live:")) for a in attributes):
        return
    print(json.dumps({"role": child.getRoleName(), "text": text_of(child)}), flush=True)


walk(application(int(sys.argv[1])))
pyatspi.Registry.registerEventListener(added, "object:children-changed:add")
print("ready", flush=True)
pyatspi.Registry.start()
