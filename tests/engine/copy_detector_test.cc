#include "engine/copy_detector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <map>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "base/unicode.h"
#include "engine/numeric.h"

namespace claimcheck {
namespace {

std::string Groups(const std::vector<std::vector<std::string>>& groups) {
  std::vector<std::string> parts;
  for (const auto& g : groups) parts.push_back("[" + Join(g, ",") + "]");
  return Join(parts, " ");
}

Document Doc(std::string file, std::string text) {
  Document d;
  d.file = std::move(file);
  d.text = std::move(text);
  return d;
}

TEST(NumericTest, TruthDiscoveryFavoursTheValueMoreTrustedSourcesState) {
  // Question 1: sources 0 and 1 say value 0, source 2 says value 1 (incompatible).
  // Question 2: source 2 alone says value 2 (nothing competes).
  TruthGraph g;
  g.sources = 3;
  g.values = 3;
  g.assertions = {{0, 0, 1}, {1, 0, 1}, {2, 1, 1}, {2, 2, 1}};
  g.implications = {{0, 1, -1}, {1, 0, -1}};
  TruthScores s = DiscoverTruth(g, TruthOptions{});
  ASSERT_EQ(s.trust.size(), 3u);
  ASSERT_EQ(s.confidence.size(), 3u);
  EXPECT_GT(s.confidence[0], s.confidence[1]);
  EXPECT_GT(s.trust[0], s.trust[2]);
  EXPECT_DOUBLE_EQ(s.trust[0], s.trust[1]);
  EXPECT_GT(s.iterations, 1);
  for (double t : s.trust) EXPECT_TRUE(t > 0 && t < 1) << t;
  // Without the incompatibility the two values do not hurt each other.
  g.implications.clear();
  TruthScores free = DiscoverTruth(g, TruthOptions{});
  EXPECT_GT(free.confidence[1], s.confidence[1]);
  // An empty graph is fine.
  EXPECT_TRUE(DiscoverTruth(TruthGraph{}, TruthOptions{}).trust.empty());
}

TEST(CopyDetectorTest, ShinglesIgnoreCaseAndPunctuation) {
  EXPECT_EQ(Shingles("Hà Nội, ngày 5 — MƯA lớn.", 3), Shingles("hà nội ngày 5 mưa “lớn”", 3));
  EXPECT_EQ(Shingles("one two three four five", 5).size(), 1u);
  EXPECT_TRUE(Shingles("too short", 5).empty());
}

// The former Shingles and CreditedSource (whole text lower-cased with ToLowerUtf8, split
// into a vector of words, each shingle hashed word by word; every line lower-cased):
// the oracles of the fast versions.
size_t SeparatorLengthReference(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return std::isalnum(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = s[i + 1];
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
  }
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char d = s[i + 1];
    if (d == 0x80 || d == 0x81) return 3;
  }
  return 0;
}

std::vector<std::string_view> WordsReference(std::string_view s) {
  std::vector<std::string_view> words;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < s.size();) {
    size_t sep = SeparatorLengthReference(s, i);
    if (sep > 0) {
      if (start != std::string_view::npos) words.push_back(s.substr(start, i - start));
      start = std::string_view::npos;
      i += sep;
    } else {
      if (start == std::string_view::npos) start = i;
      ++i;
    }
  }
  if (start != std::string_view::npos) words.push_back(s.substr(start));
  return words;
}

