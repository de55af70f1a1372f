"""The Redis a benchmark runs on: one embedded server, or a local 6-node Redis Cluster.

Both have `.url` (REDIS_URL for the workers) and `.stop()`; the numbers are summed over
the masters (replicas only repeat what their master did): commands served and memory.
"""

from __future__ import annotations

from pathlib import Path

import redis

from bot.embedded_redis import EmbeddedRedis
from tests.redis_cluster import LocalCluster

Backend = EmbeddedRedis | LocalCluster
# Not the bot's own traffic: the benchmark's measuring and the server's bookkeeping.
NOT_COUNTED = {"info", "config", "flushall", "flushdb", "ping"}


def start_redis(cluster: bool, folder: Path) -> Backend:
    backend: Backend = LocalCluster(folder) if cluster else EmbeddedRedis(folder)
    backend.start()
    return backend


def _masters(backend: Backend) -> list[redis.Redis]:
    if isinstance(backend, LocalCluster):
        return [backend.client(port) for port in backend.master_ports()]
    return [redis.Redis(port=backend.port)]


def commands_served(backend: Backend) -> int:
    """Commands the masters have served so far (INFO commandstats), the bot's ones only."""
    total = 0
    for node in _masters(backend):
        for name, stats in node.info("commandstats").items():
            command = name.removeprefix("cmdstat_").split("|")[0]
            if command not in NOT_COUNTED:
                total += int(stats["calls"])
        node.close()
    return total


def used_memory(backend: Backend) -> int:
    total = 0
    for node in _masters(backend):
        total += int(node.info("memory")["used_memory"])
        node.close()
    return total
