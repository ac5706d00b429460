#!/usr/bin/env bash
# climagrad set-up and entry points. Run from anywhere:
#   bash binder/climagrad.sh install [--sys-prefix]       Jupyter (apt, if missing), toolkit, Java kernel
#   bash binder/climagrad.sh reproduce [--profile fast|paper] [--out DIR] [--serve]
#   bash binder/climagrad.sh test                          JUnit tests, then every notebook (fast profile)
#   bash binder/climagrad.sh bench [performance|sakov2008|coda-baselines|coda-net|coda-step]   benchmarks
#   bash binder/climagrad.sh train-coda FOLDER CHANNELS W R ALPHA T STEPS [EVAL_EVERY] [SEED]   paper-scale CODA run
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KERNEL_NAME=climagrad
JUPYTER_DIR=$ROOT/toolkit/target/jupyter    # kernel jar and kernelspec, rebuilt by `install`
LIB_DIR=$ROOT/toolkit/target/lib            # the toolkit's runtime dependencies

# Maven in batch mode. Maven 3.8 prints bare colour-reset codes even so; strip them.
mvn_plain() { mvn -B -Dstyle.color=never "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'; }
mvn_quiet() { mvn_plain -q "$@"; }

say() { printf '[climagrad] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# The first Python that has what the runner, the kernel wrapper and the server need.
find_python() {
  local py
  for py in "${CLIMAGRAD_PYTHON:-}" /usr/bin/python3 python3 python; do
    [ -n "$py" ] && command -v "$py" >/dev/null 2>&1 || continue
    if "$py" -c 'import jupyter_client, nbclient, nbformat, zmq' >/dev/null 2>&1; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}

install_jupyter() {
  find_python >/dev/null && return 0
  local packages=(jupyter-nbconvert jupyter-client jupyter-notebook)
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null ||
      die "Jupyter is missing and this user cannot install it. Run as root: apt-get install -y ${packages[*]}"
    sudo=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "Jupyter is missing and apt-get is not available: install ${packages[*]} (or set CLIMAGRAD_PYTHON)"
  say "installing Jupyter from Debian packages: ${packages[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"
  find_python >/dev/null || die "Jupyter was installed but no Python can import jupyter_client and nbclient"
}

# pom_value EXPRESSION: the project's version or a property of the parent POM.
pom_value() {
  "$PY" - "$ROOT/pom.xml" "$1" <<'EOF'
import sys
import xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(sys.argv[1]).getroot()
node = root.find(sys.argv[2], ns)
sys.exit(f"{sys.argv[2]} not found in {sys.argv[1]}") if node is None else print(node.text.strip())
EOF
}

build_toolkit() {
  command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)"
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Maven (e.g. apt-get install maven)"
  say "building the toolkit (mvn install, tests skipped)"
  (cd "$ROOT" && mvn_quiet -DskipTests install)
  rm -rf "$LIB_DIR"
  (cd "$ROOT/toolkit" && mvn_quiet dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIB_DIR")
}

install_kernel() {
  local scope=$1 version kernel_version toolkit_jar kernel_jar java_bin spec_dir classpath
  version=$(pom_value m:version)
  kernel_version=$(pom_value m:properties/m:rapaio.kernel.version)
  toolkit_jar=$ROOT/toolkit/target/climagrad-toolkit-$version.jar
  [ -f "$toolkit_jar" ] || die "toolkit jar not found: $toolkit_jar"
  kernel_jar=$JUPYTER_DIR/rapaio-jupyter-kernel-$kernel_version.jar
  if [ ! -f "$kernel_jar" ]; then
    say "fetching rapaio-jupyter-kernel $kernel_version from Maven Central"
    mvn_quiet dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$kernel_version" \
      -DoutputDirectory="$JUPYTER_DIR"
  fi
  java_bin=$(command -v java)
  spec_dir=$JUPYTER_DIR/kernelspec/$KERNEL_NAME
  mkdir -p "$spec_dir"
  # RJK_CLASSPATH separates entries with ';'. Kept in the order: toolkit jar, then dependencies.
  classpath=$(printf '%s\n' "$toolkit_jar" "$LIB_DIR"/*.jar | paste -sd';')
  "$PY" - "$spec_dir/kernel.json" "$PY" "$ROOT/binder/kernel_wrapper.py" "$java_bin" "$kernel_jar" "$classpath" <<'EOF'
import json, sys
path, python, wrapper, java, jar, classpath = sys.argv[1:]
spec = {
    "argv": [python, wrapper, "{connection_file}", "--",
             java, "-Djava.awt.headless=true", "-jar", jar, "{connection_file}"],
    "display_name": "Java (climagrad)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"RJK_CLASSPATH": classpath, "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1"},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
EOF
  "$PY" -m jupyter kernelspec install "$scope" --replace --name "$KERNEL_NAME" "$spec_dir" 2>&1 | sed 's/^/[climagrad] /' >&2
}

cmd_install() {
  local scope=--user
  while [ $# -gt 0 ]; do
    case $1 in
      --sys-prefix) scope=--sys-prefix ;;
      *) die "install: unknown option $1" ;;
    esac
    shift
  done
  install_jupyter
  PY=$(find_python)
  build_toolkit
  install_kernel "$scope"
}

cmd_reproduce() {
  local profile=fast out=$ROOT/out serve=false
  while [ $# -gt 0 ]; do
    case $1 in
      --profile) profile=${2:?--profile needs fast or paper}; shift ;;
      --out) out=${2:?--out needs a folder}; shift ;;
      --serve) serve=true ;;
      *) die "reproduce: unknown option $1" ;;
    esac
    shift
  done
  case $profile in fast|paper) ;; *) die "--profile must be fast or paper, not '$profile'" ;; esac
  cmd_install
  if $serve; then
    "$PY" -c 'import notebook' 2>/dev/null || die "the notebook server is missing: apt-get install jupyter-notebook"
    say "serving $ROOT/notebooks with profile $profile; open the URL with the token printed below"
    local as_root=()
    [ "$(id -u)" -ne 0 ] || as_root=(--allow-root)
    cd "$ROOT/notebooks"
    CLIMAGRAD_PROFILE=$profile exec "$PY" -m notebook --no-browser --ip=127.0.0.1 \
      --port="${CLIMAGRAD_PORT:-8888}" "${as_root[@]}"
  fi
  "$PY" "$ROOT/binder/run_notebooks.py" --profile "$profile" --out "$out"
}

cmd_test() {
  [ $# -eq 0 ] || die "test takes no options"
  cmd_install
  local junit=passed
  say "running the JUnit tests (mvn test)"
  (cd "$ROOT" && mvn_plain test) || junit=FAILED
  say "JUnit tests: $junit"
  # Run the notebooks whatever JUnit said; the runner's summary line stays the last line.
  if "$PY" "$ROOT/binder/run_notebooks.py" --profile fast --out "$ROOT/out/test"; then
    [ "$junit" = passed ]
  else
    return 1
  fi
}

# The CODA training step in the toolkit (DJL) and in PyTorch eager (Debian's python3-torch), and their ratio.
bench_coda_step() {
  local jar=$1 djl torch
  if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    say "installing PyTorch from Debian packages (python3-torch) for the comparison"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends python3-torch >&2
  fi
  # Three alternating rounds on this noisy machine; the best round of each counts (ms per step).
  local round djl_all=() torch_all=()
  for round in 1 2 3; do
    djl_all+=("$(java -cp "$jar:$LIB_DIR/*" org.climagrad.bench.CodaStepBenchmark | tee /dev/stderr | sed -n 's/^coda-step djl ms\/step \([0-9.]*\).*/\1/p')")
    torch_all+=("$(/usr/bin/python3 "$ROOT/binder/bench_coda_step_torch.py" | tee /dev/stderr | sed -n 's/^coda-step torch ms\/step \([0-9.]*\).*/\1/p')")
  done
  djl=$(printf '%s\n' "${djl_all[@]}" | sort -g | head -n 1)
  torch=$(printf '%s\n' "${torch_all[@]}" | sort -g | head -n 1)
  awk -v d="$djl" -v t="$torch" -v da="${djl_all[*]}" -v ta="${torch_all[*]}" 'BEGIN {
    printf "coda-step rounds (ms/step): toolkit %s; PyTorch eager %s\n", da, ta
    printf "coda-step: toolkit %.1f ms, PyTorch eager %.1f ms (best of 3), ratio toolkit/PyTorch %.2f\n", d, t, d / t }'
}

# The FaIR species model in the toolkit and FaIR v2.2.3 itself in one script, and their ratios. FaIR is not
# part of the project: it runs when Python can import it (pip's `fair`, or CLIMAGRAD_FAIR_SRC=<FaIR checkout>/src).
bench_scm() {
  local jar=$1 data=${CLIMAGRAD_SHARED_DATA:-$ROOT/../shared/data} out fair
  say "the six-agent tensor SCM (forward and gradient)"
  java -cp "$jar:$LIB_DIR/*" org.climagrad.bench.ScmBenchmark
  say "the FaIR species model (scm.Fair) with calibration 1.4.1"
  out=$(CLIMAGRAD_SHARED_DATA=$data java -Xmx2g -cp "$jar:$LIB_DIR/*" org.climagrad.bench.FairBenchmark | tee /dev/stderr)
  local py=${CLIMAGRAD_PYTHON:-/usr/bin/python3}
  if fair=$("$py" "$ROOT/binder/bench_scm_fair.py" "$data" 2>/dev/null | tee /dev/stderr); then
    printf '%s\n%s\n' "$out" "$fair" | awk '
      /^scm-toolkit single s/ { ts = $4 } /^scm-toolkit ensemble s/ { if (te == "" || $4 < te) te = $4 }
      /^scm-fair single s/ { fs = $4 } /^scm-fair ensemble s/ { fe = $4 }
      END { printf "scm: one 751-year run toolkit %.4f s, FaIR %.4f s, ratio toolkit/FaIR %.3f\n", ts, fs, ts / fs
            printf "scm: 841 x 7 ensemble toolkit %.2f s, FaIR %.2f s, ratio toolkit/FaIR %.3f\n", te, fe, te / fe }'
  else
    say "FaIR is not importable by $py (pip install fair==2.2.3, or CLIMAGRAD_FAIR_SRC=<FaIR checkout>/src): no ratios"
  fi
}

cmd_bench() {
  local name=${1:-performance} main
  case $name in
    performance) main=org.climagrad.bench.Benchmarks ;;
    sakov2008) main=org.climagrad.papers.Sakov2008Benchmark ;;
    coda-baselines) main=org.climagrad.papers.CodaBaselines ;;
    coda-net) main=org.climagrad.bench.CodaNetThroughput ;;
    coda-step) main=coda-step ;;
    scm) main=scm ;;
    *) die "bench: unknown benchmark '$name'; allowed: performance, sakov2008, coda-baselines, coda-net, coda-step, scm" ;;
  esac
  [ $# -eq 0 ] || shift
  build_toolkit
  local jar
  jar=$(ls "$ROOT"/toolkit/target/climagrad-toolkit-*.jar | grep -v -e sources -e javadoc | head -n 1)
  if [ "$main" = coda-step ]; then
    bench_coda_step "$jar"
    return
  fi
  if [ "$main" = scm ]; then
    bench_scm "$jar"
    return
  fi
  say "running $main $*"
  java -cp "$jar:$LIB_DIR/*" "$main" "$@"
}

