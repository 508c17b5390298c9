#pragma once

#include "mosquitto.h"

namespace sbx::test {

// One mosquitto for all tests of this binary (ctest runs each test in a process of its
// own, so that is one per test there and one in all when the binary runs alone).
inline Mosquitto& sharedBroker() {
    static Mosquitto broker;
    return broker;
}

}  // namespace sbx::test
