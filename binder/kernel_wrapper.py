"""Start a Jupyter kernel process, and start it again until heartbeat, shell and control answer.

Usage (the kernelspec's argv):
    python3 kernel_wrapper.py CONNECTION_FILE -- java ... -jar rapaio-jupyter-kernel.jar CONNECTION_FILE

Why: rapaio-jupyter-kernel 3.0.1 has a start-up race. In about one start in four on a 2-core
machine (16 of 55 kernel processes in `binder/measure_kernel_starts.py 40` with
CLIMAGRAD_KERNEL_PIN=0) one of its three channel loop threads (heartbeat, shell, control; a thread dump of a healthy kernel shows
"Heartbeat-0" and two "Shell-0") ends at once while the others stay up. Without shell the kernel
never answers kernel_info or execute requests and the client waits until it gives up ("Kernel
didn't respond"); without heartbeat or control, servers think it dead or cannot interrupt it.
This wrapper launches the kernel with the client's connection file and probes all three from the
same connection file (a heartbeat ping, kernel_info on shell, then on control, then once more on
shell: a shell and a control request at the same moment can end the shell thread just after it
replied, EmptyStackException in Channels.runAfterActions, seen in CI on 2026-12-02). If one stays
silent, it kills the kernel and launches it again on the same ports; if the kernel exits by
itself, the wrapper exits with its code. The client never sees the failed
start: its sockets reconnect to the new process and its own kernel_info requests, repeated every
second, are answered by it. A restart would lose work, though, once the client has begun to
execute code; so when the wrapper sees output of someone else's execute_request during the probe,
it keeps the kernel even if heartbeat or control stay silent (with a warning in the log: interrupts
may then not work). When its verdict is final the wrapper writes the file CONNECTION_FILE.ready
(removed when the wrapper exits); binder/run_notebooks.py waits for it before it runs a cell, so
batch runs never execute on a kernel that may still be restarted. After a good start the wrapper
forwards SIGINT, SIGTERM and SIGHUP to the kernel and exits with its exit code. The wrapper gets SIGTERM when the process that
started it dies, and the kernel when the wrapper dies, so a killed runner leaves no kernel behind.

Fewer races: the kernel's channel loop threads set their "running" flag just after starting the
thread, and a thread that gets a CPU at once sees it still false and ends. The wrapper therefore
starts the kernel pinned to one CPU, where a new thread mostly waits until its starter gives up
the CPU, and gives the kernel's threads back every CPU it may use once its verdict is final. So
that the JVM still sizes its thread pools for all of them, the kernel gets
-XX:ActiveProcessorCount=N (N = the CPUs the wrapper may use) through JAVA_TOOL_OPTIONS. Measured:
4 or 5 races in 44-45 kernel processes instead of 16 in 55. CLIMAGRAD_KERNEL_PIN=0 turns it off.

Settings (environment): CLIMAGRAD_KERNEL_START_SECONDS (default 60: time for the first channel to
answer, the JVM starting), CLIMAGRAD_KERNEL_PROBE_SECONDS (default 5: time for the other channels
to answer after that), CLIMAGRAD_KERNEL_ATTEMPTS (default 8).
"""

import ctypes
import os
import queue
import signal
import subprocess
import sys
import time

import zmq
from jupyter_client import BlockingKernelClient

START_SECONDS = float(os.environ.get("CLIMAGRAD_KERNEL_START_SECONDS", "60"))
PROBE_SECONDS = float(os.environ.get("CLIMAGRAD_KERNEL_PROBE_SECONDS", "5"))
ATTEMPTS = int(os.environ.get("CLIMAGRAD_KERNEL_ATTEMPTS", "8"))
PIN = os.environ.get("CLIMAGRAD_KERNEL_PIN", "1") != "0"
PR_SET_PDEATHSIG = 1


def log(message):
    print(f"[climagrad kernel wrapper] {message}", file=sys.stderr, flush=True)


def die_with_parent():
    """SIGTERM to the calling process when its parent dies, even by SIGKILL: no orphan kernels."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class Heartbeat:
    """Pings the kernel's heartbeat port without blocking; a new REQ socket for each ping."""

    def __init__(self, config):
        self.address = f"{config['transport']}://{config['ip']}:{config['hb_port']}"
        self.socket = None
        self.sent = 0.0

    def echoed(self):
        if self.socket is not None and self.socket.poll(0):
            return True
        if self.socket is None or time.monotonic() > self.sent + 1:
            self.close()
            self.socket = zmq.Context.instance().socket(zmq.REQ)
            self.socket.linger = 0
            self.socket.connect(self.address)
            self.socket.send(b"ping")
            self.sent = time.monotonic()
        return False

    def close(self):
        if self.socket is not None:
            self.socket.close()


def received(client):
    """The messages waiting on shell, control and iopub."""
    for get in (client.get_shell_msg, client.get_control_msg, client.get_iopub_msg):
        while True:
            try:
                yield get(timeout=0.05)
            except queue.Empty:
                break


CHANNELS = {"heartbeat", "shell", "control"}


