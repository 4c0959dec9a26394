#include "server/pages.h"

#include "report/report_model.h"

namespace claimcheck {
namespace {

constexpr char kStyle[] =
    "body{font:15px/1.5 system-ui,sans-serif;margin:0;padding:1rem 1.5rem;color:#1d1d1f;background:#f6f6f4}"
    "a{color:#1f4fa0}table{border-collapse:collapse;width:100%;background:#fff}"
    "th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}"
    "form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0 1rem}"
    "form.filters label{display:flex;flex-direction:column;font-size:.85rem}"
    ".badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.8rem;color:#fff;background:#666}"
    ".sev-conflict{background:#b3261e}.sev-divergence{background:#a15c00}.sev-info{background:#2a5db0}"
    ".new{background:#1b7f3b}.status{font-weight:600}.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}"
    ".side{background:#fff;border:1px solid #ddd;padding:.75rem;border-radius:.4rem}"
    "mark{background:#ffe28a;padding:0 .1rem}.msg{background:#e7f4ea;padding:.5rem;border-radius:.3rem}"
    ".prev{background:#fff4e0;padding:.5rem;border-radius:.3rem}"
    "textarea{width:100%;min-height:4rem}.review button{margin-right:.4rem}"
    "@media(max-width:700px){.sides{grid-template-columns:1fr}}";

std::string Head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         HtmlEscape(title) + "</title>\n<style>" + kStyle +
         "</style>\n<script src=\"/app.js\" defer></script>\n</head>\n<body>\n";
}

constexpr char kFoot[] = "</body>\n</html>\n";

bool Utf8Boundary(const std::string& text, size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

std::string Option(const std::string& value, const std::string& label, const std::string& selected) {
  return "<option value=\"" + HtmlEscape(value) + "\"" + (value == selected ? " selected" : "") + ">" +
         HtmlEscape(label) + "</option>";
}

std::string Select(const char* name, const char* label, const std::vector<std::string>& values,
                   const std::string& selected) {
  std::string out = std::string("<label>") + label + " <select name=\"" + name + "\">" +
                    Option("", "any", selected);
  bool found = selected.empty();
  for (const std::string& v : values) {
    out += Option(v, v, selected);
    found = found || v == selected;
  }
  if (!found) out += Option(selected, selected, selected);  // keep an unknown value visible
  return out + "</select></label>\n";
}

std::string ValueText(const Claim& c) {
  std::string out = DisplayValue(c);
  if (c.kind == ClaimKind::kCount && !c.unit.empty() && c.unit != "percent") out += " " + c.unit;
  if (c.qualifier != Qualifier::kExact) out += " (" + std::string(QualifierName(c.qualifier)) + ")";
  return out;
}

std::string UrlHtml(const std::string& url) {
  if (url.empty()) return "<em>no url</em>";
  if (IsWebUrl(url)) {
    return "<a href=\"" + HtmlEscape(url) + "\" rel=\"noopener noreferrer\" target=\"_blank\">" +
           HtmlEscape(url) + "</a>";
  }
  return "<span class=\"url\">" + HtmlEscape(url) + "</span>";
}

std::string SideHtml(const char* label, const ClaimRef& ref, const std::string& text) {
  const Claim& c = ref.claim;
  std::string passage;
  if (c.id != 0 && c.span_end > c.span_begin && c.span_end <= text.size() &&
      text.compare(c.span_begin, c.span_end - c.span_begin, c.quote) == 0) {
    passage = HighlightSpan(text, c.span_begin, c.span_end);
  }
  if (passage.empty()) passage = HighlightQuote(c.sentence.empty() ? c.quote : c.sentence, c.quote);
  std::string out = std::string("<section class=\"side\">\n<h2>") + label + ": " +
                    HtmlEscape(ref.outlet.empty() ? c.file : ref.outlet) + "</h2>\n<dl>\n";
  out += "<dt>Value</dt><dd><strong>" + HtmlEscape(ValueText(c)) + "</strong></dd>\n";
  out += "<dt>File</dt><dd>" + HtmlEscape(c.file) + "</dd>\n";
  out += "<dt>Outlet</dt><dd>" + HtmlEscape(ref.outlet) + "</dd>\n";
  out += "<dt>Published</dt><dd>" + HtmlEscape(ref.published) + "</dd>\n";
  out += "<dt>URL</dt><dd>" + UrlHtml(ref.url) + "</dd>\n";
  if (!c.as_of.empty()) out += "<dt>As of</dt><dd>" + HtmlEscape(c.as_of) + "</dd>\n";
  if (!c.attributed_to.empty()) out += "<dt>Source</dt><dd>" + HtmlEscape(c.attributed_to) + "</dd>\n";
  out += "</dl>\n<blockquote class=\"passage\">" + passage + "</blockquote>\n</section>\n";
  return out;
}

// The banner for a conflict reopened because its evidence changed: the
// decision it had before, from the latest review by claimcheck.
std::string PreviousDecisionHtml(const std::vector<Store::ReviewRecord>& reviews) {
  if (reviews.empty()) return "";
  const Store::ReviewRecord& last = reviews.back();
  if (last.reviewer != "claimcheck" || last.status != "open" || last.previous_status == "open") return "";
  return "<p class=\"prev\">Back to open: the evidence changed. It was <strong>" +
         HtmlEscape(last.previous_status) + "</strong> (" + HtmlEscape(last.note) + ").</p>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(ch);
    }
  }
  return out;
}

