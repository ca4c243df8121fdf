#ifndef BEDROCK_AGENT_TESTING_FAKE_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_FAKE_HPP_INCLUDED

// The ingestion-job API as an in-process service: fake_service takes an HTTP request of any of
// the four operations and returns the response the service would give, keeping knowledge bases,
// data sources and jobs, and moving jobs through the lifecycle on a clock the caller controls.
// Requests are read with the library's own binding (parse_request), responses written with it,
// so every response it sends keeps the contract unless a contract_break asks otherwise.
// bedrock-agent-fake (tools/fake) serves it over HTTP. docs/fake.md. Needs no RapidCheck.

#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/time.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/testing/fixtures.hpp>

#include <boost/describe/class.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// As in shapes.hpp: clang -Wpedantic in C++17 calls Describe's empty base list a C++20 extension.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"
#endif

namespace bedrock_agent::testing {

/// How the fake's jobs move through the lifecycle.
enum class fake_clock : std::uint8_t {
  /// Each call moves the virtual clock on by fake_options::step; each GetIngestionJob of a
  /// running job moves that job one step (STARTING -> IN_PROGRESS, then in_progress_steps
  /// polls later COMPLETE or FAILED; STOPPING -> STOPPED). Deterministic; what an unmodified
  /// client that polls needs.
  step,
  /// Jobs move by the durations in fake_options against a virtual clock that only advance()
  /// moves. Deterministic.
  manual,
  /// Jobs move by the durations against the system clock.
  real,
};

/// A response that breaks the contract on purpose, for testing a client's error handling.
enum class contract_break : std::uint8_t {
  lowercase_status,    ///< the job's status in lower case ("in_progress"): constraint.enum
  wrong_job_id,        ///< another ingestionJobId than the request's: exchange.id-mismatch
  missing_updated_at,  ///< the job without updatedAt: shape.missing-member
  bad_timestamp,       ///< updatedAt on February 30th: time.*
  undeclared_error,    ///< a 400 whose error type the operation does not declare: error.unknown-type
};

/// Every contract_break with its name (the server's --break NAME).
inline constexpr std::pair<contract_break, std::string_view> contract_break_names[] = {
    {contract_break::lowercase_status, "lowercase-status"},
    {contract_break::wrong_job_id, "wrong-job-id"},
    {contract_break::missing_updated_at, "missing-updated-at"},
    {contract_break::bad_timestamp, "bad-timestamp"},
    {contract_break::undeclared_error, "undeclared-error"},
};

/// Which calls a fault hits: every `every`th call (1: each) and the calls numbered in `calls`.
/// Calls are numbered from 1 in the order the fake receives them, whatever their operation.
struct call_selector {
  std::uint64_t every = 0;
  std::vector<std::uint64_t> calls;
  bool selects(std::uint64_t call) const noexcept {
    return (every != 0 && call % every == 0) || std::find(calls.begin(), calls.end(), call) != calls.end();
  }
  bool empty() const noexcept { return every == 0 && calls.empty(); }
};

/// Faults on demand. The error faults are checked in this order and the first that selects a
/// call answers it, before the request is read.
struct fake_faults {
  call_selector throttle;       ///< 429 ThrottlingException
  call_selector server_error;   ///< 500 InternalServerException
  call_selector access_denied;  ///< 403 AccessDeniedException
  /// Every `fail_jobs`th job started (1: each) ends FAILED with failureReasons instead of COMPLETE.
  std::uint64_t fail_jobs = 0;
  /// Breaks the responses of the calls `break_calls` selects (every call when it is empty).
  std::optional<contract_break> break_kind;
  call_selector break_calls;
  /// How long the server waits before it answers (the in-process fake only reports it).
  std::chrono::milliseconds latency{0};
};

/// How the fake behaves.
struct fake_options {
  fake_clock clock = fake_clock::step;
  /// fake_clock::step: how far each call moves the virtual clock.
  std::chrono::milliseconds step{1000};
  /// fake_clock::step: how many polls a job stays IN_PROGRESS before it finishes.
  std::uint32_t in_progress_steps = 2;
  /// fake_clock::manual and real: how long a job stays in each status before it moves on.
  std::chrono::milliseconds starting_for{1000};
  std::chrono::milliseconds in_progress_for{3000};
  std::chrono::milliseconds stopping_for{1000};
  /// The virtual clock's first reading (step and manual), in milliseconds since 1970.
  std::int64_t start_time_ms = 1767225600000;  // 2026-01-01T00:00:00Z
  /// True: every well-formed knowledgeBaseId / dataSourceId exists. Seeding knowledge bases
  /// (add_data_source, load_seed) turns it off unless it is set again.
  bool any_id_exists = true;
  /// A page of ListIngestionJobs holds at most this many summaries when the request sets no
  /// maxResults.
  std::int32_t default_max_results = 100;
  /// Requests are read with this: strict by default (the contract), so a client that sends an
  /// unknown member, a wrong type or a broken constraint gets a ValidationException naming it.
  /// parse_options::client() lets unknown members through; a constraint is always enforced
  /// (constraints_as_warnings or not), since the answer would echo the value.
  parse_options request_options = parse_options::contract();
  /// Makes job ids, request ids and list tokens: the same seed and calls give the same answers.
  std::uint64_t seed = 0;
  fake_faults faults;
};

/// One seeded knowledge base (load_seed's JSON).
struct fake_seed_ids : std::vector<Id> {
  using std::vector<Id>::vector;
  static constexpr std::string_view shape_name = "DataSourceIds";
  static constexpr list_constraints constraints{0, unbounded};
};
struct fake_seed_knowledge_base {
  Id knowledgeBaseId;
  std::optional<fake_seed_ids> dataSourceIds;
  static constexpr std::string_view shape_name = "SeedKnowledgeBase";
};
BOOST_DESCRIBE_STRUCT(fake_seed_knowledge_base, (), (knowledgeBaseId, dataSourceIds))
struct fake_seed_knowledge_bases : std::vector<fake_seed_knowledge_base> {
  using std::vector<fake_seed_knowledge_base>::vector;
  static constexpr std::string_view shape_name = "SeedKnowledgeBases";
  static constexpr list_constraints constraints{0, unbounded};
};
struct fake_seed_jobs : std::vector<IngestionJob> {
  using std::vector<IngestionJob>::vector;
  static constexpr std::string_view shape_name = "SeedIngestionJobs";
  static constexpr list_constraints constraints{0, unbounded};
};
/// What load_seed reads: {"knowledgeBases": [{"knowledgeBaseId": ..., "dataSourceIds": [...]}],
/// "ingestionJobs": [IngestionJob, ...]}, both optional.
struct fake_seed {
  std::optional<fake_seed_knowledge_bases> knowledgeBases;
  std::optional<fake_seed_jobs> ingestionJobs;
  static constexpr std::string_view shape_name = "Seed";
};
BOOST_DESCRIBE_STRUCT(fake_seed, (), (knowledgeBases, ingestionJobs))

/// What the fake answered: the response, the operation it was for (empty when none), and how
/// long a server should wait before sending it.
struct fake_reply {
  http_response response;
  std::string_view operation;
  std::chrono::milliseconds delay{0};
};

namespace detail {

/// splitmix64: a small, well-mixed step for ids from a seed and a counter.
constexpr std::uint64_t fake_mix(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// FNV-1a, fixed across runs and platforms (list tokens stay valid between runs).
constexpr std::uint64_t fake_fnv(std::string_view s, std::uint64_t h = 0xCBF29CE484222325ULL) noexcept {
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  return h;
}

/// The instant `ms` milliseconds after 1970, held within the years timestamp can write.
inline timestamp fake_time(std::int64_t ms) {
  constexpr std::int64_t lowest = timestamp::min_seconds * 1000, highest = timestamp::max_seconds * 1000 + 999;
  ms = std::min(std::max(ms, lowest), highest);
  const std::int64_t s = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  return *timestamp::from_parts(s, static_cast<std::uint32_t>((ms - s * 1000) * 1000000));
}

inline std::int64_t fake_ms(timestamp t) noexcept {
  return t.seconds() * 1000 + static_cast<std::int64_t>(t.nanoseconds() / 1000000);
}

/// "/filters/0/values" -> "filters.0.values"; the root ("") -> "body"; a member named "" (the
/// pointer "/") -> `""`, since a field's name cannot be blank (NonBlankString).
inline std::string fake_field_name(std::string_view pointer) {
  if (pointer.empty()) return "body";
  if (pointer == "/") return "\"\"";
  std::string out;
  for (std::size_t i = 1; i < pointer.size(); ++i) {
    const char c = pointer[i];
    if (c == '/') {
      out += '.';
    } else if (c == '~' && i + 1 < pointer.size()) {
      out += pointer[++i] == '1' ? '/' : '~';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace detail

/** The ingestion-job API in process. Not thread-safe: one caller at a time (the server runs it
 *  on one thread). */
class fake_service {
 public:
  explicit fake_service(fake_options options = {}) : options_(std::move(options)), now_ms_(options_.start_time_ms) {}

  const fake_options& options() const noexcept { return options_; }
  fake_options& options() noexcept { return options_; }

  /// Makes a knowledge base and its data source known (and any_id_exists false).
  void add_data_source(std::string_view knowledge_base_id, std::string_view data_source_id) {
    options_.any_id_exists = false;
    knowledge_bases_.insert(std::string(knowledge_base_id));
    data_sources_.insert(source_key(knowledge_base_id, data_source_id));
  }
  /// Makes a knowledge base with no data source known (and any_id_exists false).
  void add_knowledge_base(std::string_view knowledge_base_id) {
    options_.any_id_exists = false;
    knowledge_bases_.insert(std::string(knowledge_base_id));
  }
  /** Adds an existing job as it is; a running one moves on from now. Its knowledge base and
   *  data source become known. False when a job of that id is there already. */
  bool add_job(const IngestionJob& job) {
    const std::string id(job.ingestionJobId);
    if (by_id_.count(id) != 0) return false;
    knowledge_bases_.insert(std::string(job.knowledgeBaseId));
    data_sources_.insert(source_key(job.knowledgeBaseId, job.dataSourceId));
    stored_job s;
    s.job = job;
    s.phase_since_ms = now_ms_;
    s.created = jobs_.size();
    if (s.job.statistics) s.scanned = s.job.statistics->numberOfDocumentsScanned;
    by_id_.emplace(id, jobs_.size());
    jobs_.push_back(std::move(s));
    return true;
  }
  /** Reads a seed document (fake_seed) and adds its knowledge bases, data sources and jobs.
   *  With knowledge bases listed, only they exist (any_id_exists becomes false). */
  [[nodiscard]] result<void> load_seed(std::string_view json) {
    result<fake_seed> seed = parse<fake_seed>(json);
    result<void> r;
    if (!seed) {
      bedrock_agent::detail::result_access::diagnostics(r) = seed.diagnostics();
      bedrock_agent::detail::result_access::count(r);
      return r;
    }
    if (seed->knowledgeBases) {
      for (const auto& kb : *seed->knowledgeBases) {
        add_knowledge_base(kb.knowledgeBaseId);
        if (kb.dataSourceIds) {
          for (const Id& ds : *kb.dataSourceIds) add_data_source(kb.knowledgeBaseId, ds);
        }
      }
    }
    if (seed->ingestionJobs) {
      for (const IngestionJob& job : *seed->ingestionJobs) add_job(job);
    }
    return r;
  }

  /// fake_clock::manual: moves the virtual clock on.
  void advance(std::chrono::milliseconds by) noexcept { now_ms_ += by.count(); }
  /// The clock's reading now.
  timestamp now() const { return detail::fake_time(now_ms()); }
  /// How many calls the fake has answered.
  std::uint64_t calls() const noexcept { return calls_; }
  /// The job of that id as it stands (without moving it), if any.
  std::optional<IngestionJob> job(std::string_view ingestion_job_id) const {
    const auto it = by_id_.find(std::string(ingestion_job_id));
    if (it == by_id_.end()) return std::nullopt;
    return jobs_[it->second].job;
  }

  /** Answers one request: `target` is the path and query, `body` the request body. */
  fake_reply handle(std::string_view method, std::string_view target, std::string_view body) {
    ++calls_;
    if (options_.clock == fake_clock::step) now_ms_ += options_.step.count();
    fake_reply reply;
    reply.delay = options_.faults.latency;
    const std::optional<operation_match> match = match_operation<operations>(method, target);
    if (!match || !match->method_matches) {
      reply.response = unknown_operation(method, target);
    } else {
      visit_operation<operations>(match->index, [&](auto op) {
        using Op = decltype(op);
        reply.operation = Op::name;
        reply.response = answer<Op>(method, target, body);
      });
    }
    finish(reply.response);
    return reply;
  }
  fake_reply handle(const http_request& request) { return handle(request.method, request.target, request.body); }

 private:
  struct stored_job {
    IngestionJob job;
    std::int64_t phase_since_ms = 0;  // when the job entered its status (manual and real)
    std::uint32_t steps = 0;          // polls seen in IN_PROGRESS (step)
    PrimitiveLong scanned = 0;
    bool fails = false;
    std::size_t created = 0;
    std::string client_token;
  };

  static std::string source_key(std::string_view kb, std::string_view ds) {
    std::string k(kb);
    k += '/';
    k += ds;
    return k;
  }

  std::int64_t now_ms() const {
    if (options_.clock != fake_clock::real) return now_ms_;
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  std::string next_id() {
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (;;) {
      std::uint64_t x = detail::fake_mix(options_.seed ^ detail::fake_mix(++ids_made_));
      std::string id(10, '0');
      for (char& c : id) {
        c = alphabet[x % 36];
        x /= 36;
      }
      if (by_id_.count(id) == 0) return id;
    }
  }

  std::string request_id() const {
    const std::uint64_t a = detail::fake_mix(options_.seed + calls_), b = detail::fake_mix(a);
    std::string out;
    out.reserve(36);
    for (int k = 0; k < 16; ++k) {
      if (k == 4 || k == 6 || k == 8 || k == 10) out += '-';
      const auto byte = static_cast<std::uint8_t>((k < 8 ? a : b) >> (8 * (k % 8)));
      static constexpr char hex[] = "0123456789abcdef";
      out += hex[byte >> 4];
      out += hex[byte & 15];
    }
    return out;
  }

  void finish(http_response& r) const { r.headers.emplace_back("x-amzn-RequestId", request_id()); }

  // ---- errors ---------------------------------------------------------------------------

  template <class E>
  static http_response error(std::string message) {
    E e;
    e.message = NonBlankString(std::move(message));
    return write_error_response(e);
  }

  static http_response unknown_operation(std::string_view method, std::string_view target) {
    // No operation of the model: the service's front door answers so; no declared error fits.
    http_response r;
    r.status = 404;
    r.headers = {{"Content-Type", "application/json"}, {"X-Amzn-Errortype", "UnknownOperationException"}};
    r.body = R"({"message":"No ingestion-job operation is )" + std::string(method) + " " +
             json_escape(target.substr(0, 200)) + R"("})";
    return r;
  }

  static std::string json_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) < 0x20) continue;
      out += c;
    }
    return out;
  }

