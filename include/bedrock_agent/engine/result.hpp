#ifndef BEDROCK_AGENT_RESULT_HPP_INCLUDED
#define BEDROCK_AGENT_RESULT_HPP_INCLUDED

// The value part of the library's result types: parse_result<T> (json.hpp) and http_result<T>
// (http.hpp) are each a basic_result<T> plus what they say about the input (the first error
// and warnings; every diagnostic and an error count).

#include <optional>
#include <utility>

namespace bedrock_agent {

namespace detail {
struct basic_result_access;
}  // namespace detail

/// A value of type T, or none. Not used alone: the base of parse_result<T> and http_result<T>,
/// which say why there is no value.
template <class T>
class basic_result {
 public:
  /** True when there is a value. */
  bool ok() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  /** The value; precondition ok(). */
  T& value() & noexcept { return *value_; }
  const T& value() const& noexcept { return *value_; }
  T&& value() && noexcept { return std::move(*value_); }
  T* operator->() noexcept { return &*value_; }
  const T* operator->() const noexcept { return &*value_; }

 private:
  friend struct detail::basic_result_access;
  std::optional<T> value_;
};

namespace detail {
/// How the functions that fill a result reach its value (the results' own access classes
/// forward here).
struct basic_result_access {
  template <class T>
  static std::optional<T>& value(basic_result<T>& r) noexcept { return r.value_; }
};
}  // namespace detail

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_RESULT_HPP_INCLUDED
