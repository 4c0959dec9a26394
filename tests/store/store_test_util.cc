#include "store_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>

#include "base/strings.h"

namespace claimcheck {

Document MakeDocument(const std::string& file, const std::string& text) {
  Document d;
  d.file = file;
  d.path = "/in/" + file;
  d.url = "https://" + file + ".example/article";
  d.outlet = file + ".example";
  d.language = "vi";
  d.published = "2024-06-20";
  d.title = "Tiêu đề " + file;
  d.text = text;
  char hash[17];
  std::snprintf(hash, sizeof(hash), "%016zx", std::hash<std::string>{}(text));
  d.content_hash = hash;
  return d;
}

Claim MakeClaim(double value, const std::string& quote, size_t span_begin) {
  Claim c;
  c.kind = ClaimKind::kCount;
  c.metric = "killed";
  c.subject = "north_korea";
  c.value = value;
  c.qualifier = Qualifier::kApprox;
  c.low = value;
  c.high = value;
  c.unit = "people";
  c.as_of = "2024-06";
  c.attributed_to = "NIS";
  c.quote = quote;
  c.sentence = "Câu có " + quote + ".";
  c.span_begin = span_begin;
  c.span_end = span_begin + quote.size();
  c.confidence = 0.9;
  c.pattern_id = "count.killed";
  return c;
}

Conflict MakeConflict(const std::string& id, const Claim& a, const Claim& b) {
  Conflict c;
  c.id = id;
  c.rule_id = "count_agreement";
  c.severity = Severity::kConflict;
  c.metric = a.metric;
  c.subject = a.subject;
  c.a.claim = a;
  c.b.claim = b;
  c.explanation = "The counts cannot both be right.";
  c.explanation_vi = "Hai con số không thể cùng đúng.";
  return c;
}

TempDbPath::TempDbPath() {
  static std::atomic<int> counter{0};
  path_ = (std::filesystem::temp_directory_path() /
           ("claimcheck_store_test_" + std::to_string(getpid()) + "_" +
            std::to_string(counter++) + ".db"))
              .string();
}

TempDbPath::~TempDbPath() {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
    std::filesystem::remove(path_ + suffix, ignored);
  }
}

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

std::string Summary(const std::vector<Claim>& claims) {
  std::string out;
  for (const Claim& c : claims) {
    if (!out.empty()) out += " ";
    out += c.file + "#" + std::to_string(c.id) + ":" + FormatNumber(c.value);
  }
  return out;
}

}  // namespace claimcheck
