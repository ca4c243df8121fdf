#ifndef BEDROCK_AGENT_TESTS_INTEROP_GENERATOR_HPP_INCLUDED
#define BEDROCK_AGENT_TESTS_INTEROP_GENERATOR_HPP_INCLUDED

// The driver's own deterministic value generator (fixed seeds, portable: no <random>
// distributions, whose sequences differ between standard libraries).

#include <bedrock_agent/engine/utf8.hpp>
#include <bedrock_agent/stop_ingestion_job.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace interop {

namespace ba = bedrock_agent;

/// splitmix64: a fixed, portable sequence (std::uniform_int_distribution is not portable).
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  }
  /** Uniform in [0, n) (n > 0; the modulo bias is irrelevant here). */
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  /** Uniform in [lo, hi]. */
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  bool percent(unsigned p) { return below(100) < p; }

 private:
  std::uint64_t state_;
};

/// A value generator of the driver's own, deterministic from its seed. Its distribution leans
/// on what a client can get wrong: escapes, every UTF-8 length, counters past 2^53, years
/// below 100, every fraction length.
class generator {
 public:
  explicit generator(std::uint64_t seed) : r_(seed) {}

  std::string id() {
    static constexpr std::string_view alnum = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string s;
    for (int i = 0; i < 10; ++i) s += alnum[r_.below(alnum.size())];
    return s;
  }

  char32_t code_point() {
    static constexpr std::array<char32_t, 16> special{
        U'"', U'\\', U'/', U'\n', U'\t', 0x01, 0x1F, 0x7F, 0xE9, 0x7FF, 0x800, 0x2028, 0xFFFD, 0xFFFF,
        0x1F600, 0x10FFFF};
    switch (r_.below(8)) {
      case 0: return special[r_.below(special.size())];
      case 1: return static_cast<char32_t>(r_.between(0x80, 0x7FF));
      case 2: {  // any BMP scalar value but the surrogates
        auto cp = static_cast<char32_t>(r_.between(0x800, 0xFFFF - 0x800));
        return cp >= 0xD800 ? cp + 0x800 : cp;
      }
      case 3: return static_cast<char32_t>(r_.between(0x10000, 0x10FFFF));
      default: return static_cast<char32_t>(r_.between(0x20, 0x7E));
    }
  }

  std::string text(std::size_t code_points) {
    std::string s;
    for (std::size_t i = 0; i < code_points; ++i) ba::utf8_append(s, code_point());
    return s;
  }

  std::size_t length(std::size_t lo, std::size_t hi) {
    if (r_.percent(10)) return r_.percent(50) ? lo : hi;
    const std::size_t short_hi = std::min<std::size_t>(hi, lo + 40);
    return static_cast<std::size_t>(r_.between(static_cast<std::int64_t>(lo), static_cast<std::int64_t>(short_hi)));
  }

  ba::PrimitiveLong counter() {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t two53 = std::int64_t{1} << 53;
    switch (r_.below(10)) {
      case 0: case 1: case 2: return 0;
      case 3: case 4: case 5: return r_.between(1, 10000);
      case 6: return r_.between(10001, std::int64_t{1} << 31);
      case 7: return r_.between(std::int64_t{1} << 31, two53);
      case 8: return r_.between(two53 + 1, max);
      default: {
        static constexpr std::array<std::int64_t, 6> edges{two53 - 1, two53, two53 + 1, two53 + 2, max - 1, max};
        return edges[r_.below(edges.size())];
      }
    }
  }

  ba::timestamp time() {
    using ba::timestamp;
    std::int64_t s;
    switch (r_.below(20)) {
      case 0: case 1: s = r_.between(timestamp::min_seconds, timestamp::max_seconds); break;
      case 2: s = r_.between(timestamp::min_seconds, -59011459201); break;  // years 0001..0099
      case 3: {
        static constexpr std::array<std::int64_t, 6> edges{timestamp::min_seconds, timestamp::max_seconds, 0, -1,
                                                           -59011459200 /* 0100-01-01 */, 951782400 /* 2000-02-29 */};
        s = edges[r_.below(edges.size())];
        break;
      }
      default: s = r_.between(946684800, 4102444799);  // 2000..2099
    }
    std::uint32_t ns = 0;
    switch (r_.below(5)) {
      case 0: ns = 0; break;
      case 1: ns = static_cast<std::uint32_t>(r_.below(1000)) * 1000000; break;
      case 2: ns = static_cast<std::uint32_t>(r_.below(1000000)) * 1000; break;
      case 3: ns = r_.percent(50) ? 999999999 : 1; break;
      default: ns = static_cast<std::uint32_t>(r_.below(1000000000));
    }
    return *timestamp::from_parts(s, ns);
  }

  ba::StopIngestionJobResponse response() {
    ba::StopIngestionJobResponse v;
    ba::IngestionJob& j = v.ingestionJob;
    j.knowledgeBaseId = id();
    j.dataSourceId = id();
    j.ingestionJobId = id();
    if (r_.percent(60)) j.description = ba::Description(text(length(1, 200)));
    j.status = static_cast<ba::IngestionJobStatus>(r_.below(6));
    if (r_.percent(70)) {
      ba::IngestionJobStatistics st;
      for (ba::PrimitiveLong* c : {&st.numberOfDocumentsScanned, &st.numberOfMetadataDocumentsScanned,
                                   &st.numberOfNewDocumentsIndexed, &st.numberOfModifiedDocumentsIndexed,
                                   &st.numberOfMetadataDocumentsModified, &st.numberOfDocumentsDeleted,
                                   &st.numberOfDocumentsFailed, &st.numberOfDocumentsSkipped}) {
        *c = counter();
      }
      j.statistics = st;
    }
    if (r_.percent(40)) {
      ba::FailureReasons reasons;
      const std::size_t n = r_.percent(2) ? 2048 : length(0, 6);
      for (std::size_t i = 0; i < n; ++i) reasons.push_back(ba::FailureReason(text(n > 6 ? 1 : length(0, 2048))));
      j.failureReasons = std::move(reasons);
    }
    j.startedAt = time();
    j.updatedAt = time();
    return v;
  }

 private:
  rng r_;
};

}  // namespace interop

#endif  // BEDROCK_AGENT_TESTS_INTEROP_GENERATOR_HPP_INCLUDED
