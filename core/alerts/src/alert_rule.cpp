#include "sbx/alerts/alert_rule.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace sbx::alerts {

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

struct ConditionName {
    Condition condition;
    const char* name;
};

constexpr ConditionName kConditionNames[] = {
    {Condition::DepthAbove, "depth_above"},  {Condition::NoConsumers, "no_consumers"},
    {Condition::LagAbove, "lag_above"},      {Condition::DeadLettersPresent, "dead_letters"},
    {Condition::Unreachable, "unreachable"},
};

Result<AlertRule> ruleFromJson(const Json& json, std::size_t index) {
    const std::string where = "rule " + std::to_string(index + 1);
    if (!json.is_object()) {
        return Error{ErrorCode::ParseError, where + " is not a JSON object"};
    }
    static const std::set<std::string> kKnown = {
        "id", "name", "broker", "destination", "condition", "threshold", "for_seconds", "enabled"};
    for (const auto& item : json.items()) {
        if (!kKnown.contains(item.key())) {
            return Error{ErrorCode::InvalidArgument, where + ": unknown key '" + item.key() + "'"};
        }
    }
    try {
        AlertRule rule;
        rule.id = json.value("id", "");
        rule.name = json.value("name", rule.id);
        rule.broker = json.value("broker", "*");
        rule.destination = json.value("destination", "*");
        auto condition = conditionFromString(json.value("condition", ""));
        if (!condition) {
            return Error{ErrorCode::InvalidArgument, where + ": " + condition.error().message};
        }
        rule.condition = *condition;
        const auto threshold = json.value("threshold", std::int64_t{0});
        const auto seconds = json.value("for_seconds", std::int64_t{0});
        if (threshold < 0 || seconds < 0) {
            return Error{ErrorCode::InvalidArgument,
                         where + ": threshold and for_seconds cannot be negative"};
        }
        rule.threshold = static_cast<std::uint64_t>(threshold);
        rule.forDuration = std::chrono::seconds(seconds);
        rule.enabled = json.value("enabled", true);
        if (rule.id.empty()) {
            return Error{ErrorCode::InvalidArgument, where + " has no id"};
        }
        return rule;
    } catch (const Json::exception& e) {
        return Error{ErrorCode::ParseError,
                     where + ": a value has the wrong type (" + std::string(e.what()) + ")"};
    }
}

}  // namespace

std::string_view toString(Condition condition) {
    for (const auto& entry : kConditionNames) {
        if (entry.condition == condition) {
            return entry.name;
        }
    }
    return "unknown";
}

Result<Condition> conditionFromString(std::string_view text) {
    for (const auto& entry : kConditionNames) {
        if (text == entry.name) {
            return entry.condition;
        }
    }
    return Error{ErrorCode::InvalidArgument,
                 "unknown condition '" + std::string(text) +
                     "' (depth_above, no_consumers, lag_above, dead_letters, unreachable)"};
}

bool globMatch(std::string_view pattern, std::string_view text) {
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

Result<std::vector<AlertRule>> parseRules(std::string_view text) {
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::parse_error& e) {
        return Error{ErrorCode::ParseError,
                     std::string("alerts.json is not valid JSON: ") + e.what()};
    }
    const Json* list = &json;
    if (json.is_object()) {
        if (!json.contains("rules")) {
            return Error{ErrorCode::ParseError, "alerts.json has no \"rules\" list"};
        }
        list = &json.at("rules");
    }
    if (!list->is_array()) {
        return Error{ErrorCode::ParseError, "alerts.json: \"rules\" is not a list"};
    }
    std::vector<AlertRule> rules;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto rule = ruleFromJson((*list)[i], i);
        if (!rule) {
            return rule.error();
        }
        if (!ids.insert(rule->id).second) {
            return Error{ErrorCode::InvalidArgument, "two rules have the id '" + rule->id + "'"};
        }
        rules.push_back(std::move(rule).value());
    }
    return rules;
}

std::string serializeRules(const std::vector<AlertRule>& rules) {
    Json list = Json::array();
    for (const auto& rule : rules) {
        list.push_back(Json{{"id", rule.id},
                            {"name", rule.name},
                            {"broker", rule.broker},
                            {"destination", rule.destination},
                            {"condition", toString(rule.condition)},
                            {"threshold", rule.threshold},
                            {"for_seconds", rule.forDuration.count()},
                            {"enabled", rule.enabled}});
    }
    return Json{{"format", 1}, {"rules", list}}.dump(2) + "\n";
}

fs::path rulesPath(const fs::path& workspaceRoot) {
    return workspaceRoot / "alerts.json";
}

Result<std::vector<AlertRule>> loadRules(const fs::path& workspaceRoot) {
    const auto path = rulesPath(workspaceRoot);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return std::vector<AlertRule>{};
    }
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    auto rules = parseRules(text.str());
    if (!rules) {
        return Error{rules.error().code, path.string() + ": " + rules.error().message};
    }
    return rules;
}

Status saveRules(const fs::path& workspaceRoot, const std::vector<AlertRule>& rules) {
    const auto path = rulesPath(workspaceRoot);
    const auto temporary = workspaceRoot / ".alerts.json.tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << serializeRules(rules);
        if (!out.flush()) {
            return Error{ErrorCode::IoError, "cannot write " + temporary.string()};
        }
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        return Error{ErrorCode::IoError, "cannot write " + path.string() + ": " + ec.message()};
    }
    return {};
}

}  // namespace sbx::alerts
