# Consumes a queue without acknowledging, prints "got N" per message and "closed <code>"
# when the broker closes the connection. Args: port queue prefetch connection_name
import sys

import pika

port, queue, prefetch, name = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
params = pika.ConnectionParameters(host="127.0.0.1", port=port,
                                   client_properties={"connection_name": name})
connection = pika.BlockingConnection(params)
channel = connection.channel()
channel.basic_qos(prefetch_count=prefetch)
count = 0


def on_message(ch, method, properties, body):
    global count
    count += 1
    print("got", count, flush=True)


channel.basic_consume(queue=queue, on_message_callback=on_message, consumer_tag="observer-ctag")
print("consuming", flush=True)
try:
    channel.start_consuming()
except pika.exceptions.ConnectionClosedByBroker as closed:
    print("closed", closed.reply_code, closed.reply_text, flush=True)
except pika.exceptions.AMQPConnectionError as error:
    print("closed", repr(error), flush=True)
