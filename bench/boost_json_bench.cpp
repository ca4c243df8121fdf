// Peer: Boost.JSON (compiled into this translation unit from boost/json/src.hpp, so it gets
// the same -march flags as everything else). Parse: boost::json::parse, then
// try_value_to<StopIngestionJobResponse> through Boost.JSON's own conversion of described
// structures. Serialize: value_from, then serialize. The only code written for it is the
// minimum Boost.JSON cannot do by itself: tag_invoke for the timestamp and the enum_value.
// A ListIngestionJobs page, whose summaries leave optional members out, value_to cannot read
// (see failure_note): it is also read by hand from the boost::json::value, members looked up
// with if_contains, as a Boost.JSON user must then write it.
// Timestamps use the library's parse_timestamp / format_timestamp, so the peer's times are a
// lower bound for what a Boost.JSON user would see with date::parse or strptime.

#include "bench_common.hpp"
#include "harness.hpp"

#include <boost/json.hpp>
#include <boost/json/src.hpp>

#include <string>

namespace bedrock_agent {

// Found by argument-dependent lookup: these must live in the namespace of the types.

timestamp tag_invoke(boost::json::value_to_tag<timestamp>, const boost::json::value& jv) {
  const boost::json::string& s = jv.as_string();
  const auto t = parse_timestamp(std::string_view(s.data(), s.size()));
  if (!t) throw std::invalid_argument("not an RFC 3339 timestamp");
  return *t;
}
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, timestamp t) {
  char buf[timestamp_max_chars];
  jv = boost::json::string_view(buf, static_cast<std::size_t>(write_timestamp(buf, t) - buf));
}

enum_value<IngestionJobStatus> tag_invoke(boost::json::value_to_tag<enum_value<IngestionJobStatus>>,
                                          const boost::json::value& jv) {
  const boost::json::string& s = jv.as_string();
  const auto e = enum_from_string<IngestionJobStatus>(std::string_view(s.data(), s.size()));
  if (!e) throw std::invalid_argument("not a known IngestionJobStatus");
  return *e;
}
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const enum_value<IngestionJobStatus>& e) {
  const std::string_view s = e.wire_name();
  jv = boost::json::string_view(s.data(), s.size());
}

}  // namespace bedrock_agent

namespace {

using namespace bedrock_agent;

template <class T = StopIngestionJobResponse>
struct boost_json_value_to {
  static constexpr bool fills_value = true;
  static const char* failure_note() {
    return "n/a: Boost.JSON 1.81 converts a described struct only when the object has exactly its members "
           "(error::size_mismatch): absent optional members are not supported";
  }
  bool parse(const simdjson::padded_string& in, T& out) {
    boost::system::error_code ec;
    const boost::json::value jv = boost::json::parse(boost::json::string_view(in.data(), in.size()), ec);
    if (ec) return false;
    auto r = boost::json::try_value_to<T>(jv);
    if (!r) return false;
    out = std::move(*r);
    return true;
  }
};

template <class S>
void put(S& target, const boost::json::value& v) {
  const boost::json::string& s = v.as_string();
  static_cast<std::string&>(target).assign(s.data(), s.size());
}

/// An IngestionJobSummary from its object; throws on a missing or mistyped member.
void read_summary(const boost::json::object& o, IngestionJobSummary& out) {
  put(out.knowledgeBaseId, o.at("knowledgeBaseId"));
  put(out.dataSourceId, o.at("dataSourceId"));
  put(out.ingestionJobId, o.at("ingestionJobId"));
  if (const boost::json::value* d = o.if_contains("description")) {
    if (!out.description) out.description.emplace();
    put(*out.description, *d);
  } else {
    out.description.reset();
  }
  out.status = boost::json::value_to<enum_value<IngestionJobStatus>>(o.at("status"));
  out.startedAt = boost::json::value_to<timestamp>(o.at("startedAt"));
  out.updatedAt = boost::json::value_to<timestamp>(o.at("updatedAt"));
  if (const boost::json::value* st = o.if_contains("statistics")) {
    const boost::json::object& so = st->as_object();
    if (!out.statistics) out.statistics.emplace();
    boost::mp11::mp_for_each<boost::describe::describe_members<IngestionJobStatistics, boost::describe::mod_public>>(
        [&](auto d) {
          const boost::json::value* n = so.if_contains(d.name);
          (*out.statistics).*d.pointer = n ? n->as_int64() : 0;
        });
  } else {
    out.statistics.reset();
  }
}

struct boost_json_lookup_list {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "Boost.JSON could not read the input"; }
  bool parse(const simdjson::padded_string& in, ListIngestionJobsResponse& out) {
    boost::system::error_code ec;
    const boost::json::value jv = boost::json::parse(boost::json::string_view(in.data(), in.size()), ec);
    if (ec) return false;
    try {
      const boost::json::object& root = jv.as_object();
      const boost::json::array& items = root.at("ingestionJobSummaries").as_array();
      auto& list = out.ingestionJobSummaries;
      list.resize(items.size());
      std::size_t n = 0;
      for (const boost::json::value& item : items) read_summary(item.as_object(), list[n++]);
      if (const boost::json::value* t = root.if_contains("nextToken")) {
        if (!out.nextToken) out.nextToken.emplace();
        put(*out.nextToken, *t);
      } else {
        out.nextToken.reset();
      }
    } catch (const std::exception&) {
      return false;
    }
    return true;
  }
};

struct boost_json_serialize {
  void write(const StopIngestionJobResponse& v, std::string& out) {
    out = boost::json::serialize(boost::json::value_from(v));
  }
};

const bool registered = [] {
  bench::register_parse<boost_json_value_to<>>("boost_json");
  using list = ListIngestionJobsResponse;
  bench::register_parse_of<boost_json_value_to<list>, list>("list", bench::list_page, "boost_json");
  bench::register_parse_of<boost_json_lookup_list, list>("list", bench::list_page, "boost_json_lookup");
  bench::register_serialize<boost_json_serialize>("boost_json");
  return true;
}();

}  // namespace
