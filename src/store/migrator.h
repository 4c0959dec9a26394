// Migrator: brings a claimcheck database up to the schema this binary knows.
// Used only by Store::Open; the only code that writes schema_version,
// PRAGMA user_version and PRAGMA application_id.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "store/migration.h"

namespace SQLite {
class Database;
}

namespace claimcheck {

// "CCHK": written to PRAGMA application_id so `file` and other tools can tell
// a claimcheck database apart; Migrate refuses databases carrying another id.
inline constexpr int kApplicationId = 0x4343484B;

// Read-only checks that `db` is a database this binary may migrate: a SQLite
// file (not some other file), a claimcheck database (or an empty one), and a
// schema version no newer than the last of `migrations`. Writes nothing, so a
// refused file is left byte for byte as it was. Store::Open runs it before
// switching the journal to WAL (which would rewrite the file header).
// Errors: Database, naming the reason (and both versions when too new).
Status CheckCompatible(SQLite::Database& db, const std::vector<Migration>& migrations);

// Applies every migration in `migrations` newer than the database's
// PRAGMA user_version, each in its own transaction that also appends a row
// to schema_version(version, applied_at) and sets user_version to its number.
// A migration whose text holds the line "-- requires: fts5" is recorded but
// not run when SQLite lacks FTS5.
// Errors: Database when the database's version is newer than the last
// migration (written by a newer claimcheck), or when it is not a claimcheck
// database; Internal when `migrations` is not numbered 1..N; Database when a
// statement fails (that migration is rolled back, earlier ones stay).
Status Migrate(SQLite::Database& db, const std::vector<Migration>& migrations);

// The user_version of `db` (0 for a new database).
int SchemaVersion(SQLite::Database& db);

}  // namespace claimcheck
