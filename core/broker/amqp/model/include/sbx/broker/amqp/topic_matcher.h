#pragma once

#include <string_view>

namespace sbx::broker::amqp {

// AMQP topic exchange matching as RabbitMQ does it: keys are words separated by '.',
// '*' in a binding key matches exactly one word, '#' zero or more words. The empty key
// has zero words; "a." has two ("a" and ""). Unlike MQTT (sbx::broker::topicMatches),
// '#' may appear anywhere ("a.#.b") and '$' is nothing special.
[[nodiscard]] bool amqpTopicMatches(std::string_view bindingKey, std::string_view routingKey);

}  // namespace sbx::broker::amqp
