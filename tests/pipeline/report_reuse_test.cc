// WriteReport over conflicts the last full report already wrote (nothing new,
// resolved, reviewed or re-extracted) copies that report's discrepancies.csv and
// reads only the cards it shows; anything changed, and it writes in full. The
// copy is what a full report writes, byte for byte; a CSV edited since (its size
// or modification time) is not copied.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "feed_store_fixture.h"
#include "pipeline/pipeline.h"
#include "shipped_rules.h"
#include "store/store.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ReportReuseTest : public FeedStoreTest {
 protected:
  ReportReuseTest() : FeedStoreTest("claimcheck-report-reuse") {}

  // One nightly run (ingest, check, report into dir_/out); returns the summary
  // its report was written with.
  RunSummary Run(const std::string& out, bool excel = false) {
    const RunSummary summary = Night();
    Status written = WriteReport(store_.get(), (dir_ / out).string(), summary, excel);
    EXPECT_TRUE(written.ok()) << written.ToString();
    return summary;
  }

  // A nightly run's ingest and check, without its report; returns the summary
  // for the report.
  RunSummary Night() {
    Result<int64_t> run = store_->BeginRun("2025-03-10T00:00:00Z", "feed");
    EXPECT_TRUE(run.ok());
    DiagnosticSink sink;
    auto stats = IngestAndExtract({feed_.string()}, ShippedRules(), *run, store_.get(), &sink);
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    Result<Store::ConflictDelta> delta = CheckConflicts(ShippedRules(), *run, store_.get());
    EXPECT_TRUE(delta.ok()) << delta.status().ToString();
    RunSummary summary;
    summary.run_label = "run " + std::to_string(*run);
    if (delta.ok()) {
      summary.new_conflict_ids = delta->new_ids;
      summary.resolved_conflict_ids = delta->resolved_ids;
    }
    return summary;
  }

  // The report a full write gives for `summary` now, into dir_/out (the record
  // of the last report is dropped first, then put back as it was).
  void FullReport(const std::string& out, const RunSummary& summary) {
    Result<std::optional<Store::ReportState>> state = store_->LoadReportState();
    ASSERT_TRUE(state.ok() && state->has_value());
    Exec("DELETE FROM report_state");
    Status written = WriteReport(store_.get(), (dir_ / out).string(), summary, false);
    ASSERT_TRUE(written.ok()) << written.ToString();
    ASSERT_TRUE(store_->SaveReportState(**state).ok());
  }

  void ExpectSameFiles(const std::string& x, const std::string& y) {
    for (const char* name : {"discrepancies.csv", "report.html", "report.md"}) {
      EXPECT_EQ(Slurp(dir_ / x / name), Slurp(dir_ / y / name)) << x << " vs " << y << ": " << name;
    }
  }

  std::string RecordedCsv() {
    Result<std::optional<Store::ReportState>> state = store_->LoadReportState();
    EXPECT_TRUE(state.ok());
    return state.ok() && state->has_value() ? (*state)->csv_path : "";
  }

};

TEST_F(ReportReuseTest, SameConflictsCopyTheLastReport) {
  WriteFeed(feed_, {120, 80, 45, 300});
  Run("r1");
  const std::string csv1 = Slurp(dir_ / "r1" / "discrepancies.csv");
  ASSERT_NE(csv1.find('\n'), csv1.size() - 1) << "the feed gives no conflict:\n" << csv1;
  EXPECT_EQ(RecordedCsv(), (dir_ / "r1" / "discrepancies.csv").string());

  // Nothing changed: the copy equals what a full report writes.
  const RunSummary night2 = Run("r2");
  EXPECT_TRUE(night2.new_conflict_ids.empty());
  EXPECT_EQ(RecordedCsv(), (dir_ / "r2" / "discrepancies.csv").string());
  FullReport("r2-full", night2);
  ExpectSameFiles("r2", "r2-full");
  EXPECT_EQ(Slurp(dir_ / "r2" / "discrepancies.csv"), csv1);

  // The recorded CSV edited in place, same size and time: copied as it is, which
  // shows the copy was taken (and why a changed size or time is not copied).
  const fs::path csv2 = dir_ / "r2" / "discrepancies.csv";
  const fs::file_time_type mtime = fs::last_write_time(csv2);
  std::string edited = csv1;
  edited[edited.size() - 2] = edited[edited.size() - 2] == 'x' ? 'y' : 'x';
  std::ofstream(csv2, std::ios::binary | std::ios::trunc) << edited;
  fs::last_write_time(csv2, mtime);
  Run("r3");
  EXPECT_EQ(Slurp(dir_ / "r3" / "discrepancies.csv"), edited);

  // Its time changed: written in full again.
  fs::last_write_time(dir_ / "r3" / "discrepancies.csv", mtime - std::chrono::seconds(5));
  Run("r4");
  EXPECT_EQ(Slurp(dir_ / "r4" / "discrepancies.csv"), csv1);

  // The same folder again: nothing to copy, the files stay right.
  Run("r4");
  EXPECT_EQ(Slurp(dir_ / "r4" / "discrepancies.csv"), csv1);
  EXPECT_EQ(RecordedCsv(), (dir_ / "r4" / "discrepancies.csv").string());
}

