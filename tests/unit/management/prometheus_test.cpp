#include "prometheus.h"

#include <gtest/gtest.h>

#include "fake_broker_source.h"

namespace sbx::management {
namespace {

TEST(Prometheus, EscapesLabelValuesAndHelp) {
    EXPECT_EQ(escapeLabelValue("plain"), "plain");
    EXPECT_EQ(escapeLabelValue("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    EXPECT_EQ(escapeHelp("x\\y\nz\"q"), "x\\\\y\\nz\"q");  // quotes stay in HELP
}

TEST(Prometheus, RendersFamiliesWithHelpTypeAndLabels) {
    test::FakeBrokerSource source;
    const auto text = renderPrometheus(*source.snapshot(), ManagementCounters{1, 7});
    EXPECT_NE(text.find("# HELP sbx_broker_connections Connected clients\n"
                        "# TYPE sbx_broker_connections gauge\nsbx_broker_connections 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("# TYPE sbx_broker_messages_published_total counter\n"
                        "sbx_broker_messages_published_total 42\n"),
              std::string::npos);
    EXPECT_NE(
        text.find("sbx_destination_messages_ready{vhost=\"/\",name=\"orders\",kind=\"queue\"} 3\n"),
        std::string::npos);
    EXPECT_NE(text.find("sbx_destination_messages_published_total{vhost=\"/\",name=\"orders\","
                        "kind=\"queue\"} 10\n"),
              std::string::npos);
    EXPECT_NE(text.find("{vhost=\"prod\",name=\"we\\\"ird\\\\name\\n\",kind=\"queue\"}"),
              std::string::npos);
    EXPECT_NE(
        text.find("sbx_destination_consumers{vhost=\"\",name=\"sensors/t1\",kind=\"topic\"} 0"),
        std::string::npos);
    EXPECT_NE(text.find("sbx_management_event_batches_dropped_total 7\n"), std::string::npos);

    // Every sample line belongs to a family declared before it, exactly once.
    std::set<std::string> typed;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = text.find('\n', at);
        ASSERT_NE(end, std::string::npos) << "the text ends with a newline";
        const auto line = text.substr(at, end - at);
        at = end + 1;
        if (line.starts_with("# TYPE ")) {
            const auto name = line.substr(7, line.find(' ', 7) - 7);
            EXPECT_TRUE(typed.insert(name).second) << name << " declared twice";
        } else if (!line.starts_with("# HELP ")) {
            const auto name = line.substr(0, line.find_first_of("{ "));
            EXPECT_TRUE(typed.count(name)) << line;
        }
    }
}

}  // namespace
}  // namespace sbx::management
