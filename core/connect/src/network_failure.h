#pragma once

#include <boost/system/error_code.hpp>
#include <chrono>
#include <string>

#include "sbx/common/error.h"

namespace sbx::connect {

// Sentences for what went wrong on the wire, in the words of someone who has to fix it.
Error resolveError(const std::string& host, const boost::system::error_code& ec);
Error connectError(const std::string& peer, const boost::system::error_code& ec);
Error tlsHandshakeError(const std::string& peer, const boost::system::error_code& ec);
Error transferError(const std::string& peer, const boost::system::error_code& ec);
Error timeoutError(const std::string& peer, std::chrono::milliseconds timeout,
                   const std::string& during);
Error closedError(const std::string& peer);

}  // namespace sbx::connect
