#include "engine/copy_detector.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <cstdio>
#include <thread>
#include <unordered_map>

#include "base/strings.h"
#include "base/unicode.h"
#include "engine/parallel_for.h"

namespace claimcheck {
namespace {

// Below this many documents FindCopyGroups shingles on one thread.
constexpr size_t kParallelDocuments = 64;

// Length of a separator starting at s[i], or 0 when s[i] starts a word character.
size_t SeparatorLength(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return std::isalnum(c) ? 0 : 1;
  // U+00A0 no-break space, U+00AB/U+00BB guillemets.
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = s[i + 1];
    if (d == 0xA0 || d == 0xAB || d == 0xBB) return 2;
  }
  // U+2000..U+206F: general punctuation (dashes, curly quotes, ellipsis, spaces).
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char d = s[i + 1];
    if (d == 0x80 || d == 0x81) return 3;
  }
  return 0;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < s.size();) {
    size_t sep = SeparatorLength(s, i);
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

// Whether Words(s).size() > limit, looking no further than the word after the limit.
bool MoreWordsThan(std::string_view s, size_t limit) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    size_t sep = SeparatorLength(s, i);
    if (sep > 0) {
      in_word = false;
      i += sep;
    } else {
      if (!in_word && ++words > limit) return true;
      in_word = true;
      ++i;
    }
  }
  return false;
}

// Whether every code point of `s` (valid UTF-8) is a word character for Words().
bool AllWordCharacters(std::string_view s) {
  for (size_t i = 0; i < s.size(); i += std::max<size_t>(Utf8SequenceLength(s, i), 1)) {
    if (SeparatorLength(s, i) > 0) return false;
  }
  return true;
}

// ToLowerUtf8 one code point at a time, for the code points below U+2080 where that
// gives the same bytes as ToLowerUtf8 on a whole text: NFC-inert ones (see
// IsNfcInert: NFC neither changes nor composes them) whose lower case keeps a
// separator a separator and a word character made of word characters, so that
// Words() splits a text and its lower case alike. Latin-1, the Vietnamese letters
// (U+1E00..U+1EFF) and general punctuation are among them; a text holding any other
// code point (or invalid UTF-8) takes the whole-text path.
class FoldTable {
 public:
  static const FoldTable& Get() {
    static const FoldTable table;
    return table;
  }

