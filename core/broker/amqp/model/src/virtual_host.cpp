#include "sbx/broker/amqp/virtual_host.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <shared_mutex>

#include "classic_queue.h"
#include "equivalence.h"
#include "erlang_text.h"
#include "queue_access.h"
#include "queue_owner.h"
#include "sbx/broker/amqp/dead_letter.h"
#include "sbx/broker/amqp/expiration.h"
#include "sbx/broker/amqp/headers_matcher.h"
#include "sbx/broker/amqp/topic_matcher.h"
#include "stream_queue.h"

namespace sbx::broker::amqp {

namespace {

using QueuePtr = std::shared_ptr<Queue>;

// The arguments whose equivalence a queue redeclare checks (RabbitMQ's declared args).
constexpr std::string_view kEquivalentQueueArguments[] = {"x-expires",
                                                          "x-message-ttl",
                                                          "x-dead-letter-exchange",
                                                          "x-dead-letter-routing-key",
                                                          "x-max-length",
                                                          "x-max-length-bytes",
                                                          "x-max-priority",
                                                          "x-overflow",
                                                          "x-queue-type",
                                                          "x-single-active-consumer",
                                                          "x-max-age"};

// The routing key, then the sender-selected CC and BCC keys (RabbitMQ extension).
std::vector<std::string> routingKeysOf(const AmqpMessage& message) {
    std::vector<std::string> keys{message.routingKey};
    if (!message.properties.headers) {
        return keys;
    }
    for (const char* header : {"CC", "BCC"}) {
        const FieldValue* value = message.properties.headers->find(header);
        const FieldArray* list = value != nullptr ? value->asArray() : nullptr;
        if (list == nullptr) {
            continue;
        }
        for (const auto& key : *list) {
            if (const std::string* text = key.asString()) {
                keys.push_back(*text);
            }
        }
    }
    return keys;
}

bool anyKey(const std::vector<std::string>& keys,
            const std::function<bool(const std::string&)>& f) {
    return std::any_of(keys.begin(), keys.end(), f);
}

bool bindingMatches(ExchangeType type, const Binding& binding, const AmqpMessage& message,
                    const std::vector<std::string>& keys) {
    switch (type) {
        case ExchangeType::Direct:
            return anyKey(keys, [&](const std::string& key) { return key == binding.routingKey; });
        case ExchangeType::Fanout:
            return true;
        case ExchangeType::Topic:
            return anyKey(keys, [&](const std::string& key) {
                return amqpTopicMatches(binding.routingKey, key);
            });
        case ExchangeType::Headers:
            return headersMatch(binding.arguments, message.properties.headers
                                                       ? &*message.properties.headers
                                                       : nullptr);
    }
    return false;
}

std::string base64Url(const unsigned char* bytes, std::size_t size) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | bytes[i];
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 0x3F];
        }
    }
    if (bits > 0) {
        out += kAlphabet[(buffer << (6 - bits)) & 0x3F];
    }
    return out;
}

Exchange predeclared(std::string name, ExchangeType type) {
    Exchange exchange;
    exchange.name = std::move(name);
    exchange.type = type;
    exchange.durable = true;
    exchange.predeclared = true;
    return exchange;
}

}  // namespace

class VirtualHost::Impl final : public QueueOwner {
public:
    explicit Impl(VirtualHostOptions opts)
        : options(std::move(opts)),
          messageIds(options.messageIds ? options.messageIds
                                        : std::make_shared<std::atomic<std::uint64_t>>(1)),
          nextMessageId(*messageIds) {
        rng.seed(options.nameSeed != 0 ? options.nameSeed : std::random_device{}());
        for (auto [name, type] :
             {std::pair{"", ExchangeType::Direct}, std::pair{"amq.direct", ExchangeType::Direct},
              std::pair{"amq.fanout", ExchangeType::Fanout},
              std::pair{"amq.topic", ExchangeType::Topic},
              std::pair{"amq.headers", ExchangeType::Headers},
              std::pair{"amq.match", ExchangeType::Headers}}) {
            exchanges.emplace(name, ExchangeEntry{predeclared(name, type), {}});
        }
    }

    ~Impl() {
        for (auto& [name, queue] : queues) {
            QueueAccess::detach(*queue);
        }
    }

