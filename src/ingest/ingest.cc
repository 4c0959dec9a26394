#include "ingest/ingest.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "base/unicode.h"
#include "ingest/feed_line.h"
#include "ingest/html_to_text.h"
#include "ingest/input_decoder.h"
#include "ingest/legacy_encoding.h"
#include "ingest/manifest.h"
#include "ingest/metadata_detector.h"
#include "ingest/text_cleanup.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

constexpr char kManifestName[] = "manifest.json";

enum class InputKind { kText, kHtml, kFeed };

std::string LowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  return ext;
}

InputKind KindOf(const fs::path& path) {
  std::string ext = LowerExtension(path);
  if (ext == ".jsonl" || ext == ".ndjson") return InputKind::kFeed;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputKind::kHtml;
  return InputKind::kText;
}

// Reads the whole file; on failure returns false with the reason in *error.
bool ReadFile(const fs::path& path, std::string* contents, std::string* error) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *error = "is a directory";
    return false;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = errno != 0 ? std::strerror(errno) : "cannot open";
    return false;
  }
  std::string data;
  uintmax_t size = fs::file_size(path, ec);
  if (!ec) data.reserve(static_cast<size_t>(size));
  char buffer[64 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    data.append(buffer, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    *error = errno != 0 ? std::strerror(errno) : "read error";
    return false;
  }
  *contents = std::move(data);
  return true;
}

// Reads a stream line by line in blocks (memchr finds each '\n').
class LineReader {
 public:
  explicit LineReader(std::istream& in) : buf_(in.rdbuf()), block_(1u << 20) {}

  // Reads one line (without its '\n') into *line, keeping at most `limit` bytes of
  // it: a longer line is read to its end but not kept, and *length says how long it
  // was. Returns false at the end of the input. Memory stays bounded by `limit`.
  bool Next(size_t limit, std::string* line, size_t* length) {
    line->clear();
    *length = 0;
    bool any = false;
    for (;;) {
      if (pos_ == end_) {
        std::streamsize got = buf_->sgetn(block_.data(), static_cast<std::streamsize>(block_.size()));
        pos_ = 0;
        end_ = got > 0 ? static_cast<size_t>(got) : 0;
        if (end_ == 0) {
          if (*length > limit) line->clear();
          return any;
        }
      }
      any = true;
      const char* start = block_.data() + pos_;
      const char* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      const size_t n = newline ? static_cast<size_t>(newline - start) : end_ - pos_;
      if (*length < limit) line->append(start, std::min(n, limit - *length));
      *length += n;
      pos_ += n;
      if (newline) {
        ++pos_;
        return true;
      }
    }
  }

 private:
  std::streambuf* buf_;
  std::vector<char> block_;
  size_t pos_ = 0, end_ = 0;
};

// Extension-less files count as text unless their first 4 KB hold a NUL byte.
bool LooksLikeText(const fs::path& path) {
  std::string ext = LowerExtension(path);
  if (ext == ".txt" || ext == ".text" || ext == ".html" || ext == ".htm" ||
      ext == ".xhtml" || ext == ".jsonl" || ext == ".ndjson") {
    return true;
  }
  if (!ext.empty()) return false;
  std::ifstream in(path, std::ios::binary);
  char buf[4096];
  in.read(buf, sizeof buf);
  return std::find(buf, buf + in.gcount(), '\0') == buf + in.gcount();
}

// The files (generic paths) that manifest entry `name` in folder `base` refers to: the
// file at base/name, else (for a bare name) every file below `base` with that name.
std::vector<std::string> FilesNamedBy(const std::string& name, const fs::path& base,
                                      const std::vector<fs::path>& files) {
  std::string exact = (base / name).lexically_normal().generic_string();
  std::string base_prefix = base.generic_string() + "/";
  bool bare = name.find('/') == std::string::npos;
  std::vector<std::string> matches;
  for (const fs::path& file : files) {
    std::string path = file.generic_string();
    if (file.lexically_normal().generic_string() == exact) return {path};
    if (bare && path.starts_with(base_prefix) && file.filename() == name) matches.push_back(path);
  }
  return matches;
}

// Reads inputs and hands Documents to `emit_`, counting them.
// The raw hash of a feed line as read. std::hash (8 bytes a step) rather than FNV:
// it is read at memory speed on every rerun; should a library change it, the next
// run just reads every line once (the content hash still finds them unchanged).
std::string RawLineHash(std::string_view line) { return Hex64(std::hash<std::string_view>()(line)); }

