// Store methods for the copy memory (copy_memory, copy_pairs, db/migrations/0015):
// the text copies the last full check found, kept whole so the next check over the
// same documents and new ones joins only the new ones. A cache: none stored only
// means the next check joins every document. And for the copy features cache
// (copy_features, 0016; read by LoadDocumentsForCopies in document_store.cc).
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <utility>

#include "store/delta_blob.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claimcheck {

Result<CopyMemory> Store::LoadCopyMemory() {
  return Guarded("LoadCopyMemory", [&]() -> Result<CopyMemory> {
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    CopyMemory memory;
    {
      StatementLease st = impl_->Prepare("SELECT options, upto, digest FROM copy_memory WHERE id = 1");
      if (!st->executeStep()) return memory;  // none stored: empty options, no pairs
      memory.options = st->getColumn(0).getString();
      memory.upto = st->getColumn(1).getInt64();
      memory.digest = st->getColumn(2).getString();
    }
    StatementLease st = impl_->Prepare("SELECT file_a, file_b FROM copy_pairs ORDER BY file_a, file_b");
    while (st->executeStep()) memory.pairs.emplace_back(st->getColumn(0).getString(), st->getColumn(1).getString());
    read.commit();
    return memory;
  });
}

Status Store::SaveCopyMemory(const CopyMemory& memory) {
  return Guarded("SaveCopyMemory", [&]() -> Status {
    SQLite::Transaction transaction(impl_->db, kWriteTransaction);
    impl_->Prepare("DELETE FROM copy_pairs")->exec();
    impl_->Prepare("DELETE FROM copy_memory")->exec();
    if (!memory.options.empty()) {
      {
        StatementLease st =
            impl_->Prepare("INSERT INTO copy_memory(id, options, upto, digest) VALUES (1, ?1, ?2, ?3)");
        st->bindNoCopy(1, memory.options);
        st->bind(2, memory.upto);
        st->bindNoCopy(3, memory.digest);
        st->exec();
      }
      StatementLease st = impl_->Prepare("INSERT INTO copy_pairs(file_a, file_b) VALUES (?1, ?2)");
      for (const std::pair<std::string, std::string>& pair : memory.pairs) {
        st->reset();
        st->bindNoCopy(1, pair.first);
        st->bindNoCopy(2, pair.second);
        st->exec();
      }
    }
    transaction.commit();  // on an error above the transaction rolls back: the earlier memory stays
    return Status::Ok();
  });
}

Status Store::SaveCopyFeatures(const std::string& options, const std::vector<CopyFeatureRow>& rows) {
  return Guarded("SaveCopyFeatures", [&]() -> Status {
    SQLite::Transaction transaction(impl_->db, kWriteTransaction);
    StatementLease st = impl_->Prepare(
        "INSERT OR REPLACE INTO copy_features(document_id, options, content_hash, shingles, credit) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    std::string blob;
    for (const CopyFeatureRow& row : rows) {
      blob = EncodeDeltas(row.shingles);
      st->reset();
      st->bind(1, row.document_id);
      st->bindNoCopy(2, options);
      st->bindNoCopy(3, row.content_hash);
      st->bindNoCopy(4, blob.data(), static_cast<int>(blob.size()));
      st->bindNoCopy(5, row.credit);
      st->exec();
    }
    transaction.commit();
    return Status::Ok();
  });
}

}  // namespace claimcheck
