// Store::Open and the connection set-up; the queries live in
// document_store.cc, conflict_store.cc and run_store.cc.
#include "store/store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/migration.h"
#include "store/migrator.h"
#include "store/run_lock.h"
#include "store/store_impl.h"

namespace claimcheck {
namespace {

// `status` with "<prefix>: " in front of its message, same code.
Status WithPrefix(const Status& status, const std::string& prefix) {
  std::string msg = prefix + ": " + status.message();
  switch (status.code()) {
    case Status::Code::kOk: return status;
    case Status::Code::kInvalidInput: return Status::InvalidInput(msg);
    case Status::Code::kNotFound: return Status::NotFound(msg);
    case Status::Code::kIoError: return Status::IoError(msg);
    case Status::Code::kDatabase: return Status::Database(msg);
    case Status::Code::kInternal: return Status::Internal(msg);
  }
  return Status::Internal(msg);
}

void Configure(SQLite::Database& db) {
  // 16 KB pages for a new file (a no-op on an existing one, whose pages stay as
  // they are): a conflict row is 1.5-3 KB, and 4 KB pages left 37% of the
  // conflicts table unused; saving the bench corpus's conflicts wrote 35% less
  // time (bench/RESULTS.md, fourth round). Set before WAL mode writes the header.
  db.exec("PRAGMA page_size = 16384");
  db.exec("PRAGMA foreign_keys = ON");
  // journal_mode answers with a row; ":memory:" databases stay in "memory" mode.
  SQLite::Statement wal(db, "PRAGMA journal_mode = WAL");
  while (wal.executeStep()) {
  }
  db.exec("PRAGMA synchronous = NORMAL");
  // A 64 MB page cache: with SQLite's 2 MB default, check on a large corpus
  // spent most of its time in pread (perf, bench/RESULTS.md). No mmap: the cache
  // bounds memory, a mapping would grow with the database file.
  db.exec("PRAGMA cache_size = -65536");
}

}  // namespace

Store::Store(std::unique_ptr<RunLock> lock, std::unique_ptr<StoreConnection> impl)
    : lock_(std::move(lock)), impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Access access) {
  std::unique_ptr<RunLock> lock;
  if (access == Access::kExclusive && !path.empty() && path != ":memory:") {
    Result<std::unique_ptr<RunLock>> acquired = RunLock::Acquire(path);
    if (!acquired.ok()) return acquired.status();
    lock = std::move(acquired.value());
  }
  std::unique_ptr<StoreConnection> impl;
  try {
    impl = std::make_unique<StoreConnection>(path);
  } catch (const SQLite::Exception& e) {
    return Status::Database("cannot open database " + path + ": " + e.what());
  }
  // Read-only checks first: journal_mode = WAL rewrites the header of a
  // rollback-journal file, and a refused file must stay as it was.
  const std::vector<Migration> migrations = EmbeddedMigrations();
  if (Status s = CheckCompatible(impl->db, migrations); !s.ok()) return WithPrefix(s, "database " + path);
  try {
    Configure(impl->db);
  } catch (const SQLite::Exception& e) {
    return Status::Database("cannot open database " + path + ": " + e.what());
  }
  if (Status s = Migrate(impl->db, migrations); !s.ok()) return WithPrefix(s, path);
  return std::unique_ptr<Store>(new Store(std::move(lock), std::move(impl)));
}

}  // namespace claimcheck
