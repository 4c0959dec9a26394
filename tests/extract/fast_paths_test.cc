// The extractor's fast paths against slow references: WordTable and
// WordVocabulary against std::unordered_map, PhraseSet::AnyIn against FindAll,
// the number and date scanners' flag gates (tokens looked up in a vocabulary)
// against their word-list gates (tokens not looked up),
// TokenizeText and SplitSentences against their former byte-by-byte decoding
// versions (kept here as oracles), on tables and on generated text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/unicode.h"
#include "extract/date_parser.h"
#include "extract/number_parser.h"
#include "extract/phrase_set.h"
#include "extract/sentence_splitter.h"
#include "extract/word_table.h"
#include "extract/word_vocabulary.h"

namespace claimcheck {
namespace {

// ---------------------------------------------------------------- oracles

size_t OracleDecode(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = 1;
  char32_t v = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *cp = v;
  return len;
}

bool OracleSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool OracleLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  return true;
}

// TokenizeText as it was before its ASCII fast paths: every code point decoded.
std::vector<TextToken> OracleTokenize(std::string_view text) {
  std::vector<TextToken> out;
  bool space = true, line = true;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    size_t len = OracleDecode(text, i, &cp);
    if (OracleSpace(cp)) {
      space = true;
      if (cp == '\n') line = true;
      i += len;
      continue;
    }
    TextToken t;
    t.begin = i;
    t.space_before = space;
    t.line_start = line;
    space = line = false;
    if (cp >= '0' && cp <= '9') {
      t.kind = TokenKind::kDigits;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    } else if (OracleLetter(cp)) {
      t.kind = TokenKind::kWord;
      i += len;
      while (i < text.size()) {
        size_t l = OracleDecode(text, i, &cp);
        if (!OracleLetter(cp)) break;
        i += l;
      }
    } else {
      t.kind = TokenKind::kPunct;
      i += len;
    }
    t.end = i;
    std::string_view raw = text.substr(t.begin, t.end - t.begin);
    if (t.kind == TokenKind::kWord) {
      t.lower = ToLowerUtf8(raw);
      t.upper_initial = t.lower.compare(0, len, raw.substr(0, len)) != 0;
    } else {
      t.lower = std::string(raw);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string Describe(const std::vector<TextToken>& tokens) {
  std::string s;
  for (const TextToken& t : tokens) {
    s += std::to_string(static_cast<int>(t.kind)) + ":" + std::to_string(t.begin) + "-" + std::to_string(t.end) +
         ":" + t.lower + ":" + (t.space_before ? "s" : "") + (t.upper_initial ? "U" : "") +
         (t.line_start ? "L" : "") + " ";
  }
  return s;
}

bool OracleSentenceStart(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= '0' && cp <= '9') return true;
  if (cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 || cp == 0xAB) return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x100 && cp <= 0x24F) return (cp % 2) == 0 && cp != 0x138;
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return (cp % 2) == 0;
  return false;
}

bool OracleClosingQuote(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

bool OracleSplitSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// SplitSentences as it was before it passed over plain ASCII bytes: every code point decoded.
std::vector<SentenceSpan> OracleSplit(std::string_view text, const std::unordered_set<std::string>& abbreviations) {
  std::vector<SentenceSpan> out;
  int paragraph = 0;
  size_t start = 0;
  auto emit = [&](size_t b, size_t e) {
    while (b < e && (OracleSplitSpace(text[b]) || text[b] == '\n')) ++b;
    while (e > b && (OracleSplitSpace(text[e - 1]) || text[e - 1] == '\n')) --e;
    if (e > b) out.push_back({b, e, paragraph});
  };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      emit(start, i);
      ++paragraph;
      start = ++i;
      continue;
    }
    char32_t cp;
    size_t len = OracleDecode(text, i, &cp);
    if (!(cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)) {
      i += len;
      continue;
    }
    size_t end = i + len;
    while (end < text.size()) {
      char32_t next;
      size_t l2 = OracleDecode(text, end, &next);
      if (!(next == '.' || next == '!' || next == '?' || next == 0x2026 || OracleClosingQuote(next))) break;
      end += l2;
    }
    if (cp == '.' && i > 0 && digit(text[i - 1]) && i + 1 < text.size() && digit(text[i + 1])) {
      i = end;
      continue;
    }
    size_t j = end;
    while (j < text.size() && OracleSplitSpace(text[j])) ++j;
    bool splits = j >= text.size() || text[j] == '\n';
    if (!splits) {
      char32_t first;
      OracleDecode(text, j, &first);
      splits = OracleSentenceStart(first);
    }
    if (splits && cp == '.') {
      size_t b = i;
      while (b > 0 && !OracleSplitSpace(text[b - 1]) && text[b - 1] != '\n' && text[b - 1] != '(' &&
             text[b - 1] != '"')
        --b;
      std::string_view word = text.substr(b, i - b);
      std::string key(word);
      while (!key.empty() && key.front() == '.') key.erase(key.begin());
      if (abbreviations.count(key)) splits = false;
      if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') splits = false;
    }
    if (splits) {
      emit(start, end);
      start = end;
    }
    i = end;
  }
  emit(start, text.size());
  return out;
}

