#include "sqlite_db.h"

namespace sbx::observe::sqlite {

Error error(sqlite3* db, const std::filesystem::path& file, std::string_view doing) {
    const int code = db != nullptr ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM;
    const std::string detail = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    switch (code) {
        case SQLITE_NOTADB:
            return Error{ErrorCode::ParseError, file.string() +
                                                    " is not a Signalbox telemetry database (" +
                                                    detail + "); move it away or delete it"};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error{ErrorCode::IoError, "the telemetry database " + file.string() +
                                                 " is locked by another program (" + detail +
                                                 ") while " + std::string(doing)};
        default:
            return Error{ErrorCode::IoError,
                         std::string(doing) + " (" + file.string() + "): " + detail};
    }
}

Result<Database> open(const std::filesystem::path& file, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return error(db.get(), file, "cannot open the telemetry database");
    }
    sqlite3_extended_result_codes(db.get(), 1);
    return db;
}

Status execute(sqlite3* db, const std::filesystem::path& file, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return error(db, file, std::string("running \"") + sql + "\"");
    }
    return {};
}

Result<Statement> Statement::prepare(sqlite3* db, const std::filesystem::path& file,
                                     std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    // PERSISTENT: these statements live as long as the history, not one query.
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        return error(db, file, "preparing \"" + std::string(sql) + "\"");
    }
    return Statement(raw);
}

Status Statement::prepareInto(Statement& out, sqlite3* db, const std::filesystem::path& file,
                              std::string_view sql) {
    auto statement = prepare(db, file, sql);
    if (!statement) {
        return statement.error();
    }
    out = std::move(statement).value();
    return {};
}

std::string Statement::text(int column) {
    const auto* data = sqlite3_column_text(get(), column);
    const int size = sqlite3_column_bytes(get(), column);
    return data != nullptr
               ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
               : std::string();
}

}  // namespace sbx::observe::sqlite