// The raw hash of a file: its decoded text and what its manifest entry said.
std::string RawHash(std::string_view text, const Document& meta) {
  uint64_t h = Fnv1a64(text);
  for (const std::string* field : {&meta.file, &meta.path, &meta.url, &meta.outlet, &meta.language, &meta.published}) {
    h = Fnv1a64(*field, Fnv1a64("\x1f", h));
  }
  return Hex64(h);
}

// The documents named so far in one IngestInputs call, so that two inputs never
// store under one name (the second would replace the first's text and claims).
// 16 bytes per document: the name's and the raw bytes' 64-bit hashes.
class NamesSeen {
 public:
  enum class Outcome { kNew, kRepeat, kClash };
  // kNew the first time `name` is seen; kRepeat when it was seen with the same
  // `raw_hash` (the same bytes read twice: a folder given twice, a repeated feed
  // line); kClash when another input had that name.
  Outcome Add(std::string_view name, std::string_view raw_hash) {
    auto [it, added] = seen_.try_emplace(Fnv1a64(name), Fnv1a64(raw_hash));
    if (added) return Outcome::kNew;
    return it->second == Fnv1a64(raw_hash) ? Outcome::kRepeat : Outcome::kClash;
  }

 private:
  std::unordered_map<uint64_t, uint64_t> seen_;
};

// A document's name (Document::file) for `path` read from directory `root`: the path
// relative to `root` ("sub/a.txt"), so that files of one name in two folders stay two
// documents; the base name for a file given on its own (empty `root`).
std::string DocumentName(const fs::path& path, const fs::path& root) {
  if (!root.empty()) {
    fs::path relative = path.lexically_normal().lexically_relative(root.lexically_normal());
    std::string name = relative.generic_string();
    if (!name.empty() && name != "." && !name.starts_with("..")) return name;
  }
  return path.filename().string();
}

class Ingester {
 public:
  Ingester(const IngestOptions& options, DiagnosticSink* sink,
           const std::function<void(Document)>& emit)
      : options_(options), sink_(sink), emit_(emit) {}

  void Input(const std::string& input);
  int emitted() const { return emitted_; }

 private:
  void Directory(const fs::path& dir);
  std::map<std::string, ManifestEntry> ApplyManifests(const std::vector<fs::path>& manifests,
                                                      const std::vector<fs::path>& files);
  void File(const fs::path& path, const fs::path& root, const ManifestEntry* entry);
  void Feed(const fs::path& path, const std::string& name);
  void Lines(const fs::path& path, const std::string& name, std::istream& in);
  void FeedLine(const fs::path& path, const std::string& name, int number, std::string& line);
  bool FirstWithName(const Document& meta, const std::string& where, int line);
  bool WithinSizeLimit(const fs::path& path);
  void Build(std::string_view raw, Document meta);

  const IngestOptions& options_;
  DiagnosticSink* sink_;
  const std::function<void(Document)>& emit_;
  int emitted_ = 0;
  NamesSeen names_;
};

void Ingester::Input(const std::string& input) {
  std::error_code ec;
  fs::file_status status = fs::status(input, ec);
  if (ec || !fs::exists(status)) {
    sink_->Error(input, 0, "no such file or directory");
  } else if (fs::is_directory(status)) {
    Directory(input);
  } else if (!fs::is_regular_file(status)) {  // a FIFO or device would block or never end
    sink_->Error(input, 0, "not a regular file (a pipe, socket or device); not read");
  } else {
    File(input, fs::path(), nullptr);
  }
}

void Ingester::Directory(const fs::path& dir) {
  std::vector<fs::path> files;
  std::vector<fs::path> manifests;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    sink_->Error(dir.string(), 0, "cannot read directory: " + ec.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (path.filename() == kManifestName) {
      manifests.push_back(path);
    } else if (LooksLikeText(path)) {
      files.push_back(path);
    }
  }
  auto by_path = [](const fs::path& a, const fs::path& b) {
    return a.generic_string() < b.generic_string();
  };
  std::sort(files.begin(), files.end(), by_path);
  std::sort(manifests.begin(), manifests.end(), by_path);
  std::map<std::string, ManifestEntry> metadata = ApplyManifests(manifests, files);
  for (const fs::path& file : files) {
    auto found = metadata.find(file.generic_string());
    File(file, dir, found == metadata.end() ? nullptr : &found->second);
  }
}

