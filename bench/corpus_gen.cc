// corpus_gen: writes a deterministic synthetic news corpus as a JSON Lines feed
// (the ingest feed format: url, outlet, published, title, text, language) for the
// benchmark. Articles are Vietnamese or English, built from phrase templates written
// for this tool: counts with qualifiers, absolute and relative dates, treaty events,
// filler prose, page clutter after a marker line, and near-copies of recent articles
// (another outlet re-running a story with a figure or two changed).
//
// usage: corpus_gen N [--seed S] [--version V] [-o FILE]   (default seed 1, version 3,
// stdout). The same N, seed and version always give the same bytes (own PRNG, no std
// distributions).
//
// Version 1 (bench/RESULTS.md before its eighth round) drew 75% of each article's
// sentences from 10 fixed filler sentences per language, so that nearly every two
// articles of one language shared most of their 5-word shingles and copy detection
// joined them (99,905 copy pairs over 100,000 articles); and its deployment figures
// changed with the year and fell below the killed counts. Version 2 writes filler
// from templates with a name, organisation, place or time every few words (few
// accidental copies: 593 copy pairs at 10k), and a country's deployment figure is one
// number, above its cumulative toll; but its slots hold a few dozen values, so 97% of
// an article's 5-word shingles are still another's. Version 3 (the default) writes
// other templates whose slots carry made-up names: most 5-word shingles of an article
// are its own (65% at 3,000 articles; 68% in the 14 real seed and dev articles).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

namespace {

// splitmix64: small, fast, and identical on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool Chance(int percent) { return Below(100) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(static_cast<int>(v.size()))]; }

 private:
  uint64_t state_;
};

// The generator's version (see the file comment): 1, 2 or 3.
int g_version = 3;

struct Country {
  std::string vi;
  std::string en;
};

const std::vector<Country> kCountries = {
    {"Triều Tiên", "North Korean"}, {"Nga", "Russian"},       {"Ukraine", "Ukrainian"},
    {"Hàn Quốc", "South Korean"},   {"Israel", "Israeli"},    {"Iran", "Iranian"},
    {"Trung Quốc", "Chinese"},      {"Mỹ", "American"},       {"Thái Lan", "Thai"},
};
const std::vector<std::string> kPlacesVi = {"Kursk", "Donetsk", "Kharkiv", "Zaporizhzhia", "Bình Nhưỡng",
                                            "Kherson", "Belgorod", "Luhansk"};
const std::vector<std::string> kProvinces = {
    "Quảng Ninh", "Hải Phòng", "Thái Bình", "Nam Định", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Lào Cai",
    "Yên Bái", "Cao Bằng", "Thừa Thiên Huế", "Quảng Nam", "Bình Định", "Phú Yên", "Hà Giang", "Lạng Sơn",
    "Sơn La", "Điện Biên", "Lai Châu", "Tuyên Quang", "Thái Nguyên", "Bắc Giang", "Phú Thọ", "Hòa Bình",
    "Thanh Hóa", "Ninh Bình", "Hà Nam", "Quảng Trị", "Quảng Ngãi", "Khánh Hòa", "Gia Lai", "Kon Tum",
    "Đắk Lắk", "Lâm Đồng", "Cà Mau", "Bến Tre", "Trà Vinh", "Sóc Trăng", "An Giang", "Kiên Giang"};
const std::vector<std::string> kSourcesVi = {"Cơ quan Tình báo Quốc gia Hàn Quốc (NIS)", "hãng thông tấn KCNA",
                                             "Bộ Quốc phòng Anh", "Lầu Năm Góc", "hãng tin Reuters"};
const std::vector<std::string> kSourcesEn = {"South Korea's spy agency", "the Pentagon", "Reuters",
                                             "the UK defence ministry", "state media KCNA"};
const std::vector<std::string> kDisasterSourcesVi = {"giới chức địa phương", "Ban Chỉ đạo phòng chống thiên tai",
                                                     "Sở Nông nghiệp tỉnh"};
