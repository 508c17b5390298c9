#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sbx::inspect {

// Interned strings with reference counts: each distinct text is stored once and named by
// a 32-bit id (0 is the empty string), and freed when its last user releases it. The
// trace index keeps a hundred thousand hop events whose texts (client, destination,
// protocol, ...) repeat from event to event; as ids an event is a fifth of its size.
class StringPool {
public:
    StringPool();

    // The id of `text` with one more reference (0, unreferenced, for the empty string).
    std::uint32_t acquire(std::string_view text);
    void release(std::uint32_t id);
    [[nodiscard]] const std::string& text(std::uint32_t id) const;
    // Distinct texts held (the empty string not counted).
    [[nodiscard]] std::size_t size() const { return ids_.size(); }
    void clear();

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct Entry {
        const std::string* text = nullptr;  // the key in ids_ (node keys do not move)
        std::uint32_t references = 0;
    };

    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
    std::vector<Entry> entries_;  // by id; entries_[0] is the empty string
    std::vector<std::uint32_t> free_;
};

}  // namespace sbx::inspect
