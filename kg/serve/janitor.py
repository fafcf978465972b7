"""``python -I -m kg.serve.janitor FOLDER FD``: wait until the server is gone (end of file on the lifeline
``FD``), then remove its temporary store ``FOLDER``. Ignores Ctrl-C and hang-ups, which end the server."""

from __future__ import annotations

import os
import shutil
import signal
import sys


def main(folder: str, fd: int) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        while os.read(fd, 1):
            pass
    except OSError:
        pass
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