std::vector<uint32_t> ShinglesReference(std::string_view text, int words) {
  std::string lower = ToLowerUtf8(text);
  std::vector<std::string_view> w = WordsReference(lower);
  std::vector<uint32_t> out;
  const size_t n = static_cast<size_t>(std::max(words, 1));
  for (size_t i = 0; i + n <= w.size(); ++i) {
    uint64_t h = Fnv1a64(w[i]);
    for (size_t k = 1; k < n; ++k) h = Fnv1a64(w[i + k], Fnv1a64(" ", h));
    out.push_back(static_cast<uint32_t>(h & (kShingleDimension - 1)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string CreditedSourceReference(std::string_view text, const std::vector<std::string>& prefixes) {
  std::vector<std::string> lowered;
  for (const auto& p : prefixes) lowered.push_back(ToLowerUtf8(p));
  std::sort(lowered.begin(), lowered.end(),
            [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
  for (const std::string& raw : Split(std::string(text), '\n')) {
    std::string line(Trim(ToLowerUtf8(raw)));
    if (line.empty() || WordsReference(line).size() > 6) continue;
    for (const auto& p : lowered) {
      std::string_view prefix = p;
      if (prefix.empty() || !StartsWith(line, prefix)) continue;
      std::string name = NormalizeSourceName(line.substr(prefix.size()));
      if (!name.empty()) return name;
    }
  }
  return "";
}

std::string Utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

const std::vector<std::string> kCreditPrefixes = {"Nguồn:", "Theo", "SOURCE:", "Ảnh"};

TEST(CopyDetectorTest, FastShinglesAndCreditsEqualTheReferenceOnATable) {
  const std::vector<std::string> texts = {
      "",
      "one",
      "Hà Nội, ngày 5 — MƯA lớn. ĐÀ NẴNG «bão» số 3\u00a0đổ bộ… “Quảng Ngãi” thiệt hại 1.500 tỷ",
      "STRASSE Straße ẞ groß İstanbul ǅemal ﬁnal ΣΟΦΊΑ σοφία Ωmega \u2126hm \u212Aelvin",
      "e\u0301 combining a\u0323\u0302 marks x\u0338 <\u0338 =\u0338 tail words here",
      "spaces\u2000en\u2001em\u2002quad\u3000ideographic\u200bzero width joiner\u200dend",
      "greek\u037Equestion ano\u0387teleia varia\u1FEFx oxia\u1FFDy words after it",
      "emoji 😀 grin 𝐀 math ＦＵＬＬ width ｈａｌｆ Ǆ ǅ ǆ Ⅻ roman ⓐ circled words",
      std::string("invalid \xff\xfe bytes \xc3 here and there in the words ok"),
      std::string("truncated at the end \xe1\xba"),
      "Nguồn: VnExpress\nTheo Tuổi Trẻ Online\nSOURCE: WWW.Example.COM.\nA long line with many words that is not a credit",
      "  Theo   KCNA, hiệp ước đã được ký kết vào ngày hôm qua tại thủ đô\n\nẢNH: Reuters  ",
      "tab\tseparated\twords\r\nwindows\r\nlines\fform\vfeed",
  };
  for (const std::string& text : texts) {
    for (int n : {1, 2, 5}) EXPECT_EQ(Shingles(text, n), ShinglesReference(text, n)) << n << ": " << text;
    EXPECT_EQ(CreditedSource(text, kCreditPrefixes), CreditedSourceReference(text, kCreditPrefixes)) << text;
  }
}

TEST(CopyDetectorTest, FastShinglesEqualTheReferenceForEveryCodePointBelowU2100) {
  for (char32_t cp = 1; cp < 0x2100; ++cp) {
    const std::string c = Utf8(cp);
    const std::string text = "Ab" + c + "c " + c + c + " X" + c + " " + c + "y. " + c;
    ASSERT_EQ(Shingles(text, 1), ShinglesReference(text, 1)) << std::hex << static_cast<uint32_t>(cp);
    ASSERT_EQ(Shingles(text, 2), ShinglesReference(text, 2)) << std::hex << static_cast<uint32_t>(cp);
    const std::string credit = "Theo " + c + "Ab" + c + "\nNguồn: x" + c + " y z" + c + " w\n";
    ASSERT_EQ(CreditedSource(credit, kCreditPrefixes), CreditedSourceReference(credit, kCreditPrefixes))
        << std::hex << static_cast<uint32_t>(cp);
  }
}

TEST(CopyDetectorTest, FastShinglesAndCreditsEqualTheReferenceOnRandomTexts) {
  // Pieces news text is made of, and pieces that make the fast path step aside.
  const std::vector<std::string> pieces = {
      "a", "B", "the", "Hà", "NỘI", "đà", "Nẵng", "ĐƯỜNG", "quảng", "ngãi", "lũ", "Ấn", "ỹ", "Ỳ", "1.500",
      "12,5", "tỷ", "Nguồn:", "Theo", "SOURCE:", "ảnh", " ", " ", " ", " ", "\n", "\n", ", ", ". ", "—", "–",
      "…", "“", "”", "«", "»", "\u00a0", "\u2009", "\u2000", "(", ")", "-", "/", "%", "ß", "İ", "ǅ", "ﬁ",
      "\u0301", "\u0323", "<\u0338", "Σ", "ς", "Ω", "😀", "\u037E", "\t", "\r\n", "é", "É", "ü", "Ü"};
  uint64_t state = 20261125;
  auto next = [&]() { return state = state * 6364136223846793005ull + 1442695040888963407ull, state >> 33; };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t length = next() % 120;
    for (size_t k = 0; k < length; ++k) text += pieces[next() % pieces.size()];
    if (round % 10 == 0) text += std::string(1, static_cast<char>(0x80 + next() % 0x40));  // invalid
    for (int n : {1, 3, 5}) ASSERT_EQ(Shingles(text, n), ShinglesReference(text, n)) << n << ": " << text;
    ASSERT_EQ(CreditedSource(text, kCreditPrefixes), CreditedSourceReference(text, kCreditPrefixes)) << text;
  }
}

const char* kStory =
    "The provincial committee said heavy rain over three days had flooded more than two thousand "
    "hectares of rice and cut the main road to the northern districts while rescue teams moved "
    "families from the riverside villages to schools on higher ground before the water rose again";

TEST(CopyDetectorTest, ContainedTextWithClutterIsACopy) {
  std::string cluttered = std::string("Home | News | Weather\nSubscribe now for daily alerts\n") + kStory +
                          "\nRelated: ten tips for the rainy season; traffic report; the cost of "
                          "vegetables at the market this week; a football result from the weekend";
  std::vector<Document> docs = {
      Doc("b.txt", kStory), Doc("a.txt", cluttered),
      Doc("c.txt", "A different article about a bridge that was repaired after the storm last year "
                   "and reopened to traffic by the transport department on a sunny Monday morning"),
      Doc("d.txt", "Home | News | Weather")};
  EXPECT_EQ(Groups(FindCopyGroups(docs, {})), "[a.txt,b.txt]");
  CopyOptions strict;
  strict.min_similarity = 1.01;
  EXPECT_EQ(Groups(FindCopyGroups(docs, strict)), "");
}

// All pairs, the definition itself: what FindCopyGroups' prefix filtering must equal.
std::string BruteForceGroups(const std::vector<Document>& docs, const CopyOptions& options) {
  std::vector<std::vector<uint32_t>> sets;
  for (const auto& d : docs) sets.push_back(Shingles(d.text, options.shingle_words));
  std::vector<size_t> root(docs.size());
  for (size_t i = 0; i < root.size(); ++i) root[i] = i;
  std::function<size_t(size_t)> find = [&](size_t x) { return root[x] == x ? x : root[x] = find(root[x]); };
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      size_t smaller = std::min(sets[i].size(), sets[j].size());
      if (smaller < options.min_shingles) continue;
      std::vector<uint32_t> both;
      std::set_intersection(sets[i].begin(), sets[i].end(), sets[j].begin(), sets[j].end(),
                            std::back_inserter(both));
      if (both.size() / static_cast<double>(smaller) >= options.min_similarity) {
        size_t x = find(i), y = find(j);
        root[std::max(x, y)] = std::min(x, y);
      }
    }
  }
  std::map<size_t, std::vector<std::string>> groups;
  for (size_t i = 0; i < docs.size(); ++i) groups[find(i)].push_back(docs[i].file);
  std::vector<std::vector<std::string>> out;
  for (auto& [r, g] : groups) {
    std::sort(g.begin(), g.end());
    if (g.size() >= 2) out.push_back(g);
  }
  std::sort(out.begin(), out.end());
  return Groups(out);
}

// Pages built from a few boilerplate paragraphs (in most pages), stories of their own,
// copies with a paragraph dropped or added, and short texts near the thresholds.
std::vector<Document> BoilerplatePages() {
  const std::vector<std::string> boilerplate = {
      "subscribe to the morning letter and follow the newsroom on every network for alerts",
      "the desk reads every tip sent at any hour and publishes corrections on a page of their own",
      "weather traffic markets and football results are updated through the day on the live page"};
  std::vector<Document> docs;
  uint64_t state = 7;
  auto next = [&]() { return state = state * 6364136223846793005ull + 1442695040888963407ull, state >> 33; };
  for (int i = 0; i < 200; ++i) {
    std::string text;
    for (const auto& b : boilerplate) {
      if (next() % 3 != 0) text += b + "\n";
    }
    int own = static_cast<int>(next() % 4);
    for (int k = 0; k < own; ++k) {
      text += "story " + std::to_string(i) + " paragraph " + std::to_string(k) + " says the bridge at km " +
              std::to_string(next() % 50) + " reopened after " + std::to_string(next() % 9) + " days of repairs\n";
    }
    docs.push_back(Doc("d" + std::to_string(i) + ".txt", text));
    if (i % 7 == 0 && !text.empty()) {
      docs.push_back(Doc("copy" + std::to_string(i) + ".txt", text.substr(text.size() / 4)));
    }
  }
  return docs;
}

TEST(CopyDetectorTest, PrefixFilteringFindsExactlyTheCopiesAllPairsFind) {
  const std::vector<Document> docs = BoilerplatePages();
  for (double t : {0.6, 0.8, 1.0, 0.3, 0.5, 0.9}) {
    CopyOptions options;
    options.min_similarity = t;
    EXPECT_EQ(Groups(FindCopyGroups(docs, options)), BruteForceGroups(docs, options)) << "t=" << t;
    // More than 64 documents: shingled and joined on two threads by default (each
    // thread skipping only the pairs it joined itself); 1, 3 or 8 give the same groups.
    for (int threads : {1, 3, 8}) {
      options.threads = threads;
      EXPECT_EQ(Groups(FindCopyGroups(docs, options)), BruteForceGroups(docs, options))
          << "t=" << t << ", " << threads << " threads";
    }
  }
  // The data has copies to find (the boilerplate alone joins most pages at 0.6).
  EXPECT_NE(BruteForceGroups(docs, CopyOptions{}), "");
}

// The documents stored: ids 1..n in the order given, a content hash from the text.
std::vector<Document> Stored(std::vector<Document> docs) {
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].id = static_cast<int64_t>(i + 1);
    docs[i].content_hash = std::to_string(Fnv1a64(docs[i].text));
  }
  return docs;
}

TEST(CopyDetectorTest, AMemoryOfTheFirstDocumentsGivesTheGroupsOfAllDocuments) {
  // The documents in an order of their own (copies apart from their originals, short
  // and long pages mixed), then the first k judged and remembered, and all of them
  // joined with that memory: the groups all pairs find, for every k and threshold.
  std::vector<Document> pages = BoilerplatePages();
  uint64_t state = 11;
  for (size_t i = pages.size() - 1; i > 0; --i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    std::swap(pages[i], pages[(state >> 33) % (i + 1)]);
  }
  const std::vector<Document> docs = Stored(pages);
  for (double t : {0.6, 0.9, 0.3}) {
    CopyOptions options;
    options.min_similarity = t;
    const std::string expected = BruteForceGroups(docs, options);
    CopyMemory fresh;
    FindCopyGroups(docs, options, nullptr, &fresh);
    for (size_t k : {size_t{0}, size_t{1}, size_t{40}, docs.size() / 2, docs.size() - 3, docs.size()}) {
      const std::vector<Document> first(docs.begin(), docs.begin() + static_cast<long>(k));
      CopyMemory memory;
      EXPECT_EQ(Groups(FindCopyGroups(first, options, nullptr, &memory)), BruteForceGroups(first, options));
      EXPECT_EQ(memory.upto, static_cast<int64_t>(k));
      for (int threads : {1, 2}) {
       // The documents the memory does not cover are joined through an index of their
       // features (the default) or with the prefix filter over every document's.
       for (bool by_prefix_filter : {false, true}) {
        options.threads = threads;
        options.join_new_by_prefix_filter = by_prefix_filter;
        CopyMemory after;
        EXPECT_EQ(Groups(FindCopyGroups(docs, options, &memory, &after)), expected)
            << "t=" << t << ", first " << k << ", " << threads << " threads"
            << (by_prefix_filter ? ", prefix filter" : "");
        // The new memory covers every document, a forest of the same groups (one pair
        // fewer than each group's size), as a call without memory makes.
        EXPECT_EQ(after.ToString(), fresh.ToString());
        EXPECT_EQ(after.upto, static_cast<int64_t>(docs.size()));
       }
      }
    }
  }
}

// A new document sharing exactly the threshold's share of its shingles with a
// remembered one is its copy; one shingle fewer is not. Ten 5-word shingles each:
// b repeats a's first ten words (six shingles) and goes on in words of its own.
TEST(CopyDetectorTest, ANewDocumentJoinsAtTheThresholdExactly) {
  std::string a, b;
  for (int w = 1; w <= 14; ++w) a += "word" + std::to_string(w) + " ";
  for (int w = 1; w <= 10; ++w) b += "word" + std::to_string(w) + " ";
  for (int w = 1; w <= 4; ++w) b += "other" + std::to_string(w) + " ";
  ASSERT_EQ(Shingles(a, 5).size(), 10u);
  ASSERT_EQ(Shingles(b, 5).size(), 10u);
  const std::vector<Document> docs = Stored({Doc("a.txt", a), Doc("b.txt", b)});
  for (bool by_prefix_filter : {false, true}) {
    for (double t : {0.6, 0.61}) {
      CopyOptions options;
      options.min_similarity = t;
      options.join_new_by_prefix_filter = by_prefix_filter;
      CopyMemory memory;
      FindCopyGroups({docs[0]}, options, nullptr, &memory);
      ASSERT_EQ(memory.upto, 1);
      EXPECT_EQ(Groups(FindCopyGroups(docs, options, &memory, nullptr)), t == 0.6 ? "[a.txt,b.txt]" : "")
          << "t=" << t << (by_prefix_filter ? ", prefix filter" : "");
    }
  }
}

TEST(CopyDetectorTest, AMemoryIsUsedOnlyForTheDocumentsItSaw) {
  // Two unrelated stories, remembered as copies (a memory no call would make): used,
  // the memory joins them, which shows it is read and its pairs are not judged again.
  std::string story(kStory);
  std::vector<Document> docs = Stored({Doc("a.txt", story), Doc("b.txt", BoilerplatePages()[3].text),
                                       Doc("c.txt", story.substr(story.size() / 5))});
  const std::vector<Document> first(docs.begin(), docs.begin() + 2);
  CopyMemory memory;
  FindCopyGroups(first, {}, nullptr, &memory);
  EXPECT_EQ(memory.pairs.size(), 0u);
  memory.pairs = {{"a.txt", "b.txt"}};
  EXPECT_EQ(Groups(FindCopyGroups(docs, {}, &memory)), "[a.txt,b.txt,c.txt]");
  // Not used when a document it covers changed, when the options differ, or when it
  // covers a document that is gone: the groups are judged from the texts alone.
  std::vector<Document> changed = docs;
  changed[1].content_hash = "changed";
  EXPECT_EQ(Groups(FindCopyGroups(changed, {}, &memory)), "[a.txt,c.txt]");
  CopyOptions stricter;
  stricter.min_similarity = 0.7;
  EXPECT_EQ(Groups(FindCopyGroups(docs, stricter, &memory)), "[a.txt,c.txt]");
  EXPECT_EQ(Groups(FindCopyGroups({docs[0], docs[2]}, {}, &memory)), "[a.txt,c.txt]");
  // No memory is made of documents that are not stored.
  CopyMemory none;
  FindCopyGroups({Doc("x.txt", story), Doc("y.txt", story)}, {}, nullptr, &none);
  EXPECT_EQ(none.options, "");
  EXPECT_EQ(none.pairs.size(), 0u);
}

TEST(CopyDetectorTest, GroupsAreTransitive) {
  std::string story(kStory);
  std::string first_half = story.substr(0, story.size() * 2 / 3);
  std::string second_half = story.substr(story.size() / 3);
  std::vector<Document> docs = {Doc("x.txt", first_half), Doc("y.txt", story), Doc("z.txt", second_half)};
  EXPECT_EQ(Groups(FindCopyGroups(docs, {})), "[x.txt,y.txt,z.txt]");
}

std::vector<Document> ReadDir(const std::filesystem::path& dir) {
  std::vector<Document> docs;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::ostringstream text;
    text << in.rdbuf();
    docs.push_back(Doc(e.path().filename().string(), text.str()));
  }
  return docs;
}

TEST(CopyDetectorTest, SeedCopiesAreExactlyTheGoldPair) {
  std::filesystem::path seeds = std::filesystem::path(CLAIMCHECK_SHARED_DIR) / "seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no " << seeds;
  EXPECT_EQ(Groups(FindCopyGroups(ReadDir(seeds), {})),
            "[000_93de4eb2b8bc2841.txt,001_35a12b3184c32eee.txt]");
}

TEST(CopyDetectorTest, DevArticlesHaveNoCopies) {
  std::filesystem::path dev = std::filesystem::path(CLAIMCHECK_SHARED_DIR) / "dev" / "docs";
  if (!std::filesystem::is_directory(dev)) GTEST_SKIP() << "no " << dev;
  EXPECT_EQ(Groups(FindCopyGroups(ReadDir(dev), {})), "");
}

}  // namespace
}  // namespace claimcheck
