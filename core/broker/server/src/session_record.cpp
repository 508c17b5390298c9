#include "session_record.h"

#include <nlohmann/json.hpp>

namespace sbx::broker {

std::string encodeSessionRecord(const SessionRecord& record) {
    nlohmann::json subscriptions = nlohmann::json::array();
    for (const auto& s : record.subscriptions) {
        nlohmann::json entry = {{"filter", s.filter},
                                {"group", s.shareGroup},
                                {"qos", s.options.maxQos},
                                {"nl", s.options.noLocal},
                                {"rap", s.options.retainAsPublished},
                                {"rh", s.options.retainHandling}};
        if (s.options.subscriptionId) {
            entry["id"] = *s.options.subscriptionId;
        }
        subscriptions.push_back(std::move(entry));
    }
    return nlohmann::json{{"expiry", record.expiryInterval}, {"subscriptions", subscriptions}}
        .dump();
}

std::optional<SessionRecord> decodeSessionRecord(std::string_view text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return std::nullopt;
    }
    try {
        SessionRecord record;
        record.expiryInterval = json.at("expiry").get<std::uint32_t>();
        for (const auto& entry : json.at("subscriptions")) {
            SessionSubscription s;
            s.filter = entry.at("filter").get<std::string>();
            s.shareGroup = entry.value("group", std::string{});
            s.options.maxQos = entry.value("qos", std::uint8_t{0});
            s.options.noLocal = entry.value("nl", false);
            s.options.retainAsPublished = entry.value("rap", false);
            s.options.retainHandling = entry.value("rh", std::uint8_t{0});
            if (entry.contains("id")) {
                s.options.subscriptionId = entry.at("id").get<std::uint32_t>();
            }
            record.subscriptions.push_back(std::move(s));
        }
        return record;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace sbx::broker
