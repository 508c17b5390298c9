#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "sbx/common/result.h"

// A minimal RAII layer over SQLite for the telemetry database, modelled on core/store's
// sqlite_handle.h (which is private to sbx::store), plus the double binds telemetry needs.
namespace sbx::observe::sqlite {

struct DatabaseCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

// Turns the connection's last error into text a user can act on: the file is not a
// database, is locked by another program, or a plain I/O error.
[[nodiscard]] Error error(sqlite3* db, const std::filesystem::path& file, std::string_view doing);

[[nodiscard]] Result<Database> open(const std::filesystem::path& file, int flags);
[[nodiscard]] Status execute(sqlite3* db, const std::filesystem::path& file, const char* sql);

// Prepared once, reused: bind, step, and reset (automatically, by Scope).
class Statement {
public:
    Statement() = default;  // empty until assigned a prepared one
    [[nodiscard]] static Result<Statement> prepare(sqlite3* db, const std::filesystem::path& file,
                                                   std::string_view sql);

    // Prepares `sql` into `out`, for structs of statements prepared one after another.
    [[nodiscard]] static Status prepareInto(Statement& out, sqlite3* db,
                                            const std::filesystem::path& file,
                                            std::string_view sql);

    void bind(int index, std::int64_t value) { sqlite3_bind_int64(get(), index, value); }
    void bind(int index, double value) { sqlite3_bind_double(get(), index, value); }
    // Bound without copying: the text must outlive the step.
    void bind(int index, std::string_view text) {
        sqlite3_bind_text64(get(), index, text.data() != nullptr ? text.data() : "", text.size(),
                            SQLITE_STATIC, SQLITE_UTF8);
    }

    int step() { return sqlite3_step(get()); }

    [[nodiscard]] std::int64_t int64(int column) { return sqlite3_column_int64(get(), column); }
    [[nodiscard]] double real(int column) { return sqlite3_column_double(get(), column); }
    [[nodiscard]] std::string text(int column);

    // Resets and unbinds when a scope ends, so no statement keeps a read open or a
    // pointer into a caller's string.
    class Scope {
    public:
        explicit Scope(Statement& statement) : statement_(statement) {}
        ~Scope() {
            sqlite3_reset(statement_.get());
            sqlite3_clear_bindings(statement_.get());
        }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        Statement& statement_;
    };

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
    };
    explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
    sqlite3_stmt* get() const { return statement_.get(); }

    std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

}  // namespace sbx::observe::sqlite