def probe(connection_file, process):
    """(silent, executing): the channels that stay silent (none for a good start), and whether a client
    has already begun to execute code. All must answer: within START_SECONDS for the first of
    them (the JVM starting), then within PROBE_SECONDS for the others. rapaio answers control
    requests on the shell socket; any message whose parent is one of our requests counts, and an
    iopub message caused by anyone's execute_request shows that shell is alive too."""
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    heartbeat = Heartbeat(client.get_connection_info())
    asked = {}  # our request id -> the channel it went to
    alive = set()
    executing = False
    first_answer = None
    next_request = 0.0
    started = time.monotonic()
    try:
        while process.poll() is None and alive != CHANNELS:
            now = time.monotonic()
            if now > (started + START_SECONDS if first_answer is None else first_answer + PROBE_SECONDS):
                break
            if now >= next_request:
                if "shell" not in alive:
                    asked[client.kernel_info()] = "shell"
                # control only once shell has answered: rapaio handles both on threads that share
                # a stack, and a shell and a control request at the same moment can end the
                # shell thread just after it replied (EmptyStackException in runAfterActions)
                if "control" not in alive and "shell" in alive:
                    request = client.session.msg("kernel_info_request")
                    client.control_channel.send(request)
                    asked[request["header"]["msg_id"]] = "control"
                next_request = now + 1
            if heartbeat.echoed():
                alive.add("heartbeat")
            for msg in received(client):
                parent = msg["parent_header"]
                if parent.get("msg_id") in asked:
                    alive.add(asked[parent["msg_id"]])
                elif parent.get("msg_type") == "execute_request":
                    alive.add("shell")
                    executing = True
            if alive and first_answer is None:
                first_answer = time.monotonic()
        if alive == CHANNELS and not executing and not shell_still_answers(client, process):
            alive.discard("shell")  # it answered, then its thread ended
        return CHANNELS - alive, executing
    finally:
        heartbeat.close()
        client.stop_channels()


def shell_still_answers(client, process):
    """One more kernel_info on shell after every channel has answered, alone on the wire: True when
    it is answered within PROBE_SECONDS (or someone else's execute_request shows shell alive)."""
    msg_id = client.kernel_info()
    deadline = time.monotonic() + PROBE_SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        for msg in received(client):
            parent = msg["parent_header"]
            if parent.get("msg_id") == msg_id or parent.get("msg_type") == "execute_request":
                return True
    return False


def start(command):
    """Launch the kernel; pinned to one CPU while it starts (see the module doc)."""
    cpus = sorted(os.sched_getaffinity(0))
    env = dict(os.environ)
    if PIN and len(cpus) > 1:
        option = f"-XX:ActiveProcessorCount={len(cpus)}"
        env["JAVA_TOOL_OPTIONS"] = f"{env.get('JAVA_TOOL_OPTIONS', '')} {option}".strip()

        def prepare():
            die_with_parent()
            os.sched_setaffinity(0, {cpus[-1]})

        return subprocess.Popen(command, preexec_fn=prepare, env=env)
    return subprocess.Popen(command, preexec_fn=die_with_parent, env=env)


def unpin(process):
    """Give every thread of the kernel all CPUs of the wrapper again (twice, for threads started meanwhile)."""
    cpus = os.sched_getaffinity(0)
    for _ in range(2):
        try:
            tasks = os.listdir(f"/proc/{process.pid}/task")
        except FileNotFoundError:
            return
        for task in tasks:
            try:
                os.sched_setaffinity(int(task), cpus)
            except (ProcessLookupError, PermissionError, OSError):
                pass


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def ready_marker(connection_file):
    """The file whose existence says: this kernel will not be restarted by the wrapper."""
    return os.path.abspath(connection_file) + ".ready"


def write_ready(marker, text):
    temporary = f"{marker}.{os.getpid()}.tmp"
    with open(temporary, "w") as f:
        f.write(text + "\n")
    os.replace(temporary, marker)


def remove(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def main(argv):
    if len(argv) < 3 or argv[1] != "--":
        sys.exit("usage: kernel_wrapper.py CONNECTION_FILE -- KERNEL_COMMAND...")
    connection_file, command = argv[0], argv[2:]
    marker = ready_marker(connection_file)
    remove(marker)
    die_with_parent()  # the wrapper goes when Jupyter goes; the kernel goes with the wrapper
    try:
        return supervise(connection_file, command, marker)
    finally:
        remove(marker)


def supervise(connection_file, command, marker):
    for attempt in range(1, ATTEMPTS + 1):
        process = start(command)
        started = time.monotonic()
        silent, executing = probe(connection_file, process)
        if not silent:
            if attempt > 1:
                log(f"kernel answered on attempt {attempt}")
            break
        if executing and process.poll() is None:
            log(f"attempt {attempt}: no answer on {', '.join(sorted(silent))}, but a client is already "
                "executing code; keeping this kernel (interrupts may not work; restart it if needed)")
            break
        if process.poll() is not None:  # it ended by itself (a crash, or an early shutdown): no retry
            log(f"kernel exited with code {process.returncode} during start-up")
            return process.returncode
        log(f"attempt {attempt}/{ATTEMPTS}: no answer on {', '.join(sorted(silent))} after "
            f"{time.monotonic() - started:.0f} s; restarting the kernel")
        stop(process)
    else:
        log(f"kernel did not start after {ATTEMPTS} attempts")
        return 1
    unpin(process)
    write_ready(marker, f"attempt {attempt}")

    def forward(signum, _frame):
        process.send_signal(signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    code = process.wait()
    return code if code >= 0 else 128 - code  # killed by signal N: exit with 128 + N, as a shell does


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
