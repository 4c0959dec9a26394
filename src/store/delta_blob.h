// Sorted 32-bit ids as a compact blob and back: each id as its difference from the
// one before (the first from 0) in LEB128, 7 bits a byte, low bits first, the high
// bit set on every byte but an id's last. The copy_features table stores shingles so
// (db/migrations/0016): about 3 bytes an id instead of 4, and no text to parse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

// `ids` must be sorted ascending (equal ids allowed).
inline std::string EncodeDeltas(const std::vector<uint32_t>& ids) {
  std::string out;
  out.reserve(ids.size() * 3);
  uint32_t last = 0;
  for (uint32_t id : ids) {
    uint32_t d = id - last;
    last = id;
    while (d >= 0x80) {
      out.push_back(static_cast<char>((d & 0x7f) | 0x80));
      d >>= 7;
    }
    out.push_back(static_cast<char>(d));
  }
  return out;
}

// The ids EncodeDeltas wrote; nullopt for a blob it cannot have written (cut inside
// an id, a difference of more than 32 bits, or ids past 2^32).
inline std::optional<std::vector<uint32_t>> DecodeDeltas(std::string_view blob) {
  std::vector<uint32_t> ids;
  uint64_t last = 0;
  for (size_t i = 0; i < blob.size();) {
    uint64_t d = 0;
    int shift = 0;
    for (;;) {
      if (i >= blob.size() || shift > 28) return std::nullopt;
      const uint8_t byte = static_cast<uint8_t>(blob[i++]);
      d |= static_cast<uint64_t>(byte & 0x7f) << shift;
      shift += 7;
      if (!(byte & 0x80)) break;
    }
    last += d;
    if (last > UINT32_MAX) return std::nullopt;
    ids.push_back(static_cast<uint32_t>(last));
  }
  return ids;
}

}  // namespace claimcheck
