#include "ingest/ingest.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace claimcheck {
namespace {

const std::string kTestData = CLAIMCHECK_SOURCE_DIR "/tests/testdata/ingest";

IngestOptions ShippedOptions() {
  Result<IngestOptions> options = LoadIngestOptions(CLAIMCHECK_SOURCE_DIR "/rules");
  EXPECT_TRUE(options.ok()) << options.status().ToString();
  return options.ok() ? *options : IngestOptions();
}

struct IngestRun {
  std::vector<Document> docs;
  DiagnosticSink sink;
  int count = 0;

  std::string Messages() const {
    std::string out;
    for (const Diagnostic& d : sink.items()) out += d.ToString() + "\n";
    return out;
  }
  // The document whose base name starts with `file_prefix`.
  const Document* Find(std::string_view file_prefix) const {
    for (const Document& d : docs) {
      std::string_view base = d.file;
      base.remove_prefix(base.rfind('/') + 1);  // npos + 1 == 0
      if (base.starts_with(file_prefix)) return &d;
    }
    return nullptr;
  }
};

IngestRun Ingest(const std::vector<std::string>& inputs) {
  IngestRun run;
  run.count = IngestInputs(inputs, ShippedOptions(), &run.sink,
                           [&](Document d) { run.docs.push_back(std::move(d)); });
  return run;
}

// Paths below kTestData shown relative to it, for stable messages.
std::string Relative(std::string s) {
  size_t pos;
  while ((pos = s.find(kTestData + "/")) != std::string::npos) s.erase(pos, kTestData.size() + 1);
  return s;
}

TEST(IngestTest, PlainTextWithDatelineSourceAndClutter) {
  IngestRun run = Ingest({kTestData + "/military_note_vi.txt"});
  ASSERT_EQ(run.count, 1) << run.Messages();
  EXPECT_TRUE(run.sink.empty()) << run.Messages();
  const Document& doc = run.docs[0];
  EXPECT_EQ(doc.file, "military_note_vi.txt");
  EXPECT_EQ(doc.path, kTestData + "/military_note_vi.txt");
  EXPECT_EQ(doc.published, "2026-01-10");
  EXPECT_EQ(doc.outlet, "Military Watch");
  EXPECT_EQ(doc.language, "vi");
  EXPECT_EQ(doc.title, "Bình Nhưỡng gửi thêm kỹ sư sang Kursk");
  EXPECT_EQ(doc.text.find("Cùng chuyên mục"), std::string::npos);
  EXPECT_EQ(doc.text.find("album"), std::string::npos);
  EXPECT_TRUE(doc.text.ends_with("Minh An (Theo Military Watch)")) << doc.text;
}

TEST(IngestTest, HtmlPage) {
  IngestRun run = Ingest({kTestData + "/treaty_page.html"});
  ASSERT_EQ(run.count, 1) << run.Messages();
  const Document& doc = run.docs[0];
  EXPECT_EQ(doc.ToString().substr(0, doc.ToString().find(" hash=")),
            "treaty_page.html outlet=Example Daily published=2024-11-12 lang=en");
  EXPECT_EQ(doc.title, "Pyongyang ratifies defence pact with Moscow");
  EXPECT_EQ(doc.text,
            "Pyongyang ratifies defence pact with Moscow\n\n"
            "North Korea has approved the mutual defence treaty it signed with Russia in June, "
            "the state news agency said on Tuesday.\n\n"
            "The pact obliges each side to give military help at once if the other is attacked & "
            "comes into force once documents are exchanged.");
}

TEST(IngestTest, FeedWithBadLineKeepsGoodLines) {
  IngestRun run = Ingest({kTestData + "/feed.jsonl"});
  EXPECT_EQ(run.count, 2);
  EXPECT_EQ(Relative(run.Messages()), "feed.jsonl:2: error: malformed JSON at byte 132 of the line\n");
  ASSERT_EQ(run.docs.size(), 2u);
  EXPECT_EQ(run.docs[0].file, "https://example.org/a1");
  EXPECT_EQ(Relative(run.docs[0].path), "feed.jsonl:1");
  EXPECT_EQ(run.docs[0].published, "2024-10-23");
  EXPECT_EQ(run.docs[0].title, "Spy agency updates troop estimate");
  EXPECT_EQ(run.docs[1].file, "feed.jsonl:3");
  EXPECT_EQ(Relative(run.docs[1].path), "feed.jsonl:3");
  EXPECT_EQ(run.docs[1].outlet, "báo mẫu");
  EXPECT_EQ(run.docs[1].language, "vi");
}

TEST(IngestTest, NfdFileBecomesNfc) {
  IngestRun run = Ingest({kTestData + "/nfd_article.txt"});
  ASSERT_EQ(run.count, 1) << run.Messages();
  const Document& doc = run.docs[0];
  // Precomposed "ệ" (U+1EC7) and "ớ" (U+1EDB) are present, combining marks are not.
  EXPECT_NE(doc.text.find("Triều Tiên"), std::string::npos);
  EXPECT_NE(doc.text.find("\xE1\xBB\x87"), std::string::npos);
  EXPECT_EQ(doc.text.find("\xCC\x82"), std::string::npos);  // U+0302 combining circumflex
  EXPECT_EQ(doc.published, "2024-11-12");
  EXPECT_EQ(doc.outlet, "Báo Mẫu");
  EXPECT_EQ(doc.language, "vi");
}

// Invalid UTF-8 is repaired with a warning (the document is kept); an empty file, an
// empty feed record and a missing input are errors; reading goes on past each.
TEST(IngestTest, InvalidUtf8IsRepairedAndReadingContinues) {
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "ingest_bad_utf8";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a_bad.txt", std::ios::binary) << "Dòng một\nDòng hai\nDòng \xE1\xBB ba\n";
  std::ofstream(dir / "b_good.txt", std::ios::binary) << "Văn bản hợp lệ.\n";
  std::ofstream(dir / "c_empty.txt", std::ios::binary) << "\n  \n";
  std::ofstream(dir / "c_zero.txt", std::ios::binary) << "";
  std::ofstream(dir / "d_feed.jsonl", std::ios::binary)
      << "{\"text\": \"Good one.\"}\n{\"text\": \"bad \xFF\"}\n\n{\"text\": \"\"}\n";
  IngestRun run = Ingest({dir.string(), (dir / "nope.txt").string()});
  EXPECT_EQ(run.count, 4);
  ASSERT_EQ(run.docs.size(), 4u);
  EXPECT_EQ(run.docs[0].file, "a_bad.txt");
  EXPECT_EQ(run.docs[0].text, "Dòng một\nDòng hai\nDòng \uFFFD ba");
  EXPECT_EQ(run.docs[1].file, "b_good.txt");
  EXPECT_EQ(run.docs[2].file, "d_feed.jsonl:1");
  EXPECT_EQ(run.docs[3].text, "bad \uFFFD");
  std::string messages = run.Messages();
  std::string d = dir.string();
  EXPECT_EQ(messages,
            d + "/a_bad.txt:3:7: warning: invalid UTF-8: 1 bad byte sequence replaced with U+FFFD "
                "(first at byte offset 28)\n" +
            d + "/c_empty.txt: error: empty document (no text after removing page clutter)\n" +
            d + "/c_zero.txt: error: empty file\n" +
            d + "/d_feed.jsonl:2:15: warning: invalid UTF-8: 1 bad byte sequence replaced with "
                "U+FFFD\n" +
            d + "/d_feed.jsonl:4: error: missing or empty \"text\"\n" +
            d + "/nope.txt: error: no such file or directory\n");
  EXPECT_EQ(run.sink.error_count(), 4);
  std::filesystem::remove_all(dir);
}

// A pipe named on the command line is refused (reading it would block); a mode-000
// file is refused unless we run as root (root reads it anyway: the test checks the
// rest, then reports itself skipped).
TEST(IngestTest, UnreadableInputsAreRefusedAndReadingContinues) {
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "ingest_unreadable";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ASSERT_EQ(mkfifo((dir / "pipe").c_str(), 0600), 0);
  std::ofstream(dir / "good.txt", std::ios::binary) << "Văn bản hợp lệ.\n";
  std::ofstream(dir / "locked.txt", std::ios::binary) << "Không đọc được.\n";
  std::filesystem::permissions(dir / "locked.txt", std::filesystem::perms::none);
  IngestRun run = Ingest({(dir / "pipe").string(), (dir / "locked.txt").string(),
                          (dir / "good.txt").string()});
  std::string d = dir.string();
  std::string expected = d + "/pipe: error: not a regular file (a pipe, socket or device); not read\n";
  if (geteuid() != 0) expected += d + "/locked.txt: error: cannot read file: Permission denied\n";
  EXPECT_EQ(run.Messages(), expected);
  ASSERT_FALSE(run.docs.empty());
  EXPECT_EQ(run.docs.back().file, "good.txt");
  std::filesystem::permissions(dir / "locked.txt", std::filesystem::perms::owner_all);
  std::filesystem::remove_all(dir);
  if (geteuid() == 0) GTEST_SKIP() << "running as root: a mode-000 file is readable";
}

// The same article in NFC and NFD (decomposed tone marks) becomes the same Document
// (text, metadata, content hash), so extraction gives the same claims.
TEST(IngestTest, NfdAndNfcGiveTheSameDocument) {
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "ingest_nfd_nfc";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string nfc =
      "Bão đổ bộ vào Quảng Ninh\n\nThứ Bảy, 07/09/2024 18:00\n\n"
      "Cơn bão làm 4 người chết tại tỉnh Quảng Ninh.\n";
  // NFD by hand: ả = a + U+0309, ộ = o + U+0323 + U+0302, ư = u + U+031B, ế = e + U+0302 + U+0301.
  std::string nfd = nfc;
  const std::pair<std::string, std::string> decompose[] = {
      {"ả", "a\xCC\x89"}, {"ộ", "o\xCC\xA3\xCC\x82"}, {"ư", "u\xCC\x9B"},
      {"ế", "e\xCC\x82\xCC\x81"}, {"ứ", "u\xCC\x9B\xCC\x81"}, {"ờ", "o\xCC\x9B\xCC\x80"},
      {"ỉ", "i\xCC\x89"}, {"ả", "a\xCC\x89"}, {"ổ", "o\xCC\x82\xCC\x89"}};
  for (const auto& [from, to] : decompose) {
    for (size_t pos; (pos = nfd.find(from)) != std::string::npos;) nfd.replace(pos, from.size(), to);
  }
  ASSERT_NE(nfd, nfc);
  std::ofstream(dir / "a_nfc.txt", std::ios::binary) << nfc;
  std::ofstream(dir / "b_nfd.txt", std::ios::binary) << nfd;
  IngestRun run = Ingest({dir.string()});
  ASSERT_EQ(run.docs.size(), 2u) << run.Messages();
  EXPECT_TRUE(run.sink.empty()) << run.Messages();
  EXPECT_EQ(run.docs[1].text, run.docs[0].text);
  EXPECT_EQ(run.docs[1].title, run.docs[0].title);
  EXPECT_EQ(run.docs[1].published, run.docs[0].published);
  EXPECT_EQ(run.docs[1].content_hash, run.docs[0].content_hash);
  std::filesystem::remove_all(dir);
}

// Size limits (small here): a file over max_file_bytes is not read, a text over
// max_document_bytes not processed, a feed line over max_file_bytes skipped without
// being kept in memory; the rest is read.
TEST(IngestTest, SizeLimits) {
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "ingest_limits";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a_big.txt", std::ios::binary) << std::string(100, 'x');
  std::ofstream(dir / "b_long.txt", std::ios::binary) << std::string(50, 'y');
  std::ofstream(dir / "c_ok.txt", std::ios::binary) << "Short.\n";
  std::ofstream(dir / "d_feed.jsonl", std::ios::binary)
      << "{\"text\": \"One.\"}\n{\"text\": \"" << std::string(200, 'z')
      << "\"}\n{\"text\": \"Three.\"}";
  IngestOptions options = ShippedOptions();
  options.max_file_bytes = 64;
  options.max_document_bytes = 32;
  IngestRun run;
  run.count = IngestInputs({dir.string()}, options, &run.sink,
                           [&](Document d) { run.docs.push_back(std::move(d)); });
  std::string d = dir.string();
  EXPECT_EQ(run.Messages(),
            d + "/a_big.txt: error: file is 100 bytes, over the 64 bytes limit for one input file; not read\n" +
            d + "/b_long.txt: error: text is 50 bytes, over the 32 bytes limit for one document; not processed\n" +
            d + "/d_feed.jsonl:2: error: line is 212 bytes, over the 64 bytes limit for one feed line; not read\n");
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].file, "c_ok.txt");
  EXPECT_EQ(run.docs[1].text, "One.");
  EXPECT_EQ(run.docs[2].text, "Three.");
  std::filesystem::remove_all(dir);
}

