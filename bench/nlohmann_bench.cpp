// Peer: nlohmann::json. Parse into a json value, then copy each member into the target with
// find()/get_ref (no temporary strings), as a careful nlohmann user writes it: a
// StopIngestionJob response and a ListIngestionJobs page. Serialize: build the json value, then
// dump(). Timestamps use the library's parse_timestamp/format_timestamp.

#include "bench_common.hpp"
#include "harness.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <type_traits>

namespace {

using namespace bedrock_agent;
using nlohmann::json;

template <class S>
void put(S& target, const json& j) {
  static_cast<std::string&>(target) = j.get_ref<const std::string&>();
}

timestamp read_ts(const json& j) {
  const auto t = parse_timestamp(j.get_ref<const std::string&>());
  if (!t) throw std::invalid_argument("not an RFC 3339 timestamp");
  return *t;
}

/// An IngestionJob, or an IngestionJobSummary (the same members but failureReasons).
template <class Job>
void read_job(const json& j, Job& out) {
  put(out.knowledgeBaseId, j.at("knowledgeBaseId"));
  put(out.dataSourceId, j.at("dataSourceId"));
  put(out.ingestionJobId, j.at("ingestionJobId"));
  if (auto it = j.find("description"); it != j.end()) {
    if (!out.description) out.description.emplace();
    put(*out.description, *it);
  } else {
    out.description.reset();
  }
  const auto status = enum_from_string<IngestionJobStatus>(j.at("status").get_ref<const std::string&>());
  if (!status) throw std::invalid_argument("unknown status");
  out.status = *status;
  if (auto it = j.find("statistics"); it != j.end()) {
    if (!out.statistics) out.statistics.emplace();
    boost::mp11::mp_for_each<boost::describe::describe_members<IngestionJobStatistics, boost::describe::mod_public>>(
        [&](auto d) {
          auto m = it->find(d.name);
          (*out.statistics).*d.pointer = m == it->end() ? 0 : m->template get<std::int64_t>();
        });
  } else {
    out.statistics.reset();
  }
  if constexpr (std::is_same_v<Job, IngestionJob>) {
    if (auto it = j.find("failureReasons"); it != j.end()) {
      if (!out.failureReasons) out.failureReasons.emplace();
      auto& list = *out.failureReasons;
      list.resize(it->size());
      std::size_t n = 0;
      for (const json& item : *it) put(list[n++], item);
    } else {
      out.failureReasons.reset();
    }
  }
  out.startedAt = read_ts(j.at("startedAt"));
  out.updatedAt = read_ts(j.at("updatedAt"));
}

struct nlohmann_parse {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "nlohmann::json could not read the input"; }
  bool parse(const simdjson::padded_string& in, StopIngestionJobResponse& out) {
    const json j = json::parse(in.data(), in.data() + in.size(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return false;
    try {
      read_job(j.at("ingestionJob"), out.ingestionJob);
    } catch (const std::exception&) {
      return false;
    }
    return true;
  }
};

struct nlohmann_parse_list {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "nlohmann::json could not read the input"; }
  bool parse(const simdjson::padded_string& in, ListIngestionJobsResponse& out) {
    const json j = json::parse(in.data(), in.data() + in.size(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return false;
    try {
      const json& items = j.at("ingestionJobSummaries");
      auto& list = out.ingestionJobSummaries;
      list.resize(items.size());
      std::size_t n = 0;
      for (const json& item : items) read_job(item, list[n++]);
      if (auto it = j.find("nextToken"); it != j.end()) {
        if (!out.nextToken) out.nextToken.emplace();
        put(*out.nextToken, *it);
      } else {
        out.nextToken.reset();
      }
    } catch (const std::exception&) {
      return false;
    }
    return true;
  }
};

json job_json(const IngestionJob& v) {
  json j;
  j["knowledgeBaseId"] = static_cast<const std::string&>(v.knowledgeBaseId);
  j["dataSourceId"] = static_cast<const std::string&>(v.dataSourceId);
  j["ingestionJobId"] = static_cast<const std::string&>(v.ingestionJobId);
  if (v.description) j["description"] = static_cast<const std::string&>(*v.description);
  j["status"] = v.status.wire_name();
  if (v.statistics) {
    json& s = j["statistics"];
    boost::mp11::mp_for_each<boost::describe::describe_members<IngestionJobStatistics, boost::describe::mod_public>>(
        [&](auto d) { s[d.name] = (*v.statistics).*d.pointer; });
  }
  if (v.failureReasons) {
    json& a = j["failureReasons"] = json::array();
    for (const auto& r : *v.failureReasons) a.push_back(static_cast<const std::string&>(r));
  }
  j["startedAt"] = format_timestamp(v.startedAt);
  j["updatedAt"] = format_timestamp(v.updatedAt);
  return j;
}

struct nlohmann_serialize {
  void write(const StopIngestionJobResponse& v, std::string& out) {
    json j;
    j["ingestionJob"] = job_json(v.ingestionJob);
    out = j.dump();
  }
};

const bool registered = [] {
  bench::register_parse<nlohmann_parse>("nlohmann");
  bench::register_serialize<nlohmann_serialize>("nlohmann");
  bench::register_parse_of<nlohmann_parse_list, ListIngestionJobsResponse>("list", bench::list_page, "nlohmann");
  return true;
}();

}  // namespace
