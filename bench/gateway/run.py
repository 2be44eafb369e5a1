"""Gateway overhead: `GET /api/intelligence/regions` through the gateway vs `GET /regions` straight to the service.

Starts the platform on spare loopback ports with a throwaway database (as tests/conftest.py does), signs in a
demo account, checks both paths answer 200 with the eight regions, then measures two scenarios, interleaving
the two targets round by round after a warm-up:

* throughput: N connections in a closed loop (requests/s, p50, p99),
* latency: one connection (p50, p99): the gateway's added latency per request.

Usage: uv run --frozen python bench/gateway/run.py [--write-readme]   (what `make bench` runs)

Every request goes to 127.0.0.1; every load run is bounded in time. The load generator is wrk (installed with
apt-get when missing and running as root), else an asyncio + httpx generator in this process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for the shared kit
from benchkit import Stack, cpu_model, direct_token, git_commit, log, ports_free, sign_in, write_results

DEMO_EMAIL = "manager.iti1@demo.tex4im.eu"
EXPECTED_REGIONS = 8
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# wrk calls done() once at the end: print the exact figures as one JSON line (latencies in microseconds).
WRK_REPORT_LUA = """
done = function(summary, latency, requests)
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"p50_us":%.1f,"p90_us":%.1f,"p99_us":%.1f,'
    .. '"mean_us":%.1f,"max_us":%.1f,"status_errors":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
