#include "server_fixture.h"

#include <gtest/gtest.h>

#include <vector>

namespace claimcheck {
namespace {

Claim DeathClaim(double value, const std::string& text, const std::string& quote) {
  Claim c;
  c.kind = ClaimKind::kCount;
  c.metric = "killed";
  c.subject = "storm_wutip";
  c.value = value;
  c.qualifier = Qualifier::kExact;
  c.low = c.high = value;
  c.unit = "people";
  c.quote = quote;
  c.span_begin = text.find(quote);
  c.span_end = c.span_begin + quote.size();
  size_t start = text.rfind('\n', c.span_begin);
  start = start == std::string::npos ? 0 : start + 1;
  size_t stop = text.find('\n', c.span_end);
  c.sentence = text.substr(start, (stop == std::string::npos ? text.size() : stop) - start);
  c.confidence = 0.95;
  return c;
}

}  // namespace

DeskFixture MakeDeskFixture() {
  DeskFixture f;
  Result<std::unique_ptr<Store>> store = Store::Open(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  f.store = std::move(store.value());
  Result<int64_t> run = f.store->BeginRun("2025-06-14T02:00:00Z", "tin/");
  EXPECT_TRUE(run.ok());

  Document a;
  a.file = "bao-a.txt";
  a.outlet = "Báo Duyên Hải";
  a.published = "2025-06-13";
  a.url = "https://duyenhai.example/bao-wutip";
  a.language = "vi";
  a.text = "Bão Wutip đổ bộ vào miền Trung đêm qua.\nBão đã làm 12 người chết và hàng trăm ngôi nhà tốc mái.";
  a.content_hash = "aaaaaaaaaaaaaaaa";
  Document b;
  b.file = "bao-b.txt";
  b.outlet = "Tin <Nhanh> & \"Mới\"";
  b.published = "2025-06-14";
  b.url = "javascript:alert(1)";
  b.language = "vi";
  b.text = "Theo thống kê, bão Wutip khiến 19 người thiệt mạng <script>alert('x')</script>.";
  b.content_hash = "bbbbbbbbbbbbbbbb";
  std::vector<Claim> a_claims = {DeathClaim(12, a.text, "12 người chết")};
  std::vector<Claim> b_claims = {DeathClaim(19, b.text, "19 người thiệt mạng")};
  EXPECT_TRUE(f.store->PutDocument(*run, a, a_claims).ok());
  EXPECT_TRUE(f.store->PutDocument(*run, b, b_claims).ok());

  Conflict& k = f.conflict;
  k.id = "c0ffee0011223344";
  k.rule_id = "count_agreement";
  k.severity = Severity::kConflict;
  k.metric = "killed";
  k.subject = "storm_wutip";
  k.a.claim = a_claims[0];
  k.b.claim = b_claims[0];
  k.explanation = "One source reports 12 dead, the other 19.";
  k.explanation_vi = "Một nguồn nói 12 người chết, nguồn kia nói 19.";
  EXPECT_TRUE(f.store->SaveConflicts(*run, {k}).ok());
  Store::RunRecord record;
  record.id = *run;
  record.finished_at = "2025-06-14T02:00:05Z";
  record.exit_status = 3;
  EXPECT_TRUE(f.store->FinishRun(record).ok());
  return f;
}

}  // namespace claimcheck
