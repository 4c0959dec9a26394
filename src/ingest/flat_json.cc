#include "ingest/flat_json.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "base/unicode.h"

namespace claimcheck {
namespace {

// Longest number accepted; longer ones are declined (nlohmann's handling of huge
// numbers is left to nlohmann).
constexpr size_t kMaxNumberBytes = 24;

// A cursor over the line. Every Read* returns false on anything it declines.
class FlatReader {
 public:
  explicit FlatReader(std::string_view s) : s_(s) {}

  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool AtEnd() const { return pos_ == s_.size(); }
  // Consumes `c` when it is the next byte.
  bool Take(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }

  // A JSON string at the cursor (opening quote included), decoded into *out.
  bool ReadString(std::string* out) {
    out->clear();
    if (!Take('"')) return false;
    for (;;) {
      size_t run = PlainRun();
      out->append(s_.data() + pos_, run);
      pos_ += run;
      if (pos_ >= s_.size()) return false;
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c != '\\') return false;  // a control byte (JSON requires it escaped) or invalid UTF-8
      if (!ReadEscape(out)) return false;
    }
  }

  // A number, true, false (kind kOther) or null (kind kNull) at the cursor.
  bool ReadLiteral(FlatMember::Kind* kind) {
    for (const char* word : {"true", "false", "null"}) {
      size_t n = std::strlen(word);
      if (s_.substr(pos_, n) == word) {
        pos_ += n;
        *kind = word[0] == 'n' ? FlatMember::Kind::kNull : FlatMember::Kind::kOther;
        return true;
      }
    }
    *kind = FlatMember::Kind::kOther;
    return ReadNumber();
  }

 private:
  // Bytes from the cursor up to the next '"', '\\', control byte or invalid UTF-8:
  // printable ASCII 8 bytes a step, valid multi-byte characters one at a time.
  size_t PlainRun() const {
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    size_t i = pos_;
    while (i < s_.size()) {
      if (i + 8 <= s_.size()) {
        uint64_t w;
        std::memcpy(&w, s_.data() + i, 8);
        uint64_t quote = w ^ (kOnes * '"'), slash = w ^ (kOnes * '\\');
        uint64_t special = (w & kHigh) | ((w - kOnes * 0x20) & ~w & kHigh) |
                           ((quote - kOnes) & ~quote & kHigh) | ((slash - kOnes) & ~slash & kHigh);
        if (!special) {
          i += 8;
          continue;
        }
        i += static_cast<size_t>(std::countr_zero(special)) / 8;  // the lowest marked byte is exact
      }
      unsigned char c = static_cast<unsigned char>(s_[i]);
      if (c >= 0x80) {
        size_t length = Utf8SequenceLength(s_, i);
        if (length == 0) break;
        i += length;
      } else if (c == '"' || c == '\\' || c < 0x20) {
        break;
      } else {
        ++i;
      }
    }
    return i - pos_;
  }

  // Four hex digits at the cursor.
  bool ReadHex4(uint32_t* value) {
    if (pos_ + 4 > s_.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[pos_ + k];
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) return false;
      v = v * 16 + static_cast<uint32_t>(digit);
    }
    pos_ += 4;
    *value = v;
    return true;
  }

  // An escape at the cursor (backslash included), appended decoded to *out.
  bool ReadEscape(std::string* out) {
    ++pos_;  // the backslash
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_++];
    switch (c) {
      case '"': *out += '"'; return true;
      case '\\': *out += '\\'; return true;
      case '/': *out += '/'; return true;
      case 'b': *out += '\b'; return true;
      case 'f': *out += '\f'; return true;
      case 'n': *out += '\n'; return true;
      case 'r': *out += '\r'; return true;
      case 't': *out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    uint32_t cp;
    if (!ReadHex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {               // a high surrogate: its low half must follow
      uint32_t low;
      if (!Take('\\') || !Take('u') || !ReadHex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(static_cast<char32_t>(cp), out);
    return true;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? at the cursor, at most kMaxNumberBytes.
  bool ReadNumber() {
    const size_t start = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    Take('-');
    if (Take('0')) {
      // a leading zero stands alone
    } else if (digits() == 0) {
      return false;
    }
    if (Take('.') && digits() == 0) return false;
    if (Take('e') || Take('E')) {
      if (!Take('+')) Take('-');
      if (digits() == 0) return false;
    }
    return pos_ - start <= kMaxNumberBytes;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

bool ReadFlatJsonObject(std::string_view line, const std::function<void(const FlatMember&)>& member) {
  FlatReader reader(line);
  reader.SkipSpace();
  if (!reader.Take('{')) return false;
  reader.SkipSpace();
  std::string key, value;
  if (!reader.Take('}')) {
    for (;;) {
      reader.SkipSpace();
      if (!reader.ReadString(&key)) return false;
      reader.SkipSpace();
      if (!reader.Take(':')) return false;
      reader.SkipSpace();
      FlatMember m;
      m.key = key;
      if (reader.Peek() == '"') {
        if (!reader.ReadString(&value)) return false;
        m.kind = FlatMember::Kind::kString;
        m.value = &value;
      } else if (!reader.ReadLiteral(&m.kind)) {
        return false;
      }
      reader.SkipSpace();
      bool more = reader.Take(',');
      if (!more && !reader.Take('}')) return false;
      member(m);
      if (!more) break;
    }
  }
  reader.SkipSpace();
  return reader.AtEnd();
}

}  // namespace claimcheck