  /** Whether a finding rejects the request: an error, or a model constraint that the options
   *  made a warning (constraints_as_warnings): the answer would echo the value and break the
   *  contract, so the fake never takes such leniency from request_options. */
  static bool rejects(const diagnostic& d) {
    return d.level == severity::error || rule_info(d.id).source == rule_source::model;
  }

  static http_response validation_error(const std::vector<diagnostic>& diags) {
    ValidationException e;
    ValidationExceptionFieldList fields;
    std::string message;
    std::size_t n = 0;
    for (const diagnostic& d : diags) {
      if (!rejects(d)) continue;
      ++n;
      const std::string name = detail::fake_field_name(d.pointer);
      fields.push_back(ValidationExceptionField{NonBlankString(name), NonBlankString(d.message)});
      message += n == 1 ? ": " : "; ";
      message += "Value at '" + name + "' failed to satisfy constraint: " + d.message;
    }
    e.message = NonBlankString(std::to_string(n) + (n == 1 ? " validation error detected" : " validation errors detected") +
                               message);
    e.fieldList = std::move(fields);
    return write_error_response(e);
  }

  template <class Op>
  std::optional<http_response> fault(std::uint64_t call) const {
    const fake_faults& f = options_.faults;
    if (f.throttle.selects(call)) {
      return error<ThrottlingException>("Rate exceeded for " + std::string(Op::name) + " (the fake throttles call " +
                                        std::to_string(call) + ")");
    }
    if (f.server_error.selects(call)) return error<InternalServerException>("Internal server error (the fake's fault)");
    if (f.access_denied.selects(call)) {
      return error<AccessDeniedException>("User is not authorized to perform: bedrock:" + std::string(Op::name));
    }
    return std::nullopt;
  }

