// RenderHtml / RenderMarkdown: turn a ReportModel into mustache data and fill
// the embedded templates. The only file that includes kainjow mustache.
#include <string>

#include <kainjow/mustache.hpp>

#include "base/strings.h"
#include "report/report.h"
#include "report/templates.h"

namespace claimcheck {
namespace {

namespace mu = kainjow::mustache;

constexpr char kTitle[] = "claimcheck report";

// Escapes what would end a table cell or start markup in Markdown (HTML
// entities for < > &, backslashes for \\ | ` [ ]) and folds line breaks, so
// article text stays inside its cell and the raw file holds no tags.
std::string MarkdownEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\\': case '|': case '`': case '[': case ']':
        out.push_back('\\');
        out.push_back(ch);
        break;
      case '\n': case '\r': case '\t':
        out.push_back(' ');
        break;
      default:
        out.push_back(ch);
    }
  }
  return out;
}

// mu::data::set and push_back copy their argument, and a copy of a list or
// object copies everything in it: nested data is moved in with these instead.
// Put: `value` as the field `name` of the object *object.
void Put(mu::data* object, const std::string& name, mu::data value) { (*object)[name] = std::move(value); }

// Append: `item` at the end of the list *list. (mu::data has no moving
// push_back; list_value() is the list it holds, created non-const.)
void Append(mu::data* list, mu::data item) {
  const_cast<mu::basic_list<std::string>&>(list->list_value()).push_back(std::move(item));
}

std::string TemplateText(std::string_view name) {
  auto text = FindTemplate(name);
  return text ? std::string(*text) : std::string();
}

mu::data IdList(const std::vector<std::string>& ids) {
  mu::data list(mu::data::type::list);
  for (const std::string& id : ids) Append(&list, mu::data("id", id));
  return list;
}

mu::data RunData(const ReportModel& model) {
  const RunSummary& run = model.run;
  const size_t new_count = model.new_ids_total();
  const size_t resolved_count = model.resolved_ids_total();
  mu::data d;
  d.set("label", run.run_label);
  d.set("has_label", !run.run_label.empty());
  d.set("documents", std::to_string(run.documents));
  d.set("documents_new", std::to_string(run.documents_new));
  d.set("documents_changed", std::to_string(run.documents_changed));
  d.set("documents_unchanged", std::to_string(run.documents_unchanged));
  d.set("documents_failed", std::to_string(run.documents_failed));
  d.set("claims", std::to_string(run.claims));
  d.set("has_new", new_count > 0);
  d.set("new_count", std::to_string(new_count));
  Put(&d, "new_ids", IdList(run.new_conflict_ids));
  d.set("new_ids_text", Join(run.new_conflict_ids, ", "));
  d.set("new_ids_omitted", std::to_string(model.new_ids_omitted));
  d.set("has_new_ids_omitted", model.new_ids_omitted > 0);
  d.set("has_resolved", resolved_count > 0);
  d.set("resolved_count", std::to_string(resolved_count));
  Put(&d, "resolved_ids", IdList(run.resolved_conflict_ids));
  d.set("resolved_ids_text", Join(run.resolved_conflict_ids, ", "));
  d.set("resolved_ids_omitted", std::to_string(model.resolved_ids_omitted));
  d.set("has_resolved_ids_omitted", model.resolved_ids_omitted > 0);
  return d;
}

mu::data CountsData(const ReportCounts& c) {
  mu::data d;
  d.set("documents", std::to_string(c.documents));
  d.set("claims", std::to_string(c.claims));
  d.set("conflicts", std::to_string(c.conflicts));
  d.set("divergences", std::to_string(c.divergences));
  d.set("info", std::to_string(c.info));
  return d;
}

// "600 people (approx)"; the qualifier is left out when exact.
std::string SideValueText(const ReportSide& s) {
  std::string out = s.value;
  if (!s.unit.empty()) out += " " + s.unit;
  if (s.qualifier != "exact") out += " (" + s.qualifier + ")";
  return out;
}

mu::data SideData(const ReportSide& s, const char* label) {
  mu::data d;
  d.set("label", label);
  d.set("file", s.file);
  d.set("outlet", s.outlet);
  d.set("published", s.published);
  d.set("url", s.url);
  d.set("has_url", !s.url.empty());
  d.set("url_is_link", s.url_is_link);
  d.set("value", s.value);
  d.set("unit", s.unit);
  d.set("has_unit", !s.unit.empty());
  d.set("qualifier", s.qualifier);
  d.set("as_of", s.as_of);
  d.set("has_as_of", !s.as_of.empty());
  d.set("attributed_to", s.attributed_to);
  d.set("has_attributed_to", !s.attributed_to.empty());
  d.set("quote", s.quote);
  d.set("has_quote", !s.quote.empty());
  d.set("sentence_before", s.sentence_before);
  d.set("sentence_mark", s.sentence_mark);
  d.set("sentence_after", s.sentence_after);
  d.set("has_mark", s.has_mark);
  return d;
}

mu::data ItemData(const ReportItem& i) {
  mu::data d;
  d.set("id", i.id);
  d.set("rule", i.rule_id);
  d.set("severity", std::string(SeverityName(i.severity)));
  d.set("metric", i.metric);
  d.set("subject", i.subject);
  d.set("explanation", i.explanation);
  d.set("has_explanation", !i.explanation.empty());
  d.set("explanation_vi", i.explanation_vi);
  d.set("has_explanation_vi", !i.explanation_vi.empty());
  d.set("status", i.status);
  d.set("note", i.note);
  d.set("has_note", !i.note.empty());
  d.set("is_new", i.is_new);
  Put(&d, "a", SideData(i.a, "A"));
  Put(&d, "b", SideData(i.b, "B"));
  d.set("values", SideValueText(i.a) + " vs " + SideValueText(i.b));
  d.set("files", i.a.file + " vs " + i.b.file);
  d.set("likely", i.likely_value.empty() ? std::string("undecided") : i.likely_value);
  d.set("support_a", std::to_string(i.support_a));
  d.set("support_b", std::to_string(i.support_b));
  auto trust = [](double t) { return FormatNumber(static_cast<double>(static_cast<long>(t * 100 + 0.5)) / 100); };
  d.set("trust_a", trust(i.trust_a));
  d.set("trust_b", trust(i.trust_b));
  d.set("series", i.series);
  d.set("has_series", !i.series.empty());
  return d;
}

// Conflicts, divergences, info: one section each, omitted when empty.
mu::data SectionsData(const std::vector<ReportItem>& items) {
  struct Group { Severity severity; const char* key; const char* heading; };
  const Group groups[] = {{Severity::kConflict, "conflict", "Conflicts"},
                          {Severity::kDivergence, "divergence", "Divergences"},
                          {Severity::kInfo, "info", "Info"}};
  mu::data sections(mu::data::type::list);
  for (const Group& g : groups) {
    mu::data list(mu::data::type::list);
    int count = 0;
    for (const ReportItem& i : items) {
      if (i.severity != g.severity) continue;
      Append(&list, ItemData(i));
      ++count;
    }
    if (count == 0) continue;
    mu::data section;
    section.set("key", g.key);
    section.set("heading", g.heading);
    section.set("count", std::to_string(count));
    Put(&section, "items", std::move(list));
    Append(&sections, std::move(section));
  }
  return sections;
}

mu::data DocumentsData(const std::vector<ReportDocument>& docs) {
  mu::data list(mu::data::type::list);
  for (const ReportDocument& doc : docs) {
    mu::data d;
    d.set("file", doc.file);
    d.set("outlet", doc.outlet);
    d.set("published", doc.published);
    d.set("language", doc.language);
    d.set("url", doc.url);
    d.set("url_is_link", doc.url_is_link);
    d.set("claims", std::to_string(doc.claims));
    Append(&list, std::move(d));
  }
  return list;
}

// What changed since the previous run: new items, still-open items (the
// other active ones), resolved ones (ids alone when the run gave no rows).
mu::data ChangesData(const ReportModel& model) {
  mu::data new_items(mu::data::type::list), open_items(mu::data::type::list),
      resolved_items(mu::data::type::list);
  int new_count = 0, open_count = 0, resolved_count = 0;
  for (const ReportItem& i : model.items) {
    if (i.is_new) {
      Append(&new_items, ItemData(i));
      ++new_count;
    } else {
      Append(&open_items, ItemData(i));
      ++open_count;
    }
  }
  for (const ReportItem& i : model.resolved) {
    Append(&resolved_items, ItemData(i));
    ++resolved_count;
  }
  // The headings count every new and resolved conflict of the run, the lists hold
  // the ones shown (the cards' limit); "N more" says how many are not.
  const size_t new_total = std::max(static_cast<size_t>(new_count), model.new_ids_total());
  const size_t resolved_ids = model.resolved_ids_total();
  const bool ids_only = model.resolved.empty() && resolved_ids > 0;
  size_t resolved_items_omitted = 0;
  if (ids_only) {
    resolved_count = static_cast<int>(resolved_ids);
  } else {
    resolved_items_omitted = model.resolved_omitted;
    resolved_count += static_cast<int>(resolved_items_omitted);
  }
  mu::data d;
  Put(&d, "new_items", std::move(new_items));
  d.set("has_new_items", new_count > 0);
  d.set("new_items_omitted", std::to_string(new_total - static_cast<size_t>(new_count)));
  d.set("has_new_items_omitted", new_total > static_cast<size_t>(new_count));
  d.set("new_count", std::to_string(new_total));
  Put(&d, "open_items", std::move(open_items));
  d.set("open_count", std::to_string(open_count));
  d.set("has_open_items", open_count > 0);
  Put(&d, "resolved_items", std::move(resolved_items));
  d.set("resolved_count", std::to_string(resolved_count));
  d.set("has_resolved_items", !model.resolved.empty());
  d.set("resolved_items_omitted", std::to_string(resolved_items_omitted));
  d.set("has_resolved_items_omitted", resolved_items_omitted > 0);
  d.set("resolved_ids_only", ids_only);
  Put(&d, "resolved_ids", IdList(model.run.resolved_conflict_ids));
  d.set("resolved_ids_text", Join(model.run.resolved_conflict_ids, ", "));
  d.set("resolved_ids_omitted", std::to_string(model.resolved_ids_omitted));
  d.set("has_resolved_ids_omitted", model.resolved_ids_omitted > 0);
  d.set("has_none_resolved", resolved_count == 0);
  return d;
}

// Fields shared by both templates (see reports/README.md).
mu::data CommonData(const ReportModel& model) {
  mu::data d;
  d.set("title", kTitle);
  Put(&d, "counts", CountsData(model.counts));
  d.set("has_run", model.has_run_summary);
  Put(&d, "run", RunData(model));
  Put(&d, "changes", ChangesData(model));
  d.set("has_items", !model.items.empty());
  mu::data items(mu::data::type::list);
  for (const ReportItem& i : model.items) Append(&items, ItemData(i));
  Put(&d, "items", std::move(items));
  Put(&d, "sections", SectionsData(model.items));
  Put(&d, "documents", DocumentsData(model.documents));
  d.set("has_documents", !model.documents.empty());
  d.set("has_items_omitted", model.items_omitted > 0);
  d.set("items_omitted", std::to_string(model.items_omitted));
  d.set("has_documents_omitted", model.documents_omitted > 0);
  d.set("documents_omitted", std::to_string(model.documents_omitted));
  return d;
}

// Templates are embedded and covered by tests, so a parse error is a
// programmer error; it shows up in the output rather than as an exception.
std::string Render(std::string_view template_name, const std::string& text, const mu::data& data,
                   const mu::mustache::escape_handler* escape) {
  mu::mustache tmpl(text);
  if (escape) tmpl.set_custom_escape(*escape);
  if (!tmpl.is_valid()) {
    return "template error in " + std::string(template_name) + ": " + tmpl.error_message() + "\n";
  }
  std::string out;
  tmpl.render(data, [&out](const std::string& piece) { out += piece; });
  if (!tmpl.is_valid()) {
    return "template error in " + std::string(template_name) + ": " + tmpl.error_message() + "\n";
  }
  return out;
}

// The HTML template with its side partial written in: each {{> side}} replaced
// by the text of side.html.mustache. kainjow parses a partial again at every use
// (two per card); the text written in is parsed once and renders the same, as a
// partial renders in the enclosing context and line and both templates keep the
// default delimiters.
std::string HtmlTemplateText() {
  std::string text = TemplateText("report.html.mustache");
  const std::string side = TemplateText("side.html.mustache");
  const std::string tag = "{{> side}}";
  for (size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at + side.size())) {
    text.replace(at, tag.size(), side);
  }
  return text;
}

// The HTML page from `data` (CommonData), to which it adds the stylesheet.
std::string RenderHtmlData(mu::data* data) {
  data->set("style", TemplateText("style.css"));
  return Render("report.html.mustache", HtmlTemplateText(), *data, nullptr);
}

// The Markdown summary from `data` (CommonData).
std::string RenderMarkdownData(const mu::data& data) {
  const mu::mustache::escape_handler escape = MarkdownEscape;
  return Render("report.md.mustache", TemplateText("report.md.mustache"), data, &escape);
}

}  // namespace

std::string RenderHtml(const ReportModel& model) {
  mu::data data = CommonData(model);
  return RenderHtmlData(&data);
}

std::string RenderMarkdown(const ReportModel& model) {
  mu::data data = CommonData(model);
  return RenderMarkdownData(data);
}

ReportPages RenderPages(const ReportModel& model) {
  mu::data data = CommonData(model);
  ReportPages pages;
  pages.markdown = RenderMarkdownData(data);  // before RenderHtmlData adds its fields
  pages.html = RenderHtmlData(&data);
  return pages;
}

}  // namespace claimcheck