TEST(IngestTest, DirectoryWithManifest) {
  IngestRun run = Ingest({kTestData + "/corpus"});
  // Sorted by path; the hidden file, the picture and manifest.json are skipped.
  std::vector<std::string> files;
  for (const Document& d : run.docs) files.push_back(d.file);
  // Named by their path below the folder read, so sub/ files cannot clash with top-level ones.
  EXPECT_EQ(files, (std::vector<std::string>{"a_article.txt", "b_article.txt", "sub/c_article.txt"}));
  EXPECT_EQ(Relative(run.Messages()),
            "corpus/manifest.json:17: warning: manifest entry 3 (\"missing_article.txt\"): "
            "file not found\n");
  ASSERT_EQ(run.docs.size(), 3u);
  // a: no manifest entry; date from the " date 2024-11" token, which leaves the text.
  EXPECT_EQ(run.docs[0].published, "2024-11");
  EXPECT_EQ(run.docs[0].url, "");
  EXPECT_TRUE(run.docs[0].text.starts_with("Quốc hội Nga")) << run.docs[0].text;
  // b: everything from the manifest.
  EXPECT_EQ(run.docs[1].url, "https://news.example.vn/b-article.html");
  EXPECT_EQ(run.docs[1].outlet, "news.example.vn");
  EXPECT_EQ(run.docs[1].published, "2024-12-05");
  EXPECT_EQ(run.docs[1].language, "vi");
  // c: manifest by relative path, published null -> dateline.
  EXPECT_EQ(run.docs[2].outlet, "other.example.com");
  EXPECT_EQ(run.docs[2].published, "2025-01-13");
  EXPECT_EQ(Relative(run.docs[2].path), "corpus/sub/c_article.txt");
}

