"""Write a development .env on first use: a random SECRET_KEY and DEBUG on."""

import secrets
import sys
from pathlib import Path

target = Path(sys.argv[1] if len(sys.argv) > 1 else ".env")
if not target.exists():
    target.write_text(
        "# Written by `make` for this machine; see the README for every variable.\n"
        "DEBUG=1\n"
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
    )
    print(f"wrote {target}")