const std::vector<std::string> kDisasterSourcesEn = {"local officials", "the disaster management authority",
                                                     "provincial authorities"};
const std::vector<std::string> kOutletsVi = {"baomau.vn", "tinnhanh.vn", "thoisu24.vn", "docbao.net",
                                             "nhandan-mau.vn", "quocte-online.vn"};
const std::vector<std::string> kOutletsEn = {"dailywire-sample.com", "worldpost.example", "asiadesk.example",
                                             "newsroom.example", "frontline.example"};
const std::vector<std::string> kFillerVi = {
    "Giới quan sát cho rằng diễn biến này có thể làm thay đổi cục diện trong khu vực.",
    "Các nhà phân tích vẫn đang theo dõi sát tình hình và chưa đưa ra kết luận cuối cùng.",
    "Người dân địa phương cho biết cuộc sống dần trở lại nhịp bình thường sau nhiều ngày căng thẳng.",
    "Phía đối tác chưa lên tiếng bình luận về thông tin trên.",
    "Nhiều chuyên gia nhận định quan hệ giữa hai bên sẽ còn nhiều biến động trong thời gian tới.",
    "Cuộc họp kéo dài gần hết buổi chiều và kết thúc bằng một tuyên bố chung ngắn gọn.",
    "Chính quyền cam kết sẽ công bố thêm chi tiết khi có số liệu chính thức.",
    "Đây là lần đầu tiên vấn đề này được nêu ra công khai tại một diễn đàn quốc tế.",
    "Lực lượng chức năng đã phong tỏa khu vực để phục vụ công tác điều tra.",
    "Các tuyến đường chính vẫn thông suốt dù thời tiết diễn biến phức tạp.",
};
const std::vector<std::string> kFillerEn = {
    "Observers say the development could reshape the balance of power in the region.",
    "Analysts cautioned that the picture on the ground remains unclear.",
    "Residents described a tense week but said shops had begun to reopen.",
    "The other side did not immediately respond to a request for comment.",
    "Officials promised to publish fuller figures once the count is complete.",
    "The meeting ran for most of the afternoon and closed with a brief joint statement.",
    "It was the first time the matter had been raised in public at an international forum.",
    "Police sealed off the area while investigators collected evidence.",
    "Main roads stayed open despite heavy rain through the night.",
    "Diplomats from both capitals are expected to meet again next month.",
};
// Version 2's filler: templates whose slots ({n} a person, {o} an organisation, {p} a
// venue, {t} a time) come every few words, so a 5-word shingle of one article is
// rarely another's. Venues, not provinces or countries: filler must not name a
// subject (a sentence without one takes the subject mentioned before it).
const std::vector<std::string> kPeopleVi = {
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Hoàng Thu Hà", "Vũ Đức Hải",
    "Đặng Thanh Hương", "Bùi Gia Khánh", "Đỗ Ngọc Lan", "Hồ Sĩ Long", "Ngô Bảo Minh", "Dương Thị Ngọc",
    "Lý Văn Phúc", "Mai Đức Quân", "Trịnh Hồng Sơn", "Đinh Kim Thảo", "Phan Trung Tín", "Tạ Thu Trang",
    "Lương Văn Tuấn", "Chu Thị Vân"};
const std::vector<std::string> kPeopleEn = {
    "Anna Keller", "Ben Ortiz", "Carla Moreno", "David Lindqvist", "Elena Petrova", "Farid Haddad",
    "Grace Okafor", "Hiro Tanaka", "Ivan Sokolov", "Julia Brandt", "Kofi Mensah", "Laura Rossi",
    "Marek Nowak", "Nadia Rahman", "Oscar Silva", "Priya Nair", "Quentin Blake", "Rosa Alvarez",
    "Samuel Park", "Tara Quinn"};
const std::vector<std::string> kOrgsVi = {
    "Bộ Ngoại giao", "Hội Chữ thập đỏ", "Ủy ban nhân dân tỉnh", "Viện Nghiên cứu Chiến lược", "Liên Hợp Quốc",
    "Bộ Tài chính", "Cục Khí tượng", "Hiệp hội Doanh nghiệp", "Quỹ Nhi đồng", "Ngân hàng Thế giới"};
