# Publishes N messages. Args: port exchange routing_key count [message_id_prefix]
# With "get-ack" as 6th arg, then takes one message from queue <routing_key> and acks it.
import sys

import pika

port, exchange, key, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
prefix = sys.argv[5] if len(sys.argv) > 5 else "m"
connection = pika.BlockingConnection(pika.ConnectionParameters(host="127.0.0.1", port=port))
channel = connection.channel()
channel.confirm_delivery()
for i in range(count):
    properties = pika.BasicProperties(
        message_id=f"{prefix}-{i}", correlation_id=f"corr-{i}", content_type="text/plain",
        delivery_mode=1,
        headers={"traceparent": f"00-{i:032x}-{i:016x}-01", "tenant": "acme"})
    channel.basic_publish(exchange=exchange, routing_key=key, body=f"body-{i}",
                          properties=properties)
if len(sys.argv) > 6 and sys.argv[6] == "get-ack":
    method, properties, body = channel.basic_get(queue=key, auto_ack=False)
    channel.basic_ack(method.delivery_tag)
    print("acked", body.decode(), flush=True)
connection.close()
print("published", count, flush=True)