"""


# --- measurements -------------------------------------------------------------------------------------------


@dataclass
class Measurement:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # non-2xx/3xx responses and socket errors; any of these fails the run
    cpu_ms: dict[str, float] = field(default_factory=dict)  # CPU time used by each component during the run

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def others_ms(self) -> float:
        """CPU time used by processes outside the benchmark (another job on the machine) during the run."""
        ours = sum(v for k, v in self.cpu_ms.items() if k != MACHINE)
        return max(0.0, self.cpu_ms.get(MACHINE, 0.0) - ours)

    def others_share(self) -> float:
        return self.others_ms() / (self.seconds * 1000 * (os.cpu_count() or 1)) if self.seconds else 0.0

    def cpu_us_per_request(self, component: str) -> float:
        if component == "others":
            return self.others_ms() * 1000 / self.requests if self.requests else 0.0
        return self.cpu_ms.get(component, 0.0) * 1000 / self.requests if self.requests else 0.0


@dataclass(frozen=True)
class Target:
    name: str  # "direct" or "gateway"
    url: str
    headers: dict[str, str]


class WrkGenerator:
    def __init__(self, executable: str, script: Path) -> None:
        self.executable = executable
        self.script = script
        probe = subprocess.run([executable, "-v"], capture_output=True, text=True, timeout=10, check=False)
        first = (probe.stdout + probe.stderr).strip().splitlines()
        self.description = first[0].split(" Copyright")[0].strip() if first else "wrk"
        self.shares_process = False

    def run(self, target: Target, *, connections: int, seconds: float) -> Measurement:
        command = [self.executable, "-t1", f"-c{connections}", f"-d{round(seconds)}s", "--timeout", "5s",
                   "--latency", "-s", str(self.script)]
        for name, value in target.headers.items():
            command += ["-H", f"{name}: {value}"]
        command.append(target.url)
        result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"wrk failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        line = next((li for li in result.stdout.splitlines() if li.startswith("BENCH_JSON ")), None)
        if line is None:
            raise RuntimeError(f"wrk printed no report:\n{result.stdout}\n{result.stderr}")
        data = json.loads(line.removeprefix("BENCH_JSON "))
        non_2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", result.stdout)
        socket_errors = data["connect"] + data["read"] + data["write"] + data["timeout"]
        errors = max(data["status_errors"], int(non_2xx.group(1)) if non_2xx else 0) + socket_errors
        return Measurement(requests=data["requests"], seconds=data["duration_us"] / 1e6,
                           p50_ms=data["p50_us"] / 1000, p99_ms=data["p99_us"] / 1000, errors=errors)


class PythonGenerator:
    """Closed-loop asyncio + httpx load in this process: it competes with the stack for the same cores."""

    description = f"asyncio + httpx {httpx.__version__} (fallback; shares the cores with the stack)"
    shares_process = True

    def run(self, target: Target, *, connections: int, seconds: float) -> Measurement:
        return asyncio.run(self._run(target, connections, seconds))

    @staticmethod
    async def _run(target: Target, connections: int, seconds: float) -> Measurement:
        latencies: list[float] = []
        errors = 0
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(headers=target.headers, limits=limits, timeout=5.0) as client:
            started = time.perf_counter()
            deadline = started + seconds

            async def worker() -> None:
                nonlocal errors
                while time.perf_counter() < deadline:
                    begun = time.perf_counter()
                    try:
                        response = await client.get(target.url)
                        if not 200 <= response.status_code < 400:
                            errors += 1
                    except httpx.HTTPError:
                        errors += 1
                    latencies.append(time.perf_counter() - begun)

            await asyncio.gather(*(worker() for _ in range(connections)))
            elapsed = time.perf_counter() - started
        latencies.sort()
        return Measurement(requests=len(latencies), seconds=elapsed, p50_ms=_percentile(latencies, 50) * 1000,
                           p99_ms=_percentile(latencies, 99) * 1000, errors=errors)


def _percentile(ordered: list[float], pct: float) -> float:
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def find_wrk() -> str | None:
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    log("wrk is missing; installing it with apt-get (root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"]
    try:
        if subprocess.run(install, env=env, capture_output=True, timeout=300, check=False).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300, check=False)
            subprocess.run(install, env=env, capture_output=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        log("apt-get took too long; falling back to the Python generator")
    return shutil.which("wrk")


# --- CPU accounting from /proc -----------------------------------------------------------------------------


def _proc_stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # fields from the 3rd (state) on


def _cpu_seconds(pid: int, *, with_children: bool = False) -> float:
    fields = _proc_stat(pid)
    if fields is None:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if with_children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime (children already waited for)
    return ticks / CLOCK_TICKS


def _children(pid: int) -> list[int]:
    result = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _proc_stat(int(entry.name))
            if fields is not None and int(fields[1]) == pid:
                result.append(int(entry.name))
    return result


MACHINE = "machine"  # busy CPU time of every process on the machine, ours and anyone else's


def _machine_busy_seconds() -> float:
    ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:4]]
    return sum(ticks) / CLOCK_TICKS  # user, nice, system: processes' time (interrupts, ours too, left out)


class CpuMeter:
    """CPU seconds used by each component of the stack, read before and after a load run."""

    def __init__(self, pids: dict[str, int], postmaster: int | None, shares_process: bool) -> None:
        self.pids = pids
        self.postmaster = postmaster
        self.shares_process = shares_process

    def sample(self) -> dict[str, float]:
        sample = {name: _cpu_seconds(pid) for name, pid in self.pids.items()}
        if self.postmaster:
            sample["postgres"] = _cpu_seconds(self.postmaster, with_children=True) + sum(
                _cpu_seconds(child) for child in _children(self.postmaster))
        own = resource.getrusage(resource.RUSAGE_SELF)
        waited = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk, once it has been waited for
        generator = (own.ru_utime + own.ru_stime) if self.shares_process else (waited.ru_utime + waited.ru_stime)
        sample["load generator"] = generator
        sample[MACHINE] = _machine_busy_seconds()
        return sample

    @staticmethod
    def delta_ms(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
        return {name: (after[name] - before.get(name, 0.0)) * 1000 for name in after}


# --- the stack ---------------------------------------------------------------------------------------------


def wait_for_quiet_machine(max_wait: float, threshold: float = 0.10) -> float:
    """Wait (at most `max_wait` s) until other processes use less than `threshold` of the CPUs; return the share."""
    deadline = time.monotonic() + max_wait
    cpus = os.cpu_count() or 1
    while True:
        before = _machine_busy_seconds()
        time.sleep(2)
        share = (_machine_busy_seconds() - before) / (2 * cpus)
        if share < threshold or time.monotonic() >= deadline:
            return share
        log(f"the machine is busy ({share:.0%} of the CPUs used by other processes); waiting for it to quieten")


def preflight(targets: list[Target], checks: int = 10) -> None:
    """Every response must be 200 with the eight regions, and both paths must give the same regions."""
    bodies = {}
    for target in targets:
        with httpx.Client(headers=target.headers, timeout=10) as client:
            for _ in range(checks):
                response = client.get(target.url)
                if response.status_code != 200:
                    raise RuntimeError(f"pre-flight: {target.name} answered {response.status_code}: {response.text}")
                items = response.json().get("items", [])
                if len(items) != EXPECTED_REGIONS:
                    raise RuntimeError(f"pre-flight: {target.name} returned {len(items)} regions, not 8")
            bodies[target.name] = items
    if bodies["direct"] != bodies["gateway"]:
        raise RuntimeError("pre-flight: the gateway and the service returned different regions")


# --- the run -----------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    key: str
    title: str
    connections: int
    rounds: dict[str, list[Measurement]] = field(default_factory=lambda: {"direct": [], "gateway": []})

    def median(self, target: str, attribute: str) -> float:
        return statistics.median(getattr(m, attribute) for m in self.rounds[target])

    def cpu_us(self, target: str, component: str) -> float:
        return statistics.median(m.cpu_us_per_request(component) for m in self.rounds[target])

    def others_share(self, target: str) -> float:
        """Median share of the machine's CPUs used by processes outside the benchmark during the rounds."""
        return statistics.median(m.others_share() for m in self.rounds[target])


