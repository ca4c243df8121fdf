// Peer: RapidJSON. Parse: a Document per parse (RapidJSON's pool allocator never gives memory
// back while the Document lives, so a long-lived one grows), members looked up with
// FindMember; a StopIngestionJob response and a ListIngestionJobs page. Serialize: Writer into a reused StringBuffer, copied out. Its allocations go
// through a counting allocator (RapidJSON calls malloc, not operator new). Timestamps use the
// library's parse_timestamp/write_timestamp. SSE4.2 whitespace skipping is on when the -march
// flags allow it (RapidJSON does not detect it by itself).

#if defined(__SSE4_2__)
#define RAPIDJSON_SSE42
#endif
#define RAPIDJSON_HAS_STDSTRING 1

#include "bench_common.hpp"
#include "harness.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdlib>
#include <string>
#include <type_traits>

namespace {

using namespace bedrock_agent;

/// rapidjson::CrtAllocator with each allocation counted.
struct counting_allocator {
  static const bool kNeedFree = true;
  void* Malloc(std::size_t size) {
    if (!size) return nullptr;
    ++bench::allocation_count();
    return std::malloc(size);
  }
  void* Realloc(void* p, std::size_t, std::size_t size) {
    if (!size) {
      std::free(p);
      return nullptr;
    }
    ++bench::allocation_count();
    return std::realloc(p, size);
  }
  static void Free(void* p) { std::free(p); }
};
using document = rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<counting_allocator>,
                                            counting_allocator>;
using value = document::ValueType;

template <class S>
bool put(S& target, const value& v) {
  if (!v.IsString()) return false;
  static_cast<std::string&>(target).assign(v.GetString(), v.GetStringLength());
  return true;
}
const value* member(const value& o, const char* name) {
  const auto it = o.FindMember(name);
  return it == o.MemberEnd() ? nullptr : &it->value;
}
bool ts(const value& o, const char* name, timestamp& out) {
  const value* v = member(o, name);
  if (!v || !v->IsString()) return false;
  const auto t = parse_timestamp(std::string_view(v->GetString(), v->GetStringLength()));
  if (!t) return false;
  out = *t;
  return true;
}

/// An IngestionJob, or an IngestionJobSummary (the same members but failureReasons).
template <class Job>
bool read_job(const value* job, Job& j) {
  if (!job || !job->IsObject()) return false;
  const value* v = nullptr;
  if (!(v = member(*job, "knowledgeBaseId")) || !put(j.knowledgeBaseId, *v)) return false;
  if (!(v = member(*job, "dataSourceId")) || !put(j.dataSourceId, *v)) return false;
  if (!(v = member(*job, "ingestionJobId")) || !put(j.ingestionJobId, *v)) return false;
  if ((v = member(*job, "description"))) {
    if (!j.description) j.description.emplace();
    if (!put(*j.description, *v)) return false;
  } else {
    j.description.reset();
  }
  if (!(v = member(*job, "status")) || !v->IsString()) return false;
  const auto status = enum_from_string<IngestionJobStatus>(std::string_view(v->GetString(), v->GetStringLength()));
  if (!status) return false;
  j.status = *status;
  if ((v = member(*job, "statistics"))) {
    if (!v->IsObject()) return false;
    if (!j.statistics) j.statistics.emplace();
    bool ok = true;
    boost::mp11::mp_for_each<boost::describe::describe_members<IngestionJobStatistics, boost::describe::mod_public>>(
        [&](auto d) {
          const value* n = member(*v, d.name);
          if (n && !n->IsInt64()) ok = false;
          (*j.statistics).*d.pointer = n && n->IsInt64() ? n->GetInt64() : 0;
        });
    if (!ok) return false;
  } else {
    j.statistics.reset();
  }
  if constexpr (std::is_same_v<Job, IngestionJob>) {
    if ((v = member(*job, "failureReasons"))) {
      if (!v->IsArray()) return false;
      if (!j.failureReasons) j.failureReasons.emplace();
      auto& list = *j.failureReasons;
      list.resize(v->Size());
      std::size_t n = 0;
      for (const value& item : v->GetArray())
        if (!put(list[n++], item)) return false;
    } else {
      j.failureReasons.reset();
    }
  }
  return ts(*job, "startedAt", j.startedAt) && ts(*job, "updatedAt", j.updatedAt);
}

struct rapidjson_parse {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "RapidJSON could not read the input"; }
  bool parse(const simdjson::padded_string& in, StopIngestionJobResponse& out) {
    document d;
    d.Parse(in.data(), in.size());
    if (d.HasParseError() || !d.IsObject()) return false;
    return read_job(member(d, "ingestionJob"), out.ingestionJob);
  }
};

struct rapidjson_parse_list {
  static constexpr bool fills_value = true;
  static const char* failure_note() { return "RapidJSON could not read the input"; }
  bool parse(const simdjson::padded_string& in, ListIngestionJobsResponse& out) {
    document d;
    d.Parse(in.data(), in.size());
    if (d.HasParseError() || !d.IsObject()) return false;
    const value* items = member(d, "ingestionJobSummaries");
    if (!items || !items->IsArray()) return false;
    auto& list = out.ingestionJobSummaries;
    list.resize(items->Size());
    std::size_t n = 0;
    for (const value& item : items->GetArray())
      if (!read_job(&item, list[n++])) return false;
    if (const value* t = member(d, "nextToken")) {
      if (!out.nextToken) out.nextToken.emplace();
      if (!put(*out.nextToken, *t)) return false;
    } else {
      out.nextToken.reset();
    }
    return true;
  }
};

struct rapidjson_serialize {
  rapidjson::StringBuffer buffer;
  void write(const StopIngestionJobResponse& resp, std::string& out) {
    buffer.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    const IngestionJob& v = resp.ingestionJob;
    auto str = [&](std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
    auto time = [&](timestamp t) {
      char buf[timestamp_max_chars];
      str(std::string_view(buf, static_cast<std::size_t>(write_timestamp(buf, t) - buf)));
    };
    w.StartObject();
    w.Key("ingestionJob");
    w.StartObject();
    w.Key("knowledgeBaseId");
    str(v.knowledgeBaseId);
    w.Key("dataSourceId");
    str(v.dataSourceId);
    w.Key("ingestionJobId");
    str(v.ingestionJobId);
    if (v.description) {
      w.Key("description");
      str(*v.description);
    }
    w.Key("status");
    str(v.status.wire_name());
    if (v.statistics) {
      w.Key("statistics");
      w.StartObject();
      boost::mp11::mp_for_each<boost::describe::describe_members<IngestionJobStatistics, boost::describe::mod_public>>(
          [&](auto d) {
            w.Key(d.name);
            w.Int64((*v.statistics).*d.pointer);
          });
      w.EndObject();
    }
    if (v.failureReasons) {
      w.Key("failureReasons");
      w.StartArray();
      for (const auto& r : *v.failureReasons) str(r);
      w.EndArray();
    }
    w.Key("startedAt");
    time(v.startedAt);
    w.Key("updatedAt");
    time(v.updatedAt);
    w.EndObject();
    w.EndObject();
    out.assign(buffer.GetString(), buffer.GetSize());
  }
};

const bool registered = [] {
  bench::register_parse<rapidjson_parse>("rapidjson");
  bench::register_serialize<rapidjson_serialize>("rapidjson");
  bench::register_parse_of<rapidjson_parse_list, ListIngestionJobsResponse>("list", bench::list_page, "rapidjson");
  return true;
}();

}  // namespace