const std::vector<std::string> kOrgsEn = {
    "the foreign ministry", "the Red Cross", "the provincial council", "a strategic studies institute",
    "the United Nations", "the finance ministry", "the weather bureau", "a business association",
    "a children's fund", "the World Bank"};
const std::vector<std::string> kTimesVi = {"sáng thứ Hai", "chiều thứ Ba", "tối thứ Tư", "sáng thứ Năm",
                                           "chiều thứ Sáu", "cuối tuần qua", "đầu tuần này", "hôm qua",
                                           "sáng nay", "chiều nay"};
const std::vector<std::string> kTimesEn = {"on Monday morning", "on Tuesday afternoon", "on Wednesday evening",
                                           "on Thursday", "on Friday", "over the weekend", "early this week",
                                           "yesterday", "this morning", "late on Sunday"};
const std::vector<std::string> kVenuesVi = {"trụ sở chính", "hội trường lớn", "trung tâm báo chí", "nhà văn hóa",
                                            "bệnh viện tuyến tỉnh", "trường học", "cảng cá", "chợ đầu mối"};
const std::vector<std::string> kVenuesEn = {"the press centre", "the town hall", "the main hospital", "a local school",
                                            "the harbour", "the central market", "the city library", "a sports hall"};
const std::vector<std::string> kFillerTemplatesVi = {
    "Ông {n} thuộc {o} cho biết {t} rằng tình hình ở {p} vẫn đang được theo dõi.",
    "Theo {n}, đại diện {o}, cuộc họp tại {p} {t} chưa đi đến kết luận.",
    "{o} {t} đã cử đoàn công tác tới {p} do ông {n} dẫn đầu.",
    "Bà {n} nói với phóng viên {t} rằng người dân {p} mong {o} hỗ trợ sớm.",
    "Tại {p}, {o} {t} công bố kế hoạch mới, ông {n} xác nhận.",
    "{n} của {o} nhận định {t} rằng thời tiết ở {p} còn diễn biến phức tạp.",
};
const std::vector<std::string> kFillerTemplatesEn = {
    "{n} of {o} said {t} that the situation in {p} was still being monitored.",
    "According to {n} at {o}, the meeting in {p} {t} reached no conclusion.",
    "{o} sent a team to {p} {t}, led by {n}.",
    "{n} told reporters {t} that people in {p} hoped {o} would help soon.",
    "In {p}, {o} announced a new plan {t}, {n} confirmed.",
    "{n} from {o} warned {t} that the weather around {p} remained unsettled.",
};

// Version 3's filler: the templates put a slot every two or three words, and every
// slot but the time carries a made-up name (MadeUpName). Version 2's 20 people, 10
// organisations, 8 venues and 10 times left 97% of a 3,000-article corpus's 5-word
// shingles shared with another article (of the 14 real seed and dev articles, all
// on one story and several of them copies, 32% are), so the copy join's probes walked
// thousands of postings each (bench/RESULTS.md, ninth round).
const std::vector<std::string> kBodiesVi = {"Sở Giao thông", "Sở Y tế", "Sở Giáo dục", "Hội Nông dân",
                                            "Đoàn Thanh niên", "Hội Phụ nữ", "Ban Quản lý dự án", "Công an",
                                            "Trung tâm Y tế", "Phòng Tài nguyên", "Chi cục Thủy lợi",
                                            "Ban Dân vận", "Hợp tác xã", "Quỹ Bảo trợ", "Đài Phát thanh",
                                            "Hội Cựu chiến binh"};
const std::vector<std::string> kBodiesEn = {"the transport department", "the health office", "the school board",
                                            "the farmers' union", "the youth league", "the women's union",
                                            "the project office", "the police", "the medical centre",
                                            "the land office", "the irrigation agency", "the relief fund",
                                            "the local radio", "the veterans' group", "the port authority",
                                            "the water company"};
