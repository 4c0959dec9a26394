// Fuzzes the date reader (extract/date_parser.h) on valid NFC UTF-8. The first
// byte picks the context (publication date of some granularity, an anchor, or
// nothing); every mention lies inside the text, in order, and has a real date.
#include "extract/date_parser.h"
#include "fuzz_util.h"

using namespace claimcheck;

namespace {

DateContext ContextFor(uint8_t selector) {
  static const char* const kDates[] = {"2024-06-19", "2025-12", "2023", "2025-Q2", "2024-02-29", "2000-01-01"};
  DateContext ctx;
  const size_t n = sizeof(kDates) / sizeof(kDates[0]);
  switch (selector % 3) {
    case 0: ctx.published = ParseIsoDate(kDates[(selector / 3) % n]); break;
    case 1: ctx.anchor = ParseIsoDate(kDates[(selector / 3) % n]); break;
    default: break;
  }
  ctx.english = (selector & 0x80) != 0;
  return ctx;
}

void CheckDate(const PartialDate& d) {
  fuzz::Check(d.year != 0);
  fuzz::Check(d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31);
  // A resolved date prints in the ISO form ParseIsoDate reads back.
  std::optional<PartialDate> back = ParseIsoDate(d.ToString());
  fuzz::Check(back.has_value() && back->ToString() == d.ToString());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return -1;
  std::optional<std::string> text = fuzz::ValidNfc(fuzz::AsText(data + 1, size - 1));
  if (!text) return -1;
  DateContext ctx = ContextFor(data[0]);
  size_t last_end = 0;
  for (const DateMention& m : FindDates(*text, ctx)) {
    fuzz::Check(m.begin >= last_end && m.begin < m.end && m.end <= text->size());
    fuzz::Check(m.text == std::string_view(*text).substr(m.begin, m.end - m.begin));
    CheckDate(m.date);
    (void)m.ToString();
    last_end = m.end;
  }
  if (std::optional<PartialDate> anchor = InferAnchor(*text)) CheckDate(*anchor);
  if (std::optional<PartialDate> iso = ParseIsoDate(*text)) CheckDate(*iso);
  return 0;
}
