"""The bundle's `judging-app` (a console program): the command line, or the app window when
no command is given."""

import multiprocessing
import sys

from judging_app.cli.main import main

if __name__ == "__main__":
    # the PDF renderer runs in a child process started with "spawn": in a frozen app the
    # child is this same program, which must hand over to multiprocessing first
    multiprocessing.freeze_support()
    sys.exit(main())
