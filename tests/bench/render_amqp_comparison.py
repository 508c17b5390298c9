#!/usr/bin/env python3
"""Renders the JSON reports run_amqp_comparison.sh left in OUT_DIR as a Markdown table.

    render_amqp_comparison.py OUT_DIR LOAD_COUNT
"""
import json, sys
out, count = sys.argv[1], int(sys.argv[2])

def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def rate(r, what):
    return f"{r[what]['messagesPerSecond']:,.0f}" if r else "failed"

def sent(r):
    if not r:
        return "failed"
    if r["options"]["confirms"]:
        return f"{rate(r, 'sent')} ({rate(r, 'confirmed')} confirmed)"
    return rate(r, "sent")

def p99(r):
    if not r:
        return "-"
    if r["latencyMs"]["samples"] == 0:
        return "none arrived"  # no message sent in the measured window arrived in time
    return f"{r['latencyMs']['p99']:.2f} ms"

def problems(r):
    if not r:
        return "run failed"
    notes = []
    if r["lost"]:
        notes.append(f"lost {r['lost']:,} of {r['expectedDeliveries']:,}")
    if r["duplicates"]:
        notes.append(f"{r['duplicates']:,} duplicates")
    if r["nacked"]:
        notes.append(f"{r['nacked']:,} nacked")
    if not r["drained"]:
        notes.append("messages still on their way when the 5 s drain ended")
    if r["errors"]:
        notes.append("; ".join(r["errors"]))
    return ", ".join(notes)

print("| load | sbx sent msg/s | sbx received msg/s | RabbitMQ sent msg/s | "
      "RabbitMQ received msg/s | ratio | sbx p99 | RabbitMQ p99 |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
notes = []
for i in range(count):
    name = open(f"{out}/{i}.name").read().strip()
    sbx, rabbit = load(f"{out}/{i}-sbx.json"), load(f"{out}/{i}-rabbitmq.json")
    ratio = "-"
    if sbx and rabbit and rabbit["received"]["messagesPerSecond"] > 0:
        ratio = (f"{sbx['received']['messagesPerSecond'] / rabbit['received']['messagesPerSecond']:.2f}")
    print(f"| {name} | {sent(sbx)} | {rate(sbx, 'received')} | {sent(rabbit)} | "
          f"{rate(rabbit, 'received')} | {ratio} | {p99(sbx)} | {p99(rabbit)} |")
    for broker, r in (("sbx", sbx), ("RabbitMQ", rabbit)):
        if problems(r):
            notes.append(f"- {name}, {broker}: {problems(r)}")
if notes:
    print("\nDelivery problems in this run:\n")
    print("\n".join(notes))
