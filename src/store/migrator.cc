#include "store/migrator.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <string>

namespace claimcheck {
namespace {

constexpr std::string_view kRequiresFts5 = "-- requires: fts5";

bool HasFts5(SQLite::Database& db) {
  SQLite::Statement query(db, "SELECT sqlite_compileoption_used('ENABLE_FTS5')");
  return query.executeStep() && query.getColumn(0).getInt() == 1;
}

// Refuses a database written by someone else: another application_id, or
// tables but neither our application_id nor a user_version.
Status CheckOwnership(SQLite::Database& db) {
  int app_id = db.execAndGet("PRAGMA application_id").getInt();
  if (app_id == kApplicationId) return Status::Ok();
  if (app_id != 0) {
    return Status::Database("not a claimcheck database (PRAGMA application_id is " +
                            std::to_string(app_id) + ")");
  }
  SQLite::Statement tables(db, "SELECT COUNT(*) FROM sqlite_master WHERE name <> ?");
  tables.bind(1, "schema_version");
  tables.executeStep();
  if (SchemaVersion(db) == 0 && tables.getColumn(0).getInt() > 0) {
    return Status::Database("not a claimcheck database (it holds tables but no schema version)");
  }
  return Status::Ok();
}

Status CheckNumbering(const std::vector<Migration>& migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return Status::Internal("embedded migration " + std::string(migrations[i].name) +
                              " is out of sequence (expected version " + std::to_string(i + 1) +
                              ")");
    }
  }
  return Status::Ok();
}

void Apply(SQLite::Database& db, const Migration& migration, bool has_fts5) {
  // IMMEDIATE: two processes opening a new file at once take turns, and the
  // second finds the migration already applied.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (SchemaVersion(db) >= migration.version) return;
  bool skip = !has_fts5 && migration.sql.find(kRequiresFts5) != std::string_view::npos;
  if (!skip) db.exec(std::string(migration.sql));
  SQLite::Statement record(db,
                           "INSERT INTO schema_version(version, applied_at) "
                           "VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  record.bind(1, migration.version);
  record.exec();
  // PRAGMA takes no bound parameters; both values are integers from this binary.
  db.exec("PRAGMA user_version = " + std::to_string(migration.version));
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  transaction.commit();
}

}  // namespace

int SchemaVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

Status CheckCompatible(SQLite::Database& db, const std::vector<Migration>& migrations) {
  try {
    if (Status s = CheckOwnership(db); !s.ok()) return s;
    int version = SchemaVersion(db);
    int known = static_cast<int>(migrations.size());
    if (version > known) {
      return Status::Database("database schema version " + std::to_string(version) +
                              " is newer than this claimcheck supports (" + std::to_string(known) +
                              "); use a newer claimcheck or another database file (the file was "
                              "not changed)");
    }
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) {
      return Status::Database("not a SQLite database (" + std::string(e.what()) +
                              "); the file was not changed: give --db a claimcheck database "
                              "or a new file name");
    }
    return Status::Database(std::string("cannot read the database: ") + e.what());
  }
  return Status::Ok();
}

Status Migrate(SQLite::Database& db, const std::vector<Migration>& migrations) {
  if (Status s = CheckNumbering(migrations); !s.ok()) return s;
  if (Status s = CheckCompatible(db, migrations); !s.ok()) return s;
  const Migration* current = nullptr;
  try {
    int version = SchemaVersion(db);
    int known = static_cast<int>(migrations.size());
    if (version == known) return Status::Ok();
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT");
    bool has_fts5 = HasFts5(db);
    for (const Migration& migration : migrations) {
      if (migration.version <= version) continue;
      current = &migration;
      Apply(db, migration, has_fts5);
    }
  } catch (const SQLite::Exception& e) {
    std::string where = current ? " in " + std::string(current->name) : "";
    return Status::Database("migration failed" + where + ": " + e.what());
  }
  return Status::Ok();
}

}  // namespace claimcheck
