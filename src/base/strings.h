// Pure string helpers shared by every stage. No I/O, no locale.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

std::string_view Trim(std::string_view s);
// Index of the first byte >= 0x80 at or after `from` (s.size() when there is none).
// Reads 8 bytes a step: most text is ASCII between its non-ASCII letters.
size_t FindNonAscii(std::string_view s, size_t from = 0);
std::vector<std::string> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
// Replaces every occurrence of `from` (non-empty) with `to`.
std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to);
// 64-bit FNV-1a; stable across platforms and runs (used for content hashes and ids).
uint64_t Fnv1a64(std::string_view s, uint64_t seed = 14695981039346656037ull);
// Fixed-width lower-case hex of a 64-bit value (16 characters).
std::string Hex64(uint64_t v);
// The value Hex64 wrote: exactly 16 hex digits (either case), else nullopt.
std::optional<uint64_t> ParseHex64(std::string_view hex);
// Formats a number without a trailing ".0": 600 -> "600", 0.5 -> "0.5", 1.5e6 -> "1500000".
std::string FormatNumber(double v);

}  // namespace claimcheck