const std::vector<std::string> kDaysVi = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy",
                                          "Chủ nhật"};
const std::vector<std::string> kPartsVi = {"sáng sớm", "sáng", "trưa", "chiều", "tối", "đêm"};
const std::vector<std::string> kDaysEn = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                          "Sunday"};
const std::vector<std::string> kPartsEn = {"early on", "on", "late on", "at noon on", "in the evening on",
                                           "overnight into"};
const std::vector<std::string> kTopicsVi = {"dự án nâng cấp đê", "tuyến đường liên xã", "chương trình học bổng",
                                            "kế hoạch tiêm chủng", "đợt kiểm tra an toàn", "phiên chợ nông sản",
                                            "công trình cấp nước", "lễ hội đền làng", "cuộc thi bơi lội",
                                            "dự án trồng rừng", "đợt nạo vét kênh", "hội chợ việc làm",
                                            "chương trình sữa học đường", "cây cầu dân sinh", "bãi đỗ xe mới",
                                            "trạm y tế xã", "thư viện lưu động", "khu tái định cư",
                                            "tuyến xe buýt mới", "đợt hiến máu"};
const std::vector<std::string> kTopicsEn = {"the levee upgrade", "a new village road", "the bursary scheme",
                                            "the vaccination drive", "a safety inspection", "the farmers' market",
                                            "the water works", "the temple festival", "a swimming contest",
                                            "the tree planting", "the canal dredging", "a jobs fair",
                                            "the school milk scheme", "a footbridge", "a new car park",
                                            "the clinic", "a mobile library", "the resettlement site",
                                            "a new bus route", "the blood drive"};
const std::vector<std::string> kFillerTemplatesV3Vi = {
    "Ông {n} ở {o} cho biết {t} rằng {x} tại {p} đã xong.",
    "Theo {n}, {o} {t} bàn về {x} ở {p}.",
    "{o} {t} cử {n} tới {p} kiểm tra {x}.",
    "Bà {n} nói {t} rằng người dân {p} chờ {x}.",
    "Tại {p}, {o} {t} giới thiệu {x}, ông {n} xác nhận.",
    "{n} của {o} hẹn {t} sẽ trình {x} tại {p}.",
    "{x} ở {p} được {o} duyệt {t}, bà {n} nói.",
    "Anh {n} kể {t} về {x} gần {p}.",
};
const std::vector<std::string> kFillerTemplatesV3En = {
    "{n} of {o} said {t} that {x} at {p} was finished.",
    "According to {n}, {o} discussed {x} at {p} {t}.",
    "{o} sent {n} to {p} {t} to inspect {x}.",
    "{n} said {t} that people near {p} were waiting for {x}.",
    "At {p}, {o} presented {x} {t}, {n} confirmed.",
    "{n} of {o} promised {t} to bring {x} to {p}.",
    "{x} at {p} was approved by {o} {t}, {n} said.",
    "{n} spoke {t} about {x} near {p}.",
};

// A made-up name of three consonant-vowel syllables ("Kalemo"): 15^3 * 5^3 of them,
// so a 5-word shingle holding one is rarely another article's, as in real prose. The
// four that are words of rules/ (checked when version 3 was written) are drawn again.
std::string MadeUpName(Rng& rng) {
  static const char* kConsonants[] = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "h"};
  static const char* kVowels[] = {"a", "e", "i", "o", "u"};
  std::string out;
  do {
    out.clear();
    for (int i = 0; i < 3; ++i) {
      out += kConsonants[rng.Below(15)];
      out += kVowels[rng.Below(5)];
    }
  } while (out == "before" || out == "damage" || out == "figure" || out == "manila");
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// A slot of version 3's filler: 'n' a person, 'o' a body, 'p' a venue, 't' a time,
// 'x' a topic; all but the time carry a made-up name.
std::string SlotV3(Rng& rng, bool vi, char slot) {
  switch (slot) {
    case 'n': {
      std::string first = MadeUpName(rng);
      return first + " " + MadeUpName(rng);
    }
    case 'o': {
      const std::string& body = vi ? rng.Pick(kBodiesVi) : rng.Pick(kBodiesEn);
      return body + (vi ? " " : " of ") + MadeUpName(rng);
    }
    case 'p': {
      const std::string& venue = vi ? rng.Pick(kVenuesVi) : rng.Pick(kVenuesEn);
      return venue + (vi ? " " : " in ") + MadeUpName(rng);
    }
    case 't': {
      const std::string& part = vi ? rng.Pick(kPartsVi) : rng.Pick(kPartsEn);
      return part + " " + (vi ? rng.Pick(kDaysVi) : rng.Pick(kDaysEn));
    }
    default: {
      const std::string& topic = vi ? rng.Pick(kTopicsVi) : rng.Pick(kTopicsEn);
      return topic + " " + MadeUpName(rng);
    }
  }
}

