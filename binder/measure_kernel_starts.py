"""Start the climagrad kernel N times and count how its starts went (for the README's numbers).

    /usr/bin/python3 binder/measure_kernel_starts.py [N]          (default N = 20)

Each start goes through the kernelspec (so through binder/kernel_wrapper.py), as Jupyter does:
start, wait until the kernel answers and the wrapper has written its verdict
(CONNECTION_FILE.ready), run one cell, shut down. Prints, per start, the number of kernel
processes the wrapper needed, then the totals: starts that failed for the client, and kernel
processes started in all (each extra one was a start-up race caught by the wrapper).
"""

import os
import re
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    failed = 0
    processes = 0
    for i in range(1, n + 1):
        with tempfile.TemporaryFile() as log:
            started = time.monotonic()
            try:
                km, kc = start_new_kernel(kernel_name="climagrad", startup_timeout=120, stdout=log,
                                          stderr=subprocess.STDOUT)
            except RuntimeError as error:
                failed += 1
                print(f"start {i}: FAILED ({error})", flush=True)
                continue
            marker = km.connection_file + ".ready"
            while not os.path.exists(marker) and time.monotonic() < started + 300:
                time.sleep(0.1)
            try:
                reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
                ok = reply["content"]["status"] == "ok"
            except TimeoutError:
                ok = False
            seconds = time.monotonic() - started
            kc.stop_channels()
            km.shutdown_kernel(now=False)
            log.seek(0)
            text = log.read().decode("utf-8", "replace")
            attempts = 1 + len(re.findall(r"restarting the kernel", text))
            processes += attempts
            if not ok:
                failed += 1
                print("  " + "\n  ".join(line for line in text.splitlines() if "wrapper" in line or "Channel" in line))
            print(f"start {i}: {'ok' if ok else 'FAILED'}, {attempts} kernel process(es), {seconds:.1f} s", flush=True)
    print(f"starts: {n}, failed for the client: {failed}, kernel processes: {processes} "
          f"(races caught by the wrapper: {processes - n + failed})")


if __name__ == "__main__":
    main()
