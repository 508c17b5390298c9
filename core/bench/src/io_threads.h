#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <optional>
#include <thread>
#include <vector>

namespace sbx::bench {

// The I/O threads of one benchmark run: an io_context kept alive by a work guard until
// stop(), which also joins the threads. Clients that use io() must be destroyed after
// stop() and before this (declare them after it).
class IoThreads {
public:
    explicit IoThreads(unsigned count) : count_(count), io_(static_cast<int>(count)) {}
    ~IoThreads() { stop(); }
    IoThreads(const IoThreads&) = delete;
    IoThreads& operator=(const IoThreads&) = delete;

    [[nodiscard]] boost::asio::io_context& io() { return io_; }
    [[nodiscard]] unsigned count() const { return count_; }

    void start() {
        work_.emplace(io_.get_executor());
        for (unsigned i = 0; i < count_; ++i) {
            threads_.emplace_back([this] { io_.run(); });
        }
    }

    void stop() {
        work_.reset();
        io_.stop();
        for (auto& thread : threads_) {
            thread.join();
        }
        threads_.clear();
    }

private:
    unsigned count_;
    boost::asio::io_context io_;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
    std::vector<std::thread> threads_;
};

}  // namespace sbx::bench