// A filler sentence: version 1 from the fixed pool, version 2 and 3 from a template.
std::string Filler(Rng& rng, bool vi) {
  if (g_version == 1) return vi ? rng.Pick(kFillerVi) : rng.Pick(kFillerEn);
  const std::string& t = g_version == 2 ? (vi ? rng.Pick(kFillerTemplatesVi) : rng.Pick(kFillerTemplatesEn))
                                        : (vi ? rng.Pick(kFillerTemplatesV3Vi) : rng.Pick(kFillerTemplatesV3En));
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}') {
      if (g_version >= 3) {
        out += SlotV3(rng, vi, t[i + 1]);
        i += 2;
        continue;
      }
      switch (t[i + 1]) {
        case 'n': out += vi ? rng.Pick(kPeopleVi) : rng.Pick(kPeopleEn); break;
        case 'o': out += vi ? rng.Pick(kOrgsVi) : rng.Pick(kOrgsEn); break;
        case 'p': out += vi ? rng.Pick(kVenuesVi) : rng.Pick(kVenuesEn); break;
        default: out += vi ? rng.Pick(kTimesVi) : rng.Pick(kTimesEn); break;
      }
      i += 2;
    } else {
      out += t[i];
    }
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

const std::vector<std::string> kClutterVi = {"Tin liên quan", "Xem thêm", "Đọc thêm", "Tin mới nhất"};
const std::vector<std::string> kClutterEn = {"Related stories", "Read more", "Most Read"};
const std::vector<std::string> kMonthsEn = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