std::string Describe(const std::vector<SentenceSpan>& spans) {
  std::string s;
  for (const SentenceSpan& p : spans) {
    s += std::to_string(p.begin) + "-" + std::to_string(p.end) + "/" + std::to_string(p.paragraph) + " ";
  }
  return s;
}

// Text made of `pieces` drawn at random: words, digits, punctuation, spaces of
// several kinds, Vietnamese and other non-ASCII letters and symbols.
std::string RandomText(std::mt19937* rng, size_t pieces) {
  static const std::vector<std::string> kPool = {
      "a", "Z", "word", "Hà", "Nội", "ĐẠI", "người", "TP", "U.S", "Mr", "10", "1", "2024", ".", ",", "!", "?",
      "\xE2\x80\xA6", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\xC2\xA0", "\xE2\x80\x89", "\xE3\x80\x80",
      "\"", "'", "(", ")", "[", "]", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "-",
      "\xE2\x80\x93", "%", "/", ":", "\xC3\x97", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xC5\x81", "\xC4\x90",
      "\xE1\xBA\xA0", "\xE1\xBA\xA1", "\xEF\xBC\x81", "\xEF\xBB\xBF", "x",
      // lower- and upper-case letters for the tokenizer's lower-case fast path; letters whose
      // lower-case form is not themselves (ß -> ss, ǅ, ﬁ) or that compose (e + U+0301)
      "ư", "Ư", "đ", "Đ", "ờ", "Ế", "ệ", "ỹ", "ă", "ơ", "ß", "ǅ", "ǆ", "ﬁ", "e", "\xCC\x81", "ȿ", "ɏ", "Ɐ",
      "ḁ", "ẞ", "ſ", "ŉ", "ı", "İ", "ĸ"};
  std::uniform_int_distribution<size_t> pick(0, kPool.size() - 1);
  std::string s;
  for (size_t k = 0; k < pieces; ++k) s += kPool[pick(*rng)];
  return s;
}

// ---------------------------------------------------------------- tests

TEST(WordTableTest, Table) {
  WordTable<int> months{{"january", 1}, {"may", 5}, {"tháng", 0}, {"may", 7}, {"", 9}};
  struct Case {
    const char* word;
    int want;  // -1: absent
  };
  for (const Case& c : std::vector<Case>{{"january", 1}, {"may", 5}, {"tháng", 0}, {"", 9}, {"janua", -1},
                                         {"januaryx", -1}, {"Ma", -1}, {"May", -1}, {"thang", -1}}) {
    EXPECT_EQ(months.ValueOr(c.word, -1), c.want) << c.word;
    EXPECT_EQ(months.Contains(c.word), c.want != -1) << c.word;
  }
  EXPECT_EQ(months.entries().size(), 4u);  // the repeated "may" kept once, with its first value
  WordSet set{"hôm", "ngày", "năm"};
  EXPECT_TRUE(set.Contains("ngày"));
  EXPECT_FALSE(set.Contains("ngay"));
  EXPECT_FALSE(set.Contains("hôm nay"));
}

TEST(WordTableTest, SameAsUnorderedMap) {
  std::mt19937 rng(7);
  std::vector<std::pair<std::string, int>> entries;
  std::unordered_map<std::string, int> reference;
  for (int k = 0; k < 300; ++k) {
    std::string w = RandomText(&rng, 1 + k % 4);
    entries.emplace_back(w, k);
    reference.emplace(w, k);  // the first value stays, as in WordTable
  }
  WordTable<int> table(entries);
  for (int k = 0; k < 3000; ++k) {
    std::string w = RandomText(&rng, 1 + k % 5);
    auto it = reference.find(w);
    EXPECT_EQ(table.ValueOr(w, -1), it == reference.end() ? -1 : it->second) << w;
  }
  for (const auto& [w, v] : reference) EXPECT_EQ(table.ValueOr(w, -1), v) << w;
}

