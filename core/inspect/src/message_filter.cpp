#include "sbx/inspect/message_filter.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>

namespace sbx::inspect {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// One text test: a substring or a compiled regex, with or without case.
class TextMatcher {
public:
    static Result<TextMatcher> make(const std::string& pattern, bool regex, bool caseSensitive) {
        TextMatcher matcher;
        matcher.caseSensitive_ = caseSensitive;
        if (regex && !pattern.empty()) {
            auto flags = std::regex::ECMAScript;
            if (!caseSensitive) {
                flags |= std::regex::icase;
            }
            // std::regex reports a bad pattern by throwing; keep that inside this module.
            try {
                matcher.regex_.emplace(pattern, flags);
            } catch (const std::regex_error& e) {
                return Error{ErrorCode::InvalidArgument,
                             "Not a valid regular expression: " + pattern + " (" + e.what() + ")"};
            }
        }
        matcher.text_ = caseSensitive ? pattern : lower(pattern);
        return matcher;
    }

    [[nodiscard]] bool matches(std::string_view value) const {
        if (regex_) {
            return std::regex_search(value.begin(), value.end(), *regex_);
        }
        if (caseSensitive_) {
            return value.find(text_) != std::string_view::npos;
        }
        return lower(value).find(text_) != std::string::npos;
    }

private:
    std::string text_;
    std::optional<std::regex> regex_;
    bool caseSensitive_ = false;
};

struct FieldMatcher {
    std::string name;  // lower case; empty: any field
    TextMatcher value;
};

bool anyField(const std::vector<observe::Field>& fields, const FieldMatcher& matcher) {
    return std::any_of(fields.begin(), fields.end(), [&](const observe::Field& field) {
        return (matcher.name.empty() || lower(field.name) == matcher.name) &&
               matcher.value.matches(field.value);
    });
}

}  // namespace

bool MessageFilter::empty() const {
    return payload.empty() && routingKey.empty() &&
           std::all_of(fields.begin(), fields.end(),
                       [](const FieldCondition& c) { return c.name.empty() && c.value.empty(); });
}

struct CompiledFilter::Impl {
    std::optional<TextMatcher> payload;
    std::optional<TextMatcher> routingKey;
    std::vector<FieldMatcher> fields;
};

Result<CompiledFilter> CompiledFilter::compile(const MessageFilter& filter) {
    auto impl = std::make_shared<Impl>();
    if (!filter.payload.empty()) {
        auto matcher = TextMatcher::make(filter.payload, filter.regex, filter.caseSensitive);
        if (!matcher) {
            return matcher.error();
        }
        impl->payload = std::move(matcher).value();
    }
    if (!filter.routingKey.empty()) {
        auto matcher = TextMatcher::make(filter.routingKey, false, filter.caseSensitive);
        impl->routingKey = std::move(matcher).value();
    }
    for (const auto& condition : filter.fields) {
        if (condition.name.empty() && condition.value.empty()) {
            continue;
        }
        auto matcher = TextMatcher::make(condition.value, filter.regex, filter.caseSensitive);
        if (!matcher) {
            return matcher.error();
        }
        impl->fields.push_back({lower(condition.name), std::move(matcher).value()});
    }
    return CompiledFilter(std::move(impl));
}

bool CompiledFilter::matches(const observe::ObservedMessage& message) const {
    if (impl_->payload && !impl_->payload->matches(message.payload)) {
        return false;
    }
    if (impl_->routingKey && !impl_->routingKey->matches(message.routingKey)) {
        return false;
    }
    return std::all_of(impl_->fields.begin(), impl_->fields.end(), [&](const FieldMatcher& m) {
        return anyField(message.properties, m) || anyField(message.headers, m);
    });
}

std::string toJson(const MessageFilter& filter) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& condition : filter.fields) {
        fields.push_back({{"name", condition.name}, {"value", condition.value}});
    }
    const nlohmann::json json = {{"format", 1},
                                 {"name", filter.name},
                                 {"payload", filter.payload},
                                 {"regex", filter.regex},
                                 {"case_sensitive", filter.caseSensitive},
                                 {"routing_key", filter.routingKey},
                                 {"fields", fields}};
    return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Result<MessageFilter> filterFromJson(std::string_view text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return Error{ErrorCode::ParseError, "A saved filter must be a JSON object"};
    }
    MessageFilter filter;
    const auto text_of = [&](const char* key) {
        const auto it = json.find(key);
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const auto flag = [&](const char* key) {
        const auto it = json.find(key);
        return it != json.end() && it->is_boolean() && it->get<bool>();
    };
    filter.name = text_of("name");
    filter.payload = text_of("payload");
    filter.routingKey = text_of("routing_key");
    filter.regex = flag("regex");
    filter.caseSensitive = flag("case_sensitive");
    if (const auto it = json.find("fields"); it != json.end()) {
        if (!it->is_array()) {
            return Error{ErrorCode::ParseError, "\"fields\" of a saved filter must be a list"};
        }
        for (const auto& item : *it) {
            if (!item.is_object() || !item.value("name", nlohmann::json()).is_string() ||
                !item.value("value", nlohmann::json()).is_string()) {
                return Error{ErrorCode::ParseError,
                             "Each field condition needs a \"name\" and a \"value\" text"};
            }
            filter.fields.push_back(
                {item["name"].get<std::string>(), item["value"].get<std::string>()});
        }
    }
    return filter;
}

}  // namespace sbx::inspect
