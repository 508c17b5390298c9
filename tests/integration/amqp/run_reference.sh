#!/bin/sh
# Runs the AMQP integration suite against a private node of Debian's rabbitmq-server
# (/usr/lib/rabbitmq/bin), to prove the tests themselves. Each module starts its own node
# (own epmd, ports, data and HOME in a temp dir; the system node and port 5672 are never
# used). Tests that need what only `sbx broker` offers skip here (see CAPABILITIES in
# amqpfixture.py). Usage: run_reference.sh [module ...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
modules=${*:-"connection_test exchange_test queue_test basic_test confirm_tx_test deadletter_test stream_test durability_test errors_test tools_test amqplib_test crossprotocol_test flow_test"}
failed=""
for module in $modules; do
    echo "==== $module"
    env -u SBX_BIN SBX_REFERENCE=rabbitmq PYTHONDONTWRITEBYTECODE=1 \
        /usr/bin/python3 "$here/${module%.py}.py" || failed="$failed $module"
done
if [ -n "$failed" ]; then
    echo "FAILED:$failed"
    exit 1
fi
echo "all modules passed against rabbitmq"
