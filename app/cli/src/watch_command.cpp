// sbx watch: evaluates the workspace's alert rules against its connection profiles
// without the GUI, for a terminal or a cron job. Exit code 0: no alert firing, 1: alerts
// firing, 2: the workspace, profiles or rules could not be used.
#include <CLI/CLI.hpp>
#include <atomic>
#include <cmath>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <thread>

#include "cli_app.h"
#include "command_context.h"
#include "commands.h"
#include "sbx/alerts/alert_evaluator.h"
#include "sbx/connect/plugin_registry.h"
#include "sbx/connect/reconnecting_source.h"
#include "sbx/management/signalbox_connector.h"
#include "sbx/workspace/workspace.h"

namespace sbx::cli {

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::system_clock;

std::atomic<bool> stopRequested{false};

extern "C" void onStopSignal(int /*signal*/) {
    stopRequested = true;
}

struct WatchOptions {
    std::string workspace = ".";
    std::vector<std::string> profiles;
    std::string rulesFile;
    double intervalSeconds = 5;
    bool once = false;
    int rounds = 0;
    bool json = false;
    std::vector<std::string> pluginPaths;
};

struct WatchedBroker {
    connect::ConnectionProfile profile;
    std::unique_ptr<connect::ReconnectingSource> source;  // null: no plugin for it
    std::string problem;                                  // why there is no source
    Result<observe::BrokerSnapshot> last = Error{ErrorCode::Unavailable, "not polled yet"};
};

struct WatchSetup {
    std::vector<WatchedBroker> brokers;
    std::vector<alerts::AlertRule> rules;
};

Result<std::vector<alerts::AlertRule>> readRules(const WatchOptions& options,
                                                 const std::filesystem::path& root) {
    if (options.rulesFile.empty()) {
        return alerts::loadRules(root);
    }
    std::ifstream in(options.rulesFile);
    if (!in) {
        return Error{ErrorCode::NotFound, "cannot read " + options.rulesFile};
    }
    std::stringstream text;
    text << in.rdbuf();
    auto rules = alerts::parseRules(text.str());
    if (!rules) {
        return Error{rules.error().code, options.rulesFile + ": " + rules.error().message};
    }
    return rules;
}

Result<std::vector<connect::ConnectionProfile>> readProfiles(const WatchOptions& options,
                                                             const workspace::Workspace& ws,
                                                             CommandContext& context) {
    const auto folder = ws.folderFor(workspace::ItemKind::Connection);
    auto list = connect::loadProfiles(folder);
    for (const auto& problem : list.problems) {
        context.err << "sbx: warning: skipping " << problem << '\n';
    }
    if (options.profiles.empty()) {
        if (list.profiles.empty()) {
            return Error{ErrorCode::NotFound, "no connection profiles in " + folder.string() +
                                                  " (add a broker in the studio, or see "
                                                  "docs/connectors/README.md)"};
        }
        return list.profiles;
    }
    std::vector<connect::ConnectionProfile> chosen;
    for (const auto& id : options.profiles) {
        const auto found = std::find_if(list.profiles.begin(), list.profiles.end(),
                                        [&](const auto& p) { return p.id == id; });
        if (found == list.profiles.end()) {
            return Error{ErrorCode::NotFound,
                         "no connection profile '" + id + "' in " + folder.string()};
        }
        chosen.push_back(*found);
    }
    return chosen;
}

Result<WatchSetup> prepare(const WatchOptions& options, connect::PluginRegistry& registry,
                           CommandContext& context) {
    auto ws = workspace::Workspace::open(options.workspace);
    if (!ws) {
        return ws.error();
    }
    auto rules = readRules(options, ws->root());
    if (!rules) {
        return rules.error();
    }
    auto profiles = readProfiles(options, *ws, context);
    if (!profiles) {
        return profiles.error();
    }
    registry.add(std::make_shared<management::SignalboxConnector>(), "built-in");
    std::vector<std::filesystem::path> folders(options.pluginPaths.begin(),
                                               options.pluginPaths.end());
    for (auto& folder : connect::PluginRegistry::defaultSearchPath()) {
        folders.push_back(std::move(folder));
    }
    registry.scan(folders);
    for (const auto& plugin : registry.plugins()) {
        if (plugin.state == connect::PluginRecord::State::Failed) {
            context.err << "sbx: warning: plugin " << plugin.file.string() << ": " << plugin.error
                        << '\n';
        }
    }
    WatchSetup setup;
    setup.rules = std::move(rules).value();
    for (auto& profile : *profiles) {
        WatchedBroker broker;
        broker.profile = profile;
        if (const auto* info = registry.find(profile.connector); info == nullptr) {
            broker.problem = "no plugin for '" + profile.connector + "' brokers is installed";
        } else {
            auto opener = [&registry, profile] {
                return registry.open(profile, connect::credentialsFromEnvironment(profile));
            };
            broker.source = std::make_unique<connect::ReconnectingSource>(
                profile.name.empty() ? profile.id : profile.name, info->capabilities, opener);
        }
        setup.brokers.push_back(std::move(broker));
    }
    return setup;
}

Json alertJson(const alerts::Alert& alert) {
    return Json{{"rule", alert.ruleId},
                {"name", alert.ruleName},
                {"condition", alerts::toString(alert.condition)},
                {"broker", alert.broker},
                {"destination", alert.destinationId},
                {"message", alert.message},
                {"value", alert.value},
                {"since", std::chrono::duration_cast<std::chrono::milliseconds>(
                              alert.since.time_since_epoch())
                              .count()}};
}

void printChange(const alerts::AlertChange& change, bool json, std::ostream& out) {
    const bool fired = change.kind == alerts::AlertChange::Kind::Fired;
    if (json) {
        auto line = alertJson(change.alert);
        line["event"] = fired ? "fired" : "resolved";
        out << line.dump() << std::endl;
        return;
    }
    out << (fired ? "FIRED    " : "RESOLVED ") << change.alert.broker << "  "
        << change.alert.ruleName << ": " << change.alert.message << std::endl;
}

void pollOnce(WatchSetup& setup, alerts::AlertEvaluator& evaluator, bool report,
              const WatchOptions& options, std::ostream& out) {
    for (auto& broker : setup.brokers) {
        if (broker.source) {
            broker.last = broker.source->snapshot();
        } else {
            broker.last = Error{ErrorCode::NotFound, broker.problem};
        }
        for (const auto& change : evaluator.observe(broker.profile.id, broker.last, Clock::now())) {
            if (report) {
                printChange(change, options.json, out);
            }
        }
    }
}

void printSummary(const WatchSetup& setup, const alerts::AlertEvaluator& evaluator, bool json,
                  std::ostream& out) {
    const auto firing = evaluator.firing();
    if (json) {
        Json brokers = Json::array();
        for (const auto& broker : setup.brokers) {
            Json entry{{"id", broker.profile.id},
                       {"name", broker.profile.name},
                       {"connector", broker.profile.connector},
                       {"reachable", broker.last.ok()}};
            if (broker.last) {
                entry["destinations"] = broker.last->destinations.size();
                entry["product"] = broker.last->overview.product;
            } else {
                entry["error"] = broker.last.error().message;
            }
            brokers.push_back(entry);
        }
        Json alertList = Json::array();
        for (const auto& alert : firing) {
            alertList.push_back(alertJson(alert));
        }
        out << Json{{"brokers", brokers}, {"alerts", alertList}, {"firing", firing.size()}}.dump(2)
            << '\n';
        return;
    }
    for (const auto& broker : setup.brokers) {
        out << broker.profile.id << " (" << broker.profile.connector << "): ";
        if (broker.last) {
            out << "reachable, " << broker.last->overview.product << ", "
                << broker.last->destinations.size() << " destinations\n";
        } else {
            out << "unreachable: " << broker.last.error().message << '\n';
        }
    }
    out << firing.size() << (firing.size() == 1 ? " alert firing" : " alerts firing") << '\n';
    for (const auto& alert : firing) {
        out << "  " << alert.broker << "  " << alert.ruleName << ": " << alert.message << '\n';
    }
}

// --once must see each condition for its rule's whole duration before it can fire.
int roundsFor(const WatchOptions& options, const std::vector<alerts::AlertRule>& rules) {
    if (!options.once) {
        return options.rounds;  // 0: until stopped
    }
    double longest = 0;
    for (const auto& rule : rules) {
        if (rule.enabled) {
            longest = std::max(longest, static_cast<double>(rule.forDuration.count()));
        }
    }
    return 1 + static_cast<int>(std::ceil(longest / options.intervalSeconds));
}

void sleepUnlessStopped(double seconds) {
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    while (!stopRequested && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void runWatch(const WatchOptions& options, CommandContext& context) {
    if (options.intervalSeconds <= 0) {
        context.err << "sbx: error: --interval must be positive\n";
        context.exitCode = kExitUsage;
        return;
    }
    connect::PluginRegistry registry;
    auto setup = prepare(options, registry, context);
    if (!setup) {
        context.err << "sbx: error: " << setup.error().message << '\n';
        context.exitCode = kExitUsage;
        return;
    }
    alerts::AlertEvaluator evaluator(setup->rules);
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    const int rounds = roundsFor(options, setup->rules);
    for (int round = 0; !stopRequested && (rounds == 0 || round < rounds); ++round) {
        if (round > 0) {
            sleepUnlessStopped(options.intervalSeconds);
        }
        pollOnce(*setup, evaluator, !options.once, options, context.out);
    }
    printSummary(*setup, evaluator, options.json, context.out);
    context.exitCode = evaluator.firing().empty() ? kExitOk : kExitFailure;
}

}  // namespace

void addWatchCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<WatchOptions>();
    auto* command = app.add_subcommand(
        "watch",
        "Evaluate the workspace's alert rules against its brokers (exit 0: none firing, 1: "
        "alerts firing, 2: cannot run). Passwords come from SBX_SECRET_<PROFILE_ID>.");
    command->add_option("--workspace,-w", options->workspace, "Workspace folder")
        ->capture_default_str();
    command->add_option("--profile,-p", options->profiles,
                        "Connection profile id to watch (repeatable; default: all)");
    command->add_option("--rules", options->rulesFile,
                        "Alert rules file (default: <workspace>/alerts.json)");
    command->add_option("--interval", options->intervalSeconds, "Seconds between polls")
        ->capture_default_str();
    command->add_flag("--once", options->once,
                      "Poll for the longest rule duration, print the firing alerts and exit");
    command->add_option("--count", options->rounds, "Stop after this many polls (0: never)");
    command->add_flag("--json", options->json, "JSON output");
    command->add_option("--plugin-path", options->pluginPaths,
                        "Extra folder to load connector plugins from (repeatable)");
    command->callback([options, &context] { runWatch(*options, context); });
}

}  // namespace sbx::cli