// A copy that fails is not the report's failure: it is written in full (here that
// fails too, for the same cause, and says so as a full write does), and a card
// that cannot be read makes it write in full as well.
TEST_F(ReportReuseTest, NoCopyWritesInFull) {
  WriteFeed(feed_, {120, 80, 45, 300});
  Run("r1");
  const std::string csv1 = Slurp(dir_ / "r1" / "discrepancies.csv");
  fs::create_directories(dir_ / "r2" / "discrepancies.csv.tmp" / "in-the-way");
  Status written = WriteReport(store_.get(), (dir_ / "r2").string(), RunSummary{}, false);
  EXPECT_EQ(written.code(), Status::Code::kIoError);
  EXPECT_NE(written.message().find("cannot open"), std::string::npos) << written.ToString();
  EXPECT_EQ(written.message().find("cannot copy"), std::string::npos) << written.ToString();
  EXPECT_EQ(RecordedCsv(), (dir_ / "r1" / "discrepancies.csv").string());

  Exec("UPDATE report_state SET leading_ids = 'ffffffffffffffff' || char(10) || leading_ids");
  const fs::path csv1_path = dir_ / "r1" / "discrepancies.csv";
  const fs::file_time_type mtime = fs::last_write_time(csv1_path);
  std::string edited = csv1;
  edited[edited.size() - 2] = edited[edited.size() - 2] == 'x' ? 'y' : 'x';
  std::ofstream(csv1_path, std::ios::binary | std::ios::trunc) << edited;
  fs::last_write_time(csv1_path, mtime);
  Run("r3");
  EXPECT_EQ(Slurp(dir_ / "r3" / "discrepancies.csv"), csv1);  // written, not the edited copy
}

TEST_F(ReportReuseTest, ChangesWriteTheReportInFull) {
  WriteFeed(feed_, {120, 80, 45, 300});
  Run("r1");
  const std::string csv1 = Slurp(dir_ / "r1" / "discrepancies.csv");

  // A review: its status is in the CSV.
  Result<std::vector<Conflict>> active = store_->LoadConflicts(/*active_only=*/true);
  ASSERT_TRUE(active.ok());
  ASSERT_FALSE(active->empty());
  ASSERT_TRUE(store_->AddReview(active->front().id, "dismissed", "two counts", "lan", "t").ok());
  const RunSummary night2 = Run("r2");
  const std::string csv2 = Slurp(dir_ / "r2" / "discrepancies.csv");
  EXPECT_NE(csv2, csv1);
  EXPECT_NE(csv2.find("two counts"), std::string::npos);
  FullReport("r2-full", night2);
  ExpectSameFiles("r2", "r2-full");

  // Another option: a BOM for spreadsheets.
  Run("r3", /*excel=*/true);
  EXPECT_EQ(Slurp(dir_ / "r3" / "discrepancies.csv"), "\xEF\xBB\xBF" + csv2);

  // A changed figure: new and resolved conflicts.
  WriteFeed(feed_, {120, 95, 45, 300});
  const RunSummary night4 = Run("r4");
  EXPECT_FALSE(night4.new_conflict_ids.empty());
  EXPECT_NE(Slurp(dir_ / "r4" / "discrepancies.csv"), csv2);
  FullReport("r4-full", night4);
  ExpectSameFiles("r4", "r4-full");
}

