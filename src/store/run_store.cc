// Store methods for the runs table: one row per claimcheck invocation.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/store.h"
#include "store/store_impl.h"

namespace claimcheck {

Result<int64_t> Store::BeginRun(const std::string& started_at, const std::string& inputs) {
  return Guarded("BeginRun", [&]() -> Result<int64_t> {
    StatementLease st = impl_->Prepare("INSERT INTO runs(started_at, inputs) VALUES (?, ?)");
    st->bind(1, started_at);
    st->bind(2, inputs);
    st->exec();
    return impl_->db.getLastInsertRowid();
  });
}

Status Store::FinishRun(const RunRecord& r) {
  return Guarded("FinishRun", [&]() -> Status {
    StatementLease st = impl_->Prepare(
        "UPDATE runs SET finished_at = :finished_at, docs_new = :docs_new, "
        "docs_changed = :docs_changed, docs_unchanged = :docs_unchanged, "
        "docs_failed = :docs_failed, claims_total = :claims_total, "
        "conflicts_total = :conflicts_total, conflicts_new = :conflicts_new, "
        "conflicts_open = :conflicts_open, conflicts_resolved = :conflicts_resolved, "
        "exit_status = :exit_status WHERE id = :id");
    st->bind(":finished_at", r.finished_at);
    st->bind(":docs_new", r.docs_new);
    st->bind(":docs_changed", r.docs_changed);
    st->bind(":docs_unchanged", r.docs_unchanged);
    st->bind(":docs_failed", r.docs_failed);
    st->bind(":claims_total", r.claims_total);
    st->bind(":conflicts_total", r.conflicts_total);
    st->bind(":conflicts_new", r.conflicts_new);
    st->bind(":conflicts_open", r.conflicts_open);
    st->bind(":conflicts_resolved", r.conflicts_resolved);
    st->bind(":exit_status", r.exit_status);
    st->bind(":id", r.id);
    if (st->exec() == 0) return Status::NotFound("no run with id " + std::to_string(r.id));
    return Status::Ok();
  });
}

Result<std::vector<Store::RunRecord>> Store::LoadRuns() {
  return Guarded("LoadRuns", [&]() -> Result<std::vector<RunRecord>> {
    StatementLease st = impl_->Prepare(
        "SELECT id, started_at, COALESCE(finished_at, '') AS finished_at, inputs, docs_new, "
        "docs_changed, docs_unchanged, docs_failed, claims_total, conflicts_total, "
        "conflicts_new, conflicts_open, conflicts_resolved, "
        "COALESCE(exit_status, -1) AS exit_status FROM runs ORDER BY id");
    std::vector<RunRecord> runs;
    while (st->executeStep()) {
      RunRecord r;
      r.id = st->getColumn("id").getInt64();
      r.started_at = st->getColumn("started_at").getString();
      r.finished_at = st->getColumn("finished_at").getString();
      r.inputs = st->getColumn("inputs").getString();
      r.docs_new = st->getColumn("docs_new").getInt();
      r.docs_changed = st->getColumn("docs_changed").getInt();
      r.docs_unchanged = st->getColumn("docs_unchanged").getInt();
      r.docs_failed = st->getColumn("docs_failed").getInt();
      r.claims_total = st->getColumn("claims_total").getInt();
      r.conflicts_total = st->getColumn("conflicts_total").getInt();
      r.conflicts_new = st->getColumn("conflicts_new").getInt();
      r.conflicts_open = st->getColumn("conflicts_open").getInt();
      r.conflicts_resolved = st->getColumn("conflicts_resolved").getInt();
      r.exit_status = st->getColumn("exit_status").getInt();
      runs.push_back(std::move(r));
    }
    return runs;
  });
}

}  // namespace claimcheck
