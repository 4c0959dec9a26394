// StoreConnection::StartBackgroundCheckpoint: the write-ahead log copied into the
// database file on a thread of its own (see store_impl.h).
#include <sqlite3.h>

#include <string>
#include <thread>

#include "store/store_impl.h"

namespace claimcheck {

StoreConnection::~StoreConnection() {
  if (checkpointer.joinable()) checkpointer.join();
}

void StoreConnection::StartBackgroundCheckpoint() {
  if (checkpointer.joinable()) checkpointer.join();
  // "" for an in-memory or temporary database: no log to copy.
  const char* file = sqlite3_db_filename(db.getHandle(), "main");
  if (file == nullptr || *file == '\0') return;
  checkpointer = std::thread([path = std::string(file)] {
    try {
      // No busy timeout: PASSIVE waits for no reader or writer, and a checkpoint
      // already running elsewhere makes this one give way at once.
      SQLite::Database other(path, SQLite::OPEN_READWRITE, /*busy_timeout_ms=*/0);
      SQLite::Statement checkpoint(other, "PRAGMA wal_checkpoint(PASSIVE)");
      while (checkpoint.executeStep()) {
      }
    } catch (const SQLite::Exception&) {
      // Left to the next checkpoint (see store_impl.h).
    }
  });
}

}  // namespace claimcheck
