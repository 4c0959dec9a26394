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

void WriteConflictsDigest(StoreConnection& impl, const std::string& digest) {
  StatementLease st = impl.Prepare("UPDATE check_state SET conflicts_digest = ?1 WHERE id = 1");
  st->bindNoCopy(1, digest);
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
    // Nothing else changes: the active conflicts stay as they are, none is new
    // or resolved (run_conflicts records changes only), and an active conflict's
    // last run is the latest check's, check_state.run_id (the open_conflicts view).
    WriteCheckKey(*impl_, run_id, inputs_key);
    {
      // A database saved before migration 0013 has no digest of its conflicts yet:
      // the kept ones' stored content hashes are what a save would have summed.
      StatementLease st = impl_->Prepare("SELECT conflicts_digest IS NULL FROM check_state WHERE id = 1");
      if (st->executeStep() && st->getColumn(0).getInt() != 0) {
        ActiveSetDigest digest;
        const ConflictIdTable active = ActiveContentHashes(*impl_);
        for (size_t p = 0; p < active.size(); ++p) digest.Add(active.IdAt(p), active.ValueAt(p));
        WriteConflictsDigest(*impl_, digest.ToString());
      }
    }
    transaction.commit();
    return std::optional<ConflictDelta>(std::move(delta));
  });
}

}  // namespace claimcheck
