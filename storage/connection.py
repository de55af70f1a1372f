"""One Redis client for Coordi, whatever REDIS_URL points at: a single server or any node of
a Redis Cluster (Redis or Valkey, `redis://` or `rediss://`, password or ACL user).

Detect, do not configure: at start-up the server is asked (`INFO`, `cluster_enabled`)
and the client matches it. Storage takes either client (`RedisClient`); what differs is
kept here and in `storage.cluster_client`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, TypeAlias

import redis
from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import ConnectionError, ResponseError

from storage.cluster_client import FailoverCluster

log = logging.getLogger(__name__)

RedisClient: TypeAlias = Redis | FailoverCluster

# How long a command waits for a cluster to fail over (a replica promoted in place of a
# dead master) before it fails as "Redis unavailable".
FAILOVER_WAIT_SECONDS = 10.0
# Commands wait this long for a free connection of the single server's pool.
POOL_WAIT_SECONDS = 10


@dataclass(frozen=True)
class ServerKind:
    cluster: bool
    name: str  # "redis" or "valkey"
    version: str


def detect(url: str) -> ServerKind:
    """Ask the server at `url` what it is; one short-lived connection, before the loop runs."""
    probe = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5)
    try:
        info: dict[str, Any] = probe.info()  # the default sections hold Server and Cluster
        cluster = bool(info.get("cluster_enabled"))
    except ResponseError:
        # An ACL user may be refused INFO; CLUSTER SLOTS, which a cluster client needs
        # anyway, tells the two apart ("cluster support disabled" on a single server).
        info = {}
        try:
            probe.execute_command("CLUSTER SLOTS")
            cluster = True
        except ResponseError:
            cluster = False
    finally:
        probe.close()
    name = str(info.get("server_name") or ("valkey" if "valkey_version" in info else "redis"))
    version = str(info.get("valkey_version") or info.get("redis_version") or "?")
    return ServerKind(cluster=cluster, name=name, version=version)


def connect(url: str, *, max_connections: int) -> RedisClient:
    """The client for the server at `url`; it opens its connections on first use.

    On a cluster a pipeline over several slots is refused (RedisClusterException), so an
    operation that spans slots fails in the tests that run on the cluster.
    """
    kind = detect(url)
    common: dict[str, Any] = {"health_check_interval": 30, "socket_connect_timeout": 5}
    if kind.cluster:
        log.info("Redis: %s %s in cluster mode; using the cluster client", kind.name, kind.version)
        return FailoverCluster.from_url(
            url,
            wait_seconds=FAILOVER_WAIT_SECONDS,
            in_flight=max_connections,
            # A dead master must not hold a command for minutes before the failover retry.
            socket_timeout=5,
            **common,
        )
    log.info("Redis: a single %s %s server; using the plain client", kind.name, kind.version)
    # A blocking pool: under load a command waits for a free connection instead of failing.
    pool = BlockingConnectionPool.from_url(
        url, max_connections=max_connections, timeout=POOL_WAIT_SECONDS, **common
    )
    return Redis.from_pool(pool)


async def check_ready(client: RedisClient) -> None:
    """Raise a RedisError unless every slot Coordi may use has a master that answers."""
    if not isinstance(client, FailoverCluster):
        await client.ping()
        return
    async with client.turn():  # a health check queues for connections like any command
        await _cluster_ready(client)


async def _cluster_ready(client: FailoverCluster) -> None:
    await client.initialize()  # finds the nodes on first use; nothing to do afterwards
    if not await _masters_answer(client):
        # The slot map may be from before a failover: ask the cluster again, then retry.
        await client.refresh_slots()
        if not await _masters_answer(client):
            raise ConnectionError("a Redis Cluster master does not answer")
    # A master marked failed makes the cluster refuse every command until its replica
    # is promoted; the masters' PINGs cannot tell.
    info = await client.get_primaries()[0].execute_command("CLUSTER INFO")
    if not isinstance(info, dict) or info.get("cluster_state") != "ok":
        raise ConnectionError("the Redis Cluster reports that it is down")


async def _masters_answer(client: FailoverCluster) -> bool:
    """PING every master once, at the same time, straight to the node (no failover wait)."""
    masters = client.get_primaries()
    answers = await asyncio.gather(
        *(node.execute_command("PING") for node in masters), return_exceptions=True
    )
    return bool(masters) and not any(isinstance(answer, BaseException) for answer in answers)
