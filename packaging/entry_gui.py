"""The bundle's `judging-app-gui` (a windowed program on Windows and macOS): the app window."""

import sys

from judging_app.ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