  // Words(ToLowerUtf8(text)) in one pass over `text`: the words joined by single
  // spaces into *joined, the k-th word at [starts[k], ends[k]). False (outputs
  // unspecified) when a code point of `text` is not in the table.
  bool LowerWords(std::string_view text, std::string* joined, std::vector<uint32_t>* starts,
                  std::vector<uint32_t>* ends) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    joined->resize(n * growth_ + 1);
    char* out = joined->data();
    char* const out_begin = out;
    starts->clear();
    ends->clear();
    bool in_word = false;
    for (size_t i = 0; i < n;) {
      const unsigned char c = p[i];
      const char* bytes;
      char ascii;
      size_t length, consumed;
      bool word;
      if (c < 0x80) {
        word = IsAsciiWordByte(c);
        ascii = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + ('a' - 'A') : c);
        bytes = &ascii;
        length = 1;
        consumed = 1;
      } else {
        char32_t cp;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
          cp = (static_cast<char32_t>(c & 0x1F) << 6) | (p[i + 1] & 0x3F);
          consumed = 2;
        } else if (c >= 0xE0 && c <= 0xE2 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
                   (p[i + 2] & 0xC0) == 0x80 && (c != 0xE0 || p[i + 1] >= 0xA0)) {
          cp = (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) |
               (p[i + 2] & 0x3F);
          consumed = 3;
        } else {
          return false;
        }
        if (cp >= kLimit || kind_[cp] == kNone) return false;
        word = kind_[cp] == kWord;
        bytes = pool_.data() + begin_[cp];
        length = length_[cp];
      }
      if (word) {
        if (!in_word) {
          if (!starts->empty()) *out++ = ' ';
          starts->push_back(static_cast<uint32_t>(out - out_begin));
          in_word = true;
        }
        for (size_t k = 0; k < length; ++k) out[k] = bytes[k];
        out += length;
      } else if (in_word) {
        ends->push_back(static_cast<uint32_t>(out - out_begin));
        in_word = false;
      }
      i += consumed;
    }
    if (in_word) ends->push_back(static_cast<uint32_t>(out - out_begin));
    joined->resize(static_cast<size_t>(out - out_begin));
    return true;
  }

  // Whether LowerWords would accept `s`.
  bool Covers(std::string_view s) const {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (size_t i = FindNonAscii(s); i < s.size(); i = FindNonAscii(s, i)) {
      const size_t length = Utf8SequenceLength(s, i);
      char32_t cp;
      if (length == 2) {
        cp = (static_cast<char32_t>(p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
      } else if (length == 3) {
        cp = (static_cast<char32_t>(p[i] & 0x0F) << 12) | (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) |
             (p[i + 2] & 0x3F);
      } else {
        return false;
      }
      if (cp >= kLimit || kind_[cp] == kNone) return false;
      i += length;
    }
    return true;
  }

 private:
  static constexpr char32_t kLimit = 0x2080;
  enum Kind : uint8_t { kNone, kSeparator, kWord };

  FoldTable() : begin_(kLimit, 0), length_(kLimit, 0), kind_(kLimit, kNone) {
    for (char32_t cp = 0x80; cp < kLimit; ++cp) {
      if (!IsNfcInert(cp)) continue;
      std::string utf8;
      AppendUtf8(cp, &utf8);
      const std::string lower = ToLowerUtf8(utf8);
      const bool separator = SeparatorLength(utf8, 0) == utf8.size();
      if (lower.empty() || lower.size() > 255) continue;
      if (separator ? lower != utf8 : !AllWordCharacters(lower)) continue;
      begin_[cp] = static_cast<uint32_t>(pool_.size());
      length_[cp] = static_cast<uint8_t>(lower.size());
      kind_[cp] = separator ? kSeparator : kWord;
      growth_ = std::max(growth_, (lower.size() + utf8.size() - 1) / utf8.size());
      pool_ += lower;
    }
  }

  static constexpr bool IsAsciiWordByte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  std::vector<uint32_t> begin_;
  std::vector<uint8_t> length_;
  std::vector<Kind> kind_;
  std::string pool_;
  size_t growth_ = 1;  // at most this many output bytes per input byte
};

// Words(lower) joined by single spaces into *joined, the k-th word at
// [starts[k], ends[k]): the whole-text path for texts FoldTable does not cover.
void SplitWords(std::string_view lower, std::string* joined, std::vector<uint32_t>* starts,
                std::vector<uint32_t>* ends) {
  joined->clear();
  starts->clear();
  ends->clear();
  for (std::string_view w : Words(lower)) {
    if (!joined->empty()) joined->push_back(' ');
    starts->push_back(static_cast<uint32_t>(joined->size()));
    joined->append(w);
    ends->push_back(static_cast<uint32_t>(joined->size()));
  }
}

// Each run of n consecutive words of `joined` (words at [starts[k], ends[k]),
// single spaces between) FNV-1a hashed to a feature, sorted and unique. Four runs
// are hashed at a time: independent multiply chains instead of one.
std::vector<uint32_t> HashShingles(const std::string& joined, const std::vector<uint32_t>& starts,
                                   const std::vector<uint32_t>& ends, size_t n) {
  std::vector<uint32_t> out;
  const size_t words = starts.size();
  if (words < n) return out;
  const size_t count = words - n + 1;
  out.reserve(count);
  constexpr uint64_t kBasis = 14695981039346656037ull;
  constexpr uint64_t kPrime = 1099511628211ull;
  const auto* j = reinterpret_cast<const unsigned char*>(joined.data());
  const uint32_t* st = starts.data();
  const uint32_t* en = ends.data() + (n - 1);
  auto finish = [&](uint64_t h, size_t from, size_t to) {
    for (size_t t = from; t < to; ++t) h = (h ^ j[t]) * kPrime;
    out.push_back(static_cast<uint32_t>(h & (kShingleDimension - 1)));
  };
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const size_t b0 = st[i], b1 = st[i + 1], b2 = st[i + 2], b3 = st[i + 3];
    const size_t m = std::min(std::min(en[i] - b0, en[i + 1] - b1), std::min(en[i + 2] - b2, en[i + 3] - b3));
    uint64_t h0 = kBasis, h1 = kBasis, h2 = kBasis, h3 = kBasis;
    for (size_t t = 0; t < m; ++t) {
      h0 = (h0 ^ j[b0 + t]) * kPrime;
      h1 = (h1 ^ j[b1 + t]) * kPrime;
      h2 = (h2 ^ j[b2 + t]) * kPrime;
      h3 = (h3 ^ j[b3 + t]) * kPrime;
    }
    finish(h0, b0 + m, en[i]);
    finish(h1, b1 + m, en[i + 1]);
    finish(h2, b2 + m, en[i + 2]);
    finish(h3, b3 + m, en[i + 3]);
  }
  for (; i < count; ++i) finish(kBasis, st[i], en[i]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Whether the sorted, unique ranges [a, a_end) and [b, b_end) share at least `want`
// elements; stops as soon as the answer is known.
bool SharesAtLeast(const uint32_t* a, const uint32_t* a_end, const uint32_t* b, const uint32_t* b_end,
                   size_t want) {
  while (want > 0) {
    if (static_cast<size_t>(a_end - a) < want || static_cast<size_t>(b_end - b) < want) return false;
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      --want, ++a, ++b;
    }
  }
  return true;
}

// Union-find with path halving, the smaller index as the root. 32-bit indices for
// the join's ranks: half the memory to walk.
template <typename Index>
struct BasicUnionFind {
  explicit BasicUnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), Index{0}); }
  Index Find(Index x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(Index x, Index y) {
    x = Find(x), y = Find(y);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
  std::vector<Index> parent;
};
using UnionFind = BasicUnionFind<size_t>;
using RankUnionFind = BasicUnionFind<uint32_t>;

// How many features two sets of which the smaller has `n` must share to be copies
// (containment reaches min_similarity); nullopt when more than it has.
std::optional<size_t> SharedNeeded(size_t n, const CopyOptions& options) {
  const double need = std::ceil(options.min_similarity * static_cast<double>(n) - 1e-9);
  if (need > static_cast<double>(n)) return std::nullopt;
  return static_cast<size_t>(std::max(need, 0.0));
}

// JoinCopies with `fresh` (per set: whether it is new; the caller joined the old sets
// in `uf` already): joins each new set with every other set whose containment with it
// reaches the threshold (both of at least options.min_shingles), the pairs joined
// (a forest over what `uf` held) to *joined in (set, set) order. Only the new sets'
// features are indexed (a bit per feature id, then an open-addressed table of each
// feature's new sets); every judged set's features are looked up once, counting what
// it shares with each new set, and a pair sharing enough is a pair. Exact, like the
// prefix filter, but its work grows with the features of all sets (one bit test each)
// and of the new ones, not with a global order of every feature (JoinCopies' full
// path: 5 of a nightly copy join's 7.6 s at 100k articles).
void JoinFresh(const std::vector<std::vector<uint32_t>>& sets, const std::vector<char>& fresh,
               const CopyOptions& options, UnionFind* uf, std::vector<std::pair<uint32_t, uint32_t>>* joined) {
  std::vector<uint32_t> news;  // the judged new sets, by slot
  uint32_t max_feature = 0;
  for (size_t i = 0; i < sets.size(); ++i) {
    if (!fresh[i] || sets[i].size() < options.min_shingles) continue;
    news.push_back(static_cast<uint32_t>(i));
    max_feature = std::max(max_feature, sets[i].back());
  }
  if (news.empty()) return;
  // (feature, slot) for every feature of a new set, sorted: each feature's slots in a run.
  std::vector<std::pair<uint32_t, uint32_t>> entries;
  std::vector<uint64_t> held(size_t{max_feature} / 64 + 1, 0);
  for (uint32_t s = 0; s < news.size(); ++s) {
    for (uint32_t f : sets[news[s]]) {
      entries.emplace_back(f, s);
      held[f >> 6] |= uint64_t{1} << (f & 63);
    }
  }
  std::sort(entries.begin(), entries.end());
  // Open addressing: feature -> its first entry (runs end where the feature changes).
  size_t capacity = 16;
  while (capacity < entries.size() * 2) capacity *= 2;
  const int shift = 64 - std::countr_zero(capacity);
  constexpr uint32_t kEmpty = UINT32_MAX;
  std::vector<std::pair<uint32_t, uint32_t>> table(capacity, {0, kEmpty});  // (feature, first entry)
  auto home = [&](uint32_t f) { return static_cast<size_t>((uint64_t{f} * 0x9E3779B97F4A7C15ull) >> shift); };
  for (size_t e = 0; e < entries.size(); ++e) {
    if (e > 0 && entries[e - 1].first == entries[e].first) continue;
    size_t h = home(entries[e].first);
    while (table[h].second != kEmpty) h = (h + 1) & (capacity - 1);
    table[h] = {entries[e].first, static_cast<uint32_t>(e)};
  }
  auto first_entry = [&](uint32_t f) -> uint32_t {
    for (size_t h = home(f);; h = (h + 1) & (capacity - 1)) {
      if (table[h].second == kEmpty || table[h].first == f) return table[h].second;
    }
  };
  // Every judged set against the new ones, a block of sets per task.
  struct PerThread {
    std::vector<uint32_t> shared;   // by slot: features shared with the set at hand
    std::vector<uint32_t> touched;  // the slots met for it
    std::vector<std::pair<uint32_t, uint32_t>> found;
  };
  const int threads = sets.size() >= kParallelDocuments ? std::max(options.threads, 1) : 1;
  std::vector<PerThread> per_thread(static_cast<size_t>(threads));
  for (PerThread& t : per_thread) t.shared.assign(news.size(), 0);
  constexpr size_t kSetsPerTask = 1024;
  ParallelFor((sets.size() + kSetsPerTask - 1) / kSetsPerTask, threads, [&](int thread, size_t task) {
    PerThread& t = per_thread[static_cast<size_t>(thread)];
    for (size_t i = task * kSetsPerTask; i < std::min(sets.size(), (task + 1) * kSetsPerTask); ++i) {
      const std::vector<uint32_t>& a = sets[i];
      if (a.size() < options.min_shingles) continue;
      for (uint32_t f : a) {
        if (f > max_feature || !(held[f >> 6] >> (f & 63) & 1)) continue;
        for (uint32_t e = first_entry(f); e < entries.size() && entries[e].first == f; ++e) {
          const uint32_t s = entries[e].second;
          if (news[s] == i) continue;
          if (t.shared[s]++ == 0) t.touched.push_back(s);
        }
      }
      for (uint32_t s : t.touched) {
        const size_t smaller = std::min(a.size(), sets[news[s]].size());
        const std::optional<size_t> need = SharedNeeded(smaller, options);
        if (need && t.shared[s] >= std::max<size_t>(*need, 1)) {
          t.found.emplace_back(std::min(static_cast<uint32_t>(i), news[s]), std::max(static_cast<uint32_t>(i), news[s]));
        }
        t.shared[s] = 0;
      }
      t.touched.clear();
    }
  }, /*block=*/1);
  std::vector<std::pair<uint32_t, uint32_t>> found;
  for (PerThread& t : per_thread) found.insert(found.end(), t.found.begin(), t.found.end());
  std::sort(found.begin(), found.end());
  for (const auto& [x, y] : found) {
    if (uf->Find(x) == uf->Find(y)) continue;
    uf->Union(x, y);
    if (joined) joined->emplace_back(x, y);
  }
}

// Joins in `uf` the pairs (a, b) of sets whose containment |A∩B| / min(|A|,|B|) reaches
// options.min_similarity (both sets of at least options.min_shingles). Prefix
// filtering: order features by document frequency (rarest first); when A is the
// smaller set and |A∩B| >= t|A|, at most ceil(t|A|) - 1 of A's features lie outside
// A∩B, so the first |A| - ceil(t|A|) + 1 features of A include one of B's, and k
// features more include k + 1 of them. Each set probes that prefix and a few features
// more in an inverted index, and counts the overlap exactly of the candidates it met
// often enough, unless they are already joined (through other copies).
//
// Features are renumbered by that order, so each set sorted by its new numbers starts
// with its prefix. Sets are ranked by (size, index) and each posting list holds
// (rank, position in the set) in rank order, so a set skips the smaller sets by one
// binary search. A candidate first met at a's position k and its own position j shares
// nothing before those positions (the shared features there would have been met
// earlier), so the count starts after them and stops once the answer is known.
//
// With `fresh` (per set: whether it is new), only the pairs with a new set are looked
// for: the caller has joined the old sets in `uf` already. A new set probes its prefix
// as above (the sets at least as large); for the smaller old sets, whose prefix holds
// one of the features they share with it, each feature of the new set is looked up in
// an index of the old sets' prefixes. The pairs joined go to *joined (sets' indexes).
void JoinCopies(std::vector<std::vector<uint32_t>> sets, const std::vector<char>* fresh,
                const CopyOptions& options, UnionFind* uf, std::vector<std::pair<uint32_t, uint32_t>>* joined) {
  if (fresh && !options.join_new_by_prefix_filter) {
    JoinFresh(sets, *fresh, options, uf, joined);
    return;
  }
  std::vector<uint32_t> by_rank;  // rank -> index in sets; (size, index) order
  uint32_t max_feature = 0;
  for (size_t i = 0; i < sets.size(); ++i) {
    if (sets[i].size() < options.min_shingles) continue;
    by_rank.push_back(static_cast<uint32_t>(i));
    max_feature = std::max(max_feature, sets[i].back());
  }
  std::stable_sort(by_rank.begin(), by_rank.end(),
                   [&](uint32_t x, uint32_t y) { return sets[x].size() < sets[y].size(); });
  // Features of the judged sets, numbered by (document frequency, feature id), with a
  // table indexed by feature id (Shingles' ids are below kShingleDimension): first each
  // feature's document frequency, then, in one ascending scan, its number.
  std::vector<uint32_t> number(by_rank.empty() ? 0 : size_t{max_feature} + 1, 0);
  uint32_t max_df = 0;
  for (uint32_t i : by_rank) {
    for (uint32_t f : sets[i]) max_df = std::max(max_df, ++number[f]);
  }
  std::vector<uint32_t> next(size_t{max_df} + 2, 0);  // df -> next number to hand out
  for (uint32_t df : number) {
    if (df > 0) ++next[df + 1];
  }
  std::partial_sum(next.begin(), next.end(), next.begin());  // df -> first number with that df
  const size_t distinct = next.back();
  for (uint32_t& slot : number) {
    if (slot != 0) slot = next[slot]++;
  }
  // A set of n features: how many a larger set must share with it (SharedNeeded),
  // and how many of its first features must include one of them.
  auto need_of = [&](size_t n) { return SharedNeeded(n, options); };
  auto prefix_of = [](size_t n, size_t need) { return n - std::max<size_t>(need, 1) + 1; };
  // A probing set probes kExtraPrefix features more than its prefix (fewer when it
  // has fewer features than that): a set sharing enough with it holds at least
  // `hits_of` of them (at most n - need of its n features lie outside the shared
  // ones), so a candidate met fewer times is not verified. Two sets meeting on a
  // single feature are most candidates, and most are not copies (at 100k articles
  // 24.7 million verifications, 5.6 billion merge steps, for a few thousand pairs).
  constexpr size_t kExtraPrefix = 4;
  auto probe_prefix_of = [&](size_t n, size_t need) { return std::min(n, prefix_of(n, need) + kExtraPrefix); };
  auto hits_of = [&](size_t n, size_t need) { return probe_prefix_of(n, need) - (n - std::max<size_t>(need, 1)); };
  // The judged sets renumbered and sorted where they are (no second copy of every
  // feature), so each starts with its prefix.
  for (uint32_t i : by_rank) {
    for (uint32_t& f : sets[i]) f = number[f];
    std::sort(sets[i].begin(), sets[i].end());
  }
  auto set_of = [&](uint32_t r) -> const std::vector<uint32_t>& { return sets[by_rank[r]]; };
  // The sets that probe: every set, or the new ones.
  std::vector<uint32_t> probing;
  for (uint32_t r = 0; r < by_rank.size(); ++r) {
    if (!fresh || (*fresh)[by_rank[r]]) probing.push_back(r);
  }
  // A probe of feature f by rank r reads the postings of the sets ranked above r: a
  // posting of set s is read only if a probing set ranked below s holds f in its
  // prefix, and only those are kept (most features are in no prefix, or in the
  // prefixes of large sets only). `number`'s storage becomes, per feature, the lowest
  // rank of a probing set holding it in its prefix (UINT32_MAX: none).
  std::vector<uint32_t>& first_prober = number;
  first_prober.assign(distinct, UINT32_MAX);
  for (uint32_t r : probing) {  // ascending ranks: the first seen is the lowest
    const std::vector<uint32_t>& a = set_of(r);
    if (const std::optional<size_t> need = need_of(a.size())) {
      for (size_t k = 0; k < probe_prefix_of(a.size(), *need); ++k) {
        first_prober[a[k]] = std::min(first_prober[a[k]], r);
      }
    }
  }
  std::vector<uint32_t> offset(distinct + 1, 0);  // number -> first posting
  for (uint32_t r = 0; r < by_rank.size(); ++r) {
    for (uint32_t f : set_of(r)) {
      if (first_prober[f] < r) ++offset[f + 1];
    }
  }
  std::partial_sum(offset.begin(), offset.end(), offset.begin());
  // With `fresh`, only the features a new set holds are looked up in the old sets'
  // prefixes (`held`).
  std::vector<char> held;
  if (fresh) {
    held.assign(distinct, 0);
    for (uint32_t r : probing) {
      for (uint32_t f : set_of(r)) held[f] = 1;
    }
  }
  struct Posting {
    uint32_t rank, position;
  };
  std::vector<Posting> postings(offset.back());
  {
    std::vector<uint32_t> fill(offset.begin(), offset.end() - 1);
    for (uint32_t r = 0; r < by_rank.size(); ++r) {
      const std::vector<uint32_t>& b = set_of(r);
      for (uint32_t p = 0; p < b.size(); ++p) {
        if (first_prober[b[p]] < r) postings[fill[b[p]]++] = {r, p};
      }
    }
  }
  std::vector<uint32_t>().swap(number);
  // What a thread keeps between probes: per rank, the last probing rank that met it
  // (`seen`, `met`), and the ranks met by the current probe.
  struct Scratch {
    struct Met {
      uint32_t hits, k, j;  // features met; a's and the candidate's position of the first
    };
    std::vector<uint32_t> seen;
    std::vector<Met> met;
    std::vector<uint32_t> touched;
    explicit Scratch(size_t ranks) : seen(ranks, UINT32_MAX), met(ranks) {}
  };
  // Probes set r's extended prefix: unions r with each larger set met at least
  // hits_of times that holds enough of its features, in `joined` (skipping sets
  // `joined` already connects with r). A candidate first met at a's position k and
  // its own position j shares nothing before those positions, so the count starts
  // after them and stops once the answer is known.
  auto probe = [&](uint32_t r, Scratch& scratch, RankUnionFind& joined,
                   std::vector<std::pair<uint32_t, uint32_t>>& found) {
    const uint32_t* a = set_of(r).data();
    const size_t n = set_of(r).size();
    const std::optional<size_t> need_count = need_of(n);
    if (!need_count) return;  // no set can hold enough of a's features
    const size_t prefix = probe_prefix_of(n, *need_count);
    scratch.touched.clear();
    for (size_t k = 0; k < prefix; ++k) {
      const Posting* list = postings.data();
      const Posting* end = list + offset[a[k] + 1];
      const Posting* p = std::upper_bound(list + offset[a[k]], end, r,
                                          [](uint32_t rank, const Posting& x) { return rank < x.rank; });
      for (; p < end; ++p) {
        if (scratch.seen[p->rank] == r) {
          ++scratch.met[p->rank].hits;
          continue;
        }
        scratch.seen[p->rank] = r;
        scratch.met[p->rank] = {1, static_cast<uint32_t>(k), p->position};
        scratch.touched.push_back(p->rank);
      }
    }
    const size_t hits_needed = hits_of(n, *need_count);
    for (uint32_t s : scratch.touched) {
      const Scratch::Met& m = scratch.met[s];
      if (m.hits < hits_needed || joined.Find(r) == joined.Find(s)) continue;
      const uint32_t* b = set_of(s).data();
      const uint32_t* b_end = b + set_of(s).size();
      if (*need_count <= 1 || SharesAtLeast(a + m.k + 1, a + n, b + m.j + 1, b_end, *need_count - 1)) {
        joined.Union(r, s);
        found.emplace_back(by_rank[r], by_rank[s]);
      }
    }
  };
  // With `fresh`: the old sets' prefixes, by feature, each list in rank order.
  std::vector<uint32_t> old_offset;
  std::vector<Posting> old_postings;
  if (fresh) {
    old_offset.assign(distinct + 1, 0);
    for (uint32_t r = 0; r < by_rank.size(); ++r) {
      const std::vector<uint32_t>& a = set_of(r);
      const std::optional<size_t> need = need_of(a.size());
      if ((*fresh)[by_rank[r]] || !need) continue;
      for (size_t k = 0; k < prefix_of(a.size(), *need); ++k) {
        if (held[a[k]]) ++old_offset[a[k] + 1];
      }
    }
    std::partial_sum(old_offset.begin(), old_offset.end(), old_offset.begin());
    old_postings.resize(old_offset.back());
    std::vector<uint32_t> fill(old_offset.begin(), old_offset.end() - 1);
    for (uint32_t r = 0; r < by_rank.size(); ++r) {
      const std::vector<uint32_t>& a = set_of(r);
      const std::optional<size_t> need = need_of(a.size());
      if ((*fresh)[by_rank[r]] || !need) continue;
      for (uint32_t k = 0; k < prefix_of(a.size(), *need); ++k) {
        if (held[a[k]]) old_postings[fill[a[k]]++] = {r, k};
      }
    }
  }
  // With `fresh`, for new set r: each smaller old set whose prefix holds one of r's
  // features and that holds enough of them (its own need). Met first at r's position
  // j and its own position k, the two share nothing before those positions (an
  // earlier shared feature would lie in its prefix too, and be met first).
  auto probe_older = [&](uint32_t r, Scratch& scratch, RankUnionFind& joined,
                         std::vector<std::pair<uint32_t, uint32_t>>& found) {
    const uint32_t* b = set_of(r).data();
    const uint32_t* b_end = b + set_of(r).size();
    for (const uint32_t* f = b; f < b_end; ++f) {
      const Posting* end = old_postings.data() + old_offset[*f + 1];
      for (const Posting* p = old_postings.data() + old_offset[*f]; p < end && p->rank < r; ++p) {
        if (scratch.seen[p->rank] == r) continue;
        scratch.seen[p->rank] = r;
        if (joined.Find(r) == joined.Find(p->rank)) continue;
        const uint32_t* a = set_of(p->rank).data();
        const uint32_t* a_end = a + set_of(p->rank).size();
        const size_t need = *need_of(static_cast<size_t>(a_end - a));
        if (need <= 1 || SharesAtLeast(a + p->position + 1, a_end, f + 1, b_end, need - 1)) {
          joined.Union(r, p->rank);
          found.emplace_back(by_rank[r], by_rank[p->rank]);
        }
      }
    }
  };
  auto probe_both = [&](uint32_t r, Scratch& scratch, RankUnionFind& joined,
                        std::vector<std::pair<uint32_t, uint32_t>>& found) {
    probe(r, scratch, joined, found);
    if (fresh) probe_older(r, scratch, joined, found);
  };
  // The pairs are found with a union-find over ranks, started from the caller's (which
  // only saves verifying pairs already joined), and joined in the caller's afterwards.
  RankUnionFind seeded(by_rank.size());
  {
    std::vector<uint32_t> rank_of(sets.size(), UINT32_MAX);
    for (uint32_t r = 0; r < by_rank.size(); ++r) rank_of[by_rank[r]] = r;
    for (uint32_t r = 0; r < by_rank.size(); ++r) {
      const uint32_t root = rank_of[uf->Find(by_rank[r])];
      if (root != UINT32_MAX) seeded.Union(r, root);
    }
  }
  const int threads = probing.size() >= kParallelDocuments ? std::max(options.threads, 1) : 1;
  if (threads == 1) {
    Scratch scratch(by_rank.size());
    std::vector<std::pair<uint32_t, uint32_t>> found;
    for (uint32_t r : probing) probe_both(r, scratch, seeded, found);
    for (const auto& [x, y] : found) uf->Union(x, y);
    if (joined) joined->insert(joined->end(), found.begin(), found.end());
    return;
  }
  // On several threads each finds its pairs with a union-find of its own (so it skips
  // fewer pairs than one shared would). Connected components do not depend on which
  // pairs were skipped.
  struct PerThread {
    Scratch scratch;
    RankUnionFind joined;
    std::vector<std::pair<uint32_t, uint32_t>> found;
  };
  std::vector<PerThread> per_thread;
  for (int t = 0; t < threads; ++t) per_thread.push_back({Scratch(by_rank.size()), seeded, {}});
  ParallelFor(probing.size(), threads, [&](int t, size_t k) {
    PerThread& mine = per_thread[static_cast<size_t>(t)];
    probe_both(probing[k], mine.scratch, mine.joined, mine.found);
  });
  for (const PerThread& mine : per_thread) {
    for (const auto& [x, y] : mine.found) uf->Union(x, y);
    if (joined) joined->insert(joined->end(), mine.found.begin(), mine.found.end());
  }
}

}  // namespace

