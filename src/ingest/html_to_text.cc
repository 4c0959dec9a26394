#include "ingest/html_to_text.h"

#include <gumbo.h>

#include <strings.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>
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

bool IsVoidName(const std::string& name) {
  static const char* const kVoid[] = {"area", "base", "basefont", "bgsound", "br", "col",
                                      "embed", "frame", "hr", "image", "img", "input",
                                      "keygen", "link", "meta", "param", "source", "track", "wbr"};
  for (const char* v : kVoid) {
    if (name == v) return true;
  }
  return false;
}

// Elements an HTML parser closes when a sibling of the same kind starts: they do not
// nest in practice, and pages often leave them unclosed.
bool IsSiblingClosedName(const std::string& name) {
  static const char* const kClosed[] = {"p",     "li",    "dt",    "dd",       "option",
                                        "optgroup", "tr", "td",    "th",       "thead",
                                        "tbody", "tfoot", "rb",    "rt",       "rp",
                                        "rtc",   "colgroup", "caption"};
  for (const char* v : kClosed) {
    if (name == v) return true;
  }
  return false;
}

// Elements whose content is text up to their own end tag.
bool IsRawTextName(const std::string& name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
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

// Appends the text below `root`, walking the tree with an explicit stack (a page may
// nest deeper than the thread's stack allows for recursion).
void CollectText(const GumboNode* root, TextBuilder* out) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool block;
  };
  std::vector<Frame> stack;
  auto enter = [&](const GumboNode* node) {
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
    stack.push_back({node, 0, block});
  };
  enter(root);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child < children.length) {
      enter(static_cast<const GumboNode*>(children.data[top.next_child++]));  // may grow `stack`
    } else {
      if (top.block) out->Break(2);
      stack.pop_back();
    }
  }
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

  // Visits every element in document order (pre-order), with an explicit stack.
  void VisitAll(const GumboNode* root) {
    std::vector<std::pair<const GumboNode*, bool>> stack = {{root, false}};
    while (!stack.empty()) {
      auto [node, inside_article] = stack.back();
      stack.pop_back();
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      Visit(node, inside_article);
      GumboTag tag = node->v.element.tag;
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i > 0; --i) {
        stack.emplace_back(static_cast<const GumboNode*>(children.data[i - 1]),
                           inside_article || tag == GUMBO_TAG_ARTICLE);
      }
    }
  }

  void Visit(const GumboNode* node, bool inside_article) {
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

std::string LimitHtmlNesting(std::string_view html, int max_depth, int* ignored) {
  *ignored = 0;
  std::string out;
  std::vector<std::string> open;                 // names of the open nesting elements
  std::unordered_map<std::string, int> dropped;  // start tags dropped and not yet closed
  size_t copied = 0;                             // html[copied, i) is still to copy
  auto drop = [&](size_t from, size_t to) {      // leaves html[from, to) out
    if (out.empty()) out.reserve(html.size());
    out.append(html.substr(copied, from - copied));
    copied = to;
    ++*ignored;
  };
  const size_t n = html.size();
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
      size_t end = html.find('>', i);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    bool closing = i + 1 < n && html[i + 1] == '/';
    size_t p = i + (closing ? 2 : 1);
    if (p >= n || !std::isalpha(static_cast<unsigned char>(html[p]))) {
      ++i;
      continue;
    }
    std::string name;
    for (; p < n && (std::isalnum(static_cast<unsigned char>(html[p])) || html[p] == '-' ||
                     html[p] == ':');
         ++p) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[p])));
    }
    // The tag ends at the first '>' outside a quoted attribute value.
    char quote = 0;
    char last = 0;
    for (; p < n; ++p) {
      char c = html[p];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if ((c == '"' || c == '\'') && last == '=') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') last = c;
    }
    if (p >= n) break;  // an unfinished tag: the rest is left to gumbo
    const size_t tag_end = p + 1;
    if (closing) {
      auto d = dropped.find(name);
      if (d != dropped.end() && d->second > 0) {
        --d->second;
        drop(i, tag_end);
      } else {
        for (size_t k = open.size(); k > 0; --k) {
          if (open[k - 1] == name) {
            open.resize(k - 1);
            break;
          }
        }
      }
      i = tag_end;
      continue;
    }
    if (IsRawTextName(name)) {  // skip to its end tag; the content is not markup
      size_t end = tag_end;
      while ((end = html.find("</", end)) != std::string_view::npos &&
             strncasecmp(html.data() + end + 2, name.c_str(),
                         std::min(name.size(), n - end - 2)) != 0) {
        end += 2;
      }
      i = end == std::string_view::npos ? n : end;
      continue;
    }
    if (!IsVoidName(name) && !IsSiblingClosedName(name)) {
      if (static_cast<int>(open.size()) < max_depth) {
        open.push_back(std::move(name));
      } else {
        ++dropped[name];
        drop(i, tag_end);
      }
    }
    i = tag_end;
  }
  if (*ignored == 0) return std::string(html);
  out.append(html.substr(copied));
  return out;
}

HtmlPage ParseHtmlPage(std::string_view html) {
  HtmlPage page;
  std::string limited = LimitHtmlNesting(html, kMaxHtmlDepth, &page.ignored_tags);
  GumboOutput* output =
      gumbo_parse_with_options(&kGumboDefaultOptions, limited.data(), limited.size());
  PageScan scan;
  scan.page = &page;
  scan.VisitAll(output->root);
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
