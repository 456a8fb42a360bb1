import sys

from hcc_desk.cli import main

sys.exit(main())
