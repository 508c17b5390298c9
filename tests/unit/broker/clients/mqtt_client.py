# mode "publish": port topic payload qos retain(0/1) -> publishes and exits.
# mode "subscribe": port client_id filter -> prints "subscribed", each "message <topic>
# <payload>", and "disconnected <rc>" when the broker ends the connection.
import sys

import paho.mqtt.client as mqtt

mode, port = sys.argv[1], int(sys.argv[2])
if mode == "publish":
    topic, payload, qos, retain = sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6] == "1"
    client = mqtt.Client(client_id="publisher-1", protocol=mqtt.MQTTv311)
    client.connect("127.0.0.1", port)
    client.loop_start()
    info = client.publish(topic, payload, qos=qos, retain=retain)
    info.wait_for_publish()
    client.disconnect()
    client.loop_stop()
    print("published", flush=True)
else:
    client_id, topic_filter = sys.argv[3], sys.argv[4]
    client = mqtt.Client(client_id=client_id, protocol=mqtt.MQTTv5)

    def on_connect(c, userdata, flags, rc, properties=None):
        c.subscribe(topic_filter, qos=1)

    def on_subscribe(c, userdata, mid, granted, properties=None):
        print("subscribed", flush=True)

    def on_message(c, userdata, message):
        print("message", message.topic, message.payload.decode(), flush=True)

    def on_disconnect(c, userdata, rc, properties=None):
        print("disconnected", rc, flush=True)
        c.disconnect()  # ends loop_forever instead of reconnecting

    client.on_connect = on_connect
    client.on_subscribe = on_subscribe
    client.on_message = on_message
    client.on_disconnect = on_disconnect
    client.connect("127.0.0.1", port)
    client.loop_forever(retry_first_connection=False)
