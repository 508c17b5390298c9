// amqplib smoke test: declare, publish with confirms, consume, ack, against the broker at
// AMQP_URL. Prints one JSON line with what it saw; exits non-zero on any failure.
// Run by amqplib_test.py (after `npm ci` in this folder).
"use strict";

const amqp = require("amqplib");

const url = process.env.AMQP_URL;
const queue = process.env.AMQP_QUEUE;
const count = Number(process.env.AMQP_COUNT || "10");

function fail(message) {
  console.error(message);
  process.exit(1);
}

async function main() {
  if (!url || !queue) fail("set AMQP_URL and AMQP_QUEUE");
  const timer = setTimeout(() => fail("timed out"), 20000);
  const connection = await amqp.connect(url);
  const confirms = await connection.createConfirmChannel();
  const declared = await confirms.assertQueue(queue, { durable: false, autoDelete: false });
  if (declared.queue !== queue) fail("declared " + declared.queue);

  // Publish with confirms: every publish gets its ack callback, waitForConfirms resolves.
  let acked = 0;
  for (let i = 0; i < count; i++) {
    const body = Buffer.from("msg-" + i);
    confirms.sendToQueue(queue, body, { persistent: true, headers: { index: i } }, (err) => {
      if (err) fail("nacked " + i);
      acked++;
    });
  }
  await confirms.waitForConfirms();

  // Consume with manual acks and a prefetch window.
  const consumer = await connection.createChannel();
  await consumer.prefetch(3);
  const received = [];
  await new Promise((resolve, reject) => {
    consumer
      .consume(queue, (msg) => {
        if (msg === null) return reject(new Error("consumer cancelled by the broker"));
        received.push({ body: msg.content.toString(), index: msg.properties.headers.index,
                        persistent: msg.properties.deliveryMode === 2,
                        redelivered: msg.fields.redelivered });
        consumer.ack(msg);
        if (received.length === count) resolve();
      }, { noAck: false })
      .catch(reject);
  });
  const after = await confirms.checkQueue(queue);
  await confirms.deleteQueue(queue);
  await connection.close();
  clearTimeout(timer);
  console.log(JSON.stringify({ acked, received, remaining: after.messageCount }));
}

main().catch((err) => fail(err.stack || String(err)));