def measure(generator, meter: CpuMeter, target: Target, connections: int, seconds: float) -> Measurement:
    before = meter.sample()
    result = generator.run(target, connections=connections, seconds=seconds)
    result.cpu_ms = CpuMeter.delta_ms(before, meter.sample())
    if result.errors:
        raise RuntimeError(f"{target.name}: {result.errors} non-2xx responses or socket errors during the load")
    return result


def run_scenarios(generator, meter: CpuMeter, targets: list[Target], scenarios: list[Scenario], *, rounds: int,
                  seconds: float, warmup: float) -> None:
    for scenario in scenarios:
        log(f"{scenario.title}: warm-up {warmup:g} s per target")
        for target in targets:
            measure(generator, meter, target, scenario.connections, warmup)
        for round_number in range(1, rounds + 1):
            for target in targets:  # interleaved: direct, gateway, direct, gateway, ...
                m = measure(generator, meter, target, scenario.connections, seconds)
                scenario.rounds[target.name].append(m)
                log(f"{scenario.title} round {round_number} {target.name:<7}: {m.rps:8.0f} req/s  "
                    f"p50 {m.p50_ms:6.2f} ms  p99 {m.p99_ms:6.2f} ms  ({m.requests} requests; "
                    f"other processes used {m.others_share():.0%} of the CPUs)")


TARGET_LABELS = {"direct": "direct `GET /regions`", "gateway": "gateway `GET /api/intelligence/regions`"}


