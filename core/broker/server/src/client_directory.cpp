#include "client_directory.h"

namespace sbx::broker {

ClientEntry::ClientEntry(Identity identity, std::function<void()> disconnect)
    : identity_(std::move(identity)), disconnect_(std::move(disconnect)) {}

void ClientEntry::disconnect() const {
    if (disconnect_) {
        disconnect_();
    }
}

void ClientEntry::channelOpened(std::uint16_t channel) {
    std::lock_guard lock(mutex_);
    channels_[channel];
}

void ClientEntry::channelClosed(std::uint16_t channel) {
    std::lock_guard lock(mutex_);
    channels_.erase(channel);
}

void ClientEntry::consumerAdded(std::uint16_t channel, observe::ClientSubscription consumer) {
    std::lock_guard lock(mutex_);
    auto tag = consumer.tag;
    channels_[channel][std::move(tag)] = std::move(consumer);
}

void ClientEntry::consumerRemoved(std::uint16_t channel, const std::string& tag) {
    std::lock_guard lock(mutex_);
    if (auto found = channels_.find(channel); found != channels_.end()) {
        found->second.erase(tag);
    }
}

observe::Client ClientEntry::describe() const {
    observe::Client client;
    client.id = identity_.id;
    client.name = identity_.name;
    client.protocol = identity_.protocol;
    client.protocolVersion = identity_.protocolVersion;
    client.remoteAddress = identity_.remoteAddress;
    client.user = identity_.user;
    client.vhost = identity_.vhost;
    client.connectedAt = connectedAt_;
    client.messagesIn = messagesIn.load(std::memory_order_relaxed);
    client.messagesOut = messagesOut.load(std::memory_order_relaxed);
    client.bytesIn = bytesIn.load(std::memory_order_relaxed);
    client.bytesOut = bytesOut.load(std::memory_order_relaxed);
    std::lock_guard lock(mutex_);
    client.channels = static_cast<std::uint32_t>(channels_.size());
    for (const auto& [number, consumers] : channels_) {
        for (const auto& [tag, consumer] : consumers) {
            client.subscriptions.push_back(consumer);
        }
    }
    return client;
}

void ClientDirectory::add(const std::shared_ptr<ClientEntry>& entry) {
    std::lock_guard lock(mutex_);
    entries_[entry->identity().id] = entry;
}

void ClientDirectory::remove(const ClientEntry& entry) {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(entry.identity().id);
    if (found != entries_.end() && found->second.get() == &entry) {
        entries_.erase(found);
    }
}

std::shared_ptr<ClientEntry> ClientDirectory::find(const std::string& id) const {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(id);
    return found == entries_.end() ? nullptr : found->second;
}

std::vector<std::shared_ptr<ClientEntry>> ClientDirectory::all() const {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<ClientEntry>> out;
    out.reserve(entries_.size());
    for (const auto& [id, entry] : entries_) {
        out.push_back(entry);
    }
    return out;
}

std::size_t ClientDirectory::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace sbx::broker
