"""The bundle's `judging-app` (a console program): the command line, or the app window when
no command is given."""

import sys

from judging_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
