// libFuzzer target for the AMQP 0-9-1 codec. The input is read three ways: as a
// connection's byte stream (optional protocol header, then frames), as one method frame
// payload, and as one content header payload (so mutations reach the decoders without
// having to keep the framing intact). Whatever decodes must round-trip: encoding it
// gives one frame that decodes again, to an equal value, and encodes to the same bytes.
// Crashes, sanitizer reports and broken round trips all abort.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <vector>

#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/field_codec.h"
#include "sbx/amqp/frame.h"
#include "sbx/amqp/protocol_header.h"

namespace {

namespace amqp = sbx::amqp;
using Bytes = std::vector<std::uint8_t>;

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "round trip broken: %s\n", what);
    std::abort();
}

// The one frame `bytes` must be, of the given type.
std::span<const std::uint8_t> onlyFrame(const Bytes& bytes, amqp::FrameType type) {
    const auto peek = amqp::peekFrame(bytes, 0);
    if (peek.status != amqp::FrameStatus::Complete || peek.frameSize != bytes.size() ||
        peek.frame.type != type) {
        fail("the encoder did not write exactly one frame");
    }
    return peek.frame.payload;
}

// A value equals itself unless it holds a NaN; only then is equality not expected.
template <class T>
void expectSame(const T& first, const T& again, const char* what) {
    if (first == first && !(again == first)) {
        fail(what);
    }
}

void checkMethod(const amqp::Method& method) {
    Bytes bytes;
    amqp::encodeMethodFrame(3, method, bytes);
    const auto again = amqp::decodeMethodFrame(onlyFrame(bytes, amqp::FrameType::Method));
    const auto* decoded = std::get_if<amqp::Method>(&again);
    if (decoded == nullptr) {
        std::fprintf(stderr, "%s\n", std::get<amqp::DecodeError>(again).text.c_str());
        fail("an encoded method does not decode");
    }
    expectSame(method, *decoded, "the re-decoded method differs");
    Bytes reencoded;
    amqp::encodeMethodFrame(3, *decoded, reencoded);
    if (reencoded != bytes) {
        fail("the re-decoded method encodes differently");
    }
}

void checkContentHeader(const amqp::ContentHeader& header) {
    Bytes bytes;
    amqp::encodeContentHeaderFrame(3, header.bodySize, header.properties, bytes);
    const auto again = amqp::decodeContentHeader(onlyFrame(bytes, amqp::FrameType::Header));
    const auto* decoded = std::get_if<amqp::ContentHeader>(&again);
    if (decoded == nullptr) {
        fail("an encoded content header does not decode");
    }
    expectSame(header, *decoded, "the re-decoded content header differs");
    Bytes reencoded;
    amqp::encodeContentHeaderFrame(3, decoded->bodySize, decoded->properties, reencoded);
    if (reencoded != bytes) {
        fail("the re-decoded content header encodes differently");
    }
}

void checkBody(std::span<const std::uint8_t> body) {
    Bytes frames;
    amqp::encodeBodyFrames(3, body, amqp::kFrameMinSize, frames);
    Bytes joined;
    std::span<const std::uint8_t> rest(frames);
    while (!rest.empty()) {
        const auto peek = amqp::peekFrame(rest, amqp::kFrameMinSize);
        if (peek.status != amqp::FrameStatus::Complete ||
            peek.frame.type != amqp::FrameType::Body) {
            fail("body frames do not frame");
        }
        joined.insert(joined.end(), peek.frame.payload.begin(), peek.frame.payload.end());
        rest = rest.subspan(peek.frameSize);
    }
    if (!std::equal(joined.begin(), joined.end(), body.begin(), body.end())) {
        fail("body frames do not join to the body");
    }
}

void decodeMethodPayload(std::span<const std::uint8_t> payload) {
    const auto result = amqp::decodeMethodFrame(payload);
    if (const auto* method = std::get_if<amqp::Method>(&result)) {
        checkMethod(*method);
    }
}

void decodeHeaderPayload(std::span<const std::uint8_t> payload) {
    const auto result = amqp::decodeContentHeader(payload);
    if (const auto* header = std::get_if<amqp::ContentHeader>(&result)) {
        checkContentHeader(*header);
    }
}

void decodeStream(std::span<const std::uint8_t> input) {
    const auto status = amqp::checkProtocolHeader(input);
    if (status == amqp::ProtocolHeaderStatus::Amqp091 ||
        status == amqp::ProtocolHeaderStatus::OtherAmqpVersion) {
        input = input.subspan(amqp::kProtocolHeader.size());
    }
    for (;;) {
        const auto peek = amqp::peekFrame(input, amqp::kDefaultFrameMax);
        if (peek.status != amqp::FrameStatus::Complete) {
            return;
        }
        switch (peek.frame.type) {
            case amqp::FrameType::Method:
                decodeMethodPayload(peek.frame.payload);
                break;
            case amqp::FrameType::Header:
                decodeHeaderPayload(peek.frame.payload);
                break;
            case amqp::FrameType::Body:
                checkBody(peek.frame.payload);
                break;
            case amqp::FrameType::Heartbeat:
                break;
        }
        input = input.subspan(peek.frameSize);
    }
}

void decodeTable(std::span<const std::uint8_t> input) {
    const auto result = amqp::decodeFieldTable(input);
    if (const auto* table = std::get_if<amqp::FieldTable>(&result)) {
        Bytes bytes;
        amqp::encodeFieldTable(*table, bytes);
        const auto again = amqp::decodeFieldTable(bytes);
        const auto* decoded = std::get_if<amqp::FieldTable>(&again);
        if (decoded == nullptr) {
            fail("an encoded field table does not decode");
        }
        expectSame(*table, *decoded, "the re-decoded field table differs");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> input(data, size);
    decodeStream(input);
    decodeMethodPayload(input);
    decodeHeaderPayload(input);
    decodeTable(input);
    return 0;
}
