"""redis-py's asyncio `RedisCluster`, made to wait out a failover and to queue for connections.

Two gaps of the stock client matter to a bot that must lose nothing:

- When a master dies, the stock client retries at once, with no pause, and gives up in
  milliseconds (its `retry` backoff is not used for commands yet). Here a command retries
  with a growing, jittered pause for up to `wait_seconds`, refreshing the slot map between
  tries, so a failover of a few seconds looks like a slow command, not an error. After
  that it raises a `RedisError` (the webhook answers 503, a handler's update is requeued).
- With all of a node's `max_connections` in use the stock client raises
  `MaxConnectionsError` at once (it has no blocking pool). Here at most `in_flight`
  commands and pipelines run at a time; the rest wait for a turn, as they do on
  `BlockingConnectionPool` for a single server.

Pipelines are never transactions here: redis-py runs a cluster MULTI/EXEC by starting a
thread and an event loop for every queued command. Coordi's pipelines each touch one
slot (so they go to one node in one round trip) and what must be atomic is a Lua
script, which Redis checks to stay within one slot.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from redis.asyncio.cluster import ClusterPipeline, RedisCluster
from redis.asyncio.retry import Retry
from redis.backoff import EqualJitterBackoff, NoBackoff
from redis.exceptions import (
    ClusterDownError,
    ConnectionError,
    MaxConnectionsError,
    RedisClusterException,
    RedisError,
    SlotNotCoveredError,
    TimeoutError,
    TryAgainError,
)
from redis.typing import EncodableT

log = logging.getLogger(__name__)

T = TypeVar("T")

# What a failover looks like from the client: the old master refuses or drops connections,
# then the cluster says CLUSTERDOWN until the replica is promoted, then TRYAGAIN or MOVED
# (which the stock client follows by itself). MaxConnectionsError is a ConnectionError.
FAILOVER_ERRORS = (
    ConnectionError,
    TimeoutError,
    ClusterDownError,
    SlotNotCoveredError,
    TryAgainError,
)
# Pauses between tries: 50-100 ms, doubling up to 250-500 ms.
BACKOFF = EqualJitterBackoff(cap=0.5, base=0.05)

# Set while a task holds a turn, so that a pipeline's own follow-up commands (redirections)
# do not queue behind it for a second one.
_holding: ContextVar[bool] = ContextVar("coordi_cluster_turn", default=False)


class FailoverCluster(RedisCluster):
    def __init__(
        self,
        *args: Any,
        wait_seconds: float,
        in_flight: int,
        **kwargs: Any,
    ) -> None:
        # No retries inside redis-py: its pipelines retry by closing every connection
        # of the client, its commands without a pause. The retries with pauses are ours.
        kwargs["retry"] = Retry(NoBackoff(), 0)
        kwargs.setdefault("max_connections", in_flight)
        super().__init__(*args, **kwargs)
        self.wait_seconds = wait_seconds
        self._turns = asyncio.Semaphore(in_flight)
        self._last_warning = float("-inf")

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> FailoverCluster:
        client = super().from_url(url, **kwargs)
        assert isinstance(client, FailoverCluster)  # redis-py builds `cls(**kwargs)`
        return client

    async def initialize(
        self,
        additional_startup_nodes_info: list[tuple[str, int]] | None = None,
        last_failed_node_name: str | None = None,
    ) -> RedisCluster:
        try:
            return await super().initialize(additional_startup_nodes_info, last_failed_node_name)
        except RedisClusterException as exc:
            # "cannot be connected", "not all slots covered": the cluster is unavailable
            # right now, which callers know as a RedisError (503, requeue), and it is worth
            # another try. A misuse (keys of several slots) raises elsewhere and is not.
            raise ConnectionError(f"Redis Cluster unavailable: {exc}") from exc

    async def execute_command(self, *args: EncodableT, **kwargs: Any) -> Any:
        command = super().execute_command
        return await self.patiently(lambda: command(*args, **kwargs))

    def pipeline(
        self, transaction: Any | None = None, shard_hint: Any | None = None
    ) -> ClusterPipeline:
        if transaction or shard_hint:
            raise RedisClusterException(
                "Coordi runs no MULTI/EXEC on a cluster: make it one pipeline on one slot, "
                "or a Lua script if it must be atomic"
            )
        # redis-py's typing protocol declares an attribute its ClusterPipeline never sets.
        return FailoverPipeline(self)  # type: ignore[abstract]

    async def patiently(self, attempt: Callable[[], Awaitable[T]]) -> T:
        """Run `attempt` in a turn; through a failover, again after a pause, until the wait ends."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.wait_seconds
        failures = 0
        while True:
            try:
                async with self.turn():
                    return await attempt()
            except FAILOVER_ERRORS as exc:
                failures += 1
                pause = BACKOFF.compute(failures)
                if loop.time() + pause > deadline:
                    raise
                if failures == 1 and loop.time() - self._last_warning > 1:
                    # Once a second at most: a failover stalls every command at once.
                    self._last_warning = loop.time()
                    log.warning("Redis Cluster unavailable (%s); waiting", type(exc).__name__)
                if not isinstance(exc, MaxConnectionsError):
                    await self.refresh_slots()
                await asyncio.sleep(pause)

    async def refresh_slots(self) -> None:
        """Ask the cluster who serves which slot now (a replica may have been promoted)."""
        # Concurrent refreshes collapse into one inside redis-py; existing connections stay.
        with contextlib.suppress(RedisError, RedisClusterException, OSError):
            await self.nodes_manager.initialize()

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """One of the `in_flight` places; nested use by the same task takes no second one."""
        if _holding.get():
            yield
            return
        async with self._turns:
            token = _holding.set(True)
            try:
                yield
            finally:
                _holding.reset(token)


class FailoverPipeline(ClusterPipeline):
    """A cluster pipeline that, like the client, waits out a failover.

    redis-py empties a pipeline when it fails, so the queued commands are remembered here
    and queued again for the next try. Every Coordi pipeline stays on one slot (checked),
    so a try either reached its one node or did not: trying again repeats no half-done
    work on another node. (Scripts run on their own, never inside a pipeline.)
    """

    def __init__(self, client: FailoverCluster) -> None:
        super().__init__(client, transaction=False)
        self._client = client
        self._queued: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def execute_command(self, *args: Any, **kwargs: Any) -> ClusterPipeline:
        self._queued.append((args, dict(kwargs)))
        return super().execute_command(*args, **kwargs)

    async def execute(
        self, raise_on_error: bool = True, allow_redirections: bool = True
    ) -> list[Any]:
        queued, self._queued = self._queued, []
        slots = {self._client.keyslot(args[1]) for args, _ in queued if len(args) > 1}
        # A pipeline over several slots would run as several pipelines, one per node, and a
        # retry could repeat what one of them did: refused.
        if len(slots) > 1:
            names = sorted({str(args[0]) for args, _ in queued})
            raise RedisClusterException(
                f"a pipeline ({', '.join(names)}) spans {len(slots)} cluster slots"
            )
        first = True

        async def attempt() -> list[Any]:
            nonlocal first
            if not first:  # the failed try emptied the pipeline
                for args, kwargs in queued:
                    ClusterPipeline.execute_command(self, *args, **dict(kwargs))
            first = False
            return await ClusterPipeline.execute(self, raise_on_error, allow_redirections)

        return await self._client.patiently(attempt)