    struct ExchangeEntry {
        Exchange exchange;
        std::vector<Binding> bindings;  // this exchange as the source
    };

    VirtualHostOptions options;
    mutable std::shared_mutex mutex;  // exchanges, bindings, the queue table, rng
    std::map<std::string, ExchangeEntry, std::less<>> exchanges;
    std::map<std::string, QueuePtr, std::less<>> queues;
    std::mt19937_64 rng;
    std::shared_ptr<std::atomic<std::uint64_t>> messageIds;  // options.messageIds or its own
    std::atomic<std::uint64_t>& nextMessageId;
    std::atomic<std::size_t> heldBytes{0};  // as tick() last counted

    // --- reply texts

    [[nodiscard]] std::string exchangeResource(std::string_view name) const {
        return erlang::resource("exchange", name, options.name);
    }
    [[nodiscard]] std::string queueResource(std::string_view name) const {
        return erlang::resource("queue", name, options.name);
    }
    [[nodiscard]] AmqpError noExchange(std::string_view name) const {
        return AmqpError::make(ReplyCode::NotFound, "no " + exchangeResource(name));
    }
    [[nodiscard]] AmqpError noQueue(std::string_view name) const {
        return AmqpError::make(ReplyCode::NotFound, "no " + queueResource(name));
    }
    static AmqpError defaultExchangeRefused() {
        return AmqpError::make(ReplyCode::AccessRefused,
                               "operation not permitted on the default exchange");
    }
    static AmqpError locked(const Queue& queue) {
        return AmqpError::make(
            ReplyCode::ResourceLocked,
            "cannot obtain exclusive access to locked " + queue.resource() +
                ". It could be originally declared on another connection or the exclusive "
                "property value does not match that of the original declaration.");
    }
    // rabbit_amqqueue:check_exclusive_access(Q, Owner, lax).
    static std::optional<AmqpError> exclusiveLax(const Queue& queue, ConnectionId connection) {
        if (queue.settings().exclusive && queue.settings().owner != connection) {
            return locked(queue);
        }
        return std::nullopt;
    }

    // --- lookups (shared or exclusive lock held)

    [[nodiscard]] QueuePtr queueNamed(std::string_view name) const {
        auto it = queues.find(name);
        return it == queues.end() ? nullptr : it->second;
    }
    [[nodiscard]] const ExchangeEntry* exchangeNamed(std::string_view name) const {
        auto it = exchanges.find(name);
        return it == exchanges.end() ? nullptr : &it->second;
    }
    ExchangeEntry* exchangeNamed(std::string_view name) {
        auto it = exchanges.find(name);
        return it == exchanges.end() ? nullptr : &it->second;
    }

    // rabbit_exchange:route: follow matching bindings breadth of exchanges, each
    // exchange once; an exchange whose own bindings matched nothing hands the message
    // to its alternate exchange.
    [[nodiscard]] std::vector<QueuePtr> routeLocked(const AmqpMessage& message,
                                                    const std::vector<std::string>& keys) const {
        std::vector<QueuePtr> found;
        std::set<const Queue*> seenQueues;
        const auto addQueue = [&](std::string_view name) {
            if (QueuePtr queue = queueNamed(name); queue && seenQueues.insert(queue.get()).second) {
                found.push_back(std::move(queue));
            }
        };
        std::vector<std::string_view> work{message.exchange};
        std::set<std::string_view> seenExchanges{message.exchange};
        while (!work.empty()) {
            const std::string_view name = work.back();
            work.pop_back();
            const ExchangeEntry* entry = exchangeNamed(name);
            if (entry == nullptr) {
                continue;
            }
            bool matched = false;
            if (name.empty()) {  // the default exchange: implicit binding per queue name
                for (const auto& key : keys) {
                    matched = matched || queueNamed(key) != nullptr;
                    addQueue(key);
                }
            }
            for (const auto& binding : entry->bindings) {
                if (!bindingMatches(entry->exchange.type, binding, message, keys)) {
                    continue;
                }
                matched = true;
                if (binding.destinationKind == DestinationKind::Queue) {
                    addQueue(binding.destination);
                } else if (seenExchanges.insert(binding.destination).second) {
                    work.push_back(binding.destination);
                }
            }
            const auto& alternate = entry->exchange.alternateExchange;
            if (!matched && alternate && seenExchanges.insert(*alternate).second) {
                work.push_back(*alternate);
            }
        }
        return found;
    }

