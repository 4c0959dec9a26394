#include "extract/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace claimcheck {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::unordered_set<std::string> abbreviations = {"TP", "Mr", "U.S"};
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text, abbreviations)) {
    out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentenceSplitterTest, Table) {
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"Có 10.000 người. Sau đó 1,5 triệu.", {"Có 10.000 người.", "Sau đó 1,5 triệu."}},
      {"Ngày 10/01/2026 tại TP. Hồ Chí Minh có mưa. Trời tạnh.",
       {"Ngày 10/01/2026 tại TP. Hồ Chí Minh có mưa.", "Trời tạnh."}},
      {"Mr. Kim said so. The U.S. Army agreed.", {"Mr. Kim said so.", "The U.S. Army agreed."}},
      {"Dòng một\nDòng hai", {"Dòng một", "Dòng hai"}},
      {"Quy mô lớn như vậy.Trong khi đó, họ đi.", {"Quy mô lớn như vậy.", "Trong khi đó, họ đi."}},
      {"Ông nói: \"Xong rồi.\" Sau đó về.", {"Ông nói: \"Xong rồi.\"", "Sau đó về."}},
      {"Giá 1.5 đô. Thêm nữa", {"Giá 1.5 đô.", "Thêm nữa"}},
      {"Ông J. Smith đến. Ở lại.", {"Ông J. Smith đến.", "Ở lại."}},
      {"Có phải không? Đúng vậy!", {"Có phải không?", "Đúng vậy!"}},
      {"Đã ký. Ấn định xong.", {"Đã ký.", "Ấn định xong."}},
      {"số liệu v.v. còn nữa", {"số liệu v.v. còn nữa"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Split(c.text), c.sentences) << c.text;
}

}  // namespace
}  // namespace claimcheck
