#include "amqp_protocol.h"

#include <gtest/gtest.h>

#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "broker_context.h"
#include "connection_io.h"
#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"
#include "sbx/amqp/protocol_header.h"
#include "sbx/store/durable_store.h"

namespace sbx::broker {
namespace {

namespace wire = sbx::amqp;

// A connection that is only a buffer: the AMQP state machine without sockets.
class FakeIo : public ConnectionIo {
public:
    explicit FakeIo(std::string remote) : address(std::move(remote)) {}
    bool write(const Fill& fill) override {
        std::lock_guard lock(mutex);
        if (closed) {
            return false;
        }
        fill(output);
        return true;
    }
    std::size_t pendingBytes() const override { return pending; }
    void closeAfterWrites() override {
        std::lock_guard lock(mutex);
        closed = true;
    }
    void setIdleTimeout(std::chrono::milliseconds timeout) override { idleTimeout = timeout; }
    const std::string& remoteAddress() const override { return address; }
    void pauseReading() override {}
    void resumeReading() override {}

    std::mutex mutex;
    std::vector<std::uint8_t> output;
    bool closed = false;
    std::chrono::milliseconds idleTimeout{-1};
    std::string address;
    std::size_t pending = 0;  // what the socket has not taken yet
};

// One frame the broker wrote, decoded.
struct Received {
    std::uint16_t channel = 0;
    std::variant<wire::Method, wire::ContentHeader, std::string> content;

    template <typename T>
    [[nodiscard]] const T* method() const {
        const auto* m = std::get_if<wire::Method>(&content);
        return m == nullptr ? nullptr : std::get_if<T>(m);
    }
};

struct Client {
    std::shared_ptr<FakeIo> io;
    std::shared_ptr<AmqpProtocol> protocol;

    Client(BrokerContext& context, std::string address = "127.0.0.1:40000")
        : io(std::make_shared<FakeIo>(std::move(address))),
          protocol(std::make_shared<AmqpProtocol>(context, io)) {}
    ~Client() { protocol->onClosed(); }

    void sendBytes(const std::vector<std::uint8_t>& bytes) {
        EXPECT_EQ(protocol->consume(bytes), bytes.size());
    }
    void send(std::uint16_t channel, const wire::Method& method) {
        std::vector<std::uint8_t> bytes;
        wire::encodeMethodFrame(channel, method, bytes);
        sendBytes(bytes);
    }
    void publish(std::uint16_t channel, const wire::BasicPublish& publish,
                 const std::string& body) {
        std::vector<std::uint8_t> bytes;
        wire::encodeMethodFrame(channel, publish, bytes);
        wire::encodeContentHeaderFrame(channel, body.size(), {}, bytes);
        wire::encodeBodyFrames(
            channel, std::span(reinterpret_cast<const std::uint8_t*>(body.data()), body.size()),
            wire::kFrameMinSize, bytes);
        sendBytes(bytes);
    }

    std::vector<std::uint8_t> rawOutput() {
        std::lock_guard lock(io->mutex);
        return std::exchange(io->output, {});
    }
    std::vector<Received> received() {
        const auto bytes = rawOutput();
        std::vector<Received> frames;
        std::size_t used = 0;
        for (;;) {
            const auto peek = wire::peekFrame(std::span(bytes).subspan(used), 0);
            if (peek.status != wire::FrameStatus::Complete) {
                EXPECT_EQ(used, bytes.size()) << "a partial frame was written";
                break;
            }
            used += peek.frameSize;
            Received frame{peek.frame.channel, std::string()};
            if (peek.frame.type == wire::FrameType::Method) {
                auto decoded = wire::decodeMethodFrame(peek.frame.payload);
                EXPECT_TRUE(std::holds_alternative<wire::Method>(decoded));
                if (auto* method = std::get_if<wire::Method>(&decoded)) {
                    frame.content = std::move(*method);
                }
            } else if (peek.frame.type == wire::FrameType::Header) {
                auto decoded = wire::decodeContentHeader(peek.frame.payload);
                EXPECT_TRUE(std::holds_alternative<wire::ContentHeader>(decoded));
                if (auto* header = std::get_if<wire::ContentHeader>(&decoded)) {
                    frame.content = std::move(*header);
                }
            } else {
                frame.content = std::string(peek.frame.payload.begin(), peek.frame.payload.end());
            }
            frames.push_back(std::move(frame));
        }
        return frames;
    }
    // The single method the broker answered with.
    template <typename T>
    T only() {
        auto frames = received();
        EXPECT_EQ(frames.size(), 1U);
        if (frames.size() != 1 || frames[0].method<T>() == nullptr) {
            ADD_FAILURE() << "expected " << T::kName;
            return T{};
        }
        return *frames[0].method<T>();
    }
    [[nodiscard]] bool closed() {
        std::lock_guard lock(io->mutex);
        return io->closed;
    }