TEST(WordVocabularyTest, SameAsUnorderedMap) {
  WordVocabulary vocabulary;
  std::unordered_map<std::string, int> reference;  // starts with the parsers' gate words
  std::vector<std::string> gate_words = NumberStartWords();
  for (const std::string& w : DateStartWords()) gate_words.push_back(w);
  for (const std::string& w : EnglishMonthNames()) gate_words.push_back(w);
  for (const std::string& w : gate_words) {
    ASSERT_NE(vocabulary.Find(w), kUnknownWord) << w;
    reference.emplace(w, vocabulary.Find(w));
  }
  EXPECT_EQ(vocabulary.size(), reference.size());
  std::mt19937 rng(11);
  for (int k = 0; k < 2000; ++k) {  // grows well past its first table
    std::string w = RandomText(&rng, 1 + k % 3);
    auto [it, inserted] = reference.emplace(w, static_cast<int>(reference.size()));
    EXPECT_EQ(vocabulary.Add(w), it->second) << w;
  }
  EXPECT_EQ(vocabulary.size(), reference.size());
  for (int k = 0; k < 4000; ++k) {
    std::string w = RandomText(&rng, 1 + k % 4);
    auto it = reference.find(w);
    EXPECT_EQ(vocabulary.Find(w), it == reference.end() ? kUnknownWord : it->second) << w;
  }
  std::vector<TextToken> tokens = TokenizeText("Người dân ở Hà Nội nói");
  vocabulary.Assign(&tokens);
  for (const TextToken& t : tokens) EXPECT_EQ(t.word_id, vocabulary.Find(t.lower)) << t.lower;
}

TEST(PhraseSetTest, AnyInIsFindAllNotEmpty) {
  WordVocabulary vocabulary;
  PhraseSet set;
  set.Add("thiệt mạng", 0, &vocabulary);
  set.Add("bị thương", 1, &vocabulary);
  set.Add("more than", 2, &vocabulary);
  set.Add("more", 3, &vocabulary);
  set.Add("than ever more", 4, &vocabulary);
  for (const char* text : {"10 người thiệt mạng và 20 người bị thương", "more than ever more than more",
                           "thiệt thiệt mạng mạng", "nothing here", ""}) {
    for (bool assigned : {false, true}) {
      std::vector<TextToken> tokens = TokenizeText(text);
      if (assigned) vocabulary.Assign(&tokens);
      for (size_t from = 0; from <= tokens.size() + 1; ++from) {
        for (size_t to = 0; to <= tokens.size() + 1; ++to) {
          EXPECT_EQ(set.AnyIn(tokens, from, to), !set.FindAll(tokens, from, to).empty())
              << text << " [" << from << ", " << to << ")";
        }
      }
    }
  }
  PhraseSet empty;
  std::vector<TextToken> tokens = TokenizeText("more than");
  PhraseMatch m;
  EXPECT_FALSE(empty.MatchAt(tokens, 0, &m));
  EXPECT_FALSE(empty.AnyIn(tokens, 0, 2));
}

TEST(TokenizeTextTest, SameAsOracle) {
  for (const char* text :
       {"", " ", "Hà Nội, 10.000 người!", "ĐẠI hội\nTP.HCM 1,5 triệu", "x\xC2\xA0y\xE2\x80\x89z", "U23 MiG-29",
        "\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 abc", "tiếng Việt có dấu: ằ ẵ ặ Ỹ", "a\tb\rc\fd\ve",
        "\xEF\xBB\xBFword", "\xC3\x97\xC3\xB7", "trailing \xC3"}) {
    EXPECT_EQ(Describe(TokenizeText(text)), Describe(OracleTokenize(text))) << text;
  }
  std::mt19937 rng(3);
  for (int k = 0; k < 3000; ++k) {
    std::string text = RandomText(&rng, 40);
    ASSERT_EQ(Describe(TokenizeText(text)), Describe(OracleTokenize(text))) << text;
  }
}

