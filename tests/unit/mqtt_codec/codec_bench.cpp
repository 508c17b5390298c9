// Hot-path costs of the MQTT codec: framing plus decoding, and encoding into a reused
// buffer. Run by hand: build/<dir>/tests/unit/mqtt_codec/sbx_bench_mqtt_codec
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sbx/mqtt/codec.h"

namespace sbx::mqtt {
namespace {

Publish samplePublish(std::size_t payloadSize) {
    Publish publish{
        "factory/line-3/press/temperature", std::string(payloadSize, 'p'), 1, false, false, 42, {}};
    publish.properties.messageExpiryInterval = 60;
    publish.properties.userProperties = {{"trace", "0af7651916cd43dd8448eb211c80319c"}};
    return publish;
}

void decodeLoop(benchmark::State& state, const std::vector<std::uint8_t>& bytes,
                ProtocolVersion version) {
    for (auto _ : state) {
        FrameHeader header;
        if (peekFrame(bytes, header) != FrameStatus::Complete) {
            state.SkipWithError("not a frame");
            break;
        }
        auto packet = decodePacket(header, std::span(bytes).subspan(header.headerSize), version);
        benchmark::DoNotOptimize(packet);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_DecodePublish(benchmark::State& state) {
    const auto version = state.range(1) == 5 ? ProtocolVersion::V5 : ProtocolVersion::V311;
    std::vector<std::uint8_t> bytes;
    encodePacket(samplePublish(static_cast<std::size_t>(state.range(0))), version, bytes);
    decodeLoop(state, bytes, version);
}
BENCHMARK(BM_DecodePublish)->ArgsProduct({{16, 1024, 65536}, {4, 5}});

void BM_EncodePublish(benchmark::State& state) {
    const auto publish = samplePublish(static_cast<std::size_t>(state.range(0)));
    std::vector<std::uint8_t> buffer;
    for (auto _ : state) {
        buffer.clear();  // the broker reuses its write buffer
        encodePacket(publish, ProtocolVersion::V5, buffer);
        benchmark::DoNotOptimize(buffer.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * buffer.size()));
}
BENCHMARK(BM_EncodePublish)->Arg(16)->Arg(1024)->Arg(65536);

void BM_DecodePuback(benchmark::State& state) {
    const std::vector<std::uint8_t> bytes{0x40, 0x02, 0x00, 0x2A};
    decodeLoop(state, bytes, ProtocolVersion::V5);
}
BENCHMARK(BM_DecodePuback);

void BM_DecodeSubscribe(benchmark::State& state) {
    Subscribe subscribe{7, {}, {}};
    for (int index = 0; index < state.range(0); ++index) {
        subscribe.entries.push_back(
            {"site/" + std::to_string(index) + "/+/status", 1, false, false, 0});
    }
    std::vector<std::uint8_t> bytes;
    encodePacket(subscribe, ProtocolVersion::V5, bytes);
    decodeLoop(state, bytes, ProtocolVersion::V5);
}
BENCHMARK(BM_DecodeSubscribe)->Arg(1)->Arg(32);

}  // namespace
}  // namespace sbx::mqtt
BENCHMARK_MAIN();