  bool breaks(std::uint64_t call) const {
    const fake_faults& f = options_.faults;
    return f.break_kind && (f.break_calls.empty() || f.break_calls.selects(call));
  }

  /// Applies contract_break `kind` to a success body holding job records.
  template <class Output>
  static void break_output(Output& out, contract_break kind, std::string& body_out) {
    auto each = [&](auto&& f) {
      if constexpr (std::is_same_v<Output, ListIngestionJobsResponse>) {
        for (auto& s : out.ingestionJobSummaries) f(s);
      } else {
        f(out.ingestionJob);
      }
    };
    if (kind == contract_break::lowercase_status) {
      each([](auto& j) {
        std::string s(j.status.wire_name());
        for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        j.status = enum_value<IngestionJobStatus>::unknown(std::move(s));
      });
    } else if (kind == contract_break::wrong_job_id) {
      each([](auto& j) { j.ingestionJobId = Id("WRONGJOB00"); });
    }
    body_out = to_json(out);
    if (kind == contract_break::missing_updated_at || kind == contract_break::bad_timestamp) {
      // Text edits: the shapes cannot hold a job without updatedAt or an impossible date.
      for (std::size_t at = body_out.find(R"("updatedAt":")"); at != std::string::npos;
           at = body_out.find(R"("updatedAt":")", at + 1)) {
        const std::size_t value = at + 13, end = body_out.find('"', value);
        if (kind == contract_break::bad_timestamp) {
          body_out.replace(value, 10, "2026-02-30");
        } else {
          std::size_t from = at, to = end + 1;
          if (from > 0 && body_out[from - 1] == ',') --from;  // updatedAt is never first
          body_out.erase(from, to - from);
          at = from;
        }
      }
    }
  }