// Maps each file's generic path to the manifest entry naming it; deeper manifests
// are applied later, so they win.
std::map<std::string, ManifestEntry> Ingester::ApplyManifests(
    const std::vector<fs::path>& manifests, const std::vector<fs::path>& files) {
  std::vector<fs::path> ordered = manifests;
  std::stable_sort(ordered.begin(), ordered.end(), [](const fs::path& a, const fs::path& b) {
    return std::distance(a.begin(), a.end()) < std::distance(b.begin(), b.end());
  });
  std::map<std::string, ManifestEntry> metadata;
  for (const fs::path& manifest : ordered) {
    std::string text, error;
    if (!ReadFile(manifest, &text, &error)) {
      sink_->Error(manifest.string(), 0, "cannot read: " + error);
      continue;
    }
    if (std::optional<size_t> bad = FindInvalidUtf8(text)) {
      sink_->Error(manifest.string(), LocateOffset(text, *bad).line, "invalid UTF-8");
      continue;
    }
    for (ManifestEntry& entry : ParseManifest(text, manifest.string(), sink_)) {
      std::vector<std::string> matches = FilesNamedBy(entry.file, manifest.parent_path(), files);
      std::string where = "manifest entry " + std::to_string(entry.index) + " (\"" + entry.file +
                          "\")";
      if (matches.empty()) {
        // A warning: the manifest is metadata, and a nightly feed may list a file before
        // it arrives; no document failed.
        sink_->Warning(manifest.string(), entry.line, where + ": file not found");
      } else if (matches.size() > 1) {
        sink_->Warning(manifest.string(), entry.line,
                       where + ": ambiguous, " + std::to_string(matches.size()) + " files match");
      } else {
        metadata[matches[0]] = entry;
      }
    }
  }
  return metadata;
}

void Ingester::File(const fs::path& path, const fs::path& root, const ManifestEntry* entry) {
  InputKind kind = KindOf(path);
  if (kind == InputKind::kFeed) {
    Feed(path, DocumentName(path, root));
    return;
  }
  if (!WithinSizeLimit(path)) return;
  std::string raw, error;
  if (!ReadFile(path, &raw, &error)) {
    sink_->Error(path.string(), 0, "cannot read file: " + error);
    return;
  }
  DecodedInput decoded = DecodeInput(raw);
  raw = std::string();
  for (Diagnostic& d : decoded.diagnostics) {
    d.file = path.string();
    sink_->Report(std::move(d));
  }
  if (!decoded.ok) return;
  Document meta;
  meta.file = DocumentName(path, root);
  meta.path = path.string();
  if (entry != nullptr) {
    meta.url = entry->url;
    meta.outlet = entry->outlet;
    meta.language = entry->language;
    meta.published = entry->published;
  }
  meta.raw_hash = RawHash(decoded.text, meta);
  if (!FirstWithName(meta, path.string(), 0)) return;
  if (options_.skip_unchanged && options_.skip_unchanged(meta.raw_hash)) return;
  if (kind == InputKind::kHtml) {
    HtmlPage page = ParseHtmlPage(decoded.text);
    if (page.ignored_tags > 0) {
      sink_->Warning(path.string(), 0,
                     "HTML nested deeper than " + std::to_string(kMaxHtmlDepth) + " elements: " +
                         std::to_string(page.ignored_tags) + " tags below that depth ignored");
    }
    if (meta.title.empty()) meta.title = page.title;
    if (meta.published.empty()) meta.published = CanonicalDate(page.published);
    if (meta.outlet.empty()) meta.outlet = page.site_name;
    if (meta.language.empty() && (page.language == "vi" || page.language == "en")) {
      meta.language = page.language;
    }
    Build(page.text, std::move(meta));
    return;
  }
  Build(decoded.text, std::move(meta));
}

bool Ingester::WithinSizeLimit(const fs::path& path) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec || size <= options_.max_file_bytes) return true;  // unreadable: said when read
  sink_->Error(path.string(), 0,
               "file is " + Megabytes(size) + ", over the " + Megabytes(options_.max_file_bytes) +
                   " limit for one input file; not read");
  return false;
}