// The conflicts a run resolved are read by WriteReport from their ids (at most
// the cards' limit, in report order): the same pages as when the caller gives
// them loaded, as the run command did before.
TEST_F(ReportReuseTest, ResolvedConflictsAreReadByIdForThePages) {
  WriteFeed(feed_, {120, 80, 45, 300});
  Run("r1");
  WriteFeed(feed_, {120, 95, 45, 300});
  const RunSummary night2 = Run("r2");
  ASSERT_FALSE(night2.resolved_conflict_ids.empty());
  const std::string md = Slurp(dir_ / "r2" / "report.md");
  size_t listed = 0;
  for (size_t at = md.find("no longer found"); at != std::string::npos; at = md.find("no longer found", at + 1)) {
    ++listed;
  }
  EXPECT_EQ(listed, night2.resolved_conflict_ids.size());

  RunSummary loaded = night2;
  Result<std::vector<Conflict>> resolved = store_->LoadConflictsById(night2.resolved_conflict_ids);
  ASSERT_TRUE(resolved.ok());
  ASSERT_EQ(resolved->size(), night2.resolved_conflict_ids.size());
  loaded.resolved_conflicts = std::move(resolved.value());
  FullReport("r2-loaded", loaded);
  ExpectSameFiles("r2", "r2-loaded");
}

// A report after a night that changed some conflicts patches the last report's
// CSV: the rows of conflicts unchanged since (no check wrote them, no review named
// them) are copied from it, the others read from the database. The files are those
// of a full report; a row edited in place in the earlier file (same size and time)
// shows which rows were copied.
TEST_F(ReportReuseTest, AnEarlierCsvIsPatchedWithTheRowsThatChanged) {
  std::vector<std::pair<std::string, int>> items = {
      {"Quang Ngai", 120}, {"Quang Ngai", 80}, {"Yen Bai", 30}, {"Yen Bai", 55}, {"Quang Ngai", 45}};
  WriteArticles(feed_, items);
  Run("r1");
  items.push_back({"Yen Bai", 70});
  WriteArticles(feed_, items);
  const RunSummary night2 = Run("r2");
  ASSERT_FALSE(night2.new_conflict_ids.empty());
  FullReport("r2-full", night2);
  ExpectSameFiles("r2", "r2-full");

  // A Quang Ngai row edited in r2's file (a night about Yen Bai leaves it as it is),
  // and a Yen Bai conflict reviewed.
  const fs::path csv2 = dir_ / "r2" / "discrepancies.csv";
  const std::string before = Slurp(csv2);
  const size_t row = before.find("\r\n", before.find(",dead,quang_ngai,"));
  ASSERT_NE(row, std::string::npos);
  std::string edited = before;
  edited[row - 1] = edited[row - 1] == '7' ? '8' : '7';  // its support_b
  const fs::file_time_type mtime = fs::last_write_time(csv2);
  std::ofstream(csv2, std::ios::binary | std::ios::trunc) << edited;
  fs::last_write_time(csv2, mtime);
  Result<std::vector<Conflict>> active = store_->LoadConflicts(/*active_only=*/true);
  ASSERT_TRUE(active.ok());
  std::string yen_bai;
  for (const Conflict& k : *active) {
    if (k.subject == "yen_bai") yen_bai = k.id;
  }
  ASSERT_FALSE(yen_bai.empty());
  ASSERT_TRUE(store_->AddReview(yen_bai, "confirmed", "checked with the province", "lan", "t").ok());
  const RunSummary night3 = Run("r3");
  const std::string csv3 = Slurp(dir_ / "r3" / "discrepancies.csv");
  EXPECT_NE(csv3.find("checked with the province"), std::string::npos);
  FullReport("r3-full", night3);
  const std::string full3 = Slurp(dir_ / "r3-full" / "discrepancies.csv");
  EXPECT_NE(csv3, full3);  // the edited row was copied
  const size_t at = csv3.find(edited.substr(row - 40, 42));
  ASSERT_NE(at, std::string::npos);
  std::string mended = csv3;
  mended[at + 39] = before[row - 1];
  EXPECT_EQ(mended, full3);

  // A corrected Yen Bai figure resolves conflicts: they leave the patched file,
  // the edited Quang Ngai row is still copied.
  items[3].second = 50;
  WriteArticles(feed_, items);
  const RunSummary night4 = Run("r3");
  ASSERT_FALSE(night4.resolved_conflict_ids.empty());
  const std::string csv4 = Slurp(dir_ / "r3" / "discrepancies.csv");
  FullReport("r4-full", night4);
  const std::string full4 = Slurp(dir_ / "r4-full" / "discrepancies.csv");
  const size_t at4 = csv4.find(edited.substr(row - 40, 42));
  ASSERT_NE(at4, std::string::npos) << "the patch was not taken";
  std::string mended4 = csv4;
  mended4[at4 + 39] = before[row - 1];
  EXPECT_EQ(mended4, full4);
  for (const std::string& id : night4.resolved_conflict_ids) {
    EXPECT_EQ(csv4.find("\r\n" + id + ","), std::string::npos) << id;  // no row (a note may name it)
  }
}

