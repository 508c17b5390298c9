#!/usr/bin/env python3
"""Renders the JSON reports run_mqtt_comparison.sh left in OUT_DIR as a Markdown table.

    render_mqtt_comparison.py OUT_DIR LOAD_COUNT
"""
import json, sys
out, count = sys.argv[1], int(sys.argv[2])

def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def rate(r):
    return f"{r['received']['messagesPerSecond']:,.0f}" if r else "failed"

def p99(r):
    if not r:
        return "-"
    if r["latencyMs"]["samples"] == 0:
        return "none arrived"  # no message sent in the measured window arrived in time
    return f"{r['latencyMs']['p99']:.2f} ms"

def losses(r):
    if not r:
        return "run failed"
    notes = []
    if r["lost"]:
        notes.append(f"lost {r['lost']:,} of {r['expectedDeliveries']:,}")
    if r["duplicates"]:
        notes.append(f"{r['duplicates']:,} duplicates")
    if not r["drained"]:
        notes.append("messages still on their way when the 5 s drain ended")
    if r["errors"]:
        notes.append("; ".join(r["errors"]))
    return ", ".join(notes)

print("| load | sbx msg/s | mosquitto msg/s | ratio | sbx p99 | mosquitto p99 |")
print("|---|---:|---:|---:|---:|---:|")
notes = []
for i in range(count):
    name = open(f"{out}/{i}.name").read().strip()
    sbx, mosq = load(f"{out}/{i}-sbx.json"), load(f"{out}/{i}-mosquitto.json")
    ratio = "-"
    if sbx and mosq and mosq["received"]["messagesPerSecond"] > 0:
        ratio = f"{sbx['received']['messagesPerSecond'] / mosq['received']['messagesPerSecond']:.2f}"
    print(f"| {name} | {rate(sbx)} | {rate(mosq)} | {ratio} | {p99(sbx)} | {p99(mosq)} |")
    for broker, r in (("sbx", sbx), ("mosquitto", mosq)):
        if losses(r):
            notes.append(f"- {name}, {broker}: {losses(r)}")
if notes:
    print("\nDelivery problems in this run:\n")
    print("\n".join(notes))
