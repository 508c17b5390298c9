#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "sbx/broker/amqp/reply_code.h"

namespace sbx::broker::amqp {

// sbx::Result<T> with an AmqpError: the same shape, but the error keeps the AMQP reply
// code the connection layer must send (sbx::Error has no slot for it). toError()
// converts for callers that only want the house error.
template <typename T>
class [[nodiscard]] AmqpResult {
public:
    AmqpResult(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    AmqpResult(AmqpError error)
        : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() & {
        assert(ok());
        return std::get<T>(state_);
    }
    [[nodiscard]] const T& value() const& {
        assert(ok());
        return std::get<T>(state_);
    }
    [[nodiscard]] T&& value() && {
        assert(ok());
        return std::get<T>(std::move(state_));
    }
    [[nodiscard]] const AmqpError& error() const {
        assert(!ok());
        return std::get<AmqpError>(state_);
    }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, AmqpError> state_;
};

template <>
class [[nodiscard]] AmqpResult<void> {
public:
    AmqpResult() = default;
    AmqpResult(AmqpError error) : error_(std::move(error)), failed_(true) {}  // NOLINT

    [[nodiscard]] bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const AmqpError& error() const {
        assert(failed_);
        return error_;
    }

private:
    AmqpError error_;
    bool failed_ = false;
};

using AmqpStatus = AmqpResult<void>;

}  // namespace sbx::broker::amqp