  template <class Op>
  http_response success(typename Op::output out, std::uint64_t call) const {
    if (!breaks(call)) return write_success_response<Op>(out);
    const contract_break kind = *options_.faults.break_kind;
    if (kind == contract_break::undeclared_error) {
      http_response r;
      r.status = 400;
      r.headers = {{"Content-Type", "application/json"}, {"X-Amzn-Errortype", "TeapotException"}};
      r.body = R"j({"message":"an error type no operation declares (undeclared-error)"})j";
      return r;
    }
    http_response r = write_success_response<Op>(out);
    break_output(out, kind, r.body);
    return r;
  }

  // ---- the lifecycle --------------------------------------------------------------------

  /// A change happens at `at_ms`, or at the job's updatedAt when that is later (a seeded job
  /// may come from after the fake's clock): updatedAt never goes back.
  static timestamp change_time(const stored_job& s, std::int64_t at_ms) {
    const timestamp at = detail::fake_time(at_ms);
    return at < s.job.updatedAt ? s.job.updatedAt : at;
  }

  void set_status(stored_job& s, IngestionJobStatus status, std::int64_t at_ms) {
    s.job.status = status;
    s.job.updatedAt = change_time(s, at_ms);
    s.phase_since_ms = std::max(at_ms, detail::fake_ms(s.job.updatedAt));
    if (status == IngestionJobStatus::FAILED) {
      s.job.failureReasons = FailureReasons{FailureReason("The fake failed this job on purpose (fail_jobs)")};
    }
  }

