"""How a hint names the command so that copying it works (README: "every hint prints the full working invocation").

After the README's run command the guard lives in ``.venv/bin``; ``linkedin-guard``
alone works only when that name on ``PATH`` leads to this very install (the
bootstrap links it into ``~/.local/bin`` when that folder is on ``PATH``, or
``pipx`` put it there). Otherwise a hint spells out the full path of the
script that is running, or ``python -m guard`` as a last resort.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from functools import lru_cache
from pathlib import Path

NAME = "linkedin-guard"


def _same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


@lru_cache(maxsize=1)
def base() -> str:
    """``linkedin-guard``, or the full command that reaches this install."""
    scripts = Path(sys.executable).parent  # bin/ (Scripts\\ on Windows) of this environment
    own = scripts / (NAME + (".exe" if os.name == "nt" else ""))
    on_path = shutil.which(NAME)
    if on_path and (not own.exists() or _same_file(on_path, own)):
        return NAME
    if own.exists():
        return shlex.quote(str(own)) if os.name != "nt" else f'"{own}"'
    return f"{shlex.quote(sys.executable)} -m guard"


def command(*args: str) -> str:
    """The hint for ``linkedin-guard ARGS`` that works when pasted into a shell here."""
    return " ".join([base(), *args])
