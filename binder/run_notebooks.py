"""Execute every notebook with the climagrad kernel; write the executed notebooks and their figures.

    /usr/bin/python3 binder/run_notebooks.py [--profile fast|paper] [--out DIR] [--timeout S] [NOTEBOOK...]

Without NOTEBOOK arguments it runs notebooks/*.ipynb in sorted order. Each notebook runs in a
fresh kernel with CLIMAGRAD_PROFILE set. A notebook fails when a cell fails (a Java exception, a
compile error), when a cell runs past the time-out, or when its kernel does not start. Only the
kernel start is retried (a second line of defence behind binder/kernel_wrapper.py), never a
notebook whose cells ran; no cell runs before the wrapper has written its verdict on the start
(CONNECTION_FILE.ready), so a restart by the wrapper can never lose a cell. Writes OUT/NAME.ipynb and OUT/NAME_cellNN_K.png for every image/png
output, each through a temporary file renamed into place, and the kernel's own log to
OUT/NAME.kernel.log. The last line printed is
"notebooks: N passed, N failed"; the exit code is 1 when any notebook failed.
"""

import argparse
import asyncio
import base64
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.util import ensure_async
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "climagrad"
START_ATTEMPTS = 3
UMASK = os.umask(0o022)
os.umask(UMASK)


class KernelStartError(RuntimeError):
    pass


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--profile", choices=["fast", "paper"],
                        default=os.environ.get("CLIMAGRAD_PROFILE", "fast"))
    parser.add_argument("--out", type=Path, default=ROOT / "out", help="output folder (default: out/)")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell (default: 1800)")
    parser.add_argument("--startup-timeout", type=int, default=120,
                        help="seconds for the kernel to answer after start (default: 120)")
    return parser.parse_args()


def write_atomically(path, data):
    """Write bytes to path through a temporary file in the same folder, so a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.chmod(temporary, 0o666 & ~UMASK)  # mkstemp creates 0600
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


async def wait_until_final(client, seconds):
    """Wait until binder/kernel_wrapper.py has checked every channel and will not restart the kernel
    (it then writes CONNECTION_FILE.ready): a cell sent earlier could be lost in a restart."""
    marker = Path(os.path.abspath(client.km.connection_file) + ".ready")
    deadline = time.monotonic() + seconds
    while not marker.exists():
        if not await ensure_async(client.km.is_alive()):
            raise RuntimeError("the kernel exited during its start-up checks")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kernel wrapper gave no verdict on the start within {seconds} s")
        await asyncio.sleep(0.1)


async def start_kernel(client, cwd, log, seconds):
    """Start the kernel, retrying only the start; raise KernelStartError after START_ATTEMPTS."""
    for attempt in range(1, START_ATTEMPTS + 1):
        client.create_kernel_manager()
        try:
            await client.async_start_new_kernel(cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
            await client.async_start_new_kernel_client()  # cleans the kernel up itself on failure
            await wait_until_final(client, seconds)
            return
        except (RuntimeError, TimeoutError) as error:
            print(f"  kernel start {attempt}/{START_ATTEMPTS} failed: {error}", flush=True)
            if client.km is not None and client.km.has_kernel:
                await client._async_cleanup_kernel()
    raise KernelStartError(f"kernel '{KERNEL}' did not start in {START_ATTEMPTS} attempts")


async def execute(notebook, path, args, log):
    client = NotebookClient(notebook, kernel_name=KERNEL, timeout=args.timeout,
                            startup_timeout=args.startup_timeout,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        await start_kernel(client, str(path.parent), log, args.startup_timeout * 3)
        await client.async_execute()  # reuses the started kernel and shuts it down at the end
    except BaseException:  # also on SIGTERM/Ctrl-C: leave no kernel behind
        if client.km is not None and client.km.has_kernel:
            await client._async_cleanup_kernel()
        raise


def save(notebook, path, out):
    """Write the executed notebook and its PNG outputs; drop this notebook's PNGs of earlier runs."""
    stem = path.stem
    for old in out.glob(f"{stem}_cell*.png"):
        old.unlink()
    for index, cell in enumerate(notebook.cells):
        images = [o["data"]["image/png"] for o in cell.get("outputs", [])
                  if o.get("output_type") in ("display_data", "execute_result")
                  and "image/png" in o.get("data", {})]
        for k, image in enumerate(images, start=1):
            write_atomically(out / f"{stem}_cell{index:02d}_{k}.png", base64.b64decode(image))
    write_atomically(out / path.name, nbformat.writes(notebook).encode("utf-8"))


def run(path, args):
    """Execute one notebook; return an error message, or None when it passed."""
    notebook = nbformat.read(path, as_version=4)
    log_path = args.out / f"{path.stem}.kernel.log"
    # nbclient replaces the SIGTERM handler while it runs a notebook; set ours again each time.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        with open(log_path, "wb") as log:
            asyncio.run(execute(notebook, path, args, log))
        error = None
    except CellExecutionError as e:
        error = f"cell failed:\n{e}"
    except CellTimeoutError as e:
        error = f"cell time-out ({args.timeout} s): {e}"
    except (DeadKernelError, KernelStartError) as e:
        error = f"kernel: {e}"
    save(notebook, path, args.out)
    return error if error is None else f"{error}\n  kernel log: {log_path}"


def main():
    args = parse_args()
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        sys.exit(f"no notebooks found in {ROOT / 'notebooks'}")
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["CLIMAGRAD_PROFILE"] = args.profile
    print(f"running {len(paths)} notebooks, profile {args.profile}, output in {args.out}", flush=True)
    failed = 0
    for path in paths:
        started = time.monotonic()
        error = run(path.resolve(), args)
        seconds = time.monotonic() - started
        if error is None:
            print(f"PASS {path.name} ({seconds:.1f} s)", flush=True)
        else:
            failed += 1
            print(f"FAIL {path.name} ({seconds:.1f} s): {error}", flush=True)
    print(f"executed notebooks and figures: {args.out}")
    print(f"notebooks: {len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