  /// 100 more documents, saturating (a seeded job may hold any counter).
  static PrimitiveLong more(PrimitiveLong scanned) {
    constexpr PrimitiveLong most = std::numeric_limits<PrimitiveLong>::max();
    return scanned > most - 100 ? most : scanned + 100;
  }

  void grow(stored_job& s, PrimitiveLong scanned, std::int64_t at_ms) {
    if (scanned == s.scanned) return;
    s.scanned = scanned;
    s.job.statistics = fixtures::statistics(scanned);
    s.job.updatedAt = change_time(s, at_ms);
  }

  /// fake_clock::step: one poll's worth of progress.
  void step(stored_job& s) {
    const std::int64_t t = now_ms();
    const auto status = s.job.status.known();
    if (!status) return;
    switch (*status) {
      case IngestionJobStatus::STARTING:
        set_status(s, IngestionJobStatus::IN_PROGRESS, t);
        grow(s, more(s.scanned), t);
        break;
      case IngestionJobStatus::IN_PROGRESS:
        if (++s.steps >= options_.in_progress_steps) {
          grow(s, more(s.scanned), t);
          set_status(s, s.fails ? IngestionJobStatus::FAILED : IngestionJobStatus::COMPLETE, t);
        } else {
          grow(s, more(s.scanned), t);
        }
        break;
      case IngestionJobStatus::STOPPING:
        set_status(s, IngestionJobStatus::STOPPED, t);
        break;
      default:
        break;
    }
  }

