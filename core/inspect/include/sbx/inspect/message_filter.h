#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/observe/observed_message.h"

namespace sbx::inspect {

// "this property or header must contain that value". The name is matched without regard
// to case (content-type, Content-Type); an empty name matches any property or header.
struct FieldCondition {
    std::string name;
    std::string value;
    friend bool operator==(const FieldCondition&, const FieldCondition&) = default;
};

// What a user types into the browser's filter bar. Every part that is set must match.
struct MessageFilter {
    std::string name;     // how it is saved in the workspace
    std::string payload;  // text the payload contains, or a regular expression
    bool regex = false;   // `payload` and field values are ECMAScript regexes
    bool caseSensitive = false;
    std::string routingKey;  // text the routing key / topic contains
    std::vector<FieldCondition> fields;

    [[nodiscard]] bool empty() const;
    friend bool operator==(const MessageFilter&, const MessageFilter&) = default;
};

// A filter ready to test messages; regexes are compiled once, not per message.
class CompiledFilter {
public:
    static Result<CompiledFilter> compile(const MessageFilter& filter);

    [[nodiscard]] bool matches(const observe::ObservedMessage& message) const;

private:
    struct Impl;
    explicit CompiledFilter(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
};

// Saved filters are small JSON documents (filters/<name>.json in a workspace).
[[nodiscard]] std::string toJson(const MessageFilter& filter);
Result<MessageFilter> filterFromJson(std::string_view json);

}  // namespace sbx::inspect
