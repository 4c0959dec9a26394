// Store::IndexForSearch: brings the full-text indexes (claims_fts, documents_fts)
// up to date in bulk, as migration 0007 describes: rows above the marks in
// search_index_state are indexed, a slice per transaction, and the marks moved.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "store/store.h"
#include "store/store_impl.h"

namespace claimcheck {
namespace {

// The SQL that indexes one table's rows above its mark. Static strings: they
// key the connection's statement cache.
struct IndexedTable {
  const char* next_mark;  // ?1 = slice size -> the id that ends the next slice (NULL: none left)
  const char* index;      // ?1 = that id -> index the rows above the mark up to it
  const char* move_mark;  // ?1 = that id
};

constexpr IndexedTable kDocuments = {
    "SELECT max(id) FROM (SELECT id FROM documents "
    "WHERE id > (SELECT documents_upto FROM search_index_state) ORDER BY id LIMIT ?1)",
    "INSERT INTO documents_fts(rowid, title, text) SELECT id, title, text FROM documents "
    "WHERE id > (SELECT documents_upto FROM search_index_state) AND id <= ?1",
    "UPDATE search_index_state SET documents_upto = ?1",
};

constexpr IndexedTable kClaims = {
    "SELECT max(id) FROM (SELECT id FROM claims "
    "WHERE id > (SELECT claims_upto FROM search_index_state) ORDER BY id LIMIT ?1)",
    "INSERT INTO claims_fts(rowid, quote, sentence) SELECT id, quote, sentence FROM claims "
    "WHERE id > (SELECT claims_upto FROM search_index_state) AND id <= ?1",
    "UPDATE search_index_state SET claims_upto = ?1",
};

// Whether this database keeps full-text indexes (SQLite built without FTS5
// skips migrations 0002 and 0007).
bool HasSearchIndex(StoreConnection& impl) {
  StatementLease st = impl.Prepare(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index_state'");
  return st->executeStep();
}

// Indexes the next slice of `table` in one transaction; false when nothing was
// left to index. Throws SQLite::Exception on failure (the slice is rolled back).
bool IndexNextSlice(StoreConnection& impl, const IndexedTable& table, int64_t slice) {
  SQLite::Transaction transaction(impl.db, kWriteTransaction);
  int64_t end = 0;
  {
    StatementLease next = impl.Prepare(table.next_mark);
    next->bind(1, slice);
    if (!next->executeStep() || next->getColumn(0).isNull()) return false;
    end = next->getColumn(0).getInt64();
  }
  StatementLease index = impl.Prepare(table.index);
  index->bind(1, end);
  index->exec();
  StatementLease move = impl.Prepare(table.move_mark);
  move->bind(1, end);
  move->exec();
  transaction.commit();
  return true;
}

}  // namespace

Status Store::IndexForSearch(const SearchSlices& slices) {
  return Guarded("IndexForSearch", [&]() -> Status {
    if (!HasSearchIndex(*impl_)) return Status::Ok();
    // A slice's index data is what the WAL holds until its commit, and what a
    // crash can cost (the next call redoes it).
    while (IndexNextSlice(*impl_, kDocuments, std::max<int64_t>(1, slices.documents))) {
    }
    while (IndexNextSlice(*impl_, kClaims, std::max<int64_t>(1, slices.claims))) {
    }
    return Status::Ok();
  });
}

}  // namespace claimcheck
