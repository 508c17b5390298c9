// Hot-path costs of the AMQP codec: a publish as the broker receives it (method, content
// header, body frames: framed and decoded, the body only viewed), and a delivery encoded
// into a reused buffer. Run by hand: build/<dir>/tests/unit/amqp_codec/sbx_bench_amqp_codec
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"

namespace sbx::amqp {
namespace {

BasicProperties sampleProperties() {
    BasicProperties properties;
    properties.contentType = "application/json";
    properties.deliveryMode = 2;
    properties.messageId = "0af7651916cd43dd8448eb211c80319c";
    properties.headers.emplace();
    properties.headers->set("trace", std::string("00-0af7651916cd43dd-01"));
    return properties;
}

std::vector<std::uint8_t> publishBytes(std::size_t bodySize) {
    std::vector<std::uint8_t> bytes;
    BasicPublish publish;
    publish.exchange = "amq.topic";
    publish.routingKey = "factory.line-3.press.temperature";
    encodeMethodFrame(1, publish, bytes);
    encodeContentHeaderFrame(1, bodySize, sampleProperties(), bytes);
    const std::vector<std::uint8_t> body(bodySize, 'p');
    encodeBodyFrames(1, body, kDefaultFrameMax, bytes);
    return bytes;
}

void BM_DecodePublish(benchmark::State& state) {
    const auto bytes = publishBytes(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        std::span<const std::uint8_t> rest(bytes);
        std::size_t bodyBytes = 0;
        while (!rest.empty()) {
            const auto peek = peekFrame(rest, kDefaultFrameMax);
            if (peek.frame.type == FrameType::Method) {
                auto method = decodeMethodFrame(peek.frame.payload);
                benchmark::DoNotOptimize(method);
            } else if (peek.frame.type == FrameType::Header) {
                auto header = decodeContentHeader(peek.frame.payload);
                benchmark::DoNotOptimize(header);
            } else {
                bodyBytes += peek.frame.payload.size();
            }
            rest = rest.subspan(peek.frameSize);
        }
        benchmark::DoNotOptimize(bodyBytes);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_DecodePublish)->Arg(16)->Arg(1024)->Arg(65536)->Arg(1 << 20);

void BM_EncodeDeliver(benchmark::State& state) {
    const std::vector<std::uint8_t> body(static_cast<std::size_t>(state.range(0)), 'd');
    const auto properties = sampleProperties();
    BasicDeliver deliver;
    deliver.consumerTag = "amq.ctag-0af7651916cd43dd";
    deliver.exchange = "amq.topic";
    deliver.routingKey = "factory.line-3.press.temperature";
    std::vector<std::uint8_t> buffer;
    for (auto _ : state) {
        buffer.clear();  // the broker reuses its write buffer
        deliver.deliveryTag++;
        encodeMethodFrame(1, deliver, buffer);
        encodeContentHeaderFrame(1, body.size(), properties, buffer);
        encodeBodyFrames(1, body, kDefaultFrameMax, buffer);
        benchmark::DoNotOptimize(buffer.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * buffer.size()));
}
BENCHMARK(BM_EncodeDeliver)->Arg(16)->Arg(1024)->Arg(65536)->Arg(1 << 20);

}  // namespace
}  // namespace sbx::amqp

BENCHMARK_MAIN();
