"""Refuse to set up with a Python older than 3.12: pip would quietly pick an older Django."""

import sys

if sys.version_info < (3, 12):  # noqa: UP036 (this script runs before the venv exists)
    sys.exit(
        f"Python 3.12 or newer is needed (3.13 recommended, see .python-version); "
        f"'{sys.executable}' is {sys.version.split()[0]}. "
        "Install 3.13 (for example with pyenv) or run: make PYTHON=python3.13 …"
    )