// 12345 -> "12.345" (vi) or "12,345" (en).
std::string Grouped(int n, char sep) {
  std::string digits = std::to_string(n);
  std::string out;
  int lead = static_cast<int>(digits.size()) % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (static_cast<int>(i) - lead) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

// A figure near `truth`: usually equal, sometimes off (the disagreements the checker
// finds). Only non-cumulative counts get noise: one outlier in a cumulative series
// conflicts with every later report, which would swamp the benchmark.
int Figure(Rng& rng, int truth) {
  int roll = rng.Below(1000);
  if (roll < 996) return truth;
  if (roll < 998) return truth + truth / 4 + 1;
  return truth - truth / 3;
}

struct Story {
  int country = 0;      // index into kCountries
  int place = 0;        // war place or province
  int killed = 0, wounded = 0, deployed = 0, dead = 0, missing = 0, houses = 0, rice = 0;
  int rate = 1;         // killed per day
  int year = 2024, month = 1, day = 1;
  bool disaster = false;
};

// Figures follow the story's date, so reports of one subject agree over time the
// way real ones do: war tolls grow with the days since the start of 2022 (per
// country), one flood toll per province (the engine cannot tell two floods apart).
Story MakeStory(Rng& rng) {
  Story s;
  s.disaster = rng.Chance(40);
  s.country = rng.Below(static_cast<int>(kCountries.size()));
  s.place = rng.Below(static_cast<int>(s.disaster ? kProvinces.size() : kPlacesVi.size()));
  s.year = 2022 + rng.Below(4);
  s.month = 1 + rng.Below(12);
  s.day = 1 + rng.Below(28);
  int days = (s.year - 2022) * 365 + (s.month - 1) * 30 + s.day;
  s.rate = g_version == 1 ? 3 + s.country * 2 : 1 + s.country % 3;
  s.killed = 100 + days * s.rate;
  s.wounded = s.killed * 3;
  s.deployed = g_version == 1 ? 1000 * (1 + (s.country + s.year) % 12) : 6000 + 1000 * s.country;
  uint64_t event = static_cast<uint64_t>(s.place) * 131 + 7;
  s.dead = 3 + static_cast<int>(event * 37 % 200);
  s.missing = static_cast<int>(event * 11 % 60);
  s.houses = 100 + static_cast<int>(event * 7919 % 20000);
  s.rice = 500 + static_cast<int>(event * 104729 % 90000);
  return s;
}

// One treaty per country, signed on one day of 2024.
int TreatyMonth(const Story& s) { return 1 + s.country; }
int TreatyDay(const Story& s) { return 2 + 3 * s.country; }

// `s` with an ASCII first letter upper-cased (sentences must start like sentences).
std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// A qualifier for a figure. Version 1 picks any of six; version 2 one that still
// admits the figure itself (about, at least, up to, none) but for 2% of mentions
// ("more than" and "nearly" exclude it: a real disagreement with the exact figure).
const char* Qualifier(Rng& rng, const std::vector<const char*>& q) {
  if (g_version == 1) return rng.Pick(q);
  if (rng.Chance(2)) return rng.Chance(50) ? q[1] : q[3];
  static const std::vector<int> admitting = {0, 2, 4, 5};
  return q[static_cast<size_t>(rng.Pick(admitting))];
}
const char* QualifierVi(Rng& rng) {
  static const std::vector<const char*> q = {"khoảng ", "hơn ", "ít nhất ", "gần ", "", "tới "};
  return Qualifier(rng, q);
}
const char* QualifierEn(Rng& rng) {
  static const std::vector<const char*> q = {"about ", "more than ", "at least ", "nearly ", "", "up to "};
  return Qualifier(rng, q);
}

std::string ClaimVi(Rng& rng, const Story& s) {
  const Country& c = kCountries[s.country];
  const std::string& src = s.disaster ? rng.Pick(kDisasterSourcesVi) : rng.Pick(kSourcesVi);
  auto num = [&](int v) { return Grouped(v, '.'); };
  auto noisy = [&](int v) { return Grouped(Figure(rng, v), '.'); };
  if (s.disaster) {
    const std::string& prov = kProvinces[s.place];
    switch (rng.Below(6)) {
      case 0: return "Theo " + src + ", " + QualifierVi(rng) + num(s.dead) + " người đã thiệt mạng do mưa lũ tại " + prov + ".";
      case 1: return "Trận lũ khiến " + num(s.dead) + " người chết và " + num(s.missing + 1) + " người mất tích ở " + prov + ".";
      case 2: return "Mưa lớn làm " + std::string(QualifierVi(rng)) + num(s.houses) + " ngôi nhà bị hư hỏng, " + num(s.rice) + " ha lúa bị ngập.";
      case 3: return "Tính đến ngày " + std::to_string(s.day) + "/" + std::to_string(s.month) + ", " + prov + " ghi nhận " + num(s.dead) + " người tử vong.";
      case 4: return "Hôm qua, " + src + " cho biết " + std::string(QualifierVi(rng)) + num(s.houses) + " căn nhà bị tốc mái.";
      default: return "Đợt mưa lũ hồi tháng " + std::to_string(s.month) + "/" + std::to_string(s.year) + " làm " + num(s.dead) + " nạn nhân thiệt mạng.";
    }
  }
  const std::string& place = kPlacesVi[s.place];
  switch (rng.Below(7)) {
    case 0: return "Theo " + src + ", " + QualifierVi(rng) + num(s.killed) + " binh sĩ " + c.vi + " đã thiệt mạng tại " + place + ".";
    case 1: return Capitalized(src) + " ước tính " + QualifierVi(rng) + num(s.wounded) + " quân nhân " + c.vi + " bị thương trong các trận giao tranh.";
    case 2: {
      // Both draw from rng: drawn one at a time, in the order g++ evaluated them when
      // they were operands of one expression (unspecified: clang took the other).
      const std::string figure = noisy(s.deployed);
      const std::string qualifier = QualifierVi(rng);
      return c.vi + " đã điều " + qualifier + figure + " binh sĩ tới " + place + " hồi tháng " + std::to_string(s.month) + "/" + std::to_string(s.year) + ".";
    }
    case 3: return "Hai nước đã ký hiệp ước hợp tác chiến lược hôm " + std::to_string(TreatyDay(s)) + "/" + std::to_string(TreatyMonth(s)) + "/2024 tại " + place + ".";
    case 4: return "Tuần trước, " + src + " nói " + QualifierVi(rng) + num(s.killed - 7 * s.rate) + " lính " + c.vi + " tử trận ở " + place + ".";
    case 5: return "Tính đến nay, " + c.vi + " đã có " + num(s.killed) + " binh sĩ thiệt mạng, theo " + src + ".";
    default: return "Năm ngoái, " + c.vi + " từng cử " + num(s.deployed / 5) + " công binh tới " + place + " để rà phá bom mìn.";
  }
}

std::string ClaimEn(Rng& rng, const Story& s) {
  const Country& c = kCountries[s.country];
  const std::string& src = s.disaster ? rng.Pick(kDisasterSourcesEn) : rng.Pick(kSourcesEn);
  auto num = [&](int v) { return Grouped(v, ','); };
  auto noisy = [&](int v) { return Grouped(Figure(rng, v), ','); };
  const std::string& month = kMonthsEn[s.month - 1];
  if (s.disaster) {
    const std::string& prov = kProvinces[s.place];
    switch (rng.Below(5)) {
      case 0: return std::string("At least ") + num(s.dead) + " people have died in floods in " + prov + " province, " + src + " said.";
      case 1: return "Floods left " + num(s.dead) + " people dead and " + num(s.missing + 1) + " missing in " + prov + ".";
      case 2: return "Heavy rain damaged " + std::string(QualifierEn(rng)) + num(s.houses) + " houses and flooded " + num(s.rice) + " hectares of rice.";
      case 3: return "As of " + month + " " + std::to_string(s.day) + ", " + src + " counted " + num(s.dead) + " victims killed by the storm.";
      default: return "Yesterday " + src + " said " + std::string(QualifierEn(rng)) + num(s.houses * 2) + " residents were evacuated.";
    }
  }
  const std::string& place = kPlacesVi[s.place];
  switch (rng.Below(6)) {
    case 0: return Capitalized(QualifierEn(rng) + num(s.killed)) + " " + c.en + " soldiers have been killed near " + place + ", " + src + " said.";
    case 1: return Capitalized(src) + " estimates that " + QualifierEn(rng) + num(s.wounded) + " " + c.en + " troops were wounded in the fighting.";
    case 2: return "The two countries signed the defence treaty on " + kMonthsEn[TreatyMonth(s) - 1] + " " + std::to_string(TreatyDay(s)) + ", 2024.";
    case 3: return "Last month " + src + " reported " + QualifierEn(rng) + num(s.killed - 30 * s.rate) + " " + c.en + " fighters killed around " + place + ".";
    case 4: return "In " + month + " " + std::to_string(s.year) + ", about " + noisy(s.deployed) + " " + c.en + " troops were sent to " + place + ".";
    default: return "So far " + num(s.killed) + " " + c.en + " servicemen have died, according to " + src + ".";
  }
}

void AppendJsonString(std::string* out, const std::string& s) {
  out->push_back('"');
  for (char ch : s) {
    switch (ch) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      default: out->push_back(ch);
    }
  }
  out->push_back('"');
}