    // --- the store (see QueueStoreHooks)

    [[nodiscard]] QueueStoreHooks* hooks() const { return options.storeHooks.get(); }

    [[nodiscard]] static bool durableQueue(const Queue& queue) {
        return queue.settings().durable && !queue.settings().exclusive;
    }
    // Both ends must survive a restart for the binding to (exclusive lock held).
    [[nodiscard]] bool durableBinding(const Binding& binding) const {
        const ExchangeEntry* source = exchangeNamed(binding.source);
        if (source == nullptr || !source->exchange.durable) {
            return false;
        }
        if (binding.destinationKind == DestinationKind::Queue) {
            const QueuePtr queue = queueNamed(binding.destination);
            return queue && durableQueue(*queue);
        }
        const ExchangeEntry* destination = exchangeNamed(binding.destination);
        return destination != nullptr && destination->exchange.durable;
    }
    void bindingAdded(const Binding& binding) const {
        if (hooks() != nullptr && durableBinding(binding)) {
            hooks()->bindingStored(binding);
        }
    }
    void bindingsGone(const ExchangeEntry& source, const std::vector<Binding>& gone) const {
        if (hooks() == nullptr || !source.exchange.durable) {
            return;
        }
        for (const auto& binding : gone) {
            hooks()->bindingRemoved(binding);
        }
    }

    // --- topology changes (exclusive lock held)

    // Removes the bindings `doomed` selects; auto-delete exchanges left without bindings
    // go too, and with them the bindings to them.
    void dropBindingsLocked(const std::function<bool(const Binding&)>& doomed) {
        std::vector<std::string> emptied;
        for (auto& [name, entry] : exchanges) {
            const auto before = entry.bindings.size();
            auto kept = std::stable_partition(entry.bindings.begin(), entry.bindings.end(),
                                              [&](const Binding& b) { return !doomed(b); });
            bindingsGone(entry, std::vector<Binding>(kept, entry.bindings.end()));
            entry.bindings.erase(kept, entry.bindings.end());
            if (before != entry.bindings.size() && entry.bindings.empty() &&
                entry.exchange.autoDelete) {
                emptied.push_back(name);
            }
        }
        for (auto& name : emptied) {
            removeExchangeLocked(name);
        }
    }

    void removeExchangeLocked(std::string name) {
        auto found = exchanges.find(name);
        if (found == exchanges.end()) {
            return;
        }
        const ExchangeEntry& entry = found->second;
        bindingsGone(entry, entry.bindings);
        if (hooks() != nullptr && entry.exchange.durable && !entry.exchange.predeclared) {
            hooks()->exchangeRemoved(name);
        }
        exchanges.erase(found);
        dropBindingsLocked([&name](const Binding& b) {
            return b.destinationKind == DestinationKind::Exchange && b.destination == name;
        });
    }

    void removeQueueLocked(std::string name) {
        auto found = queues.find(name);
        if (found == queues.end()) {
            return;
        }
        if (hooks() != nullptr && durableQueue(*found->second)) {
            hooks()->queueRemoved(name);
        }
        queues.erase(found);
        dropBindingsLocked([&name](const Binding& b) {
            return b.destinationKind == DestinationKind::Queue && b.destination == name;
        });
    }

    void unbindLocked(const Binding& binding) {
        dropBindingsLocked([&binding](const Binding& b) { return b == binding; });
    }

    std::string generateQueueName() {
        while (true) {
            unsigned char bytes[16];
            for (std::size_t i = 0; i < sizeof bytes; i += 8) {
                const std::uint64_t random = rng();
                for (std::size_t j = 0; j < 8; ++j) {
                    bytes[i + j] = static_cast<unsigned char>(random >> (8 * j));
                }
            }
            std::string name = "amq.gen-" + base64Url(bytes, sizeof bytes);
            if (!queues.contains(name)) {
                return name;
            }
        }
    }

    // --- QueueOwner

