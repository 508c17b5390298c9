#include "sbx/bench/topic_plan.h"

namespace sbx::bench {

std::string publisherTopic(const MqttBenchmarkOptions& options, std::uint32_t publisher) {
    if (options.topics == TopicMode::Fanout) {
        return "sbx/bench/fanout";
    }
    return "sbx/bench/" + std::to_string(publisher);
}

std::vector<std::uint32_t> publishersHeardBy(const MqttBenchmarkOptions& options,
                                             std::uint32_t subscriber) {
    std::vector<std::uint32_t> heard;
    if (options.topics == TopicMode::Fanout) {
        for (std::uint32_t publisher = 0; publisher < options.publishers; ++publisher) {
            heard.push_back(publisher);
        }
    } else if (options.subscribers > options.publishers) {
        // More subscribers than publishers: each publisher gets several listeners.
        heard.push_back(subscriber % options.publishers);
    } else {
        for (auto publisher = subscriber; publisher < options.publishers;
             publisher += options.subscribers) {
            heard.push_back(publisher);
        }
    }
    return heard;
}

}  // namespace sbx::bench
