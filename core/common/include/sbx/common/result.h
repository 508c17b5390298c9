#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "sbx/common/error.h"

namespace sbx {

// Result<T> is either a value or an Error; C++20 lacks std::expected, and exceptions
// must not cross module or plugin boundaries. A module whose errors carry more than an
// Error (the AMQP reply code, say) names its own error type as E.
template <typename T, typename E = Error>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(E error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

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
    [[nodiscard]] const E& error() const {
        assert(!ok());
        return std::get<E>(state_);
    }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, E> state_;
};

// Result<void>: success carries nothing.
template <typename E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    Result(E error) : error_(std::move(error)), failed_(true) {}  // NOLINT

    [[nodiscard]] bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const E& error() const {
        assert(failed_);
        return error_;
    }

private:
    E error_;
    bool failed_ = false;
};

using Status = Result<void>;

}  // namespace sbx
