#include "sbx/observe/hop_event.h"

namespace sbx::observe {

std::string_view toString(HopKind kind) {
    switch (kind) {
        case HopKind::Published:
            return "published";
        case HopKind::Routed:
            return "routed";
        case HopKind::Delivered:
            return "delivered";
        case HopKind::Acked:
            return "acked";
        case HopKind::Dropped:
            return "dropped";
        case HopKind::Expired:
            return "expired";
        case HopKind::Nacked:
            return "nacked";
        case HopKind::Requeued:
            return "requeued";
        case HopKind::DeadLettered:
            return "dead-lettered";
        case HopKind::Returned:
            return "returned";
    }
    return "unknown";
}

}  // namespace sbx::observe
