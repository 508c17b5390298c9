#include "sqlite_handle.h"

namespace sbx::store {

Error sqliteError(sqlite3* db, std::string_view doing) {
    std::string message(doing);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    return Error{ErrorCode::IoError, std::move(message)};
}

Result<DatabaseHandle> openDatabase(const std::filesystem::path& file, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    DatabaseHandle db(raw);
    if (rc != SQLITE_OK) {
        return sqliteError(db.get(), "cannot open " + file.string());
    }
    sqlite3_extended_result_codes(db.get(), 1);
    return db;
}

Status execute(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return sqliteError(db, sql);
    }
    return {};
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    // PERSISTENT: these statements live as long as the store, not one query.
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        return sqliteError(db, "cannot prepare \"" + std::string(sql) + "\"");
    }
    return Statement(raw);
}

void Statement::bindText(int index, std::string_view text) {
    // A null pointer would bind NULL; an empty string must stay an empty string.
    const char* data = text.data() != nullptr ? text.data() : "";
    noteBind(sqlite3_bind_text64(statement_.get(), index, data, text.size(), SQLITE_STATIC,
                                 SQLITE_UTF8));
}

void Statement::bindBlob(int index, std::string_view bytes) {
    const char* data = bytes.data() != nullptr ? bytes.data() : "";
    noteBind(sqlite3_bind_blob64(statement_.get(), index, data, bytes.size(), SQLITE_STATIC));
}

void Statement::bindInt64(int index, std::int64_t value) {
    noteBind(sqlite3_bind_int64(statement_.get(), index, value));
}

void Statement::noteBind(int rc) {
    if (rc != SQLITE_OK && bindError_ == SQLITE_OK) {
        bindError_ = rc;
    }
}

int Statement::step() {
    // A failed bind (e.g. a blob over SQLite's size limit) must not run with NULL instead.
    return bindError_ != SQLITE_OK ? bindError_ : sqlite3_step(statement_.get());
}

void Statement::reset() {
    sqlite3_reset(statement_.get());
    sqlite3_clear_bindings(statement_.get());
    bindError_ = SQLITE_OK;
}

std::int64_t Statement::columnInt64(int index) const {
    return sqlite3_column_int64(statement_.get(), index);
}

std::string Statement::columnBytes(int index) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(statement_.get(), index));
    const int size = sqlite3_column_bytes(statement_.get(), index);
    return data != nullptr ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::optional<Statement> StatementPreparer::operator()(const char* sql) {
    if (failure_) {
        return std::nullopt;
    }
    auto statement = Statement::prepare(db_, sql);
    if (!statement) {
        failure_ = statement.error();
        return std::nullopt;
    }
    return std::move(statement).value();
}

}  // namespace sbx::store
