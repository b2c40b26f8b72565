import sys

from judging_app.cli.main import main

sys.exit(main())