// A night that repeats a figure already reported moves the support of the rows on
// that figure, not their sides: the report mends those rows of the earlier file
// (their other cells as that file holds them) instead of reading them again.
TEST_F(ReportReuseTest, RowsWhoseContextAloneMovedAreMendedFromTheEarlierCsv) {
  std::vector<std::pair<std::string, int>> items = {{"Quang Ngai", 120}, {"Quang Ngai", 80}, {"Quang Ngai", 45}};
  WriteArticles(feed_, items);
  Run("r1");
  items.push_back({"Quang Ngai", 80});
  WriteArticles(feed_, items);
  const RunSummary night2 = Night();
  ASSERT_FALSE(night2.new_conflict_ids.empty());

  Result<std::optional<Store::ReportState>> state = store_->LoadReportState();
  ASSERT_TRUE(state.ok() && state->has_value());
  Result<std::optional<Store::ChangedSince>> changes = store_->LoadChangedSince((*state)->marks);
  ASSERT_TRUE(changes.ok() && changes->has_value());
  std::string mended_id;
  size_t read = 0;
  for (const Store::ChangedRow& row : (**changes).changed) {
    if (row.context_only) {
      mended_id = row.id;
    } else {
      ++read;
      EXPECT_TRUE(row.likely_value.empty() && row.support_a == 0 && row.support_b == 0) << row.id;
    }
  }
  EXPECT_EQ(read, night2.new_conflict_ids.size());  // the new ones are read
  ASSERT_FALSE(mended_id.empty()) << "no row whose context alone moved";

  // Its file_a cell edited in r1's file (same size and time): the report that
  // patches r1 keeps the edit, so the row came from there.
  const fs::path csv1 = dir_ / "r1" / "discrepancies.csv";
  std::string earlier = Slurp(csv1);
  const size_t row1 = earlier.find("\r\n" + mended_id + ",");
  ASSERT_NE(row1, std::string::npos);
  size_t cell = row1 + 2;
  for (int comma = 0; comma < 5; ++comma) cell = earlier.find(',', cell) + 1;
  const size_t offset = cell - row1;
  ASSERT_TRUE(std::isalpha(static_cast<unsigned char>(earlier[cell]))) << earlier.substr(row1, 80);
  earlier[cell] = static_cast<char>(std::toupper(static_cast<unsigned char>(earlier[cell])) == earlier[cell]
                                        ? std::tolower(static_cast<unsigned char>(earlier[cell]))
                                        : std::toupper(static_cast<unsigned char>(earlier[cell])));
  const fs::file_time_type mtime = fs::last_write_time(csv1);
  std::ofstream(csv1, std::ios::binary | std::ios::trunc) << earlier;
  fs::last_write_time(csv1, mtime);

  ASSERT_TRUE(WriteReport(store_.get(), (dir_ / "r2").string(), night2, false).ok());
  FullReport("r2-full", night2);
  const std::string patched = Slurp(dir_ / "r2" / "discrepancies.csv");
  const std::string full = Slurp(dir_ / "r2-full" / "discrepancies.csv");
  const size_t row2 = patched.find("\r\n" + mended_id + ",");
  ASSERT_NE(row2, std::string::npos);
  EXPECT_NE(patched, full);
  std::string undone = patched;
  undone[row2 + offset] = full[row2 + offset];
  EXPECT_EQ(undone, full);  // and its context is the new one
}

// A database saved before migration 0013 has no digest of its conflicts: its
// first report is written in full and not recorded; the next kept check fills
// the digest in, equal to the one a save writes.
TEST_F(ReportReuseTest, DatabaseWithoutDigestReportsInFull) {
  WriteFeed(feed_, {120, 80, 45, 300});
  Run("r1");
  Result<std::string> saved = store_->ReportInputsDigest();
  ASSERT_TRUE(saved.ok());
  ASSERT_FALSE(saved->empty());
  Exec("UPDATE check_state SET conflicts_digest = NULL; DELETE FROM report_state");
  Result<std::string> none = store_->ReportInputsDigest();
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, "");
  Status written = WriteReport(store_.get(), (dir_ / "r0").string(), RunSummary{}, false);
  ASSERT_TRUE(written.ok()) << written.ToString();
  EXPECT_EQ(RecordedCsv(), "");
  Run("r2");  // kept check
  Result<std::string> filled = store_->ReportInputsDigest();
  ASSERT_TRUE(filled.ok());
  EXPECT_EQ(*filled, *saved);
  EXPECT_EQ(Slurp(dir_ / "r2" / "discrepancies.csv"), Slurp(dir_ / "r1" / "discrepancies.csv"));
}

}  // namespace
}  // namespace claimcheck
