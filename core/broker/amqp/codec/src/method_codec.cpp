#include <string>

#include "method_field_reader.h"
#include "method_field_writer.h"
#include "method_fields.h"
#include "method_table.h"
#include "sbx/amqp/codec.h"
#include "sbx/amqp/frame.h"

namespace sbx::amqp {

namespace {

using Decoder = MethodDecodeResult (*)(std::span<const std::uint8_t>);

template <class M>
MethodDecodeResult decodeAs(std::span<const std::uint8_t> arguments) {
    M method;
    MethodFieldReader reader(arguments, M::kName);
    describe(method, reader);
    if (auto failure = reader.finish()) {
        return std::move(*failure);
    }
    return Method{std::move(method)};
}

struct DecoderRow {
    std::uint32_t key = 0;
    Decoder decode = nullptr;
};

constexpr auto kDecoders = makeMethodTable<DecoderRow>([]<class M>() {
    return DecoderRow{methodKey<M>(), &decodeAs<M>};
});
static_assert(std::is_sorted(kDecoders.begin(), kDecoders.end(),
                             [](const DecoderRow& a, const DecoderRow& b) {
                                 return a.key < b.key;
                             }),
              "Method alternatives must be in (class id, method id) order");

constexpr std::size_t kMethodIdsSize = 4;

}  // namespace

MethodDecodeResult decodeMethod(std::uint16_t classId, std::uint16_t methodId,
                                std::span<const std::uint8_t> arguments) {
    const auto* row = findMethodRow(kDecoders, methodKey(classId, methodId));
    if (row == nullptr) {
        return DecodeError{ReplyCode::NotImplemented, "unknown method: class " +
                                                          std::to_string(classId) + ", method " +
                                                          std::to_string(methodId)};
    }
    return row->decode(arguments);
}

MethodDecodeResult decodeMethodFrame(std::span<const std::uint8_t> payload) {
    WireReader reader(payload);
    std::uint16_t classId = 0;
    std::uint16_t methodId = 0;
    if (!reader.shortUint(classId) || !reader.shortUint(methodId)) {
        return DecodeError{ReplyCode::FrameError,
                           "method frame payload of " + std::to_string(payload.size()) +
                               " bytes is too short for a class and method id"};
    }
    return decodeMethod(classId, methodId, payload.subspan(kMethodIdsSize));
}

void encodeMethodFrame(std::uint16_t channel, const Method& method,
                       std::vector<std::uint8_t>& out) {
    const auto payloadStart = beginFrame(FrameType::Method, channel, out);
    WireWriter writer(out);
    std::visit(
        [&writer](const auto& typed) {
            using M = std::decay_t<decltype(typed)>;
            writer.shortUint(M::kClassId);
            writer.shortUint(M::kMethodId);
            MethodFieldWriter fields(writer);
            describe(typed, fields);
        },
        method);
    finishFrame(payloadStart, out);
}

}  // namespace sbx::amqp
