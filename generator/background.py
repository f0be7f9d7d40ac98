"""Work done in a forked process while this one goes on with something else.

A plain process and a pipe, not an executor: an executor's thread would still be running
when the build forks its rendering workers, and forking with other threads running is
what `can_fork` guards against.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Worth forking (more than one core) and safe: a process with other threads running
    (`mkdocs serve`: its server, file watchers and our own) can hand a forked child a lock
    one of them held, and the child waits forever. There the work is done in this process."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _send(work: Callable[[], object], connection: Connection) -> None:
    try:
        result: tuple[str, object] = ("done", work())
    except BaseException:  # noqa: BLE001 - reported in the parent, with its traceback
        result = ("error", traceback.format_exc())
    connection.send(result)
    connection.close()


@contextlib.contextmanager
def meanwhile(work: Callable[[], T], what: str, *, fork: bool) -> Iterator[Callable[[], T]]:
    """Starts `work` in a forked process (when `fork`) and gives a function that waits for
    its result; a failure there is raised here as a RuntimeError with the child's traceback.
    Without `fork` the function does the work itself, when asked."""
    if not fork:
        yield work
        return
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_send, args=(work, sending), name=what)
    process.start()
    sending.close()
    received: list[bool] = []

    def wait() -> T:
        try:
            kind, value = receiving.recv()
        except EOFError:  # the process died without a word (killed, out of memory)
            process.join()
            raise RuntimeError(f"{what} stopped without a result (exit code {process.exitcode})") from None
        received.append(True)
        if kind == "error":
            raise RuntimeError(f"{what} failed:\n{value}")
        return value

    try:
        yield wait
    finally:
        if not received:  # stopped before it asked for the result
            process.kill()
        process.join()
        receiving.close()