def render(scenarios: list[Scenario], *, generator_name: str, rounds: int, seconds: float, warmup: float) -> str:
    throughput, latency = scenarios
    ratio = throughput.median("gateway", "rps") / throughput.median("direct", "rps")
    added_p50 = latency.median("gateway", "p50_ms") - latency.median("direct", "p50_ms")
    added_p99 = latency.median("gateway", "p99_ms") - latency.median("direct", "p99_ms")
    loaded_p50 = throughput.median("gateway", "p50_ms") - throughput.median("direct", "p50_ms")

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**not met**"

    lines = [
        f"- Date (UTC): {datetime.now(UTC):%Y-%m-%d %H:%M}; commit {git_commit()}",
        f"- Machine: {os.cpu_count()} CPU ({cpu_model()}); Python {platform.python_version()}; "
        "load generator, gateway, intelligence and PostgreSQL share these CPUs",
        f"- Load generator: {generator_name}; {rounds} measured rounds of {seconds:g} s per target and scenario, "
        f"interleaved (direct, gateway, ...) after a {warmup:g} s warm-up; figures are medians over the rounds",
        "",
        "| Scenario | Target | req/s | p50 (ms) | p99 (ms) | req/s per round (others' CPU share) |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for scenario in scenarios:
        for name, label in TARGET_LABELS.items():
            per_round = " / ".join(f"{m.rps:.0f} ({m.others_share():.0%})" for m in scenario.rounds[name])
            lines.append(f"| {scenario.title} | {label} | {scenario.median(name, 'rps'):.0f} | "
                         f"{scenario.median(name, 'p50_ms'):.2f} | {scenario.median(name, 'p99_ms'):.2f} | "
                         f"{per_round} |")
    lines += [
        "",
        f"- Throughput kept through the gateway ({throughput.connections} connections): {ratio:.0%} of direct "
        f"(target ≥ 70 %): {verdict(ratio >= 0.70)}",
        f"- Latency added by the gateway at 1 connection: p50 +{added_p50:.2f} ms (target ≤ 2 ms): "
        f"{verdict(added_p50 <= 2.0)}; p99 +{added_p99:.2f} ms",
        f"- Latency added under load ({throughput.connections} connections): p50 +{loaded_p50:.2f} ms",
        "",
        "CPU time per request in the throughput scenario (µs, median over rounds; from /proc):",
        "",
        "| Component | direct | gateway |",
        "| --- | ---: | ---: |",
    ]
    components = ["gateway", "intelligence", "postgres", "devstack (log relay)", "load generator", "others"]
    totals = {"direct": 0.0, "gateway": 0.0}
    for component in components:
        values = {name: throughput.cpu_us(name, component) for name in totals}
        for name in totals:
            totals[name] += values[name]
        lines.append(f"| {component} | {values['direct']:.0f} | {values['gateway']:.0f} |")
    lines.append(f"| total | {totals['direct']:.0f} | {totals['gateway']:.0f} |")
    shares = [sc.others_share(name) for sc in scenarios for name in ("direct", "gateway")]
    lines += ["", f"\"others\" is CPU used by processes outside the benchmark during the rounds: "
              f"{min(shares):.0%}–{max(shares):.0%} of the machine's CPUs (median per scenario and target)."]
    if max(shares) > 0.05:
        lines.append("**The machine was not quiet during this run: the figures are disturbed by other work.**")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-readme", action="store_true", help="write the results table into bench/README.md")
    parser.add_argument("--port-base", type=int, default=18100, help="gateway port; the services use the next 3")
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds per target and scenario")
    parser.add_argument("--duration", type=float, default=8, help="seconds per measured round")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of warm-up per target and scenario")
    parser.add_argument("--connections", type=int, default=16, help="connections in the throughput scenario")
    parser.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--quiet-wait", type=float, default=60,
                        help="seconds to wait at most, before starting, for other work on the machine to stop")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.duration < 1 or args.warmup < 1:
        parser.error("--rounds, --duration and --warmup must be at least 1")

    if not ports_free(args.port_base):
        log(f"ports {args.port_base}-{args.port_base + 3} are in use (is a stack already running there?); "
            "stop it or pass --port-base")
        return 2

    work_dir = Path(tempfile.mkdtemp(prefix="tex4im-bench-"))
    script = work_dir / "report.lua"
    script.write_text(WRK_REPORT_LUA)
    wrk = find_wrk() if args.generator != "python" else None
    if args.generator == "wrk" and wrk is None:
        log("wrk is not available")
        return 2
    generator = WrkGenerator(wrk, script) if wrk else PythonGenerator()
    if not wrk:
        log("wrk is not available: using the asyncio + httpx generator, which shares the cores with the stack")
    log(f"load generator: {generator.description}")

    busy = wait_for_quiet_machine(args.quiet_wait)
    if busy >= 0.10:
        log(f"WARNING: other processes use {busy:.0%} of the CPUs; the figures will be disturbed")
    stack = Stack(args.port_base, work_dir / "stack")
    started = time.monotonic()
    try:
        log(f"starting the platform on 127.0.0.1:{args.port_base}-{args.port_base + 3} (throwaway database)")
        stack.start()
        log(f"platform ready in {time.monotonic() - started:.0f} s")
        access = sign_in(stack, DEMO_EMAIL)
        targets = [
            Target("direct", f"{stack.service_urls['intelligence']}/regions",
                   {"Authorization": f"Bearer {direct_token(stack, access)}"}),
            Target("gateway", f"{stack.gateway_url}/api/intelligence/regions", {"Cookie": f"tex4im_access={access}"}),
        ]
        preflight(targets)
        log("pre-flight: both paths answer 200 with the same 8 regions")
        meter = CpuMeter({"gateway": stack.pid("gateway"), "intelligence": stack.pid("intelligence"),
                          "devstack (log relay)": stack.process.pid}, stack.postmaster_pid(),
                         generator.shares_process)
        scenarios = [Scenario("throughput", f"throughput, {args.connections} connections", args.connections),
                     Scenario("latency", "latency, 1 connection", 1)]
        run_scenarios(generator, meter, targets, scenarios, rounds=args.rounds, seconds=args.duration,
                      warmup=args.warmup)
    except Exception:
        tail = stack.tail()
        if tail:
            print(f"--- last lines of the platform's log ---\n{tail}", file=sys.stderr)
        raise
    finally:
        stack.stop()
        shutil.rmtree(work_dir, ignore_errors=True)

    table = render(scenarios, generator_name=generator.description, rounds=args.rounds, seconds=args.duration,
                   warmup=args.warmup)
    print(f"\n{table}\n", flush=True)
    if args.write_readme:
        write_results("results", table)
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
