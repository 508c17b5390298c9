#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sbx/observe/observed_message.h"

namespace sbx::inspect {

// One line of a line diff.
struct DiffLine {
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    std::string text;
    friend bool operator==(const DiffLine&, const DiffLine&) = default;
};

// Lines of `before` and `after` aligned on their longest common subsequence. Inputs
// beyond kMaxLines lines each are compared by their first kMaxLines only, so a huge
// payload cannot stall the GUI.
[[nodiscard]] std::vector<DiffLine> diffLines(std::string_view before, std::string_view after);
inline constexpr std::size_t kMaxDiffLines = 5000;

// `diff -u` style text with the given labels and `context` lines around changes.
[[nodiscard]] std::string unifiedDiff(std::string_view before, std::string_view after,
                                      std::string_view beforeLabel, std::string_view afterLabel,
                                      std::size_t context = 3);

// A message as comparable text: routing, properties and headers sorted by name, then the
// payload (pretty-printed when it is JSON).
[[nodiscard]] std::string describeForDiff(const observe::ObservedMessage& message);

}  // namespace sbx::inspect
