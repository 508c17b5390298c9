#include "dead_letter_book.h"

#include <algorithm>

namespace sbx::nats {

namespace {

bool same(const DeadLetter& a, const std::string& stream, const std::string& consumer,
          std::uint64_t sequence) {
    return a.streamSequence == sequence && a.stream == stream && a.consumer == consumer;
}

}  // namespace

void DeadLetterBook::add(DeadLetter letter) {
    std::lock_guard lock(mutex_);
    const auto known = std::find_if(letters_.begin(), letters_.end(), [&](const DeadLetter& d) {
        return same(d, letter.stream, letter.consumer, letter.streamSequence);
    });
    if (known != letters_.end()) {
        known->deliveries = std::max(known->deliveries, letter.deliveries);
        known->time = letter.time;
        return;
    }
    letters_.push_back(std::move(letter));
    while (letters_.size() > kCapacity) {
        letters_.pop_front();
    }
}

std::vector<DeadLetter> DeadLetterBook::list(const std::string& stream,
                                             const std::string& consumer) const {
    std::lock_guard lock(mutex_);
    std::vector<DeadLetter> found;
    for (const auto& letter : letters_) {
        if (letter.stream == stream && letter.consumer == consumer) {
            found.push_back(letter);
        }
    }
    return found;
}

void DeadLetterBook::remove(const std::string& stream, const std::string& consumer,
                            std::uint64_t sequence) {
    std::lock_guard lock(mutex_);
    std::erase_if(letters_,
                  [&](const DeadLetter& d) { return same(d, stream, consumer, sequence); });
}

std::map<DeadLetterBook::Key, std::size_t> DeadLetterBook::counts() const {
    std::lock_guard lock(mutex_);
    std::map<Key, std::size_t> counts;
    for (const auto& letter : letters_) {
        ++counts[{letter.stream, letter.consumer}];
    }
    return counts;
}

}  // namespace sbx::nats
