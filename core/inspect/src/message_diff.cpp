#include "sbx/inspect/message_diff.h"

#include <algorithm>

#include "sbx/inspect/message_export.h"
#include "sbx/inspect/payload.h"

namespace sbx::inspect {
namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty() && lines.size() < kMaxDiffLines) {
        const auto end = text.find('\n');
        lines.push_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    return lines;
}

void appendSorted(std::string& out, std::string_view title, std::vector<observe::Field> fields) {
    std::sort(fields.begin(), fields.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    out += title;
    out += ":\n";
    for (const auto& field : fields) {
        out += "  " + field.name + ": " + field.value + "\n";
    }
}

}  // namespace

std::vector<DiffLine> diffLines(std::string_view before, std::string_view after) {
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<std::uint32_t>> lcs(a.size() + 1,
                                                std::vector<std::uint32_t>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;) {
            lcs[i][j] =
                a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::vector<DiffLine> out;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            out.push_back({DiffLine::Kind::Same, std::string(a[i])});
            ++i;
            ++j;
        } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
            // Removals first, as diff -u shows a changed line.
            out.push_back({DiffLine::Kind::Removed, std::string(a[i])});
            ++i;
        } else {
            out.push_back({DiffLine::Kind::Added, std::string(b[j])});
            ++j;
        }
    }
    return out;
}

std::string unifiedDiff(std::string_view before, std::string_view after,
                        std::string_view beforeLabel, std::string_view afterLabel,
                        std::size_t context) {
    const auto lines = diffLines(before, after);
    std::string out = "--- " + std::string(beforeLabel) + "\n+++ " + std::string(afterLabel) + "\n";
    // Show each changed line with `context` unchanged lines around it; "@@" marks a gap.
    std::vector<bool> shown(lines.size(), false);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (lines[k].kind == DiffLine::Kind::Same) {
            continue;
        }
        const auto from = k >= context ? k - context : 0;
        const auto to = std::min(lines.size(), k + context + 1);
        std::fill(shown.begin() + static_cast<std::ptrdiff_t>(from),
                  shown.begin() + static_cast<std::ptrdiff_t>(to), true);
    }
    bool inHunk = false;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (!shown[k]) {
            inHunk = false;
            continue;
        }
        if (!inHunk) {
            out += "@@\n";
            inHunk = true;
        }
        const char marker = lines[k].kind == DiffLine::Kind::Same      ? ' '
                            : lines[k].kind == DiffLine::Kind::Removed ? '-'
                                                                       : '+';
        out += marker;
        out += lines[k].text;
        out += '\n';
    }
    return out;
}

std::string describeForDiff(const observe::ObservedMessage& message) {
    std::string out;
    out += "destination: " + message.destinationId + "\n";
    out += "exchange: " + message.exchange + "\n";
    out += "routing key: " + message.routingKey + "\n";
    appendSorted(out, "properties", message.properties);
    appendSorted(out, "headers", message.headers);
    out += "payload:\n";
    if (auto pretty = prettyJson(message.payload);
        pretty && detectPayload(message.payload) == PayloadKind::Json) {
        out += *pretty;
    } else if (isText(message.payload)) {
        out += message.payload;
    } else {
        out += hexDump(message.payload);
    }
    out += '\n';
    return out;
}

}  // namespace sbx::inspect
