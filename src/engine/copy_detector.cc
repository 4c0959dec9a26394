#include "engine/copy_detector.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

#include "base/strings.h"
#include "base/unicode.h"

namespace claimcheck {
namespace {

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

struct UnionFind {
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(size_t x, size_t y) {
    x = Find(x), y = Find(y);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
  std::vector<size_t> parent;
};

// Joins in `uf` the pairs (a, b) of sets whose containment |A∩B| / min(|A|,|B|) reaches
// options.min_similarity (both sets of at least options.min_shingles). Prefix
// filtering: order features by document frequency (rarest first); when A is the
// smaller set and |A∩B| >= t|A|, at most ceil(t|A|) - 1 of A's features lie outside
// A∩B, so the first |A| - ceil(t|A|) + 1 features of A include one of B's. Each set
// probes just that prefix in an inverted index and counts the overlap of the
// candidates exactly, unless they are already joined (through other copies).
//
// Features are renumbered by that order, so each set sorted by its new numbers starts
// with its prefix. Sets are ranked by (size, index) and each posting list holds
// (rank, position in the set) in rank order, so a set skips the smaller sets by one
// binary search. A candidate first met at a's position k and its own position j shares
// nothing before those positions (the shared features there would have been met
// earlier), so the count starts after them and stops once the answer is known.
void JoinCopies(const std::vector<std::vector<uint32_t>>& sets, const CopyOptions& options, UnionFind* uf) {
  std::vector<uint32_t> by_rank;  // rank -> index in sets; (size, index) order
  for (size_t i = 0; i < sets.size(); ++i) {
    if (sets[i].size() >= options.min_shingles) by_rank.push_back(static_cast<uint32_t>(i));
  }
  std::stable_sort(by_rank.begin(), by_rank.end(),
                   [&](uint32_t x, uint32_t y) { return sets[x].size() < sets[y].size(); });
  // Features of the judged sets, numbered by (document frequency, feature id).
  std::vector<uint32_t> features;
  for (uint32_t i : by_rank) features.insert(features.end(), sets[i].begin(), sets[i].end());
  std::sort(features.begin(), features.end());
  std::vector<std::pair<uint32_t, uint32_t>> frequency;  // (document frequency, feature)
  for (size_t k = 0; k < features.size();) {
    size_t e = k;
    while (e < features.size() && features[e] == features[k]) ++e;
    frequency.emplace_back(static_cast<uint32_t>(e - k), features[k]);
    k = e;
  }
  features.clear();
  for (const auto& [df, f] : frequency) features.push_back(f);  // distinct, ascending
  std::sort(frequency.begin(), frequency.end());
  std::vector<uint32_t> renumbered(features.size());  // index in features -> new number
  std::vector<uint32_t> offset(features.size() + 1, 0);  // new number -> first posting
  for (size_t r = 0; r < frequency.size(); ++r) {
    size_t k = static_cast<size_t>(std::lower_bound(features.begin(), features.end(), frequency[r].second) -
                                   features.begin());
    renumbered[k] = static_cast<uint32_t>(r);
    offset[r + 1] = offset[r] + frequency[r].first;
  }
  // The judged sets in rank order, renumbered and sorted, one after another.
  std::vector<uint32_t> start(by_rank.size() + 1, 0);
  std::vector<uint32_t> members;
  for (size_t r = 0; r < by_rank.size(); ++r) {
    auto from = features.begin();
    for (uint32_t f : sets[by_rank[r]]) {
      from = std::lower_bound(from, features.end(), f);
      members.push_back(renumbered[static_cast<size_t>(from - features.begin())]);
    }
    std::sort(members.begin() + start[r], members.end());
    start[r + 1] = static_cast<uint32_t>(members.size());
  }
  struct Posting {
    uint32_t rank, position;
  };
  std::vector<Posting> postings(members.size());
  {
    std::vector<uint32_t> fill(offset.begin(), offset.end() - 1);
    for (uint32_t r = 0; r < by_rank.size(); ++r) {
      for (uint32_t p = start[r]; p < start[r + 1]; ++p) postings[fill[members[p]]++] = {r, p - start[r]};
    }
  }
  std::vector<uint32_t> seen(by_rank.size(), UINT32_MAX);
  for (uint32_t r = 0; r < by_rank.size(); ++r) {
    const uint32_t* a = members.data() + start[r];
    const size_t n = start[r + 1] - start[r];
    const double need = std::ceil(options.min_similarity * static_cast<double>(n) - 1e-9);
    if (need > static_cast<double>(n)) continue;  // no set can hold enough of a's features
    const size_t prefix = n - static_cast<size_t>(std::max(need, 1.0)) + 1;
    const size_t need_count = static_cast<size_t>(std::max(need, 0.0));
    for (size_t k = 0; k < prefix; ++k) {
      const Posting* list = postings.data();
      const Posting* end = list + offset[a[k] + 1];
      const Posting* p = std::upper_bound(list + offset[a[k]], end, r,
                                          [](uint32_t rank, const Posting& x) { return rank < x.rank; });
      for (; p < end; ++p) {
        if (seen[p->rank] == r) continue;
        seen[p->rank] = r;
        if (uf->Find(by_rank[r]) == uf->Find(by_rank[p->rank])) continue;
        const uint32_t* b = members.data() + start[p->rank];
        const uint32_t* b_end = members.data() + start[p->rank + 1];
        if (need_count <= 1 ||
            SharesAtLeast(a + k + 1, a + n, b + p->position + 1, b_end, need_count - 1)) {
          uf->Union(by_rank[r], by_rank[p->rank]);
        }
      }
    }
  }
}

}  // namespace

std::vector<uint32_t> Shingles(std::string_view text, int words) {
  std::string lower = ToLowerUtf8(text);
  std::vector<std::string_view> w = Words(lower);
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
  for (const std::string& raw : Split(std::string(text), '\n')) {
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

std::vector<std::vector<std::string>> FindCopyGroups(const std::vector<Document>& documents,
                                                     const CopyOptions& options) {
  std::map<std::string, std::vector<uint32_t>> by_file;  // sorted by file
  std::map<std::string, std::string> credit_of_file, outlet_of_file;
  for (const auto& d : documents) {
    if (!options.credit_prefixes.empty()) {
      std::string credit = CreditedSource(d.text, options.credit_prefixes);
      if (!credit.empty()) credit_of_file[d.file] = credit;
      if (!d.outlet.empty()) outlet_of_file[d.file] = NormalizeSourceName(d.outlet);
    }
    auto shingles = Shingles(d.text, options.shingle_words);
    auto& slot = by_file[d.file];
    slot.insert(slot.end(), shingles.begin(), shingles.end());
  }
  std::vector<std::string> files;
  std::vector<std::vector<uint32_t>> sets;
  for (auto& [file, set] : by_file) {
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    files.push_back(file);
    sets.push_back(std::move(set));
  }
  UnionFind uf(files.size());
  JoinCopies(sets, options, &uf);
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