    void handshake(const std::string& password = "guest", const std::string& user = "guest") {
        sendBytes(
            std::vector<std::uint8_t>(wire::kProtocolHeader.begin(), wire::kProtocolHeader.end()));
        static_cast<void>(only<wire::ConnectionStart>());
        wire::ConnectionStartOk startOk;
        startOk.response = std::string(1, '\0') + user + std::string(1, '\0') + password;
        send(0, startOk);
    }
    void open() {
        handshake();
        static_cast<void>(only<wire::ConnectionTune>());
        send(0, wire::ConnectionTuneOk{2047, 131072, 0});
        send(0, wire::ConnectionOpen{});
        static_cast<void>(only<wire::ConnectionOpenOk>());
    }
    void openChannel(std::uint16_t channel) {
        send(channel, wire::ChannelOpen{});
        static_cast<void>(only<wire::ChannelOpenOk>());
    }
    void declareQueue(std::uint16_t channel, const std::string& name) {
        wire::QueueDeclare declare;
        declare.queue = name;
        send(channel, declare);
        EXPECT_EQ(only<wire::QueueDeclareOk>().queue, name);
    }
};

class AmqpProtocolTest : public testing::Test {
protected:
    BrokerConfig config;
    LogHub log;
    BrokerContext context{config, log, nullptr};
};

TEST_F(AmqpProtocolTest, HandshakeOffersPlainCapabilitiesAndOurLimits) {
    Client client(context);
    client.sendBytes(
        std::vector<std::uint8_t>(wire::kProtocolHeader.begin(), wire::kProtocolHeader.end()));
    const auto start = client.only<wire::ConnectionStart>();
    EXPECT_EQ(start.versionMajor, 0);
    EXPECT_EQ(start.versionMinor, 9);
    EXPECT_EQ(start.mechanisms, "PLAIN AMQPLAIN");
    EXPECT_EQ(start.locales, "en_US");
    const auto* capabilities = start.serverProperties.find("capabilities");
    ASSERT_NE(capabilities, nullptr);
    ASSERT_NE(capabilities->asTable(), nullptr);
    for (const char* name : {"publisher_confirms", "exchange_exchange_bindings", "basic.nack",
                             "consumer_cancel_notify", "connection.blocked",
                             "authentication_failure_close", "per_consumer_qos"}) {
        const auto* flag = capabilities->asTable()->find(name);
        ASSERT_NE(flag, nullptr) << name;
        EXPECT_EQ(*flag, wire::FieldValue(true)) << name;
    }
    EXPECT_EQ(*capabilities->asTable()->find("direct_reply_to"), wire::FieldValue(false));

    wire::ConnectionStartOk startOk;
    startOk.response = std::string("\0guest\0guest", 12);
    client.send(0, startOk);
    const auto tune = client.only<wire::ConnectionTune>();
    EXPECT_EQ(tune.channelMax, 2047);
    EXPECT_EQ(tune.frameMax, 131072U);
    EXPECT_EQ(tune.heartbeat, 60);

    client.send(0, wire::ConnectionTuneOk{100, 8192, 10});
    EXPECT_TRUE(client.received().empty());
    client.send(0, wire::ConnectionOpen{});
    static_cast<void>(client.only<wire::ConnectionOpenOk>());
    // Heartbeats: silence for half the negotiated interval makes us send one.
    EXPECT_EQ(client.io->idleTimeout, std::chrono::milliseconds(5000));
    EXPECT_TRUE(client.protocol->onIdleTimeout());
    const auto heartbeat = client.rawOutput();
    EXPECT_EQ(heartbeat, (std::vector<std::uint8_t>{8, 0, 0, 0, 0, 0, 0, 0xCE}));
    EXPECT_FALSE(client.closed());
}

TEST_F(AmqpProtocolTest, OtherProtocolVersionGetsOurHeaderAndClose) {
    Client client(context);
    client.sendBytes({'A', 'M', 'Q', 'P', 1, 1, 0, 10});
    const auto reply = client.rawOutput();
    EXPECT_EQ(reply, std::vector<std::uint8_t>(wire::kProtocolHeader.begin(),
                                               wire::kProtocolHeader.end()));
    EXPECT_TRUE(client.closed());
}

TEST_F(AmqpProtocolTest, WrongPasswordIsRefusedWith403) {
    Client client(context);
    client.handshake("wrong");
    const auto close = client.only<wire::ConnectionClose>();
    EXPECT_EQ(close.replyCode, 403);
    EXPECT_TRUE(close.replyText.starts_with("ACCESS_REFUSED - Login was refused"))
        << close.replyText;
    EXPECT_TRUE(client.closed());
}

TEST_F(AmqpProtocolTest, GuestIsRefusedFromOutsideLoopback) {
    Client client(context, "192.0.2.7:50000");
    client.handshake();
    EXPECT_EQ(client.only<wire::ConnectionClose>().replyCode, 403);
    EXPECT_TRUE(client.closed());
}

TEST_F(AmqpProtocolTest, UnknownVhostIsRefusedWith530) {
    Client client(context);
    client.handshake();
    static_cast<void>(client.only<wire::ConnectionTune>());
    client.send(0, wire::ConnectionTuneOk{0, 0, 0});
    client.send(0, wire::ConnectionOpen{"nowhere", "", false});
    const auto close = client.only<wire::ConnectionClose>();
    EXPECT_EQ(close.replyCode, 530);
    EXPECT_EQ(close.classId, 10);
    EXPECT_EQ(close.methodId, 40);
}

TEST_F(AmqpProtocolTest, DeclareBindPublishConsumeAckRoundTrip) {
    Client client(context);
    client.open();
    client.openChannel(1);
    client.declareQueue(1, "q1");
    wire::ExchangeDeclare exchange;
    exchange.exchange = "x1";
    exchange.type = "direct";
    client.send(1, exchange);
    static_cast<void>(client.only<wire::ExchangeDeclareOk>());
    wire::QueueBind bind;
    bind.queue = "q1";
    bind.exchange = "x1";
    bind.routingKey = "k";
    client.send(1, bind);
    static_cast<void>(client.only<wire::QueueBindOk>());

    // A message waiting before the consumer arrives comes after consume-ok.
    client.publish(1, wire::BasicPublish{0, "x1", "k", false, false}, "first");
    EXPECT_TRUE(client.received().empty());
    wire::BasicConsume consume;
    consume.queue = "q1";
    consume.consumerTag = "c1";
    client.send(1, consume);
    auto frames = client.received();
    ASSERT_EQ(frames.size(), 4U);
    ASSERT_NE(frames[0].method<wire::BasicConsumeOk>(), nullptr);
    const auto* deliver = frames[1].method<wire::BasicDeliver>();
    ASSERT_NE(deliver, nullptr);
    EXPECT_EQ(deliver->consumerTag, "c1");
    EXPECT_EQ(deliver->deliveryTag, 1U);
    EXPECT_EQ(deliver->exchange, "x1");
    EXPECT_EQ(deliver->routingKey, "k");
    EXPECT_EQ(std::get<wire::ContentHeader>(frames[2].content).bodySize, 5U);
    EXPECT_EQ(std::get<std::string>(frames[3].content), "first");

    client.publish(1, wire::BasicPublish{0, "x1", "k", false, false}, "second");
    frames = client.received();
    ASSERT_EQ(frames.size(), 3U);
    ASSERT_NE(frames[0].method<wire::BasicDeliver>(), nullptr);
    EXPECT_EQ(frames[0].method<wire::BasicDeliver>()->deliveryTag, 2U);
    EXPECT_EQ(std::get<std::string>(frames[2].content), "second");

    client.send(1, wire::BasicAck{2, true});
    EXPECT_TRUE(client.received().empty());
    const auto stats = context.amqpHost("/")->findQueue("q1")->stats();
    EXPECT_EQ(stats.unacked, 0U);
    EXPECT_EQ(stats.ready, 0U);
    // Acking a tag twice is the client's error: 406 closes the channel.
    client.send(1, wire::BasicAck{2, false});
    EXPECT_EQ(client.only<wire::ChannelClose>().replyCode, 406);
}

TEST_F(AmqpProtocolTest, SoftErrorClosesOnlyTheChannel) {
    Client client(context);
    client.open();
    client.openChannel(1);
    client.openChannel(2);
    wire::QueueDeclare passive;
    passive.queue = "missing";
    passive.passive = true;
    client.send(1, passive);
    const auto close = client.only<wire::ChannelClose>();
    EXPECT_EQ(close.replyCode, 404);
    EXPECT_EQ(close.replyText, "NOT_FOUND - no queue 'missing' in vhost '/'");
    EXPECT_EQ(close.classId, 50);
    EXPECT_EQ(close.methodId, 10);
    // Until close-ok, the closed channel ignores everything else.
    client.send(1, passive);
    EXPECT_TRUE(client.received().empty());
    client.send(1, wire::ChannelCloseOk{});
    client.declareQueue(2, "q2");
    EXPECT_FALSE(client.closed());
    // The channel number can be opened again.
    client.openChannel(1);
}

TEST_F(AmqpProtocolTest, MethodOnUnopenedChannelClosesTheConnection) {
    Client client(context);
    client.open();
    client.send(5, wire::BasicQos{0, 10, false});
    const auto close = client.only<wire::ConnectionClose>();
    EXPECT_EQ(close.replyCode, 504);
    EXPECT_EQ(close.classId, 60);
    EXPECT_EQ(close.methodId, 10);
    // The broker waits for close-ok before it drops the socket.
    EXPECT_FALSE(client.closed());
    client.send(0, wire::ConnectionCloseOk{});
    EXPECT_TRUE(client.closed());
}

TEST_F(AmqpProtocolTest, MethodInsideContentIsAnUnexpectedFrame) {
    Client client(context);
    client.open();
    client.openChannel(1);
    std::vector<std::uint8_t> bytes;
    wire::encodeMethodFrame(1, wire::BasicPublish{0, "", "q", false, false}, bytes);
    wire::encodeMethodFrame(1, wire::BasicQos{0, 1, false}, bytes);
    client.sendBytes(bytes);
    EXPECT_EQ(client.only<wire::ConnectionClose>().replyCode, 505);
}

TEST_F(AmqpProtocolTest, ChannelAboveNegotiatedMaxIs530) {
    Client client(context);
    client.handshake();
    static_cast<void>(client.only<wire::ConnectionTune>());
    client.send(0, wire::ConnectionTuneOk{10, 0, 0});
    client.send(0, wire::ConnectionOpen{});
    static_cast<void>(client.only<wire::ConnectionOpenOk>());
    client.send(11, wire::ChannelOpen{});
    EXPECT_EQ(client.only<wire::ConnectionClose>().replyCode, 530);
}

TEST_F(AmqpProtocolTest, ConfirmsAckEachPublishAndMandatoryUnroutableIsReturned) {
    Client client(context);
    client.open();
    client.openChannel(1);
    client.declareQueue(1, "q1");
    client.send(1, wire::ConfirmSelect{false});
    static_cast<void>(client.only<wire::ConfirmSelectOk>());
    client.publish(1, wire::BasicPublish{0, "", "q1", true, false}, "a");
    auto ack = client.only<wire::BasicAck>();
    EXPECT_EQ(ack.deliveryTag, 1U);
    client.publish(1, wire::BasicPublish{0, "", "nowhere", true, false}, "b");
    const auto frames = client.received();
    ASSERT_EQ(frames.size(), 4U);
    const auto* returned = frames[0].method<wire::BasicReturn>();
    ASSERT_NE(returned, nullptr);
    EXPECT_EQ(returned->replyCode, 312);
    EXPECT_EQ(returned->replyText, "NO_ROUTE");
    EXPECT_EQ(std::get<std::string>(frames[2].content), "b");
    ASSERT_NE(frames[3].method<wire::BasicAck>(), nullptr);
    EXPECT_EQ(frames[3].method<wire::BasicAck>()->deliveryTag, 2U);
}

TEST_F(AmqpProtocolTest, TransactionHoldsPublishesUntilCommit) {
    Client client(context);
    client.open();
    client.openChannel(1);
    client.declareQueue(1, "q1");
    client.send(1, wire::TxSelect{});
    static_cast<void>(client.only<wire::TxSelectOk>());
    client.publish(1, wire::BasicPublish{0, "", "q1", false, false}, "held");
    client.send(1, wire::BasicGet{0, "q1", true});
    static_cast<void>(client.only<wire::BasicGetEmpty>());
    client.send(1, wire::TxCommit{});
    static_cast<void>(client.only<wire::TxCommitOk>());
    client.send(1, wire::BasicGet{0, "q1", true});
    const auto frames = client.received();
    ASSERT_EQ(frames.size(), 3U);
    ASSERT_NE(frames[0].method<wire::BasicGetOk>(), nullptr);
    EXPECT_EQ(std::get<std::string>(frames[2].content), "held");
}

// A store whose writes commit only when the test says so.
class HeldStore : public store::DurableStore {
public:
    void putRecord(std::string, std::string, std::string, store::Completion done) override {
        hold(std::move(done));
    }
    void eraseRecord(std::string, std::string, store::Completion done) override {
        hold(std::move(done));
    }
    void appendMessage(std::string, std::uint64_t, std::string, store::Completion done) override {
        ++appended;
        hold(std::move(done));
    }
    void removeMessage(std::string, std::uint64_t, store::Completion done) override {
        ++removed;
        hold(std::move(done));
    }
    void dropQueue(std::string, store::Completion done) override { hold(std::move(done)); }
    Status flush() override { return {}; }
    Result<std::vector<store::Record>> loadRecords(const std::string&) override {
        return std::vector<store::Record>{};
    }
    Result<std::vector<store::StoredMessage>> loadMessages(const std::string&) override {
        return std::vector<store::StoredMessage>{};
    }
    Result<std::vector<std::string>> listQueues() override { return std::vector<std::string>{}; }
    store::Durability durability() const override { return store::Durability::Synced; }

