"""The distributed platform on one machine: one OS process per service, as the containers run.

``Cluster`` prepares the shared servers once (schema migration, Kafka topics), then starts
the agents, the orchestrator and the gateway as separate ``emergisphere run <service>``
processes, each with its own HTTP port for probes and metrics. Tests and the benchmark
use it to kill and restart single services; ``emergisphere distributed`` supervises it.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from emergisphere_runtime.devprocess import free_port
from emergisphere_runtime.runner import START_ORDER

READY_TIMEOUT_SECONDS = 90.0
PR_SET_PDEATHSIG = 1


class ClusterError(RuntimeError):
    pass


@dataclass
class Cluster:
    """``env`` holds the ES_* settings every process shares (servers, prefixes)."""

    env: dict[str, str]
    log_dir: Path
    services: tuple[str, ...] = START_ORDER
    gateway_port: int = 0
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name in self.services:
            port = self.gateway_port if name == "gateway" and self.gateway_port else free_port()
            self.ports[name] = port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports['gateway']}"

    def prepare(self) -> None:
        """Migrate the database and create the topics, once, before any service starts."""
        self._run_once(["db", "upgrade"])
        if self.env.get("ES_KAFKA_BOOTSTRAP_SERVERS"):
            self._run_once(["topics", "ensure"])

    def start(self, *names: str) -> None:
        """Start the named services (all, in start order, when none are named); wait until
        each answers its readiness probe. On failure, what was started is stopped."""
        try:
            for name in names or self.services:
                self._spawn(name)
            for name in names or self.services:
                self._wait_ready(name)
        except BaseException:
            self.stop()
            raise

    def kill(self, name: str, sig: signal.Signals = signal.SIGKILL) -> None:
        process = self.processes.pop(name)
        process.send_signal(sig)
        process.wait(timeout=30)

    def restart(self, name: str) -> None:
        self.start(name)

    def stop(self, timeout: float = 20.0) -> None:
        """Stop every service gracefully, in reverse start order; kill what lingers."""
        for name in reversed(self.services):
            process = self.processes.get(name)
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for name in reversed(self.services):
            process = self.processes.pop(name, None)
            if process is None:
                continue
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def exited(self) -> dict[str, int]:
        """Services whose process ended, with its exit code."""
        return {name: code for name, p in self.processes.items() if (code := p.poll()) is not None}

    def pids(self) -> dict[str, int]:
        return {name: p.pid for name, p in self.processes.items()}

    def _service_env(self, name: str) -> dict[str, str]:
        return {
            **os.environ,
            **self.env,
            "ES_HTTP_PORT": str(self.ports[name]),
            # One migration ran in prepare(); ten processes must not race to run it again.
            "ES_MIGRATE_ON_START": "false",
        }

    def _spawn(self, name: str) -> None:
        if name in self.processes and self.processes[name].poll() is None:
            raise ClusterError(f"{name} is already running")
        with (self.log_dir / f"{name}.log").open("ab") as log:
            self.processes[name] = subprocess.Popen(  # noqa: S603 - our own CLI, fixed args
                [sys.executable, "-m", "emergisphere_runtime.cli", "run", name],
                env=self._service_env(name),
                stdout=subprocess.DEVNULL,
                stderr=log,
                preexec_fn=_die_with_parent,
            )

    def _wait_ready(self, name: str) -> None:
        url = f"http://127.0.0.1:{self.ports[name]}/readyz"
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            process = self.processes[name]
            if process.poll() is not None:
                raise ClusterError(f"{name} exited with {process.returncode}; see {name}.log")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url, timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        raise ClusterError(f"{name} not ready within {READY_TIMEOUT_SECONDS:.0f}s")

    def _run_once(self, args: list[str]) -> None:
        with (self.log_dir / "prepare.log").open("ab") as log:
            subprocess.run(  # noqa: S603 - our own CLI, fixed args
                [sys.executable, "-m", "emergisphere_runtime.cli", *args],
                env={**os.environ, **self.env},
                stdout=log,
                stderr=log,
                check=True,
                timeout=300,
            )


def _die_with_parent() -> None:
    # A test or benchmark that is killed must not leave ten services behind (Linux only).
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def rss_mib(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process in MiB."""
    values = {"VmRSS:": float("nan"), "VmHWM:": float("nan")}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key = line.split(":", 1)[0] + ":"
        if key in values:
            values[key] = int(line.split()[1]) / 1024
    return values["VmRSS:"], values["VmHWM:"]


def write_scrape_targets(cluster: Cluster, path: Path) -> None:
    """Prometheus file-based discovery: each service's metrics address, labelled with its
    name (written whole, then renamed, so Prometheus never reads half a file)."""
    targets = [
        {"targets": [f"127.0.0.1:{port}"], "labels": {"service": name}}
        for name, port in cluster.ports.items()
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(targets, indent=2) + "\n")
    partial.replace(path)


def supervise(cluster: Cluster, targets: Path | None = None) -> int:
    """Run the cluster in the foreground, restarting a service whose process dies (as
    Kubernetes would), until SIGINT or SIGTERM. With ``targets``, the services' metrics
    addresses are written there for Prometheus while they run."""
    stopping = False

    def request_stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    cluster.prepare()
    cluster.start()
    print(f"EmergiSphere (distributed) on {cluster.url}", flush=True)
    for name, pid in cluster.pids().items():
        print(f"  {name:<14} pid {pid:<8} http://127.0.0.1:{cluster.ports[name]}", flush=True)
    print(f"  logs in {cluster.log_dir}", flush=True)
    if targets is not None:
        write_scrape_targets(cluster, targets)
        print(f"  Prometheus targets in {targets}", flush=True)
    try:
        while not stopping:
            time.sleep(0.5)
            for name, code in cluster.exited().items():
                if stopping:
                    break
                print(f"{name} exited with {code}; restarting", file=sys.stderr, flush=True)
                cluster.processes.pop(name)
                with contextlib.suppress(ClusterError):
                    cluster.start(name)
    finally:
        if targets is not None:
            targets.unlink(missing_ok=True)
        cluster.stop()
    return 0
