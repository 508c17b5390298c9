#include "sbx/observe/broker_snapshot.h"

namespace sbx::observe {

std::string_view toString(DestinationKind kind) {
    switch (kind) {
        case DestinationKind::Exchange:
            return "exchange";
        case DestinationKind::Queue:
            return "queue";
        case DestinationKind::Stream:
            return "stream";
        case DestinationKind::Topic:
            return "topic";
    }
    return "unknown";
}

}  // namespace sbx::observe
