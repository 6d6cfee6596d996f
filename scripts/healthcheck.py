"""Exit 0 if the local server answers its health endpoint (Docker HEALTHCHECK)."""

import os
import sys
import urllib.request

base = os.environ.get("BASE_URL_PATH", "").strip("/")
url = f"http://127.0.0.1:{os.environ.get('PORT', '8501')}/{base + '/' if base else ''}_stcore/health"
try:
    with urllib.request.urlopen(url, timeout=4) as r:
        sys.exit(0 if r.status == 200 else 1)
except OSError:
    sys.exit(1)
