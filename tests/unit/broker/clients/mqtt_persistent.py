# Leaves a persistent session behind: port client_id filter -> connects with MQTT 3.1.1
# clean session off, subscribes at QoS 1, disconnects once subscribed, prints "left".
import sys
import threading

import paho.mqtt.client as mqtt

port, client_id, topic_filter = int(sys.argv[1]), sys.argv[2], sys.argv[3]
subscribed = threading.Event()
client = mqtt.Client(client_id=client_id, clean_session=False, protocol=mqtt.MQTTv311)
client.on_connect = lambda c, userdata, flags, rc: c.subscribe(topic_filter, qos=1)
client.on_subscribe = lambda c, userdata, mid, granted: subscribed.set()
client.connect("127.0.0.1", port)
client.loop_start()
if not subscribed.wait(10):
    sys.exit("not subscribed")
client.disconnect()
client.loop_stop()
print("left", flush=True)