    void commit() {
        auto pending = std::exchange(held, {});
        for (auto& done : pending) {
            done(Status{});
        }
    }

    std::vector<store::Completion> held;
    int appended = 0;
    int removed = 0;

private:
    void hold(store::Completion done) {
        if (done) {
            held.push_back(std::move(done));
        }
    }
};

class AmqpDurableProtocolTest : public testing::Test {
protected:
    void publish(Client& client, const std::string& queue, std::uint8_t deliveryMode,
                 const std::string& body) {
        std::vector<std::uint8_t> bytes;
        wire::encodeMethodFrame(1, wire::BasicPublish{0, "", queue, false, false}, bytes);
        wire::BasicProperties properties;
        properties.deliveryMode = deliveryMode;
        wire::encodeContentHeaderFrame(1, body.size(), properties, bytes);
        wire::encodeBodyFrames(
            1, std::span(reinterpret_cast<const std::uint8_t*>(body.data()), body.size()),
            wire::kFrameMinSize, bytes);
        client.sendBytes(bytes);
    }
    void declareDurable(Client& client, const std::string& name) {
        wire::QueueDeclare declare;
        declare.queue = name;
        declare.durable = true;
        client.send(1, declare);
        static_cast<void>(client.only<wire::QueueDeclareOk>());
        store.commit();
    }

