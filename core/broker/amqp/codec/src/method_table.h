#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <variant>

#include "sbx/amqp/methods.h"

namespace sbx::amqp {

// (class id << 16 | method id): one number to sort and search methods by.
[[nodiscard]] constexpr std::uint32_t methodKey(std::uint16_t classId, std::uint16_t methodId) {
    return (std::uint32_t{classId} << 16) | methodId;
}

template <class M>
[[nodiscard]] constexpr std::uint32_t methodKey() {
    return methodKey(M::kClassId, M::kMethodId);
}

// One row per Method alternative, built at compile time from the structs' own ids, in
// variant order: `make(index)` returns what a row holds for that alternative.
template <class Row, class Make, std::size_t... Index>
constexpr std::array<Row, sizeof...(Index)> makeMethodTable(Make make,
                                                            std::index_sequence<Index...>) {
    return {make.template operator()<std::variant_alternative_t<Index, Method>>()...};
}

template <class Row, class Make>
constexpr auto makeMethodTable(Make make) {
    return makeMethodTable<Row>(make, std::make_index_sequence<std::variant_size_v<Method>>{});
}

// Binary search in a table sorted by `key`; nullptr when the key is not there.
template <class Row, std::size_t N>
[[nodiscard]] const Row* findMethodRow(const std::array<Row, N>& table, std::uint32_t key) {
    const auto row =
        std::lower_bound(table.begin(), table.end(), key,
                         [](const Row& each, std::uint32_t k) { return each.key < k; });
    return row != table.end() && row->key == key ? &*row : nullptr;
}

}  // namespace sbx::amqp
