"""A fake server (tests/fakes/serve.py) as a child process of the benchmark."""

from __future__ import annotations

import asyncio
import signal
import sys


class FakeProcess:
    def __init__(self, kind: str, *options: str) -> None:
        self._command = [sys.executable, "-m", "tests.fakes.serve", kind, *options]
        self._process: asyncio.subprocess.Process | None = None
        self.port = 0

    async def start(self) -> None:
        self._process = await asyncio.create_subprocess_exec(
            *self._command, stdout=asyncio.subprocess.PIPE
        )
        assert self._process.stdout is not None
        line = (await asyncio.wait_for(self._process.stdout.readline(), 30)).decode()
        if not line.startswith("PORT "):
            raise RuntimeError(f"fake server did not start: {line!r}")
        self.port = int(line.split()[1])

    async def stop(self) -> None:
        if self._process is None or self._process.returncode is not None:
            return
        self._process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self._process.wait(), 10)
        except TimeoutError:
            self._process.kill()
            await self._process.wait()