TEST(IngestTest, DirectoryOrderIsDeterministic) {
  IngestRun first = Ingest({kTestData});
  IngestRun second = Ingest({kTestData});
  ASSERT_EQ(first.docs.size(), second.docs.size());
  std::vector<std::string> paths;
  for (size_t i = 0; i < first.docs.size(); ++i) {
    EXPECT_EQ(first.docs[i].ToString(), second.docs[i].ToString());
    paths.push_back(Relative(first.docs[i].path));
  }
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "corpus/a_article.txt", "corpus/b_article.txt", "corpus/sub/c_article.txt",
                       "feed.jsonl:1", "feed.jsonl:3", "military_note_vi.txt",
                       "nfd_article.txt", "treaty_page.html"}));
}

// A fresh temporary folder for one test, removed at the end.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name) : path_(std::filesystem::path(testing::TempDir()) / name) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  // Writes `text` to `relative` (creating folders); returns its path.
  std::string Write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string operator/(const std::string& relative) const { return (path_ / relative).string(); }

 private:
  std::filesystem::path path_;
};

std::vector<std::string> Files(const IngestRun& run) {
  std::vector<std::string> files;
  for (const Document& d : run.docs) files.push_back(d.file);
  return files;
}

// Two outlets' folders that both hold "story.txt" give two documents (before, the
// second replaced the first in the store: both were named "story.txt").
TEST(IngestTest, SameFileNameInTwoFoldersGivesTwoDocuments) {
  ScratchDir dir("ingest_same_name");
  dir.Write("outlet_a/2024-05-03/story.txt", "Hanoi, 3/5/2024 - At least 120 people died in the floods.\n");
  dir.Write("outlet_b/2024-05-04/story.txt", "Hue, 4/5/2024 - About 300 people died in the floods.\n");
  dir.Write("story.txt", "A third article with the same base name.\n");
  IngestRun run = Ingest({dir / ""});
  EXPECT_TRUE(run.sink.empty()) << run.Messages();
  EXPECT_EQ(Files(run), (std::vector<std::string>{"outlet_a/2024-05-03/story.txt",
                                                 "outlet_b/2024-05-04/story.txt", "story.txt"}));
  EXPECT_NE(run.docs[0].text, run.docs[1].text);
}

