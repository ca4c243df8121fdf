#ifndef BEDROCK_AGENT_RESULT_HPP_INCLUDED
#define BEDROCK_AGENT_RESULT_HPP_INCLUDED

// The one result type of the library's entry points: result<T>, a value or none plus every
// finding (errors and warnings, in the order found); result<void>, the findings alone.

#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>

#include <cassert>
#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace bedrock_agent {

template <class T = void>
class result;

namespace detail {
struct result_access;
}  // namespace detail

/// What a check found, with no value: every diagnostic (errors and warnings, in the order
/// found, up to max_diagnostics) and their counts. ok() when none is at error level. Also the
/// base of every result<T>, so that a function that reads findings takes any result. Empty
/// (no allocation) when nothing was found.
template <>
class [[nodiscard]] result<void> {
 public:
  /** True when no finding is at error level. */
  bool ok() const noexcept { return errors_ == 0; }
  explicit operator bool() const noexcept { return ok(); }
  /** Every finding kept, errors and warnings, in the order found; when truncated(), the last
   *  one is the limit.diagnostics note. */
  const std::vector<diagnostic>& diagnostics() const& noexcept { return diagnostics_; }
  /** The findings moved out of an expiring result (by value: safe in a range-for over a
   *  temporary result). */
  std::vector<diagnostic> diagnostics() && noexcept { return std::move(diagnostics_); }
  /** The first error-level finding; precondition !ok(). (Should max_diagnostics have left
   *  every error out, the limit.diagnostics note that says so.) */
  const diagnostic& error() const noexcept {
    assert(!ok() && !diagnostics_.empty());
    for (const diagnostic& d : diagnostics_)
      if (d.level == severity::error) return d;
    return diagnostics_.back();
  }
  /** How many findings are errors (counting those max_diagnostics left out). */
  std::size_t error_count() const noexcept { return errors_; }
  /** How many findings are warnings (counting those max_diagnostics left out; not the
   *  limit.diagnostics note). */
  std::size_t warning_count() const noexcept { return warnings_; }
  /** True when max_diagnostics was reached: findings were counted but not kept. */
  bool truncated() const noexcept { return truncated_; }
  /** Hands every finding, in order, to `f(diagnostic&&)`, then empties the result (no
   *  finding, counts zero, ok()). Unlike moving diagnostics() out, the storage stays: a result
   *  reused read after read (validate_into) allocates only while it grows. */
  template <class F>
  void drain(F&& f) {
    for (diagnostic& d : diagnostics_) f(std::move(d));
    diagnostics_.clear();
    errors_ = warnings_ = 0;
    truncated_ = false;
  }

 private:
  friend struct detail::result_access;
  std::vector<diagnostic> diagnostics_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  bool truncated_ = false;
};

/// A value of type T, or none, and every finding (result<void>'s accessors). A value is
/// present exactly when no finding is at error level: ok() == has_value() == !error_count().
/// value(), operator* and operator-> require ok().
template <class T>
class [[nodiscard]] result : public result<void> {
 public:
  /** True when a value is held (no finding is at error level). */
  bool ok() const noexcept { return value_.has_value(); }
  bool has_value() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }

  /** The value; precondition ok(). */
  T& value() & noexcept { return assert(ok()), *value_; }
  const T& value() const& noexcept { return assert(ok()), *value_; }
  T&& value() && noexcept { return assert(ok()), std::move(*value_); }
  T& operator*() & noexcept { return value(); }
  const T& operator*() const& noexcept { return value(); }
  T&& operator*() && noexcept { return std::move(*this).value(); }
  T* operator->() noexcept { return &value(); }
  const T* operator->() const noexcept { return &value(); }
  /** The value, or `fallback` when there is none. */
  template <class U>
  T value_or(U&& fallback) const& {
    return value_.value_or(std::forward<U>(fallback));
  }
  template <class U>
  T value_or(U&& fallback) && {
    return std::move(value_).value_or(std::forward<U>(fallback));
  }

 private:
  friend struct detail::result_access;
  std::optional<T> value_;
};

namespace detail {
/// How the library's functions fill a result.
struct result_access {
  static std::vector<diagnostic>& diagnostics(result<void>& r) noexcept { return r.diagnostics_; }
  static void set_counts(result<void>& r, std::size_t errors, std::size_t warnings, bool truncated) noexcept {
    r.errors_ = errors;
    r.warnings_ = warnings;
    r.truncated_ = truncated;
  }
  template <class T>
  static std::optional<T>& value(result<T>& r) noexcept { return r.value_; }
  /** What an extension of result (http.hpp's response_result) adds: its kind and type. */
  template <class R>
  static auto& kind(R& r) noexcept { return r.kind_; }
  template <class R>
  static auto& type(R& r) noexcept { return r.type_; }
  /** Empties `r` for a new read; the diagnostics keep their capacity. */
  static void clear(result<void>& r) noexcept {
    r.diagnostics_.clear();
    set_counts(r, 0, 0, false);
  }
  /** Counts the findings of `diagnostics` built outside a read_context (errors, warnings
   *  but the limit.diagnostics note) into `r`. */
  static void count(result<void>& r, bool truncated = false) noexcept {
    std::size_t errors = 0, warnings = 0;
    for (const diagnostic& d : r.diagnostics_) {
      if (d.level == severity::error) ++errors;
      else if (d.id != rules::limit_diagnostics) ++warnings;
    }
    set_counts(r, errors, warnings, truncated);
  }
};
}  // namespace detail

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_RESULT_HPP_INCLUDED