  /// fake_clock::manual and real: everything that happened up to now.
  void settle(stored_job& s) {
    if (options_.clock == fake_clock::step) return;
    const std::int64_t t = now_ms();
    for (;;) {
      const auto status = s.job.status.known();
      if (!status) return;
      const std::int64_t since = s.phase_since_ms;
      if (*status == IngestionJobStatus::STARTING && t >= since + options_.starting_for.count()) {
        set_status(s, IngestionJobStatus::IN_PROGRESS, since + options_.starting_for.count());
      } else if (*status == IngestionJobStatus::IN_PROGRESS) {
        const std::int64_t end = since + options_.in_progress_for.count();
        const std::int64_t upto = std::min(t, end);
        // 100 documents a second, counted in whole seconds so updatedAt only moves when they do.
        const std::int64_t seconds = (upto - since) / 1000;
        grow(s, std::max<PrimitiveLong>(s.scanned, 100 + seconds * 100), since + seconds * 1000);
        if (t < end) return;
        grow(s, more(s.scanned), end);
        set_status(s, s.fails ? IngestionJobStatus::FAILED : IngestionJobStatus::COMPLETE, end);
      } else if (*status == IngestionJobStatus::STOPPING && t >= since + options_.stopping_for.count()) {
        set_status(s, IngestionJobStatus::STOPPED, since + options_.stopping_for.count());
      } else {
        return;
      }
    }
  }

  // ---- the operations -------------------------------------------------------------------

  std::optional<http_response> check_source(std::string_view op, std::string_view kb, std::string_view ds) const {
    if (options_.any_id_exists) return std::nullopt;
    if (knowledge_bases_.count(std::string(kb)) == 0) {
      return error<ResourceNotFoundException>("Knowledge base " + std::string(kb) + " was not found (" +
                                              std::string(op) + ")");
    }
    if (data_sources_.count(source_key(kb, ds)) == 0) {
      return error<ResourceNotFoundException>("Data source " + std::string(ds) + " was not found in knowledge base " +
                                              std::string(kb));
    }
    return std::nullopt;
  }

  /// The job `id` of that data source, or a 404.
  stored_job* find_job(std::string_view kb, std::string_view ds, std::string_view id, http_response& not_found) {
    const auto it = by_id_.find(std::string(id));
    if (it != by_id_.end()) {
      stored_job& s = jobs_[it->second];
      if (s.job.knowledgeBaseId == kb && s.job.dataSourceId == ds) return &s;
    }
    not_found = error<ResourceNotFoundException>("Ingestion job " + std::string(id) + " was not found in data source " +
                                                 std::string(ds) + " of knowledge base " + std::string(kb));
    return nullptr;
  }

