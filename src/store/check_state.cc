// Store methods for the check's state: a digest of what a check reads, and the
// key of the last check (check_state, db/migrations/0011), so a run whose check
// would read the same keeps the active conflicts instead of computing them again.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "base/strings.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claimcheck {

void WriteCheckKey(StoreConnection& impl, int64_t run_id, const std::string& inputs_key) {
  StatementLease st = impl.Prepare(
      "INSERT INTO check_state(id, inputs_key, run_id) VALUES (1, ?1, ?2) "
      "ON CONFLICT(id) DO UPDATE SET inputs_key = excluded.inputs_key, run_id = excluded.run_id");
  if (inputs_key.empty()) {
    st->bind(1);  // NULL: the next check runs in full
  } else {
    st->bindNoCopy(1, inputs_key);
  }
  BindIdAt(*st, 2, run_id);
  st->exec();
}

Result<std::string> Store::CheckInputsDigest() {
  return Guarded("CheckInputsDigest", [&]() -> Result<std::string> {
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    uint64_t h = Fnv1a64("claimcheck check inputs v1");
    int64_t documents = 0;
    {
      // The covering index documents_file_hash: no document text is read.
      StatementLease st = impl_->Prepare("SELECT id, file, content_hash FROM documents ORDER BY file");
      while (st->executeStep()) {
        ++documents;
        const std::string id = std::to_string(st->getColumn(0).getInt64());
        h = Fnv1a64(id, h);
        h = Fnv1a64("\x1f", h);
        h = Fnv1a64(st->getColumn(1).getText(), h);
        h = Fnv1a64("\x1f", h);
        h = Fnv1a64(st->getColumn(2).getText(), h);
        h = Fnv1a64("\x1e", h);
      }
    }
    StatementLease st = impl_->Prepare("SELECT count(*), coalesce(max(id), 0) FROM claims");
    st->executeStep();
    const std::string claims =
        std::to_string(st->getColumn(0).getInt64()) + "/" + std::to_string(st->getColumn(1).getInt64());
    read.commit();
    return "documents " + std::to_string(documents) + " " + Hex64(h) + ", claims " + claims;
  });
}

Result<std::optional<Store::ConflictDelta>> Store::KeepConflicts(int64_t run_id, const std::string& inputs_key) {
  if (inputs_key.empty()) return std::optional<ConflictDelta>();
  return Guarded("KeepConflicts", [&]() -> Result<std::optional<ConflictDelta>> {
    SQLite::Transaction transaction(impl_->db, kWriteTransaction);
    {
      StatementLease st = impl_->Prepare("SELECT inputs_key FROM check_state WHERE id = 1");
      if (!st->executeStep() || st->getColumn(0).isNull() || st->getColumn(0).getString() != inputs_key) {
        return std::optional<ConflictDelta>();  // the transaction rolls back: nothing written
      }
    }
    ConflictDelta delta;
    {
      StatementLease st = impl_->Prepare("SELECT count(*) FROM conflicts WHERE active = 1");
      st->executeStep();
      delta.still_open = st->getColumn(0).getInt();
    }
    {
      // What SaveConflicts writes for a conflict found again: seen by this run (NULL
      // for run 0, as there), and recorded as still open.
      StatementLease seen = impl_->Prepare(
          "UPDATE conflict_state SET last_run_id = ?1 "
          "WHERE conflict_id IN (SELECT id FROM conflicts WHERE active = 1)");
      BindIdAt(*seen, 1, run_id);
      seen->exec();
    }
    if (run_id > 0) {
      StatementLease changes = impl_->Prepare(
          "INSERT OR REPLACE INTO run_conflicts(run_id, conflict_id, change) "
          "SELECT ?1, id, 'open' FROM conflicts WHERE active = 1");
      changes->bind(1, run_id);
      changes->exec();
    }
    WriteCheckKey(*impl_, run_id, inputs_key);
    transaction.commit();
    return std::optional<ConflictDelta>(std::move(delta));
  });
}

}  // namespace claimcheck
