// Partial dates as claims carry them (YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD) and
// their comparison at the coarser granularity of two dates: "2024-06" agrees
// with "2024-06-19", "2024" with "2024-06". Pure.
#pragma once

#include <optional>
#include <string_view>

namespace claimcheck {

enum class DateGranularity { kYear, kQuarter, kMonth, kDay };  // coarse to fine
std::string_view DateGranularityName(DateGranularity g);        // "year" | "quarter" | ...
std::string_view DateGranularityNameVi(DateGranularity g);      // "năm" | "quý" | "tháng" | "ngày"

struct DatePoint {
  int year = 0;
  int quarter = 0;  // 1..4 when granularity >= kQuarter
  int month = 0;    // 1..12 when granularity >= kMonth
  int day = 0;      // 1..31 when granularity == kDay
  DateGranularity granularity = DateGranularity::kYear;
};

// nullopt unless `s` is one of the four formats with values in range.
std::optional<DatePoint> ParseDatePoint(std::string_view s);

DateGranularity CoarserGranularity(const DatePoint& a, const DatePoint& b);

// <0, 0 or >0 as `a` is before, the same as, or after `b` at their coarser granularity.
int CompareAtCoarserGranularity(const DatePoint& a, const DatePoint& b);

}  // namespace claimcheck