// Two inputs that would store under one name: the first is read, the second is an
// error naming it (and not read), the other inputs go on.
TEST(IngestTest, TwoInputsWithOneNameTheSecondIsRefused) {
  ScratchDir dir("ingest_name_clash");
  std::string a = dir.Write("a/story.txt", "First text about the floods.\n");
  std::string b = dir.Write("b/story.txt", "Second, different text.\n");
  std::string c = dir.Write("c/other.txt", "Another article.\n");
  IngestRun run = Ingest({a, b, c});
  EXPECT_EQ(run.Messages(), b + ": error: another input in this run is also named \"story.txt\"; not read "
                                "(it would replace that document: rename one, or give each a distinct url)\n");
  EXPECT_EQ(run.count, 2);
  EXPECT_EQ(Files(run), (std::vector<std::string>{"story.txt", "other.txt"}));
  EXPECT_EQ(run.docs[0].text, "First text about the floods.");
}

// The same folder given twice: each file is read once, with a warning (not an error:
// nothing was lost).
TEST(IngestTest, FolderGivenTwiceIsReadOnce) {
  ScratchDir dir("ingest_twice");
  dir.Write("one.txt", "One article.\n");
  dir.Write("sub/two.txt", "Two articles.\n");
  IngestRun run = Ingest({dir / "", dir / ""});
  EXPECT_EQ(run.sink.error_count(), 0) << run.Messages();
  EXPECT_EQ(Files(run), (std::vector<std::string>{"one.txt", "sub/two.txt"}));
  EXPECT_EQ(run.Messages(), dir / "one.txt" + ": warning: \"one.txt\" was already read in this run (same bytes); read once\n" +
                                dir / "sub/two.txt" + ": warning: \"sub/two.txt\" was already read in this run (same bytes); read once\n");
}

