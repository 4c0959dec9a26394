// Store methods for the last report (report_state, db/migrations/0013): the
// digest of what a report's discrepancies.csv is made of, and what the last full
// report recorded of itself, so a report over the same conflicts can copy it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "base/strings.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace claimcheck {

Result<std::string> Store::ReportInputsDigest() {
  Result<std::string> inputs = CheckInputsDigest();
  if (!inputs.ok()) return inputs.status();
  return Guarded("ReportInputsDigest", [&]() -> Result<std::string> {
    SQLite::Transaction read(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    std::string conflicts;
    {
      StatementLease st = impl_->Prepare("SELECT conflicts_digest FROM check_state WHERE id = 1");
      if (!st->executeStep() || st->getColumn(0).isNull()) return std::string();
      conflicts = st->getColumn(0).getString();
    }
    StatementLease st = impl_->Prepare("SELECT count(*), coalesce(max(id), 0) FROM reviews");
    st->executeStep();
    const std::string reviews =
        std::to_string(st->getColumn(0).getInt64()) + "/" + std::to_string(st->getColumn(1).getInt64());
    read.commit();
    return *inputs + "; conflicts " + conflicts + "; reviews " + reviews;
  });
}

Result<std::optional<Store::ReportState>> Store::LoadReportState() {
  return Guarded("LoadReportState", [&]() -> Result<std::optional<ReportState>> {
    StatementLease st = impl_->Prepare(
        "SELECT report_key, csv_path, csv_size, csv_mtime_ns, conflicts, divergences, info, leading_ids, "
        "format_key, coalesce(check_run_id, 0), coalesce(review_upto, 0) FROM report_state WHERE id = 1");
    if (!st->executeStep()) return std::optional<ReportState>();
    ReportState state;
    state.report_key = st->getColumn(0).getString();
    state.csv_path = st->getColumn(1).getString();
    state.csv_size = st->getColumn(2).getInt64();
    state.csv_mtime_ns = st->getColumn(3).getInt64();
    state.conflicts = st->getColumn(4).getInt();
    state.divergences = st->getColumn(5).getInt();
    state.info = st->getColumn(6).getInt();
    for (std::string& id : Split(st->getColumn(7).getString(), '\n')) {
      if (!id.empty()) state.leading_ids.push_back(std::move(id));
    }
    state.format_key = st->getColumn(8).getString();
    state.marks.check_run_id = st->getColumn(9).getInt64();
    state.marks.review_upto = st->getColumn(10).getInt64();
    return std::optional<ReportState>(std::move(state));
  });
}

Status Store::SaveReportState(const ReportState& state) {
  if (state.report_key.empty()) return Status::InvalidInput("report state without a key");
  return Guarded("SaveReportState", [&]() -> Status {
    std::string leading;
    for (const std::string& id : state.leading_ids) leading.append(id).push_back('\n');
    StatementLease st = impl_->Prepare(
        "INSERT OR REPLACE INTO report_state(id, report_key, csv_path, csv_size, csv_mtime_ns, conflicts, "
        "divergences, info, leading_ids, format_key, check_run_id, review_upto) "
        "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    st->bindNoCopy(1, state.report_key);
    st->bindNoCopy(2, state.csv_path);
    st->bind(3, state.csv_size);
    st->bind(4, state.csv_mtime_ns);
    st->bind(5, state.conflicts);
    st->bind(6, state.divergences);
    st->bind(7, state.info);
    st->bindNoCopy(8, leading);
    st->bindNoCopy(9, state.format_key);
    BindIdAt(*st, 10, state.marks.check_run_id);
    BindIdAt(*st, 11, state.marks.review_upto);
    st->exec();
    return Status::Ok();
  });
}

Result<Store::ReportMarks> Store::LoadReportMarks() {
  return Guarded("LoadReportMarks", [&]() -> Result<ReportMarks> {
    ReportMarks marks;
    StatementLease st = impl_->Prepare(
        "SELECT coalesce((SELECT run_id FROM check_state WHERE id = 1), 0), coalesce((SELECT max(id) FROM reviews), 0)");
    st->executeStep();
    marks.check_run_id = st->getColumn(0).getInt64();
    marks.review_upto = st->getColumn(1).getInt64();
    return marks;
  });
}

}  // namespace claimcheck