// Reads a feed line by line (a feed may be large). Binary data is refused from its
// first bytes; a UTF-16 feed is converted whole first. A line with invalid UTF-8 is
// repaired (U+FFFD) with a warning; a line that is not a good record is an error; the
// other lines are read either way.
void Ingester::Feed(const fs::path& path, const std::string& name) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    sink_->Error(path.string(), 0, "cannot read file: is a directory");
    return;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink_->Error(path.string(), 0,
                 std::string("cannot read file: ") + (errno != 0 ? std::strerror(errno) : "cannot open"));
    return;
  }
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    sink_->Error(path.string(), 0, "cannot read file: read error");
    return;
  }
  if (head.empty()) {
    sink_->Error(path.string(), 0, "empty file");
    return;
  }
  bool bom = false;
  std::string utf16 = DetectUtf16(head, &bom);
  if (!utf16.empty()) {
    std::string raw, error;
    if (!WithinSizeLimit(path) || !ReadFile(path, &raw, &error)) {
      if (!error.empty()) sink_->Error(path.string(), 0, "cannot read file: " + error);
      return;
    }
    sink_->Warning(path.string(), 0, "read as " + std::string(utf16 == "utf-16be" ? "UTF-16BE" : "UTF-16LE"));
    std::istringstream text(Utf16ToUtf8(std::string_view(raw).substr(bom ? 2 : 0), utf16 == "utf-16be"));
    raw = std::string();
    Lines(path, name, text);
    return;
  }
  if (std::string reason = BinaryReason(head); !reason.empty()) {
    sink_->Error(path.string(), 0, "looks like binary data (" + reason + "); not read");
    return;
  }
  in.clear();
  in.seekg(0);
  Lines(path, name, in);
}

void Ingester::Lines(const fs::path& path, const std::string& name, std::istream& in) {
  std::string line;
  size_t length = 0;
  LineReader reader(in);
  for (int number = 1; reader.Next(options_.max_file_bytes, &line, &length); ++number) {
    if (length > options_.max_file_bytes) {
      sink_->Error(path.string(), number,
                   "line is " + Megabytes(length) + ", over the " +
                       Megabytes(options_.max_file_bytes) + " limit for one feed line; not read");
      continue;
    }
    FeedLine(path, name, number, line);
  }
}

void Ingester::FeedLine(const fs::path& path, const std::string& name, int number, std::string& line) {
  const std::string raw_hash = RawLineHash(line);
  if (options_.skip_unchanged && options_.skip_unchanged(raw_hash)) return;
  if (!PrepareFeedLine(path.string(), number, &line, sink_)) return;
  std::string error;
  std::optional<FeedRecord> record = ParseFeedLine(line, &error);
  if (!record) {
    sink_->Error(path.string(), number, error);
    return;
  }
  std::string where = path.string() + ":" + std::to_string(number);
  record->meta.file = record->meta.url.empty() ? name + ":" + std::to_string(number) : record->meta.url;
  record->meta.path = where;
  record->meta.raw_hash = raw_hash;
  if (!FirstWithName(record->meta, path.string(), number)) return;
  Diagnostic diagnostic;
  std::optional<Document> doc =
      DocumentFromText(record->text, std::move(record->meta), options_, &diagnostic);
  if (!doc) {
    sink_->Error(path.string(), number, diagnostic.message);
    return;
  }
  emit_(std::move(*doc));
  ++emitted_;
}

// True for the first document of this run named meta.file. A repeat of the same
// bytes is read once (a warning); another input under a taken name is an error and is
// not read, so it cannot replace the first one's text and claims.
bool Ingester::FirstWithName(const Document& meta, const std::string& where, int line) {
  switch (names_.Add(meta.file, meta.raw_hash)) {
    case NamesSeen::Outcome::kNew:
      return true;
    case NamesSeen::Outcome::kRepeat:
      sink_->Warning(where, line, "\"" + meta.file + "\" was already read in this run (same bytes); read once");
      return false;
    case NamesSeen::Outcome::kClash:
      break;
  }
  sink_->Error(where, line,
               "another input in this run is also named \"" + meta.file +
                   "\"; not read (it would replace that document: rename one, or give each a distinct url)");
  return false;
}

void Ingester::Build(std::string_view raw, Document meta) {
  Diagnostic diagnostic;
  std::optional<Document> doc = DocumentFromText(raw, std::move(meta), options_, &diagnostic);
  if (!doc) {
    sink_->Report(std::move(diagnostic));
    return;
  }
  emit_(std::move(*doc));
  ++emitted_;
}

}  // namespace

int IngestInputs(const std::vector<std::string>& inputs, const IngestOptions& options,
                 DiagnosticSink* sink, const std::function<void(Document)>& emit) {
  Ingester ingester(options, sink, emit);
  for (const std::string& input : inputs) ingester.Input(input);
  return ingester.emitted();
}

}  // namespace claimcheck
