// The floors: the least work that fills a response (StopIngestionJobResponse and
// GetIngestionJobResponse, both {"ingestionJob": ...}; ListIngestionJobsResponse) from the same
// bytes with simdjson On-Demand (no validation beyond what On-Demand does by itself), and the
// least work that turns an RFC 3339 timestamp into seconds and nanoseconds (digits and ranges
// only).
#ifndef BEDROCK_AGENT_BENCH_FLOORS_HPP_INCLUDED
#define BEDROCK_AGENT_BENCH_FLOORS_HPP_INCLUDED

#include "bench_common.hpp"

#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/engine/time.hpp>

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace bench::floor {

namespace od = simdjson::ondemand;
using namespace bedrock_agent;

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// YYYY-MM-DDThh:mm:ss[.f{1,9}]Z only: digits at fixed places, field ranges, no offsets, no
/// day-of-month check, no messages.
inline std::optional<timestamp> bare_timestamp(std::string_view s) noexcept {
  if (s.size() < 20) return std::nullopt;
  const char* p = s.data();
  auto d = [&](std::size_t i) { return static_cast<unsigned>(p[i] - '0'); };
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (d(i) > 9) return std::nullopt;
  const unsigned year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const unsigned month = d(5) * 10 + d(6), day = d(8) * 10 + d(9);
  const unsigned hour = d(11) * 10 + d(12), minute = d(14) * 10 + d(15), second = d(17) * 10 + d(18);
  if (month - 1 > 11 || day - 1 > 30 || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  std::size_t i = 19;
  std::uint32_t nanos = 0;
  if (p[i] == '.') {
    std::size_t digits = 0;
    for (++i; i < s.size() && d(i) <= 9; ++i, ++digits) {
      if (digits < 9) nanos = nanos * 10 + d(i);
    }
    if (digits == 0 || digits > 9) return std::nullopt;
    for (; digits < 9; ++digits) nanos *= 10;
  }
  if (i + 1 != s.size() || p[i] != 'Z') return std::nullopt;
  return timestamp::from_parts(days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second,
                               nanos);
}

template <class S>
inline void put(S& target, std::string_view v) {
  static_cast<std::string&>(target).assign(v.data(), v.size());
}

inline bool read_stats(od::object o, IngestionJobStatistics& s) {
  for (auto fr : o) {
    od::field f;
    if (std::move(fr).get(f)) return false;
    std::int64_t v = 0;
    if (f.value().get_int64().get(v)) return false;
    const od::raw_json_string k = f.key();
    if (k == "numberOfDocumentsScanned") s.numberOfDocumentsScanned = v;
    else if (k == "numberOfMetadataDocumentsScanned") s.numberOfMetadataDocumentsScanned = v;
    else if (k == "numberOfNewDocumentsIndexed") s.numberOfNewDocumentsIndexed = v;
    else if (k == "numberOfModifiedDocumentsIndexed") s.numberOfModifiedDocumentsIndexed = v;
    else if (k == "numberOfMetadataDocumentsModified") s.numberOfMetadataDocumentsModified = v;
    else if (k == "numberOfDocumentsDeleted") s.numberOfDocumentsDeleted = v;
    else if (k == "numberOfDocumentsFailed") s.numberOfDocumentsFailed = v;
    else if (k == "numberOfDocumentsSkipped") s.numberOfDocumentsSkipped = v;
  }
  return true;
}

/// An IngestionJob, or an IngestionJobSummary (the same members but failureReasons).
template <class Job>
bool read_job(od::object o, Job& job) {
  constexpr bool has_reasons = std::is_same_v<Job, IngestionJob>;
  unsigned seen = 0;
  for (auto fr : o) {
    od::field f;
    if (std::move(fr).get(f)) return false;
    const od::raw_json_string k = f.key();
    od::value v = f.value();
    std::string_view s;
    if (k == "knowledgeBaseId") {
      if (v.get_string().get(s)) return false;
      put(job.knowledgeBaseId, s);
    } else if (k == "dataSourceId") {
      if (v.get_string().get(s)) return false;
      put(job.dataSourceId, s);
    } else if (k == "ingestionJobId") {
      if (v.get_string().get(s)) return false;
      put(job.ingestionJobId, s);
    } else if (k == "description") {
      if (v.get_string().get(s)) return false;
      if (!job.description) job.description.emplace();
      put(*job.description, s);
      seen |= 1;
    } else if (k == "status") {
      if (v.get_string().get(s)) return false;
      const auto e = enum_from_string<IngestionJobStatus>(s);
      if (!e) return false;
      job.status = *e;
    } else if (k == "statistics") {
      od::object so;
      if (v.get_object().get(so)) return false;
      if (!job.statistics) job.statistics.emplace();
      if (!read_stats(so, *job.statistics)) return false;
      seen |= 2;
    } else if (has_reasons && k == "failureReasons") {
      if constexpr (has_reasons) {
        od::array a;
        if (v.get_array().get(a)) return false;
        if (!job.failureReasons) job.failureReasons.emplace();
        auto& list = *job.failureReasons;
        std::size_t n = 0;
        for (auto item : a) {
          if (item.get_string().get(s)) return false;
          if (n == list.size()) list.emplace_back();
          put(list[n++], s);
        }
        list.resize(n);
        seen |= 4;
      }
    } else if (k == "startedAt" || k == "updatedAt") {
      if (v.get_string().get(s)) return false;
      const auto t = bare_timestamp(s);
      if (!t) return false;
      (k == "startedAt" ? job.startedAt : job.updatedAt) = *t;
    }
  }
  if (!(seen & 1)) job.description.reset();
  if (!(seen & 2)) job.statistics.reset();
  if constexpr (has_reasons) {
    if (!(seen & 4)) job.failureReasons.reset();
  }
  return true;
}

/// The floor of a {"ingestionJob": ...} response (Stop, Get): one pass over the document, every
/// member extracted, unknown members skipped.
template <class Response>
bool read_response(od::parser& parser, simdjson::padded_string_view json, Response& out) {
  od::document doc;
  if (parser.iterate(json).get(doc)) return false;
  od::object root;
  if (doc.get_object().get(root)) return false;
  for (auto fr : root) {
    od::field f;
    if (std::move(fr).get(f)) return false;
    if (f.key() == "ingestionJob") {
      od::object job;
      if (f.value().get_object().get(job)) return false;
      if (!read_job(job, out.ingestionJob)) return false;
    }
  }
  return true;
}

/// The floor of a ListIngestionJobs page: the summaries read into the elements already there
/// (as the library's parse_into reuses them), the nextToken.
inline bool read_list(od::parser& parser, simdjson::padded_string_view json, ListIngestionJobsResponse& out) {
  od::document doc;
  if (parser.iterate(json).get(doc)) return false;
  od::object root;
  if (doc.get_object().get(root)) return false;
  bool token = false;
  for (auto fr : root) {
    od::field f;
    if (std::move(fr).get(f)) return false;
    const od::raw_json_string k = f.key();
    if (k == "ingestionJobSummaries") {
      od::array a;
      if (f.value().get_array().get(a)) return false;
      auto& list = out.ingestionJobSummaries;
      std::size_t n = 0;
      for (auto ir : a) {
        od::object item;
        if (ir.get_object().get(item)) return false;
        if (n == list.size()) list.emplace_back();
        if (!read_job(item, list[n++])) return false;
      }
      list.resize(n);
    } else if (k == "nextToken") {
      std::string_view s;
      if (f.value().get_string().get(s)) return false;
      if (!out.nextToken) out.nextToken.emplace();
      put(*out.nextToken, s);
      token = true;
    }
  }
  if (!token) out.nextToken.reset();
  return true;
}

/// Touches every value of a document of any shape (the NDJSON floor): strings unescaped,
/// numbers converted. Returns a checksum so nothing is optimized away.
inline bool touch(od::value v, std::uint64_t& sum) {
  od::json_type t;
  if (v.type().get(t)) return false;
  switch (t) {
    case od::json_type::object: {
      od::object o;
      if (v.get_object().get(o)) return false;
      for (auto fr : o) {
        od::field f;
        if (std::move(fr).get(f)) return false;
        sum += f.key().raw()[0];
        if (!touch(f.value(), sum)) return false;
      }
      return true;
    }
    case od::json_type::array: {
      od::array a;
      if (v.get_array().get(a)) return false;
      for (auto ir : a) {
        od::value item;
        if (std::move(ir).get(item)) return false;
        if (!touch(item, sum)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      if (v.get_string().get(s)) return false;
      sum += s.size();
      return true;
    }
    case od::json_type::number: {
      std::int64_t i = 0;
      if (v.get_int64().get(i)) return false;
      sum += static_cast<std::uint64_t>(i);
      return true;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (v.get_bool().get(b)) return false;
      sum += b;
      return true;
    }
    case od::json_type::null:
      return v.is_null();
  }
  return false;
}

/// The validator's read chunk (tools/validator: NDJSON and botocore logs alike).
constexpr std::size_t chunk_size = std::size_t{1} << 18;

/** Reads `f` as the validator does: chunk_size bytes at a time into one buffer with
 *  SIMDJSON_PADDING spare bytes, the buffer doubled when a line is longer than half a chunk,
 *  the partial last line carried to the front for the next chunk. Calls
 *  `whole_lines(data, size, eof)` with the complete lines of each chunk (at the end of the file,
 *  everything left, the last line's newline perhaps missing); the buffer goes on past `size`
 *  with the partial line, then the zeroed spare bytes (simdjson's padding). */
template <class F>
void read_chunks(std::FILE* f, F&& whole_lines) {
  constexpr std::size_t pad = simdjson::SIMDJSON_PADDING;
  std::size_t cap = chunk_size + pad;
  std::unique_ptr<char[]> buf(new char[cap]);
  std::size_t size = 0;
  for (bool eof = false; !eof;) {
    if (cap - pad - size < chunk_size / 2) {  // a line longer than half a chunk
      std::unique_ptr<char[]> grown(new char[2 * cap]);
      std::memcpy(grown.get(), buf.get(), size);
      buf = std::move(grown);
      cap *= 2;
    }
    const std::size_t want = cap - pad - size;
    const std::size_t got = std::fread(buf.get() + size, 1, want, f);
    size += got;
    eof = got < want;
    std::memset(buf.get() + size, 0, pad);  // the spare bytes are defined
    std::size_t whole = size;
    if (!eof) {
      while (whole > 0 && buf[whole - 1] != '\n') --whole;
    }
    if (whole > 0) whole_lines(static_cast<const char*>(buf.get()), whole, eof);
    std::memmove(buf.get(), buf.get() + whole, size - whole);
    size -= whole;
  }
}

}  // namespace bench::floor

#endif  // BEDROCK_AGENT_BENCH_FLOORS_HPP_INCLUDED