    void deadLetter(const Queue& from, std::vector<DeadLetter> letters, TimePoint now) override {
        const auto& parsed = from.settings().parsed;
        if (!parsed.deadLetterExchange) {
            return;
        }
        for (auto& letter : letters) {
            AmqpMessage message =
                makeDeadLetter(*letter.message, letter.reason, from.name(),
                               *parsed.deadLetterExchange, parsed.deadLetterRoutingKey, now);
            // A new message as far as the store is concerned: the original may still sit
            // in a queue the letter reaches.
            message.id = nextMessageId.fetch_add(1, std::memory_order_relaxed);
            const auto keys = routingKeysOf(message);
            std::vector<QueuePtr> targets;
            {
                std::shared_lock lock(mutex);
                if (exchangeNamed(message.exchange) == nullptr) {
                    // RabbitMQ drops it (and logs); the counter says it left
                    if (options.messageObserver) {
                        options.messageObserver->messageDeadLettered(from, *letter.message, message,
                                                                     letter.reason, 0);
                    }
                    continue;
                }
                targets = routeLocked(message, keys);
            }
            auto shared = std::make_shared<const AmqpMessage>(std::move(message));
            std::size_t reached = 0;
            for (const auto& queue : targets) {
                if (!isDeadLetterCycle(*shared, letter.reason, queue->name())) {
                    (void)QueueAccess::enqueue(*queue, shared, now);
                    ++reached;
                }
            }
            if (options.messageObserver) {
                options.messageObserver->messageDeadLettered(from, *letter.message, *shared,
                                                             letter.reason, reached);
                if (options.messageObserver->routesWatched()) {
                    options.messageObserver->messageRouted(shared, targets);
                }
            }
        }
    }

    void discarded(const Queue& from, const AmqpMessage& message, DiscardKind kind) override {
        if (options.messageObserver) {
            options.messageObserver->messageDiscarded(from, message, kind);
        }
    }

    void lastConsumerGone(const Queue& queue) override {
        QueuePtr doomed;
        {
            std::unique_lock lock(mutex);
            auto it = queues.find(queue.name());
            if (it == queues.end() || it->second.get() != &queue ||
                !QueueAccess::autoDeletable(queue)) {
                return;
            }
            doomed = it->second;
            removeQueueLocked(doomed->name());
        }
        QueueAccess::close(*doomed);
    }
};

// --- VirtualHost