// In a feed, a document is named by its url: an identical repeated line is read once
// (warning); another line with a taken url is an error naming feed:line.
TEST(IngestTest, FeedLinesWithOneUrl) {
  ScratchDir dir("ingest_feed_urls");
  const std::string line1 = "{\"url\": \"https://x.example/1\", \"text\": \"First.\"}\n";
  std::string feed = dir.Write("feed.jsonl", line1 + line1 +
                                                 "{\"url\": \"https://x.example/1\", \"text\": \"Changed.\"}\n"
                                                 "{\"text\": \"No url.\"}\n");
  IngestRun run = Ingest({feed});
  EXPECT_EQ(run.Messages(),
            feed + ":2: warning: \"https://x.example/1\" was already read in this run (same bytes); read once\n" +
                feed + ":3: error: another input in this run is also named \"https://x.example/1\"; not read "
                       "(it would replace that document: rename one, or give each a distinct url)\n");
  EXPECT_EQ(Files(run), (std::vector<std::string>{"https://x.example/1", "feed.jsonl:4"}));
  EXPECT_EQ(run.docs[0].text, "First.");
}

// A feed inside a folder names its url-less lines by the feed's path below the folder.
TEST(IngestTest, FeedInSubfolderNamesLinesByRelativePath) {
  ScratchDir dir("ingest_feed_sub");
  dir.Write("a/feed.jsonl", "{\"text\": \"One.\"}\n");
  dir.Write("b/feed.jsonl", "{\"text\": \"Two.\"}\n");
  IngestRun run = Ingest({dir / ""});
  EXPECT_TRUE(run.sink.empty()) << run.Messages();
  EXPECT_EQ(Files(run), (std::vector<std::string>{"a/feed.jsonl:1", "b/feed.jsonl:1"}));
}

class SharedCorpusTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(CLAIMCHECK_SHARED_DIR "/seeds")) {
      GTEST_SKIP() << "no shared corpus at " CLAIMCHECK_SHARED_DIR;
    }
  }
};

TEST_F(SharedCorpusTest, Seeds) {
  IngestRun run = Ingest({CLAIMCHECK_SHARED_DIR "/seeds"});
  EXPECT_TRUE(run.sink.empty()) << run.Messages();
  ASSERT_EQ(run.count, 5);  // gold.json is not an article
  const Document* d000 = run.Find("000_");
  const Document* d002 = run.Find("002_");
  const Document* d003 = run.Find("003_");
  const Document* d004 = run.Find("004_");
  ASSERT_TRUE(d000 && d002 && d003 && d004);
  EXPECT_EQ(d000->published, "2026-01-10");
  EXPECT_EQ(d000->outlet, "Military Watch");
  EXPECT_EQ(d000->language, "vi");
  EXPECT_EQ(d000->text.find("Cùng chuyên mục"), std::string::npos);
  EXPECT_EQ(d000->text.find("Jennie"), std::string::npos);
  EXPECT_EQ(d000->text.find("Nổi bật trong ngày"), std::string::npos);
  EXPECT_EQ(d002->published, "2025-10-24");
  EXPECT_FALSE(d002->text.starts_with(" date")) << d002->text.substr(0, 40);
  EXPECT_EQ(d003->outlet, "VnExpress");
  EXPECT_EQ(d003->published, "");
  EXPECT_EQ(d004->published, "2025-12-18");
}

TEST_F(SharedCorpusTest, DevWithManifest) {
  IngestRun run = Ingest({CLAIMCHECK_SHARED_DIR "/dev"});
  EXPECT_EQ(run.sink.error_count(), 0) << run.Messages();
  const Document* d002 = run.Find("002_");
  const Document* d004 = run.Find("004_");
  const Document* d006 = run.Find("006_");
  ASSERT_TRUE(d002 && d004 && d006) << run.Messages();
  EXPECT_EQ(d002->published, "2024-10-23");
  EXPECT_EQ(d002->outlet, "localnews8.com");
  EXPECT_TRUE(d002->url.starts_with("https://localnews8.com/"));
  EXPECT_EQ(d004->published, "2024-11");
  EXPECT_EQ(d004->outlet, "vietbao.vn");
  EXPECT_EQ(d006->published, "2024-11-12");
  EXPECT_EQ(d006->language, "vi");
  for (const Document& d : run.docs) EXPECT_FALSE(d.outlet.empty()) << d.file;
}

}  // namespace
}  // namespace claimcheck