    BrokerConfig config;
    LogHub log;
    HeldStore store;
    BrokerContext context{config, log, &store};
};

TEST_F(AmqpDurableProtocolTest, ConfirmOfAPersistentMessageWaitsForTheStore) {
    Client client(context);
    client.open();
    client.openChannel(1);
    declareDurable(client, "d");
    client.declareQueue(1, "t");  // not durable
    client.send(1, wire::ConfirmSelect{false});
    static_cast<void>(client.only<wire::ConfirmSelectOk>());

    publish(client, "d", 2, "persistent");
    EXPECT_EQ(store.appended, 1);
    EXPECT_TRUE(client.received().empty());
    // Transient, or in a transient queue: confirmed at once, even while #1 waits (as
    // RabbitMQ acks past a gap singly).
    publish(client, "d", 1, "transient");
    EXPECT_EQ(client.only<wire::BasicAck>().deliveryTag, 2U);
    publish(client, "t", 2, "persistent, transient queue");
    EXPECT_EQ(client.only<wire::BasicAck>().deliveryTag, 3U);
    EXPECT_EQ(store.appended, 1);

    store.commit();
    const auto ack = client.only<wire::BasicAck>();
    EXPECT_EQ(ack.deliveryTag, 1U);
    EXPECT_FALSE(ack.multiple);
}

TEST_F(AmqpDurableProtocolTest, CommitOkWaitsForTheTransactionsWritesAndAcks) {
    Client client(context);
    client.open();
    client.openChannel(1);
    declareDurable(client, "d");
    publish(client, "d", 2, "m");
    store.commit();
    client.send(1, wire::TxSelect{});
    static_cast<void>(client.only<wire::TxSelectOk>());
    client.send(1, wire::BasicGet{0, "d", false});
    auto frames = client.received();
    ASSERT_EQ(frames.size(), 3U);
    ASSERT_NE(frames[0].method<wire::BasicGetOk>(), nullptr);
    store.commit();  // the delivered marker

    client.send(1, wire::BasicAck{frames[0].method<wire::BasicGetOk>()->deliveryTag, false});
    EXPECT_EQ(store.removed, 0);  // held by the transaction
    client.send(1, wire::TxCommit{});
    EXPECT_EQ(store.removed, 2);  // the message and its delivered marker
    EXPECT_TRUE(client.received().empty());
    store.commit();
    static_cast<void>(client.only<wire::TxCommitOk>());
}

TEST_F(AmqpDurableProtocolTest, ConfirmAfterTheChannelClosedIsNotSent) {
    Client client(context);
    client.open();
    client.openChannel(1);
    declareDurable(client, "d");
    client.send(1, wire::ConfirmSelect{false});
    static_cast<void>(client.only<wire::ConfirmSelectOk>());
    publish(client, "d", 2, "m");
    client.send(1, wire::ChannelClose{200, "bye", 0, 0});
    static_cast<void>(client.only<wire::ChannelCloseOk>());
    client.openChannel(1);
    store.commit();
    EXPECT_TRUE(client.received().empty());
}

TEST_F(AmqpProtocolTest, DeletingAQueueCancelsItsConsumer) {
    Client client(context);
    client.open();
    client.openChannel(1);
    client.declareQueue(1, "q1");
    wire::BasicConsume consume;
    consume.queue = "q1";
    consume.consumerTag = "c1";
    client.send(1, consume);
    static_cast<void>(client.only<wire::BasicConsumeOk>());
    client.send(1, wire::QueueDelete{0, "q1", false, false, false});
    const auto frames = client.received();
    ASSERT_EQ(frames.size(), 2U);
    ASSERT_NE(frames[0].method<wire::BasicCancel>(), nullptr);
    EXPECT_EQ(frames[0].method<wire::BasicCancel>()->consumerTag, "c1");
    ASSERT_NE(frames[1].method<wire::QueueDeleteOk>(), nullptr);
}

TEST_F(AmqpProtocolTest, ConsumerWaitsWhileTheOutputIsFull) {
    Client client(context);
    client.open();
    client.openChannel(1);
    client.declareQueue(1, "q1");
    wire::BasicConsume consume;
    consume.queue = "q1";
    consume.consumerTag = "c1";
    consume.noAck = true;
    client.send(1, consume);
    static_cast<void>(client.only<wire::BasicConsumeOk>());

    client.io->pending = config.limits.maxOutboundBytes + 1;
    client.publish(1, wire::BasicPublish{0, "", "q1", false, false}, "later");
    EXPECT_TRUE(client.received().empty());
    EXPECT_EQ(context.amqpHost("/")->findQueue("q1")->stats().ready, 1U);

    client.io->pending = 0;
    client.protocol->onOutputWritten();
    const auto frames = client.received();
    ASSERT_EQ(frames.size(), 3U);
    ASSERT_NE(frames[0].method<wire::BasicDeliver>(), nullptr);
    EXPECT_EQ(std::get<std::string>(frames[2].content), "later");
}

TEST(AmqpProtocolAccessTest, PermissionsScopeWhatAUserMayDoInItsVhost) {
    BrokerConfig config;
    config.amqp.users.push_back({"alice", "secret", {}});
    config.amqp.vhosts.push_back("team-a");
    config.amqp.permissions.push_back({"alice", "team-a", "^alice\\.", ".*", ".*"});
    LogHub log;
    BrokerContext context{config, log, nullptr};

    // No grant on "/": 530 at connection.open.
    Client outsider(context);
    outsider.handshake("secret", "alice");
    static_cast<void>(outsider.only<wire::ConnectionTune>());
    outsider.send(0, wire::ConnectionTuneOk{0, 0, 0});
    outsider.send(0, wire::ConnectionOpen{"/", "", false});
    const auto refused = outsider.only<wire::ConnectionClose>();
    EXPECT_EQ(refused.replyCode, 530);
    EXPECT_EQ(refused.replyText, "NOT_ALLOWED - access to vhost '/' refused for user 'alice'");

    Client client(context);
    client.handshake("secret", "alice");
    static_cast<void>(client.only<wire::ConnectionTune>());
    client.send(0, wire::ConnectionTuneOk{0, 0, 0});
    client.send(0, wire::ConnectionOpen{"team-a", "", false});
    static_cast<void>(client.only<wire::ConnectionOpenOk>());
    client.openChannel(1);
    client.declareQueue(1, "alice.q");
    wire::QueueDeclare other;
    other.queue = "bob.q";
    client.send(1, other);
    const auto close = client.only<wire::ChannelClose>();
    EXPECT_EQ(close.replyCode, 403);
    EXPECT_EQ(close.replyText,
              "ACCESS_REFUSED - configure access to queue 'bob.q' in vhost 'team-a' refused for "
              "user 'alice'");
    // The queue went to team-a, not to "/".
    EXPECT_NE(context.amqpHost("team-a")->findQueue("alice.q"), nullptr);
    EXPECT_EQ(context.amqpHost("/")->findQueue("alice.q"), nullptr);

    // A server-named queue is checked under its generated name, which alice may not
    // configure; nothing is created.
    client.openChannel(2);
    client.send(2, wire::QueueDeclare{});
    const auto serverNamed = client.only<wire::ChannelClose>();
    EXPECT_EQ(serverNamed.replyCode, 403);
    EXPECT_TRUE(
        serverNamed.replyText.starts_with("ACCESS_REFUSED - configure access to queue 'amq.gen-"))
        << serverNamed.replyText;
    EXPECT_EQ(context.amqpHost("team-a")->queues().size(), 1U);
}

TEST(AmqpProtocolAccessTest, ServerNamedQueueIsDeclaredWhenConfigureAllowsIt) {
    BrokerConfig config;
    LogHub log;
    BrokerContext context{config, log, nullptr};
    Client client(context);
    client.open();
    client.openChannel(1);
    client.send(1, wire::QueueDeclare{});
    const auto ok = client.only<wire::QueueDeclareOk>();
    EXPECT_TRUE(ok.queue.starts_with("amq.gen-")) << ok.queue;
    EXPECT_NE(context.amqpHost("/")->findQueue(ok.queue), nullptr);
}

}  // namespace
}  // namespace sbx::broker
