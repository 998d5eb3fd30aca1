"""Closes a window the way a window manager does when the user clicks its
close button: an X11 WM_DELETE_WINDOW message to every viewable window with
the given title. Connects first, then waits for a line on standard input,
so that the test can close the window at the very moment it chooses. Then
waits until no such window is left, and exits 0; exits 1 when one is still
open after the timeout (the app did not close).

Uses libX11 through ctypes: nothing beyond what the app itself needs.

    python3 close_window.py "MLA Writer" [timeout-seconds]
"""

import ctypes
import ctypes.util
import sys
import time

X = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
Window = ctypes.c_ulong
Atom = ctypes.c_ulong

X.XOpenDisplay.restype = ctypes.c_void_p
X.XOpenDisplay.argtypes = [ctypes.c_char_p]
X.XDefaultRootWindow.restype = Window
X.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
X.XInternAtom.restype = Atom
X.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
X.XQueryTree.argtypes = [
    ctypes.c_void_p, Window, ctypes.POINTER(Window), ctypes.POINTER(Window),
    ctypes.POINTER(ctypes.POINTER(Window)), ctypes.POINTER(ctypes.c_uint),
]
X.XFetchName.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(ctypes.c_char_p)]
X.XFree.argtypes = [ctypes.c_void_p]
X.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
X.XFlush.argtypes = [ctypes.c_void_p]
X.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
        ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
        ("root", Window), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p), ("window", Window), ("message_type", Atom),
        ("format", ctypes.c_int), ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


X.XGetWindowAttributes.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(XWindowAttributes)]

# A window may vanish between listing and reading it (the app closing):
# ignore such errors instead of letting Xlib end the process.
ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda display, error: 0)
X.XSetErrorHandler.argtypes = [ctypes.c_void_p]
X.XSetErrorHandler(ERROR_HANDLER)

CLIENT_MESSAGE = 33
IS_VIEWABLE = 2


def windows(display, window):
    """`window` and every window below it."""
    yield window
    root, parent = Window(), Window()
    children = ctypes.POINTER(Window)()
    count = ctypes.c_uint()
    if X.XQueryTree(display, window, ctypes.byref(root), ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count)):
        found = [children[i] for i in range(count.value)]
        if children:
            X.XFree(children)
        for child in found:
            yield from windows(display, child)


def titled(display, title):
    """The viewable windows named `title`."""
    out = []
    for window in windows(display, X.XDefaultRootWindow(display)):
        name = ctypes.c_char_p()
        if X.XFetchName(display, window, ctypes.byref(name)) and name.value is not None:
            matches = name.value.decode("utf-8", "replace") == title
            X.XFree(name)
            attributes = XWindowAttributes()
            if matches and X.XGetWindowAttributes(display, window, ctypes.byref(attributes)) and attributes.map_state == IS_VIEWABLE:
                out.append(window)
    return out


def main():
    title = sys.argv[1]
    timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    display = X.XOpenDisplay(None)
    if not display:
        sys.exit("close_window.py: cannot open the X display (is DISPLAY set?)")
    protocols = X.XInternAtom(display, b"WM_PROTOCOLS", 0)
    delete = X.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
    print("ready", flush=True)
    sys.stdin.readline()
    targets = titled(display, title)
    if not targets:
        sys.exit(f"close_window.py: no open window is titled {title!r}")
    for window in targets:
        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = protocols
        event.xclient.format = 32
        event.xclient.data[0] = delete
        X.XSendEvent(display, window, 0, 0, ctypes.byref(event))
    X.XFlush(display)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        X.XSync(display, 0)
        if not titled(display, title):
            print("closed", flush=True)
            return
        time.sleep(0.05)
    sys.exit(f"close_window.py: a window titled {title!r} is still open after {timeout:g} s")


main()
