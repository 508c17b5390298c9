#!/bin/sh
# Runs the MQTT integration suite against Debian's mosquitto (/usr/sbin/mosquitto), to
# prove the tests themselves. Tests that need what only `sbx broker` offers skip here (see
# CAPABILITIES in brokerfixture.py). Usage: run_reference.sh [module ...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
modules=${*:-"connect_test publish_test subscribe_test session_test malformed_test websocket_test sys_test limits_test"}
failed=""
for module in $modules; do
    echo "==== $module"
    env -u SBX_BIN SBX_REFERENCE=mosquitto PYTHONDONTWRITEBYTECODE=1 \
        /usr/bin/python3 "$here/${module%.py}.py" || failed="$failed $module"
done
if [ -n "$failed" ]; then
    echo "FAILED:$failed"
    exit 1
fi
echo "all modules passed against mosquitto"
