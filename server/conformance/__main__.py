"""`python -m ap_server.conformance --base-url URL ...`"""

import sys

from . import main

sys.exit(main(sys.argv[1:]))
