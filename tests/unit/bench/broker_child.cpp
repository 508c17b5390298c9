#include "broker_child.h"

namespace sbx::test {

SbxBroker::SbxBroker(const std::string& sbxPath)
    : process({sbxPath, "broker", "--mqtt-port", "0", "--sys-interval", "0"}) {
    const auto line = process.readLineContaining("listening mqtt ", std::chrono::seconds(20));
    const auto colon = line.rfind(':');
    if (colon != std::string::npos) {
        port = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
    }
}

}  // namespace sbx::test