TEST(SplitSentencesTest, SameAsOracle) {
  std::unordered_set<std::string> abbreviations = {"TP", "Mr", "U.S"};
  for (const char* text : {"", "Có 10.000 người. Sau đó 1,5 triệu.", "Mr. Kim đến TP. Huế… Rồi đi!\nTiếp?",
                           "Ông ấy nói: \"Xong.\" Rồi về.", "A. B. c. Đà Nẵng.", "1.5. 2.5.", "x.\xC3\x97"}) {
    EXPECT_EQ(Describe(SplitSentences(text, abbreviations)), Describe(OracleSplit(text, abbreviations))) << text;
  }
  std::mt19937 rng(5);
  for (int k = 0; k < 500; ++k) {
    std::string text = RandomText(&rng, 60);
    ASSERT_EQ(Describe(SplitSentences(text, abbreviations)), Describe(OracleSplit(text, abbreviations))) << text;
  }
}

std::string DescribeNumbers(std::string_view text, const std::vector<TextToken>& tokens) {
  std::string s;
  for (const NumberMention& m : FindNumbers(text, tokens)) s += m.ToString() + " | ";
  return s;
}

std::string DescribeDates(std::string_view text, const std::vector<TextToken>& tokens) {
  DateContext ctx;
  ctx.published = ParseIsoDate("2025-06-15");
  std::string s;
  for (const DateMention& m : FindDates(text, tokens, ctx)) s += m.ToString() + " | ";
  return s;
}

TEST(WordFlagsTest, FlagGatesSameAsWordListGates) {
  WordVocabulary vocabulary;
  std::vector<std::string> texts = {
      "Hôm qua (9/11), hai mươi mốt người và hàng nghìn binh sĩ; tháng 6/2024 có 1,5 triệu.",
      "On May 5, 2024 some twenty-one soldiers died; last March a few hundred, in 2023 half.",
      "may march june: Sept. 5 and sáng nay, tuần trước, năm ngoái, quý II năm 2025, một nửa.",
      "ngày 19.6.2024 mười lăm nghìn, vài trăm, several thousand, hundreds of thousands."};
  std::mt19937 rng(13);
  std::vector<std::string> words = NumberStartWords();
  for (const std::string& w : DateStartWords()) words.push_back(w);
  for (const std::string& w : EnglishMonthNames()) words.push_back(w);
  for (const char* w : {"May", "June", "10", "2024", "/", ",", "người", "năm", "ngày", "5", "tháng", "In", "by"})
    words.push_back(w);
  std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
  for (int k = 0; k < 300; ++k) {
    std::string text;
    for (int n = 0; n < 12; ++n) text += words[pick(rng)] + (n % 3 == 0 ? "" : " ");
    texts.push_back(text);
  }
  for (const std::string& text : texts) {
    std::vector<TextToken> plain = TokenizeText(text);
    std::vector<TextToken> looked_up = plain;
    vocabulary.Assign(&looked_up);
    EXPECT_EQ(DescribeNumbers(text, looked_up), DescribeNumbers(text, plain)) << text;
    EXPECT_EQ(DescribeDates(text, looked_up), DescribeDates(text, plain)) << text;
  }
  // The flags themselves.
  std::vector<TextToken> tokens = TokenizeText("hai tháng May người");
  vocabulary.Assign(&tokens);
  EXPECT_EQ(tokens[0].word_flags, kNumberStartWord);
  EXPECT_EQ(tokens[1].word_flags, kDateStartWord);
  EXPECT_EQ(tokens[2].word_flags, kMonthNameWord);
  EXPECT_EQ(tokens[3].word_flags, 0);
}

TEST(FindNumbersTest, UnitWordEndingAChunkStillMarksTheNextDigits) {
  // MarkDateOrCodeChunk skips chunks without digits, but "km" looks at the token after it.
  struct Case {
    const char* text;
    size_t count;
    double first;
  };
  for (const Case& c : std::vector<Case>{{"dài 5 km 2 lần", 1, 5}, {"100km2 rừng", 1, 100}, {"5 km, 2 lần", 2, 5}}) {
    std::vector<NumberMention> found = FindNumbers(c.text);
    ASSERT_EQ(found.size(), c.count) << c.text;
    EXPECT_EQ(found[0].value, c.first) << c.text;
  }
}

}  // namespace
}  // namespace claimcheck
