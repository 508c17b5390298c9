#include "sbx/amqp/methods.h"

#include "method_table.h"

namespace sbx::amqp {

namespace {

struct NameRow {
    std::uint32_t key = 0;
    std::string_view name;
};

constexpr auto kNames = makeMethodTable<NameRow>([]<class M>() {
    return NameRow{methodKey<M>(), M::kName};
});

}  // namespace

std::uint16_t classIdOf(const Method& method) {
    return std::visit([](const auto& typed) { return std::decay_t<decltype(typed)>::kClassId; },
                      method);
}

std::uint16_t methodIdOf(const Method& method) {
    return std::visit([](const auto& typed) { return std::decay_t<decltype(typed)>::kMethodId; },
                      method);
}

std::string_view nameOf(const Method& method) {
    return std::visit([](const auto& typed) { return std::decay_t<decltype(typed)>::kName; },
                      method);
}

bool carriesContent(const Method& method) {
    return std::holds_alternative<BasicPublish>(method) ||
           std::holds_alternative<BasicReturn>(method) ||
           std::holds_alternative<BasicDeliver>(method) ||
           std::holds_alternative<BasicGetOk>(method);
}

std::string_view methodName(std::uint16_t classId, std::uint16_t methodId) {
    const auto* row = findMethodRow(kNames, methodKey(classId, methodId));
    return row == nullptr ? std::string_view("unknown") : row->name;
}

}  // namespace sbx::amqp