struct Article {
  std::string url, outlet, published, title, text, language;
};

Article MakeArticle(Rng& rng, int index, const Story& story) {
  Article a;
  bool vi = rng.Chance(65);
  a.language = vi ? "vi" : "en";
  a.outlet = vi ? rng.Pick(kOutletsVi) : rng.Pick(kOutletsEn);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", story.year, story.month, story.day);
  a.published = date;
  a.url = "https://" + a.outlet + "/a/" + std::to_string(index);
  const Country& c = kCountries[story.country];
  a.title = vi ? (story.disaster ? "Mưa lũ gây thiệt hại nặng tại " + kProvinces[story.place]
                                 : "Diễn biến mới về lực lượng " + c.vi + " ở " + kPlacesVi[story.place])
               : (story.disaster ? "Floods hit " + kProvinces[story.place]
                                 : c.en + " forces near " + kPlacesVi[story.place]);
  int paragraphs = 4 + rng.Below(14);
  for (int p = 0; p < paragraphs; ++p) {
    int sentences = 2 + rng.Below(4);
    for (int s = 0; s < sentences; ++s) {
      if (s != 0) a.text += ' ';
      if (rng.Chance(25)) {
        a.text += vi ? ClaimVi(rng, story) : ClaimEn(rng, story);
      } else {
        a.text += Filler(rng, vi);
      }
    }
    a.text += "\n\n";
  }
  if (rng.Chance(60)) {  // page clutter: a marker line, then other headlines
    a.text += (vi ? rng.Pick(kClutterVi) : rng.Pick(kClutterEn)) + "\n";
    for (int i = 0; i < 3; ++i) a.text += Filler(rng, vi) + "\n";
  }
  return a;
}