VirtualHost::VirtualHost(VirtualHostOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

VirtualHost::~VirtualHost() = default;

const std::string& VirtualHost::name() const {
    return impl_->options.name;
}

AmqpResult<Exchange> VirtualHost::declareExchange(const ExchangeDeclare& request) {
    if (request.name.empty()) {
        return Impl::defaultExchangeRefused();
    }
    std::unique_lock lock(impl_->mutex);
    Impl::ExchangeEntry* existing = impl_->exchangeNamed(request.name);
    if (request.passive) {
        if (existing == nullptr) {
            return impl_->noExchange(request.name);
        }
        return existing->exchange;
    }
    const auto type = parseExchangeType(request.type);
    if (!type) {
        return AmqpError::make(ReplyCode::CommandInvalid,
                               "unknown exchange type '" + request.type + "'");
    }
    const std::string resource = impl_->exchangeResource(request.name);
    if (existing == nullptr) {
        if (request.name.starts_with("amq.")) {
            return AmqpError::make(
                ReplyCode::AccessRefused,
                "exchange name '" + request.name + "' contains reserved prefix 'amq.*'");
        }
        Exchange exchange;
        exchange.name = request.name;
        exchange.type = *type;
        exchange.durable = request.durable;
        exchange.autoDelete = request.autoDelete;
        exchange.internal = request.internal;
        exchange.arguments = request.arguments;
        if (const FieldValue* alternate = request.arguments.find("alternate-exchange")) {
            if (alternate->asString() == nullptr) {
                return AmqpError::make(ReplyCode::PreconditionFailed,
                                       "invalid type '" +
                                           std::string(erlang::typeName(*alternate)) +
                                           "' for arg 'alternate-exchange' in " + resource);
            }
            exchange.alternateExchange = *alternate->asString();
        }
        const Exchange& added =
            impl_->exchanges.emplace(request.name, Impl::ExchangeEntry{std::move(exchange), {}})
                .first->second.exchange;
        if (impl_->hooks() != nullptr && added.durable) {
            impl_->hooks()->exchangeStored(added);
        }
        return added;
    }
    const Exchange& current = existing->exchange;
    for (auto problem :
         {fieldEquivalence("type", resource, request.type, toString(current.type)),
          flagEquivalence("durable", resource, request.durable, current.durable),
          flagEquivalence("auto_delete", resource, request.autoDelete, current.autoDelete),
          flagEquivalence("internal", resource, request.internal, current.internal),
          argumentEquivalence("alternate-exchange", resource, current.arguments,
                              request.arguments)}) {
        if (problem) {
            return *problem;
        }
    }
    return current;
}

AmqpStatus VirtualHost::deleteExchange(std::string_view name, bool ifUnused) {
    if (name.empty()) {
        return Impl::defaultExchangeRefused();
    }
    if (name.starts_with("amq.")) {
        return AmqpError::make(
            ReplyCode::AccessRefused,
            "deletion of system " + impl_->exchangeResource(name) + " not allowed");
    }
    std::unique_lock lock(impl_->mutex);
    const Impl::ExchangeEntry* entry = impl_->exchangeNamed(name);
    if (entry == nullptr) {
        return {};
    }
    if (ifUnused && !entry->bindings.empty()) {
        return AmqpError::make(ReplyCode::PreconditionFailed,
                               impl_->exchangeResource(name) + " in use");
    }
    impl_->removeExchangeLocked(std::string(name));
    return {};
}

AmqpStatus VirtualHost::bindExchange(std::string_view destination, std::string_view source,
                                     std::string_view routingKey, const FieldTable& arguments) {
    if (source.empty() || destination.empty()) {
        return Impl::defaultExchangeRefused();
    }
    std::unique_lock lock(impl_->mutex);
    Impl::ExchangeEntry* from = impl_->exchangeNamed(source);
    if (from == nullptr) {
        return impl_->noExchange(source);
    }
    if (impl_->exchangeNamed(destination) == nullptr) {
        return impl_->noExchange(destination);
    }
    if (from->exchange.type == ExchangeType::Headers) {
        if (auto valid = validateHeadersBinding(arguments); !valid) {
            return valid.error();
        }
    }
    Binding binding{std::string(source), DestinationKind::Exchange, std::string(destination),
                    std::string(routingKey), arguments};
    if (std::find(from->bindings.begin(), from->bindings.end(), binding) == from->bindings.end()) {
        impl_->bindingAdded(binding);
        from->bindings.push_back(std::move(binding));
    }
    return {};
}

AmqpStatus VirtualHost::unbindExchange(std::string_view destination, std::string_view source,
                                       std::string_view routingKey, const FieldTable& arguments) {
    if (source.empty() || destination.empty()) {
        return Impl::defaultExchangeRefused();
    }
    std::unique_lock lock(impl_->mutex);
    if (impl_->exchangeNamed(source) == nullptr) {
        return impl_->noExchange(source);
    }
    if (impl_->exchangeNamed(destination) == nullptr) {
        return impl_->noExchange(destination);
    }
    impl_->unbindLocked(Binding{std::string(source), DestinationKind::Exchange,
                                std::string(destination), std::string(routingKey), arguments});
    return {};
}

std::optional<Exchange> VirtualHost::findExchange(std::string_view name) const {
    std::shared_lock lock(impl_->mutex);
    const Impl::ExchangeEntry* entry = impl_->exchangeNamed(name);
    return entry != nullptr ? std::optional<Exchange>(entry->exchange) : std::nullopt;
}

std::vector<Exchange> VirtualHost::exchanges() const {
    std::shared_lock lock(impl_->mutex);
    std::vector<Exchange> out;
    for (const auto& [name, entry] : impl_->exchanges) {
        out.push_back(entry.exchange);
    }
    return out;
}

AmqpResult<QueueDeclareOk> VirtualHost::declareQueue(const QueueDeclare& request, TimePoint now) {
    std::unique_lock lock(impl_->mutex);
    const auto declareOk = [now](Queue& queue) {
        QueueAccess::markUsed(queue, now);
        const QueueStats stats = queue.stats();
        return QueueDeclareOk{queue.name(), static_cast<std::uint32_t>(stats.ready),
                              static_cast<std::uint32_t>(stats.consumers)};
    };
    if (request.passive) {
        QueuePtr queue = impl_->queueNamed(request.name);
        if (!queue) {
            return impl_->noQueue(request.name);
        }
        if (auto refused = Impl::exclusiveLax(*queue, request.connection)) {
            return *refused;
        }
        return declareOk(*queue);
    }
    std::string name = request.name;
    if (name.empty()) {
        name = impl_->generateQueueName();
    } else if (name.starts_with("amq.") && !request.serverNamed) {
        return AmqpError::make(ReplyCode::AccessRefused,
                               "queue name '" + name + "' contains reserved prefix 'amq.*'");
    }
    const std::string resource = impl_->queueResource(name);
    if (QueuePtr existing = impl_->queueNamed(name)) {
        const QueueSettings& current = existing->settings();
        // rabbit_amqqueue:check_exclusive_access(Q, Owner, strict).
        const ConnectionId owner = request.exclusive ? request.connection : 0;
        if ((current.exclusive ? current.owner : 0) != owner) {
            return Impl::locked(*existing);
        }
        if (auto problem = flagEquivalence("durable", resource, request.durable, current.durable)) {
            return *problem;
        }
        if (auto problem =
                flagEquivalence("auto_delete", resource, request.autoDelete, current.autoDelete)) {
            return *problem;
        }
        const FieldValue classic(std::string("classic"));
        for (const auto key : kEquivalentQueueArguments) {
            const FieldValue* absentAs = key == "x-queue-type" ? &classic : nullptr;
            if (auto problem = argumentEquivalence(key, resource, current.arguments,
                                                   request.arguments, absentAs)) {
                return *problem;
            }
        }
        return declareOk(*existing);
    }
    auto parsed = parseQueueArguments(request.arguments, resource);
    if (!parsed) {
        return parsed.error();
    }
    if (parsed->type == QueueType::Stream) {
        // rabbit_stream_queue:declare's checks, in its order.
        const char* invalid = request.autoDelete  ? "auto-delete"
                              : request.exclusive ? "exclusive-owner"
                              : !request.durable  ? "non-durable"
                                                  : nullptr;
        if (invalid != nullptr) {
            return AmqpError::make(
                ReplyCode::PreconditionFailed,
                "invalid property '" + std::string(invalid) + "' for " + resource);
        }
    }
    QueueSettings settings{name,
                           impl_->options.name,
                           request.durable,
                           request.exclusive,
                           request.autoDelete,
                           request.exclusive ? request.connection : 0,
                           request.arguments,
                           std::move(parsed).value()};
    QueuePtr queue;
    if (settings.parsed.type == QueueType::Stream) {
        queue = std::make_shared<StreamQueue>(std::move(settings), impl_.get(),
                                              impl_->options.storeHooks,
                                              impl_->options.streamSegmentMessages, now);
    } else {
        queue = std::make_shared<ClassicQueue>(std::move(settings), impl_.get(),
                                               impl_->options.storeHooks, now);
    }
    impl_->queues.emplace(name, queue);
    if (impl_->hooks() != nullptr && Impl::durableQueue(*queue)) {
        impl_->hooks()->queueStored(queue->settings());
    }
    return QueueDeclareOk{name, 0, 0};
}

std::string VirtualHost::newQueueName() {
    std::unique_lock lock(impl_->mutex);
    return impl_->generateQueueName();
}

AmqpStatus VirtualHost::bindQueue(std::string_view queue, std::string_view exchange,
                                  std::string_view routingKey, const FieldTable& arguments,
                                  ConnectionId connection) {
    if (exchange.empty()) {
        return Impl::defaultExchangeRefused();
    }
    std::unique_lock lock(impl_->mutex);
    Impl::ExchangeEntry* source = impl_->exchangeNamed(exchange);
    if (source == nullptr) {
        return impl_->noExchange(exchange);
    }
    QueuePtr destination = impl_->queueNamed(queue);
    if (!destination) {
        return impl_->noQueue(queue);
    }
    if (auto refused = Impl::exclusiveLax(*destination, connection)) {
        return *refused;
    }
    if (source->exchange.type == ExchangeType::Headers) {
        if (auto valid = validateHeadersBinding(arguments); !valid) {
            return valid.error();
        }
    }
    Binding binding{std::string(exchange), DestinationKind::Queue, std::string(queue),
                    std::string(routingKey), arguments};
    if (std::find(source->bindings.begin(), source->bindings.end(), binding) ==
        source->bindings.end()) {
        impl_->bindingAdded(binding);
        source->bindings.push_back(std::move(binding));
    }
    return {};
}

AmqpStatus VirtualHost::unbindQueue(std::string_view queue, std::string_view exchange,
                                    std::string_view routingKey, const FieldTable& arguments,
                                    ConnectionId connection) {
    if (exchange.empty()) {
        return Impl::defaultExchangeRefused();
    }
    std::unique_lock lock(impl_->mutex);
    if (impl_->exchangeNamed(exchange) == nullptr) {
        return impl_->noExchange(exchange);
    }
    QueuePtr destination = impl_->queueNamed(queue);
    if (!destination) {
        return impl_->noQueue(queue);
    }
    if (auto refused = Impl::exclusiveLax(*destination, connection)) {
        return *refused;
    }
    impl_->unbindLocked(Binding{std::string(exchange), DestinationKind::Queue, std::string(queue),
                                std::string(routingKey), arguments});
    return {};
}

AmqpResult<MessageCount> VirtualHost::purgeQueue(std::string_view queue, ConnectionId connection) {
    QueuePtr target;
    {
        std::shared_lock lock(impl_->mutex);
        target = impl_->queueNamed(queue);
    }
    if (!target) {
        return impl_->noQueue(queue);
    }
    if (auto refused = Impl::exclusiveLax(*target, connection)) {
        return *refused;
    }
    return static_cast<MessageCount>(QueueAccess::purge(*target));
}

AmqpResult<MessageCount> VirtualHost::deleteQueue(std::string_view queue, bool ifUnused,
                                                  bool ifEmpty, ConnectionId connection) {
    QueuePtr doomed;
    {
        std::unique_lock lock(impl_->mutex);
        doomed = impl_->queueNamed(queue);
        if (!doomed) {
            return MessageCount{0};
        }
        if (auto refused = Impl::exclusiveLax(*doomed, connection)) {
            return *refused;
        }
        const QueueStats stats = doomed->stats();
        if (ifUnused && stats.consumers > 0) {
            return AmqpError::make(ReplyCode::PreconditionFailed, doomed->resource() + " in use");
        }
        if (ifEmpty && stats.ready > 0) {
            return AmqpError::make(ReplyCode::PreconditionFailed,
                                   doomed->resource() + " not empty");
        }
        impl_->removeQueueLocked(doomed->name());
    }
    return static_cast<MessageCount>(QueueAccess::close(*doomed));
}

std::shared_ptr<Queue> VirtualHost::findQueue(std::string_view name) const {
    std::shared_lock lock(impl_->mutex);
    return impl_->queueNamed(name);
}

std::vector<std::shared_ptr<Queue>> VirtualHost::queues() const {
    std::shared_lock lock(impl_->mutex);
    std::vector<QueuePtr> out;
    out.reserve(impl_->queues.size());
    for (const auto& [name, queue] : impl_->queues) {
        out.push_back(queue);
    }
    return out;
}

std::vector<Binding> VirtualHost::bindings() const {
    std::shared_lock lock(impl_->mutex);
    std::vector<Binding> out;
    for (const auto& [name, entry] : impl_->exchanges) {
        out.insert(out.end(), entry.bindings.begin(), entry.bindings.end());
    }
    return out;
}

AmqpResult<std::vector<std::shared_ptr<Queue>>> VirtualHost::route(
    const AmqpMessage& message) const {
    std::shared_lock lock(impl_->mutex);
    const Impl::ExchangeEntry* entry = impl_->exchangeNamed(message.exchange);
    if (entry == nullptr) {
        return impl_->noExchange(message.exchange);
    }
    if (entry->exchange.internal) {
        return AmqpError::make(
            ReplyCode::AccessRefused,
            "cannot publish to internal " + impl_->exchangeResource(message.exchange));
    }
    return impl_->routeLocked(message, routingKeysOf(message));
}

AmqpResult<PublishResult> VirtualHost::publish(AmqpMessage message, TimePoint now) {
    if (auto expiration = parseExpiration(message.properties); !expiration) {
        return expiration.error();
    }
    message.id = impl_->nextMessageId.fetch_add(1, std::memory_order_relaxed);
    message.publishedAt = now;
    auto targets = route(message);  // CC and BCC route before BCC is removed
    if (!targets) {
        return targets.error();
    }
    if (message.properties.headers) {
        message.properties.headers->erase("BCC");
    }
    auto shared = std::make_shared<const AmqpMessage>(std::move(message));
    PublishResult result;
    result.messageId = shared->id;
    for (const auto& queue : *targets) {
        switch (QueueAccess::enqueue(*queue, shared, now)) {
            case QueueAccess::EnqueueResult::Accepted:
                ++result.queues;
                break;
            case QueueAccess::EnqueueResult::Rejected:
                result.rejected = true;
                break;
            case QueueAccess::EnqueueResult::Closed:
                break;
        }
    }
    result.unroutable = targets->empty();
    if (const auto& observer = impl_->options.messageObserver;
        observer && observer->routesWatched()) {
        observer->messageRouted(shared, *targets);
    }
    return result;
}

AmqpStatus VirtualHost::restoreMessage(std::string_view queue, AmqpMessage message,
                                       bool redelivered, std::optional<std::int64_t> streamOffset) {
    QueuePtr target = findQueue(queue);
    if (!target) {
        return impl_->noQueue(queue);
    }
    // New ids stay above every restored one: the store keys messages by them.
    std::uint64_t next = impl_->nextMessageId.load(std::memory_order_relaxed);
    while (next <= message.id && !impl_->nextMessageId.compare_exchange_weak(
                                     next, message.id + 1, std::memory_order_relaxed)) {
    }
    const TimePoint enqueuedAt = message.publishedAt;
    auto restored = std::make_shared<const AmqpMessage>(std::move(message));
    if (streamOffset) {
        QueueAccess::restoreAt(*target, std::move(restored), *streamOffset, enqueuedAt);
    } else {
        QueueAccess::restore(*target, std::move(restored), redelivered, enqueuedAt);
    }
    return {};
}

AmqpResult<ConsumeOk> VirtualHost::consume(std::string_view queue, ConsumeRequest request,
                                           TimePoint now) {
    QueuePtr target = findQueue(queue);
    if (!target) {
        return impl_->noQueue(queue);
    }
    if (auto refused = Impl::exclusiveLax(*target, request.connection)) {
        return *refused;
    }
    auto consumer = target->consume(std::move(request), now);
    if (!consumer) {
        return consumer.error();
    }
    return ConsumeOk{std::move(target), *consumer};
}

AmqpResult<std::optional<Delivery>> VirtualHost::get(std::string_view queue,
                                                     ConnectionId connection, ChannelId channel,
                                                     bool noAck, TimePoint now) {
    QueuePtr target = findQueue(queue);
    if (!target) {
        return impl_->noQueue(queue);
    }
    if (auto refused = Impl::exclusiveLax(*target, connection)) {
        return *refused;
    }
    return target->get(channel, noAck, now);
}

void VirtualHost::tick(TimePoint now) {
    std::size_t held = 0;
    for (const auto& queue : queues()) {
        queue->tick(now);
        held += queue->stats().totalBytes();
    }
    impl_->heldBytes.store(held, std::memory_order_relaxed);
    std::vector<QueuePtr> doomed;
    {
        std::unique_lock lock(impl_->mutex);
        for (const auto& [name, queue] : impl_->queues) {
            if (QueueAccess::unusedExpired(*queue, now)) {
                doomed.push_back(queue);
            }
        }
        for (const auto& queue : doomed) {
            impl_->removeQueueLocked(queue->name());
        }
    }
    for (const auto& queue : doomed) {
        (void)QueueAccess::close(*queue);
    }
}

std::size_t VirtualHost::heldBytes() const {
    return impl_->heldBytes.load(std::memory_order_relaxed);
}

void VirtualHost::channelClosed(ChannelId channel, TimePoint now) {
    for (const auto& queue : queues()) {
        queue->channelClosed(channel, now);
    }
}

void VirtualHost::connectionClosed(ConnectionId connection, TimePoint) {
    std::vector<QueuePtr> doomed;
    {
        std::unique_lock lock(impl_->mutex);
        for (const auto& [name, queue] : impl_->queues) {
            if (queue->settings().exclusive && queue->settings().owner == connection) {
                doomed.push_back(queue);
            }
        }
        for (const auto& queue : doomed) {
            impl_->removeQueueLocked(queue->name());
        }
    }
    for (const auto& queue : doomed) {
        (void)QueueAccess::close(*queue);
    }
}

}  // namespace sbx::broker::amqp
