#include "engine/date_point.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

namespace claimcheck {
namespace {

// Digits of s[pos, pos+len) as a number, or -1.
int Digits(std::string_view s, size_t pos, size_t len) {
  if (pos + len > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::string_view DateGranularityName(DateGranularity g) {
  constexpr std::array<std::string_view, 4> kNames = {"year", "quarter", "month", "day"};
  return kNames[static_cast<size_t>(g)];
}

std::string_view DateGranularityNameVi(DateGranularity g) {
  constexpr std::array<std::string_view, 4> kNames = {"năm", "quý", "tháng", "ngày"};
  return kNames[static_cast<size_t>(g)];
}

std::optional<DatePoint> ParseDatePoint(std::string_view s) {
  DatePoint p;
  p.year = Digits(s, 0, 4);
  if (p.year < 0) return std::nullopt;
  if (s.size() == 4) return p;
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  if (s.size() == 7 && (s[5] == 'Q' || s[5] == 'q')) {
    p.quarter = Digits(s, 6, 1);
    if (p.quarter < 1 || p.quarter > 4) return std::nullopt;
    p.granularity = DateGranularity::kQuarter;
    return p;
  }
  p.month = Digits(s, 5, 2);
  if (p.month < 1 || p.month > 12) return std::nullopt;
  p.quarter = (p.month - 1) / 3 + 1;
  p.granularity = DateGranularity::kMonth;
  if (s.size() == 7) return p;
  if (s.size() != 10 || s[7] != '-') return std::nullopt;
  p.day = Digits(s, 8, 2);
  if (p.day < 1 || p.day > 31) return std::nullopt;
  p.granularity = DateGranularity::kDay;
  return p;
}

DateGranularity CoarserGranularity(const DatePoint& a, const DatePoint& b) {
  return std::min(a.granularity, b.granularity);
}

int CompareAtCoarserGranularity(const DatePoint& a, const DatePoint& b) {
  auto key = [g = CoarserGranularity(a, b)](const DatePoint& p) {
    switch (g) {
      case DateGranularity::kYear: return std::make_tuple(p.year, 0, 0, 0);
      case DateGranularity::kQuarter: return std::make_tuple(p.year, p.quarter, 0, 0);
      case DateGranularity::kMonth: return std::make_tuple(p.year, p.quarter, p.month, 0);
      default: return std::make_tuple(p.year, p.quarter, p.month, p.day);
    }
  };
  auto ka = key(a), kb = key(b);
  return ka < kb ? -1 : (kb < ka ? 1 : 0);
}

}  // namespace claimcheck
