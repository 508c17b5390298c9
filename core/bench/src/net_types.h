#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <vector>

namespace sbx::bench {

using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;
using Endpoints = std::vector<boost::asio::ip::tcp::endpoint>;

}  // namespace sbx::bench
