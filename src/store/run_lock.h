// RunLock: one claimcheck run per database at a time. A run (and ingest,
// ingest-claims, check) holds an exclusive flock(2) on "<database>.lock" for
// as long as its Store is open; the file holds the holder's pid, so a second
// run can say who it is waiting for. The kernel drops the lock when the holder
// exits in any way (even SIGKILL), so a crashed run never leaves a stale lock.
// SQLite's own locking still protects each transaction; this lock keeps two
// runs from interleaving their documents and conflict sets. The lock file is
// left in place (removing a lock file while others may open it is racy).
// Internal to src/store.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"

namespace claimcheck {

class RunLock {
 public:
  // Takes the lock on `db_path` + ".lock" without waiting.
  // Errors: Database "database <db_path> is in use by another claimcheck run
  // (pid N)" when another process holds it; IoError when the lock file cannot
  // be created.
  static Result<std::unique_ptr<RunLock>> Acquire(const std::string& db_path);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace claimcheck