  template <class Op>
  http_response answer(std::string_view method, std::string_view target, std::string_view body) {
    const std::uint64_t call = calls_;
    if (auto f = fault<Op>(call)) return std::move(*f);
    result<typename Op::input> input = parse_request<Op>(method, target, body, options_.request_options);
    if (!input || std::any_of(input.diagnostics().begin(), input.diagnostics().end(), rejects)) {
      return validation_error(input.diagnostics());
    }
    if (auto missing = check_source(Op::name, input->knowledgeBaseId, input->dataSourceId)) {
      return std::move(*missing);
    }
    return run(*input, call);
  }

  http_response run(const StartIngestionJobRequest& in, std::uint64_t call) {
    const std::string_view kb = in.knowledgeBaseId, ds = in.dataSourceId;
    std::string token_key;
    if (in.clientToken) {
      token_key = source_key(kb, ds) + '/' + std::string(*in.clientToken);
      const auto it = tokens_.find(token_key);
      if (it != tokens_.end()) {
        stored_job& s = jobs_[it->second];
        if (s.job.description != in.description) {
          return error<ConflictException>("clientToken " + std::string(*in.clientToken) +
                                          " was used for ingestion job " + std::string(s.job.ingestionJobId) +
                                          " with another description; use a new token for a new job");
        }
        settle(s);
        return success<StartIngestionJob>(StartIngestionJobResponse{s.job}, call);
      }
    }
    stored_job s;
    const std::int64_t t = now_ms();
    s.job.knowledgeBaseId = in.knowledgeBaseId;
    s.job.dataSourceId = in.dataSourceId;
    s.job.ingestionJobId = Id(next_id());
    s.job.description = in.description;
    s.job.status = IngestionJobStatus::STARTING;
    s.job.statistics = IngestionJobStatistics{};
    s.job.startedAt = s.job.updatedAt = detail::fake_time(t);
    s.phase_since_ms = t;
    s.created = jobs_.size();
    ++started_;
    s.fails = options_.faults.fail_jobs != 0 && started_ % options_.faults.fail_jobs == 0;
    by_id_.emplace(std::string(s.job.ingestionJobId), jobs_.size());
    if (!token_key.empty()) tokens_.emplace(std::move(token_key), jobs_.size());
    jobs_.push_back(std::move(s));
    return success<StartIngestionJob>(StartIngestionJobResponse{jobs_.back().job}, call);
  }

  http_response run(const GetIngestionJobRequest& in, std::uint64_t call) {
    http_response missing;
    stored_job* s = find_job(in.knowledgeBaseId, in.dataSourceId, in.ingestionJobId, missing);
    if (!s) return missing;
    if (options_.clock == fake_clock::step) {
      step(*s);
    } else {
      settle(*s);
    }
    return success<GetIngestionJob>(GetIngestionJobResponse{s->job}, call);
  }

  http_response run(const StopIngestionJobRequest& in, std::uint64_t call) {
    http_response missing;
    stored_job* s = find_job(in.knowledgeBaseId, in.dataSourceId, in.ingestionJobId, missing);
    if (!s) return missing;
    settle(*s);
    const auto status = s->job.status.known();
    if (status == IngestionJobStatus::STARTING || status == IngestionJobStatus::IN_PROGRESS) {
      set_status(*s, IngestionJobStatus::STOPPING, now_ms());
    } else if (status != IngestionJobStatus::STOPPING) {
      return error<ConflictException>("Ingestion job " + std::string(in.ingestionJobId) + " is already " +
                                      std::string(s->job.status.wire_name()) + " and cannot be stopped");
    }
    return success<StopIngestionJob>(StopIngestionJobResponse{s->job}, call);
  }

  /// What a nextToken stands for: the page's start and a fingerprint of the request's query.
  static std::uint64_t list_fingerprint(const ListIngestionJobsRequest& in) {
    ListIngestionJobsRequest q = in;
    q.nextToken.reset();
    return detail::fake_fnv(to_json(q));
  }

