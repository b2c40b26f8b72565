"""The bundle's `judging-app-gui` (a windowed program on Windows and macOS): the app window."""

import multiprocessing
import sys

from judging_app.ui.launch import main

if __name__ == "__main__":
    # the PDF renderer runs in a child process started with "spawn": in a frozen app the
    # child is this same program, which must hand over to multiprocessing first
    multiprocessing.freeze_support()
    sys.exit(main())
