#include "sbx/inspect/redrive_batches.h"

#include <algorithm>

namespace sbx::inspect {

RedriveBatches::RedriveBatches(std::string sourceId, std::optional<std::string> targetId,
                               std::uint64_t total, std::size_t batchSize)
    : sourceId_(std::move(sourceId)),
      targetId_(std::move(targetId)),
      total_(total),
      batchSize_(std::max<std::size_t>(batchSize, 1)),
      remaining_(total) {}

std::optional<observe::RedriveRequest> RedriveBatches::next() const {
    if (cancelled_ || stalled_ || !failure_.empty() || moved_ >= total_) {
        return std::nullopt;
    }
    observe::RedriveRequest request;
    request.sourceId = sourceId_;
    request.targetId = targetId_;
    request.batchSize = batchSize_;
    request.maxCount =
        static_cast<std::size_t>(std::min<std::uint64_t>(total_ - moved_, batchSize_));
    return request;
}

void RedriveBatches::record(const observe::RedriveResult& result) {
    moved_ += result.moved;
    remaining_ = result.remaining;
    if (result.moved == 0) {
        stalled_ = true;
    }
}

void RedriveBatches::fail(std::string reason) {
    failure_ = std::move(reason);
}

int RedriveBatches::percent() const {
    if (total_ == 0) {
        return 100;
    }
    return static_cast<int>(std::min<std::uint64_t>(moved_, total_) * 100 / total_);
}

}  // namespace sbx::inspect