  http_response run(const ListIngestionJobsRequest& in, std::uint64_t call) {
    const std::uint64_t fingerprint = list_fingerprint(in);
    std::size_t offset = 0;
    if (in.nextToken) {
      const std::optional<std::size_t> at = read_token(*in.nextToken, fingerprint);
      if (!at) {
        ValidationException e;
        e.message = NonBlankString("1 validation error detected: the nextToken is not one this listing gave");
        e.fieldList = ValidationExceptionFieldList{
            ValidationExceptionField{NonBlankString("nextToken"), NonBlankString("not a token of this listing")}};
        return write_error_response(e);
      }
      offset = *at;
    }
    std::vector<stored_job*> chosen;
    for (stored_job& s : jobs_) {
      if (s.job.knowledgeBaseId != in.knowledgeBaseId || s.job.dataSourceId != in.dataSourceId) continue;
      settle(s);
      if (in.filters && !matches(*in.filters, s.job)) continue;
      chosen.push_back(&s);
    }
    const bool by_status = in.sortBy && in.sortBy->attribute.known() == IngestionJobSortByAttribute::STATUS;
    const bool ascending = in.sortBy && in.sortBy->order.known() == SortOrder::ASCENDING;
    // A total order (ties go by creation), so std::sort is as stable as needed.
    std::sort(chosen.begin(), chosen.end(), [&](const stored_job* a, const stored_job* b) {
      if (by_status) {
        const std::string_view x = a->job.status.wire_name(), y = b->job.status.wire_name();
        if (x != y) return ascending ? status_rank(*a) < status_rank(*b) : status_rank(*b) < status_rank(*a);
        return b->job.startedAt < a->job.startedAt || (a->job.startedAt == b->job.startedAt && a->created > b->created);
      }
      if (a->job.startedAt == b->job.startedAt) return ascending ? a->created < b->created : a->created > b->created;
      return ascending ? a->job.startedAt < b->job.startedAt : b->job.startedAt < a->job.startedAt;
    });
    const std::size_t size =
        static_cast<std::size_t>(in.maxResults ? static_cast<std::int32_t>(*in.maxResults) : options_.default_max_results);
    ListIngestionJobsResponse out;
    for (std::size_t i = offset; i < chosen.size() && i < offset + size; ++i) out.ingestionJobSummaries.push_back(fixtures::summary_of(chosen[i]->job));
    if (offset + size < chosen.size()) out.nextToken = NextToken(make_token(offset + size, fingerprint));
    return success<ListIngestionJobs>(std::move(out), call);
  }

  static std::size_t status_rank(const stored_job& s) {
    const auto k = s.job.status.known();
    return k ? bedrock_agent::detail::status_index(*k) : ingestion_job_status_count;
  }

  static bool matches(const IngestionJobFilters& filters, const IngestionJob& job) {
    for (const IngestionJobFilter& f : filters) {
      // The model knows one attribute (STATUS) and one operator (EQ): any of the values.
      bool any = false;
      for (const auto& v : f.values) any = any || v == job.status.wire_name();
      if (!any) return false;
    }
    return true;
  }

  static std::string make_token(std::size_t offset, std::uint64_t fingerprint) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string t = "page-" + std::to_string(offset) + "-";
    for (int k = 60; k >= 0; k -= 4) t += hex[(fingerprint >> k) & 15];
    return t;
  }

  static std::optional<std::size_t> read_token(std::string_view token, std::uint64_t fingerprint) {
    constexpr std::string_view prefix = "page-";
    if (token.substr(0, prefix.size()) != prefix) return std::nullopt;
    token.remove_prefix(prefix.size());
    std::size_t offset = 0, i = 0;
    for (; i < token.size() && i < 9 && token[i] >= '0' && token[i] <= '9'; ++i) offset = offset * 10 + (token[i] - '0');
    if (i == 0 || i >= token.size() || token[i] != '-') return std::nullopt;
    if (make_token(offset, fingerprint) != std::string(prefix) + std::string(token)) return std::nullopt;
    return offset;
  }

  fake_options options_;
  std::int64_t now_ms_;
  std::uint64_t calls_ = 0;
  std::uint64_t ids_made_ = 0;
  std::uint64_t started_ = 0;
  std::vector<stored_job> jobs_;
  boost::unordered_flat_map<std::string, std::size_t> by_id_;
  boost::unordered_flat_map<std::string, std::size_t> tokens_;
  boost::unordered_flat_set<std::string> knowledge_bases_;
  boost::unordered_flat_set<std::string> data_sources_;
};

}  // namespace bedrock_agent::testing

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_TESTING_FAKE_HPP_INCLUDED