std::vector<uint32_t> Shingles(std::string_view text, int words) {
  // Reused per thread: the words joined and their offsets.
  thread_local std::string joined;
  thread_local std::vector<uint32_t> starts, ends;
  if (!FoldTable::Get().LowerWords(text, &joined, &starts, &ends)) {
    SplitWords(ToLowerUtf8(text), &joined, &starts, &ends);
  }
  return HashShingles(joined, starts, ends, static_cast<size_t>(std::max(words, 1)));
}

std::string NormalizeSourceName(std::string_view name) {
  std::string s(Trim(ToLowerUtf8(name)));
  while (!s.empty() && std::string_view(".,:;-").find(s.back()) != std::string_view::npos) s.pop_back();
  s = std::string(Trim(s));
  bool domain = s.find(' ') == std::string::npos && s.find('.') != std::string::npos;
  if (domain) {
    if (StartsWith(s, "www.")) s.erase(0, 4);
    s = s.substr(0, s.find('.'));
  }
  return s;
}

std::string CreditedSource(std::string_view text, const std::vector<std::string>& prefixes) {
  std::vector<std::string> lowered;
  for (const auto& p : prefixes) lowered.push_back(ToLowerUtf8(p));
  std::sort(lowered.begin(), lowered.end(),
            [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
  const FoldTable& fold = FoldTable::Get();
  for (size_t from = 0; from <= text.size();) {
    size_t newline = text.find('\n', from);
    if (newline == std::string_view::npos) newline = text.size();
    const std::string_view raw = text.substr(from, newline - from);
    from = newline + 1;
    // Lower-casing keeps the words of a line the table covers: a longer line is
    // skipped before it is lower-cased (most lines are paragraphs).
    if (Trim(raw).empty() || (MoreWordsThan(Trim(raw), 6) && fold.Covers(raw))) continue;
    std::string line(Trim(ToLowerUtf8(raw)));
    if (line.empty() || Words(line).size() > 6) continue;
    for (const auto& p : lowered) {
      std::string_view prefix = p;
      if (prefix.empty() || !StartsWith(line, prefix)) continue;
      std::string name = NormalizeSourceName(line.substr(prefix.size()));
      if (!name.empty()) return name;
    }
  }
  return "";
}

std::string CopyOptionsKey(const CopyOptions& options) {
  // The version names the shingles and the pair test: a build that changes either
  // must change it, so that no memory of the old one is used.
  constexpr int kCopyJoinVersion = 1;
  char similarity[32];
  std::snprintf(similarity, sizeof similarity, "%.17g", options.min_similarity);
  return "copies v" + std::to_string(kCopyJoinVersion) + " similarity=" + similarity +
         " words=" + std::to_string(options.shingle_words) + " min=" + std::to_string(options.min_shingles);
}

std::string DocumentsDigest(const std::vector<Document>& documents, int64_t upto) {
  std::vector<const Document*> covered;
  for (const Document& d : documents) {
    if (d.id > 0 && d.id <= upto) covered.push_back(&d);
  }
  std::sort(covered.begin(), covered.end(), [](const Document* x, const Document* y) { return x->id < y->id; });
  uint64_t h = Fnv1a64("documents");
  for (const Document* d : covered) {
    h = Fnv1a64(std::to_string(d->id), h);
    h = Fnv1a64(std::string_view("\x1f"), h);
    h = Fnv1a64(d->file, h);
    h = Fnv1a64(std::string_view("\x1f"), h);
    h = Fnv1a64(d->content_hash, h);
    h = Fnv1a64(std::string_view("\x1e"), h);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::string(hex) + "/" + std::to_string(covered.size());
}

CopyFeatures CopyFeaturesOf(std::string_view text, const CopyOptions& options) {
  CopyFeatures f;
  if (!options.credit_prefixes.empty()) f.credit = CreditedSource(text, options.credit_prefixes);
  f.shingles = Shingles(text, options.shingle_words);
  return f;
}

std::vector<std::vector<std::string>> FindCopyGroups(const std::vector<Document>& documents,
                                                     const CopyOptions& options, const CopyMemory* earlier,
                                                     CopyMemory* now) {
  // Each document's shingles and credit, on two threads (split by text size) when
  // there are enough documents.
  std::vector<CopyFeatures> features(documents.size());
  auto compute = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) features[i] = CopyFeaturesOf(documents[i].text, options);
  };
  size_t total = 0;
  for (const auto& d : documents) total += d.text.size();
  size_t half = 0;
  for (size_t bytes = 0; half < documents.size() && bytes < total / 2; ++half) bytes += documents[half].text.size();
  if (documents.size() >= kParallelDocuments && options.threads > 1 && std::thread::hardware_concurrency() > 1) {
    std::thread second(compute, half, documents.size());
    compute(0, half);
    second.join();
  } else {
    compute(0, documents.size());
  }
  return FindCopyGroups(documents, std::move(features), options, earlier, now);
}

std::vector<std::vector<std::string>> FindCopyGroups(const std::vector<Document>& documents,
                                                     std::vector<CopyFeatures>&& features,
                                                     const CopyOptions& options, const CopyMemory* earlier,
                                                     CopyMemory* now) {
  std::map<std::string, std::vector<uint32_t>> by_file;  // sorted by file
  std::map<std::string, std::string> credit_of_file, outlet_of_file;
  for (size_t i = 0; i < documents.size(); ++i) {
    const Document& d = documents[i];
    if (!options.credit_prefixes.empty()) {
      if (!features[i].credit.empty()) credit_of_file[d.file] = features[i].credit;
      if (!d.outlet.empty()) outlet_of_file[d.file] = NormalizeSourceName(d.outlet);
    }
    std::vector<uint32_t> shingles = std::move(features[i].shingles);
    auto& slot = by_file[d.file];
    if (slot.empty()) {
      slot = std::move(shingles);
    } else {
      slot.insert(slot.end(), shingles.begin(), shingles.end());
    }
  }
  std::vector<std::string> files;
  std::vector<std::vector<uint32_t>> sets;
  for (auto& [file, set] : by_file) {
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    files.push_back(file);
    sets.push_back(std::move(set));
  }
  auto index_of = [&](const std::string& file) -> std::optional<size_t> {
    auto it = std::lower_bound(files.begin(), files.end(), file);
    if (it == files.end() || *it != file) return std::nullopt;
    return static_cast<size_t>(it - files.begin());
  };
  // A memory is kept of stored documents only (each with an id, one per file).
  int64_t upto = 0;
  bool memorable = files.size() == documents.size();
  for (const Document& d : documents) {
    memorable = memorable && d.id > 0;
    upto = std::max(upto, d.id);
  }
  const std::string options_key = CopyOptionsKey(options);
  UnionFind uf(files.size());
  std::vector<std::pair<uint32_t, uint32_t>> text_pairs;  // joined by text: earlier, then new
  std::vector<char> fresh;  // per file, with a memory: whether the memory does not cover it
  if (earlier && memorable && !earlier->options.empty() && earlier->options == options_key && earlier->upto > 0 &&
      earlier->upto <= upto && DocumentsDigest(documents, earlier->upto) == earlier->digest) {
    for (const auto& [a, b] : earlier->pairs) {
      const std::optional<size_t> x = index_of(a), y = index_of(b);
      if (!x || !y) {  // not of these documents: the memory is not theirs
        text_pairs.clear();
        break;
      }
      text_pairs.emplace_back(static_cast<uint32_t>(*x), static_cast<uint32_t>(*y));
    }
    if (text_pairs.size() == earlier->pairs.size()) {
      fresh.assign(files.size(), 1);
      for (const Document& d : documents) {
        if (d.id <= earlier->upto) fresh[*index_of(d.file)] = 0;
      }
      for (const auto& [x, y] : text_pairs) uf.Union(x, y);
    }
  }
  JoinCopies(std::move(sets), fresh.empty() ? nullptr : &fresh, options, &uf, &text_pairs);
  if (now) {
    *now = CopyMemory();
    if (memorable) {
      now->options = options_key;
      now->upto = upto;
      now->digest = DocumentsDigest(documents, upto);
      UnionFind forest(files.size());
      for (const auto& [x, y] : text_pairs) {
        if (forest.Find(x) == forest.Find(y)) continue;
        forest.Union(x, y);
        now->pairs.emplace_back(std::minmax(files[x], files[y]));
      }
      std::sort(now->pairs.begin(), now->pairs.end());
    }
  }
  // Shared credits: every document crediting a source is one source with the others
  // crediting it, and with the document published by that source if there is exactly one.
  std::map<std::string, std::vector<size_t>> crediting, publishing;
  for (size_t i = 0; i < files.size(); ++i) {
    auto c = credit_of_file.find(files[i]);
    if (c != credit_of_file.end()) crediting[c->second].push_back(i);
    auto o = outlet_of_file.find(files[i]);
    if (o != outlet_of_file.end() && !o->second.empty()) publishing[o->second].push_back(i);
  }
  for (const auto& [source, docs] : crediting) {
    for (size_t k = 1; k < docs.size(); ++k) uf.Union(docs[0], docs[k]);
    auto p = publishing.find(source);
    if (p != publishing.end() && p->second.size() == 1) uf.Union(docs[0], p->second[0]);
  }
  std::map<size_t, std::vector<std::string>> groups;
  for (size_t i = 0; i < files.size(); ++i) groups[uf.Find(i)].push_back(files[i]);
  std::vector<std::vector<std::string>> out;
  for (auto& [root, group] : groups) {
    if (group.size() >= 2) out.push_back(std::move(group));
  }
  return out;
}

}  // namespace claimcheck
