#include "ingest/html_to_text.h"

#include <gumbo.h>

#include <strings.h>

#include <vector>

#include "base/strings.h"

namespace claimcheck {
namespace {

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Accumulates text with collapsed whitespace; "\n" marks line breaks, "\n\n" paragraphs.
class TextBuilder {
 public:
  void AddText(std::string_view s) {
    for (char c : s) {
      if (IsSpace(c)) {
        pending_space_ = true;
      } else {
        if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
        pending_space_ = false;
        out_ += c;
      }
    }
  }
  void Break(int newlines) {
    pending_space_ = false;
    if (out_.empty()) return;
    int have = 0;
    for (size_t i = out_.size(); i > 0 && out_[i - 1] == '\n'; --i) ++have;
    for (; have < newlines; ++have) out_ += '\n';
  }
  std::string Finish() const;

 private:
  std::string out_;
  bool pending_space_ = false;
};

std::string TextBuilder::Finish() const {
  std::vector<std::string> lines;
  for (const std::string& line : Split(out_, '\n')) lines.emplace_back(Trim(line));
  std::string text;
  int blank_run = 0;
  for (const std::string& line : lines) {
    if (line.empty()) {
      ++blank_run;
      continue;
    }
    if (!text.empty()) text += blank_run > 0 ? "\n\n" : "\n";
    blank_run = 0;
    text += line;
  }
  return text;
}

void CollectText(const GumboNode* node, TextBuilder* out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    out->AddText(node->v.text.text);
    return;
  }
  if (node->type == GUMBO_NODE_WHITESPACE) {
    out->AddText(" ");
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  if (IsDropped(tag)) return;
  if (tag == GUMBO_TAG_BR) {
    out->Break(1);
    return;
  }
  bool block = IsBlock(tag);
  if (block) out->Break(2);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectText(static_cast<const GumboNode*>(children.data[i]), out);
  }
  if (block) out->Break(2);
}

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

// Walks the whole tree once, noting metadata and the content roots.
struct PageScan {
  HtmlPage* page = nullptr;
  std::string og_title;
  std::vector<const GumboNode*> articles;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;

  void Visit(const GumboNode* node, bool inside_article) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_HTML) ReadLanguage(node);
    if (tag == GUMBO_TAG_TITLE && page->title.empty()) {
      const GumboVector& kids = node->v.element.children;
      std::string title;
      for (unsigned i = 0; i < kids.length; ++i) {
        const GumboNode* kid = static_cast<const GumboNode*>(kids.data[i]);
        if (kid->type == GUMBO_NODE_TEXT) title += kid->v.text.text;
      }
      TextBuilder builder;
      builder.AddText(title);
      page->title = builder.Finish();
    }
    if (tag == GUMBO_TAG_META) ReadMeta(node);
    if (tag == GUMBO_TAG_ARTICLE && !inside_article) articles.push_back(node);
    if (tag == GUMBO_TAG_MAIN && main == nullptr) main = node;
    if (tag == GUMBO_TAG_BODY && body == nullptr) body = node;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Visit(static_cast<const GumboNode*>(children.data[i]),
            inside_article || tag == GUMBO_TAG_ARTICLE);
    }
  }

  void ReadLanguage(const GumboNode* node) {
    const char* lang = Attribute(node, "lang");
    if (lang == nullptr) return;
    std::string primary;
    for (const char* p = lang; *p && *p != '-' && *p != '_'; ++p) {
      primary += static_cast<char>((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
    }
    page->language = primary;
  }

  void ReadMeta(const GumboNode* node) {
    const char* key = Attribute(node, "property");
    if (key == nullptr) key = Attribute(node, "name");
    const char* content = Attribute(node, "content");
    if (key == nullptr || content == nullptr) return;
    std::string value(Trim(content));
    if (strcasecmp(key, "og:title") == 0 && og_title.empty()) og_title = value;
    if (strcasecmp(key, "article:published_time") == 0 && page->published.empty()) {
      page->published = value;
    }
    if (strcasecmp(key, "og:site_name") == 0 && page->site_name.empty()) page->site_name = value;
  }
};

}  // namespace

HtmlPage ParseHtmlPage(std::string_view html) {
  HtmlPage page;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  PageScan scan;
  scan.page = &page;
  scan.Visit(output->root, false);
  if (!scan.og_title.empty()) page.title = scan.og_title;
  std::vector<const GumboNode*> roots = scan.articles;
  if (roots.empty() && scan.main != nullptr) roots.push_back(scan.main);
  if (roots.empty() && scan.body != nullptr) roots.push_back(scan.body);
  TextBuilder builder;
  for (const GumboNode* root : roots) {
    builder.Break(2);
    CollectText(root, &builder);
  }
  page.text = builder.Finish();
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return page;
}

std::string HtmlToText(std::string_view html) { return ParseHtmlPage(html).text; }

}  // namespace claimcheck
