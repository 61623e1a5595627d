"""``python -m native_host``: what the launcher runs when the browser connects."""

import sys

from native_host.host import main

sys.exit(main())