std::string HighlightSpan(const std::string& text, size_t begin, size_t end) {
  if (begin >= end || end > text.size() || !Utf8Boundary(text, begin) || !Utf8Boundary(text, end)) {
    return "";
  }
  size_t from = 0;
  if (begin > 0) {
    size_t newline = text.rfind('\n', begin - 1);
    if (newline != std::string::npos) from = newline + 1;
  }
  size_t to = text.find('\n', end);
  if (to == std::string::npos) to = text.size();
  return HtmlEscape(text.substr(from, begin - from)) + "<mark>" + HtmlEscape(text.substr(begin, end - begin)) +
         "</mark>" + HtmlEscape(text.substr(end, to - end));
}

std::string HighlightQuote(const std::string& sentence, const std::string& quote) {
  size_t at = quote.empty() ? std::string::npos : sentence.find(quote);
  if (at == std::string::npos) return HtmlEscape(sentence);
  return HtmlEscape(sentence.substr(0, at)) + "<mark>" + HtmlEscape(quote) + "</mark>" +
         HtmlEscape(sentence.substr(at + quote.size()));
}

std::string RenderListPage(const ListPage& page) {
  const ConflictFilter& f = page.filter;
  std::string out = Head("claimcheck: conflicts");
  out += "<h1>Conflicts to review</h1>\n<form class=\"filters\" method=\"get\" action=\"/\">\n";
  out += Select("status", "Status", {"open", "confirmed", "dismissed", "needs_info"}, f.status);
  out += Select("severity", "Severity", {"conflict", "divergence", "info"}, f.severity);
  out += Select("metric", "Metric", page.metrics, f.metric);
  out += Select("subject", "Subject", page.subjects, f.subject);
  out += "<label>Outlet <input name=\"outlet\" value=\"" + HtmlEscape(f.outlet) + "\"></label>\n";
  out += std::string("<label><span><input type=\"checkbox\" name=\"new\" value=\"1\"") +
         (f.only_new ? " checked" : "") + "> new since last run</span></label>\n";
  out += "<button type=\"submit\">Filter</button> <a href=\"/\">clear</a>\n</form>\n";
  out += "<p class=\"count\">" + std::to_string(page.rows.size()) + " of " + std::to_string(page.total) +
         " conflicts</p>\n";
  if (page.rows.empty()) return out + "<p class=\"empty\">No conflict matches these filters.</p>\n" + kFoot;
  out += "<table>\n<thead><tr><th>ID</th><th>Severity</th><th>Metric / subject</th><th>Values</th>"
         "<th>Outlets</th><th>Status</th></tr></thead>\n<tbody>\n";
  for (const Conflict& c : page.rows) {
    const bool is_new = page.new_ids.count(c.id) > 0;
    out += "<tr data-id=\"" + HtmlEscape(c.id) + "\"><td><a href=\"/conflict/" + HtmlEscape(c.id) + "\"><code>" +
           HtmlEscape(c.id) + "</code></a>" + (is_new ? " <span class=\"badge new\">new</span>" : "") +
           "</td><td><span class=\"badge sev-" + std::string(SeverityName(c.severity)) + "\">" +
           std::string(SeverityName(c.severity)) + "</span></td><td>" + HtmlEscape(c.metric) + " / " +
           HtmlEscape(c.subject) + "</td><td>" + HtmlEscape(ValueText(c.a.claim)) + " vs " +
           HtmlEscape(ValueText(c.b.claim)) + "</td><td>" + HtmlEscape(c.a.outlet) + " · " +
           HtmlEscape(c.b.outlet) + "</td><td class=\"status\">" + HtmlEscape(c.status) +
           (c.note.empty() ? "" : "<br><small>" + HtmlEscape(c.note) + "</small>") + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n" + kFoot;
}

std::string RenderDetailPage(const DetailPage& page) {
  const Conflict& c = page.conflict;
  std::string out = Head("claimcheck: " + c.metric + " / " + c.subject);
  out += "<p><a href=\"/\">← all conflicts</a></p>\n";
  out += "<h1>" + HtmlEscape(c.metric) + " / " + HtmlEscape(c.subject) + "</h1>\n<p><span class=\"badge sev-" +
         std::string(SeverityName(c.severity)) + "\">" + std::string(SeverityName(c.severity)) + "</span>" +
         (page.is_new ? " <span class=\"badge new\">new</span>" : "") +
         (page.active ? "" : " <span class=\"badge\">resolved: no longer found</span>") + " rule <code>" +
         HtmlEscape(c.rule_id) + "</code> · id <code>" + HtmlEscape(c.id) + "</code></p>\n";
  if (!c.explanation.empty()) out += "<p lang=\"en\">" + HtmlEscape(c.explanation) + "</p>\n";
  if (!c.explanation_vi.empty()) out += "<p lang=\"vi\">" + HtmlEscape(c.explanation_vi) + "</p>\n";
  if (!c.likely_value.empty()) {
    out += "<p class=\"likely\">Likely value: <strong>" + HtmlEscape(c.likely_value) + "</strong>";
    if (c.support_a > 0 || c.support_b > 0) {
      out += " (independent sources backing A: " + std::to_string(c.support_a) +
             ", B: " + std::to_string(c.support_b) + ")";
    }
    out += "</p>\n";
  }
  if (!c.series.empty()) out += "<p class=\"series\">Series: " + HtmlEscape(c.series) + "</p>\n";
  out += "<div class=\"sides\">\n" + SideHtml("A", c.a, page.text_a) + SideHtml("B", c.b, page.text_b) + "</div>\n";
  out += "<h2>Review</h2>\n<p>Status: <span class=\"status\" id=\"status\">" + HtmlEscape(c.status) + "</span>" +
         (c.note.empty() ? "" : " — " + HtmlEscape(c.note)) + "</p>\n";
  out += PreviousDecisionHtml(page.reviews);
  if (!page.message.empty()) out += "<p class=\"msg\">" + HtmlEscape(page.message) + "</p>\n";
  out += "<form class=\"review\" method=\"post\" action=\"/conflict/" + HtmlEscape(c.id) + "/review\">\n"
         "<input type=\"hidden\" name=\"csrf\" value=\"" + HtmlEscape(page.csrf_token) + "\">\n"
         "<p><label>Note<br><textarea name=\"note\" maxlength=\"4000\"></textarea></label></p>\n"
         "<p><label>By <input name=\"by\" maxlength=\"100\" value=\"" + HtmlEscape(page.reviewer) +
         "\"></label></p>\n<p>"
         "<button type=\"submit\" name=\"status\" value=\"confirmed\">Confirm</button>"
         "<button type=\"submit\" name=\"status\" value=\"dismissed\">Dismiss</button>"
         "<button type=\"submit\" name=\"status\" value=\"needs_info\">Needs info</button>"
         "<button type=\"submit\" name=\"status\" value=\"open\">Reopen</button></p>\n</form>\n";
  out += "<h2>Review log</h2>\n";
  if (page.reviews.empty()) return out + "<p class=\"empty\">No decision yet.</p>\n" + kFoot;
  out += "<table class=\"log\">\n<thead><tr><th>When</th><th>Who</th><th>Change</th><th>Note</th></tr></thead>\n"
         "<tbody>\n";
  for (const Store::ReviewRecord& r : page.reviews) {
    out += "<tr><td>" + HtmlEscape(r.created_at) + "</td><td>" + HtmlEscape(r.reviewer) + "</td><td>" +
           HtmlEscape(r.previous_status) + " → " + HtmlEscape(r.status) + "</td><td>" + HtmlEscape(r.note) +
           "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n" + kFoot;
}

std::string RenderErrorPage(int status, const std::string& message) {
  return Head("claimcheck: " + std::to_string(status)) + "<h1>" + std::to_string(status) + "</h1>\n<p>" +
         HtmlEscape(message) + "</p>\n<p><a href=\"/\">all conflicts</a></p>\n" + kFoot;
}

std::string_view PageScript() {
  return "// claimcheck review page: apply a filter as soon as a select changes.\n"
         "document.querySelectorAll('form.filters select').forEach(function (s) {\n"
         "  s.addEventListener('change', function () { s.form.submit(); });\n"
         "});\n";
}

}  // namespace claimcheck
