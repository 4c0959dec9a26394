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

// |a ∩ b| of two sorted, unique sets.
size_t SharedCount(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
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
void JoinCopies(const std::vector<std::vector<uint32_t>>& sets, const CopyOptions& options, UnionFind* uf) {
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;  // feature -> sets holding it
  for (size_t i = 0; i < sets.size(); ++i) {
    if (sets[i].size() < options.min_shingles) continue;
    for (uint32_t f : sets[i]) postings[f].push_back(static_cast<uint32_t>(i));
  }
  // (size, index) orders the sets; a pair is counted from its smaller side only.
  auto smaller = [&](size_t x, size_t y) {
    return sets[x].size() != sets[y].size() ? sets[x].size() < sets[y].size() : x < y;
  };
  std::vector<size_t> seen(sets.size(), SIZE_MAX);
  for (size_t a = 0; a < sets.size(); ++a) {
    const size_t n = sets[a].size();
    if (n < options.min_shingles) continue;
    const double need = std::ceil(options.min_similarity * static_cast<double>(n) - 1e-9);
    if (need > static_cast<double>(n)) continue;  // no set can hold enough of a's features
    const size_t prefix = n - static_cast<size_t>(std::max(need, 1.0)) + 1;
    // (document frequency, feature): rarest first, ties by feature id.
    std::vector<std::pair<size_t, const std::vector<uint32_t>*>> order;
    order.reserve(n);
    for (uint32_t f : sets[a]) {
      const std::vector<uint32_t>& holders = postings.find(f)->second;
      order.emplace_back(holders.size(), &holders);
    }
    // Within one frequency the order is the set's own (ascending feature ids).
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (size_t k = 0; k < prefix; ++k) {
      for (uint32_t b : *order[k].second) {
        if (b == a || seen[b] == a || !smaller(a, b)) continue;
        seen[b] = a;
        if (uf->Find(a) == uf->Find(b)) continue;
        if (static_cast<double>(SharedCount(sets[a], sets[b])) >= need) uf->Union(a, b);
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