# A paper-scale CODA training (org.climagrad.papers.Coda2024Training), resumable: run it again on the same
# FOLDER to continue from the last checkpoint. CLIMAGRAD_THREADS (default 1) sets PyTorch's threads, so that
# two runs share a 2-core machine; meant for nohup in the background.
cmd_train_coda() {
  [ $# -ge 7 ] || die "train-coda: FOLDER CHANNELS(a/b/c) W R ALPHA T STEPS [EVAL_EVERY] [SEED]"
  build_toolkit
  local jar threads=${CLIMAGRAD_THREADS:-1}
  jar=$(ls "$ROOT"/toolkit/target/climagrad-toolkit-*.jar | grep -v -e sources -e javadoc | head -n 1)
  # The run uses its own copy of the jar (kept in FOLDER for provenance), so that rebuilding meanwhile is safe.
  mkdir -p "$1"
  cp "$jar" "$1/toolkit.jar"
  say "training CODA in $1 with $threads PyTorch thread(s)"
  java -Xmx3g -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$1/toolkit.jar:$LIB_DIR/*" org.climagrad.papers.Coda2024Training "$@"
}

case ${1:-} in
  install | reproduce | test | bench) command=$1; shift; "cmd_$command" "$@" ;;
  train-coda) shift; cmd_train_coda "$@" ;;
  *) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
