#!/usr/bin/env bash
# Runs the same `sbx bench amqp` loads against `sbx broker` and a private node of Debian's
# rabbitmq-server, one after the other for each load, and prints the Markdown table for
# docs/benchmarks.md. Both brokers run with their defaults on free loopback ports (the
# RabbitMQ node as tests/integration/amqp/run_reference.sh starts it: own epmd, ports,
# data, logs and HOME in a temp dir; the system node and port 5672 are never touched);
# both, and the load generator, share this machine's cores. `sbx broker` gets a data dir
# in OUT_DIR, so persistent messages really are written, as RabbitMQ writes them.
#
#   cmake -S . -B build/bench-release -G Ninja -DCMAKE_BUILD_TYPE=Release \
#         -DSBX_BUILD_STUDIO=OFF -DSBX_BUILD_TESTS=OFF
#   cmake --build build/bench-release --target sbx
#   tests/bench/run_amqp_comparison.sh [BUILD_DIR] [SECONDS] [OUT_DIR]
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$repo/build/bench-release}"
seconds="${2:-5}"
out="${3:-$(mktemp -d /tmp/sbx-amqp-comparison.XXXXXX)}"
sbx="$build/app/cli/sbx"
rabbit_bin=/usr/lib/rabbitmq/bin
epmd=/usr/bin/epmd
threads="$(nproc)"

[[ -x "$sbx" ]] || { echo "no sbx at $sbx: build the release first (see the header)" >&2; exit 1; }
[[ -x "$rabbit_bin/rabbitmq-server" ]] || { echo "no $rabbit_bin: apt-get install rabbitmq-server" >&2; exit 1; }
mkdir -p "$out"

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ---------------------------------------------------------------- the RabbitMQ node
rabbit_dir="$out/rabbit"
mkdir -p "$rabbit_dir/home" "$rabbit_dir/log"
rabbit_port="$(free_port)"
rabbit_epmd_port="$(free_port)"
rabbit_dist_port="$(free_port)"
# CLI tools take distribution ports above the node's: keep the range inside 65535.
if (( rabbit_dist_port + 41 > 65535 )); then rabbit_dist_port=$((20000 + rabbit_dist_port % 20000)); fi
rabbit_pid_file="$rabbit_dir/rabbit.pid"
cat >"$rabbit_dir/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$rabbit_port
loopback_users.guest = true
log.console = true
log.console.level = warning
log.file = false
disk_free_limit.absolute = 1MB
vm_memory_high_watermark.relative = 0.8
CONF
echo '[].' >"$rabbit_dir/advanced.config"
echo '[].' >"$rabbit_dir/enabled_plugins"
: >"$rabbit_dir/rabbitmq-env.conf"

# Runs a command with the node's environment: nothing from /etc/rabbitmq or the system node.
rabbit_env() {
    env -u RABBITMQ_NODENAME -u ERL_EPMD_PORT \
        HOME="$rabbit_dir/home" \
        RABBITMQ_NODENAME="sbxbench$$@localhost" \
        RABBITMQ_USE_LONGNAME=false \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$rabbit_port" \
        RABBITMQ_DIST_PORT="$rabbit_dist_port" \
        ERL_EPMD_PORT="$rabbit_epmd_port" \
        ERL_EPMD_ADDRESS=127.0.0.1 \
        RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia" \
        RABBITMQ_LOG_BASE="$rabbit_dir/log" \
        RABBITMQ_CONFIG_FILE="$rabbit_dir/rabbitmq.conf" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$rabbit_dir/advanced.config" \
        RABBITMQ_CONF_ENV_FILE="$rabbit_dir/rabbitmq-env.conf" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$rabbit_dir/enabled_plugins" \
        RABBITMQ_PID_FILE="$rabbit_pid_file" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        RABBITMQ_CTL_DIST_PORT_MIN="$((rabbit_dist_port + 1))" \
        RABBITMQ_CTL_DIST_PORT_MAX="$((rabbit_dist_port + 40))" \
        "$@"
}

pids=()
rabbit_started=false
cleanup() {
    if $rabbit_started; then
        rabbit_env "$rabbit_bin/rabbitmqctl" stop "$rabbit_pid_file" >/dev/null 2>&1 || true
    fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

# ---------------------------------------------------------------- start both brokers
# With a data dir, as RabbitMQ always has one: persistent messages in durable queues and
# stream messages are written (fsynced before their confirm, --durability synced).
"$sbx" broker --amqp-port 0 --mqtt-port 0 --data-dir "$out/sbx-data" \
    >"$out/sbx-broker.out" 2>"$out/sbx-broker.log" &
pids+=($!)
for _ in $(seq 200); do
    grep -q '^listening amqp ' "$out/sbx-broker.out" && break
    sleep 0.05
done
sbx_port="$(sed -n 's/^listening amqp .*:\([0-9]*\)$/\1/p' "$out/sbx-broker.out")"
[[ -n "$sbx_port" ]] || { echo "sbx broker did not start: $(cat "$out/sbx-broker.log")" >&2; exit 1; }

rabbit_env "$epmd" -port "$rabbit_epmd_port" -address 127.0.0.1 >"$rabbit_dir/epmd.log" 2>&1 &
pids+=($!)
rabbit_env "$rabbit_bin/rabbitmq-server" >"$rabbit_dir/server.log" 2>&1 &
pids+=($!)
rabbit_started=true
echo "starting RabbitMQ on 127.0.0.1:$rabbit_port (logs in $rabbit_dir)" >&2
rabbit_env "$rabbit_bin/rabbitmqctl" wait --timeout 90 "$rabbit_pid_file" >/dev/null ||
    { echo "RabbitMQ did not start: $(tail -20 "$rabbit_dir/server.log")" >&2; exit 1; }
rabbit_version="$(rabbit_env "$rabbit_bin/rabbitmqctl" version 2>/dev/null || echo unknown)"
echo "$rabbit_version" >"$out/rabbitmq.version"

# ---------------------------------------------------------------- the loads
# name | flags; each runs for $seconds after a 1 s warm-up, prefetch 500, manual acks.
loads=(
    "transient, 1 -> 1, 100 B|-x 1 -y 1 -q 500 -s 100"
    "transient, 1 -> 1, 100 B, 10,000 msg/s|-x 1 -y 1 -q 500 -s 100 -r 10000"
    "persistent, confirms 100, 1 -> 1, 100 B|-x 1 -y 1 -q 500 -s 100 -f persistent -c 100"
    "fan-out, 1 -> 10, 100 B|-t fanout -x 1 -y 10 -q 500 -s 100"
    "stream, 1 -> 4, 100 B|-x 1 -y 4 -q 500 -s 100 --queue-args x-queue-type=stream --consumer-args x-stream-offset=next"
)

index=0
for load in "${loads[@]}"; do
    name="${load%%|*}"
    flags="${load#*|}"
    for broker in sbx rabbitmq; do
        port="$sbx_port"
        [[ "$broker" == rabbitmq ]] && port="$rabbit_port"
        echo "[$((index + 1))/${#loads[@]}] $broker: $name" >&2
        # shellcheck disable=SC2086  # flags are words on purpose
        "$sbx" bench amqp --port "$port" $flags --duration "$seconds" --warmup 1 \
            --threads "$threads" --json >"$out/$index-$broker.json" || true
    done
    printf '%s\n' "$name" >"$out/$index.name"
    printf '%s\n' "$flags" >"$out/$index.flags"
    index=$((index + 1))
done

python3 "$(dirname "$0")/render_amqp_comparison.py" "$out" "${#loads[@]}"
echo "raw JSON reports in $out" >&2