// Another outlet re-runs a recent story: the same text without its last paragraph.
Article NearCopy(Rng& rng, const Article& original, int index) {
  Article a = original;
  const std::vector<std::string>& outlets = a.language == "vi" ? kOutletsVi : kOutletsEn;
  a.outlet = rng.Pick(outlets);
  a.url = "https://" + a.outlet + "/copy/" + std::to_string(index);
  size_t cut = a.text.rfind("\n\n", a.text.size() > 2 ? a.text.size() - 3 : 0);
  if (cut != std::string::npos && cut > a.text.size() / 2) a.text.resize(cut + 2);
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  long n = -1;
  uint64_t seed = 1;
  const char* out_path = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--version" && i + 1 < argc) {
      g_version = std::atoi(argv[++i]);
    } else if (arg == "-o" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (n < 0 && !arg.empty() && arg[0] != '-') {
      n = std::strtol(arg.c_str(), nullptr, 10);
    } else {
      n = -1;
      break;
    }
  }
  if (n < 0 || g_version < 1 || g_version > 3) {
    std::fprintf(stderr, "usage: corpus_gen N [--seed S] [--version 1|2|3] [-o FILE]\n");
    return 2;
  }
  FILE* out = out_path ? std::fopen(out_path, "wb") : stdout;
  if (out == nullptr) {
    std::perror(out_path);
    return 1;
  }
  Rng rng(seed);
  std::vector<Story> stories;
  for (int i = 0; i < 2000; ++i) stories.push_back(MakeStory(rng));
  std::deque<Article> recent;  // the last few articles, candidates for near-copies
  std::string line;
  for (long i = 0; i < n; ++i) {
    Article a = (!recent.empty() && rng.Chance(6))
                    ? NearCopy(rng, recent[rng.Below(static_cast<int>(recent.size()))], static_cast<int>(i))
                    : MakeArticle(rng, static_cast<int>(i), rng.Pick(stories));
    line.clear();
    line += "{\"url\": ";
    AppendJsonString(&line, a.url);
    line += ", \"outlet\": ";
    AppendJsonString(&line, a.outlet);
    line += ", \"published\": ";
    AppendJsonString(&line, a.published);
    line += ", \"title\": ";
    AppendJsonString(&line, a.title);
    line += ", \"language\": ";
    AppendJsonString(&line, a.language);
    line += ", \"text\": ";
    AppendJsonString(&line, a.text);
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), out);
    recent.push_back(std::move(a));
    if (recent.size() > 50) recent.pop_front();
  }
  if (out != stdout) std::fclose(out);
  return 0;
}
