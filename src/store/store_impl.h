// StoreConnection and the helpers shared by the store_*.cc files: the SQLite
// connection, a cache of prepared statements, binding helpers and the guard
// that turns SQLite::Exception into Status. Internal to src/store.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include "base/status.h"
#include "base/strings.h"
#include "model/conflict_ids.h"
#include "store/store.h"

namespace claimcheck {

// Every write transaction takes SQLite's write lock at BEGIN: a deferred
// transaction that reads first and then writes fails at once (SQLITE_BUSY,
// no busy wait) when another connection committed in between, whereas an
// IMMEDIATE one waits up to the busy timeout for the other writer.
inline constexpr SQLite::TransactionBehavior kWriteTransaction = SQLite::TransactionBehavior::IMMEDIATE;

// A prepared statement borrowed from the cache; reset when the lease ends so
// no read transaction lingers.
class StatementLease {
 public:
  explicit StatementLease(SQLite::Statement& statement) : statement_(statement) {}
  ~StatementLease() { statement_.tryReset(); }
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  SQLite::Statement* operator->() { return &statement_; }
  SQLite::Statement& operator*() { return statement_; }

 private:
  SQLite::Statement& statement_;
};

struct StoreConnection {
  explicit StoreConnection(const std::string& path)
      : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, /*busy_timeout_ms=*/5000) {}
  // Waits for the background checkpoint, if one runs.
  ~StoreConnection();

  // Copies what the write-ahead log holds into the database file (a PASSIVE
  // checkpoint) on a thread and a connection of its own, while this connection
  // goes on: after a large commit made without SQLite's own checkpoint (which would
  // run in the committing thread, fsyncs included: 1.0 s of fdatasync alone at
  // 100k articles after a night's check), the report reads meanwhile. One at a
  // time: a second start waits for the first. A checkpoint that fails leaves the
  // log to the next one (SQLite checkpoints at later commits and when the last
  // connection closes). Nothing for a database without a file.
  void StartBackgroundCheckpoint();

  // The cached statement for `sql` (a string with static storage duration,
  // used as the key), reset with all bindings cleared.
  StatementLease Prepare(const char* sql) {
    std::unique_ptr<SQLite::Statement>& slot = statements[sql];
    if (!slot) {
      slot = std::make_unique<SQLite::Statement>(db, sql);
    } else {
      slot->reset();
      slot->clearBindings();
    }
    return StatementLease(*slot);
  }

  SQLite::Database db;  // declared first: destroyed after the statements
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;
  std::thread checkpointer;  // StartBackgroundCheckpoint's, joined before `db` closes
};

// Column `i` of the current row of `st` as text ("" for NULL), valid until `st`
// steps again.
inline std::string_view TextAt(const SQLite::Statement& st, int i) {
  const SQLite::Column column = st.getColumn(i);
  return std::string_view(column.getText(), static_cast<size_t>(column.getBytes()));
}

// For every active conflict in id order: fn(id, state), `state` positioned on its
// conflict_state row as `state_sql` selects it (conflict_id first, ORDER BY
// conflict_id), or nullptr when it has none. The active ids (conflicts_active_id)
// and the state rows (the table's own order) are read side by side, two scans
// instead of a seek per conflict (1.1 s -> 0.25 s for 1.7 million at 100k
// articles). Throws SQLite::Exception.
template <typename Fn>
void ForEachActiveState(StoreConnection& impl, const char* state_sql, Fn&& fn) {
  StatementLease active = impl.Prepare("SELECT id FROM conflicts WHERE active = 1 ORDER BY id");
  StatementLease state = impl.Prepare(state_sql);
  bool more = state->executeStep();
  while (active->executeStep()) {
    const std::string_view id = TextAt(*active, 0);
    while (more && TextAt(*state, 0) < id) more = state->executeStep();
    fn(id, more && TextAt(*state, 0) == id ? &*state : nullptr);
  }
}

// Runs `fn`, converting a SQLite::Exception into Status::Database("<what>: ...").
template <typename Fn>
auto Guarded(const std::string& what, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const SQLite::Exception& e) {
    return Status::Database(what + ": " + e.what());
  }
}

// Stores `inputs_key` (NULL when empty) as the key of the check of run `run_id`
// (check_state); inside the caller's write transaction. Defined in check_state.cc.
void WriteCheckKey(StoreConnection& impl, int64_t run_id, const std::string& inputs_key);

// The digest of a set of active conflicts, whatever the order they are added
// in: each (id, content hash) is hashed and the hashes summed, with the count.
class ActiveSetDigest {
 public:
  void Add(std::string_view id, std::string_view content_hash) {
    uint64_t h = Fnv1a64(content_hash, Fnv1a64("\x1f", Fnv1a64(id)));
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;  // splitmix64's finalizer
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
    sum_ += h ^ (h >> 31);
    ++count_;
  }
  std::string ToString() const { return std::to_string(count_) + " " + Hex64(sum_); }

 private:
  uint64_t sum_ = 0;
  int64_t count_ = 0;
};

// Every active conflict's id with its stored content hash (conflict_state; "" when
// it has none), sealed. Defined in conflict_store.cc.
ConflictIdTable ActiveContentHashes(StoreConnection& impl);

// Stores the digest of the active conflicts just saved (check_state); inside the
// caller's write transaction, after WriteCheckKey. Defined in check_state.cc.
void WriteConflictsDigest(StoreConnection& impl, const std::string& digest);

// Binds NULL for nullopt, by parameter position (1-based; no lookup of a name per value).
inline void BindOptionalAt(SQLite::Statement& st, int index, const std::optional<double>& v) {
  if (v) {
    st.bind(index, *v);
  } else {
    st.bind(index);
  }
}

// Binds NULL for ids <= 0 ("no row").
inline void BindIdAt(SQLite::Statement& st, int index, int64_t id) {
  if (id > 0) {
    st.bind(index, id);
  } else {
    st.bind(index);
  }
}

inline std::optional<double> OptionalDouble(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getDouble();
}

}  // namespace claimcheck
