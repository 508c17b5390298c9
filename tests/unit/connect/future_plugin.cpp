// A plugin built for a connector API this program does not have.
#include "sbx/connect/connector.h"

SBX_CONNECTOR_EXPORT int sbx_connector_api_version() {
    return 999;
}
SBX_CONNECTOR_EXPORT sbx::connect::Connector* sbx_connector_create() {
    return nullptr;
}
SBX_CONNECTOR_EXPORT void sbx_connector_destroy(sbx::connect::Connector*) {}
