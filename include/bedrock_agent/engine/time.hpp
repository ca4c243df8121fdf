// bedrock-agent-contract: exact RFC 3339 timestamps.
//
// `timestamp` is a UTC instant exact to the nanosecond over years 0001..9999.
// The parser is a plain digits-and-ranges scanner (no locale, no iostreams,
// no allocation); the formatter writes into a caller buffer or appends to a
// std::string. Calendar arithmetic comes from Howard Hinnant's date library
// (the same algorithms as C++20 <chrono>), used only through its constexpr
// integer paths, never date::parse / date::format.
#ifndef BEDROCK_AGENT_TIME_HPP_INCLUDED
#define BEDROCK_AGENT_TIME_HPP_INCLUDED

#include <cassert>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include <date/date.h>

namespace bedrock_agent {

/// Why a parse or a conversion failed.
enum class time_errc : std::uint8_t {
  empty_input,                  ///< the input is empty
  leading_characters,           ///< something (whitespace or another non-digit) precedes the 4-digit year
  expected_digit,               ///< a non-digit where the grammar requires a digit
  expected_separator,           ///< '-' (date) or ':' (time, offset) missing where the grammar requires it
  invalid_date_time_separator,  ///< the character between date and time is not 'T' or 't' (e.g. a space)
  truncated,                    ///< the input ends before the timestamp is complete
  missing_seconds,              ///< the time is hh:mm without the required :ss
  empty_fraction,               ///< a '.' is not followed by at least one digit
  excess_precision,             ///< a fraction digit beyond the 9th is not '0' (would need truncation)
  missing_offset,               ///< no 'Z', 'z', '+hh:mm' or '-hh:mm' after the time
  invalid_month,                ///< month is 00 or greater than 12
  invalid_day,                  ///< day is 00 or past the end of the month (e.g. Feb 29 of a non-leap year)
  invalid_hour,                 ///< hour is greater than 23
  invalid_minute,               ///< minute is greater than 59
  leap_second,                  ///< second is 60 (a leap second cannot be represented)
  invalid_second,               ///< second is greater than 60
  invalid_offset_hour,          ///< UTC offset hour is greater than 23
  invalid_offset_minute,        ///< UTC offset minute is greater than 59
  trailing_characters,          ///< characters follow a complete timestamp
  out_of_range,                 ///< outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z (after normalization to UTC)
  overflow,                     ///< the value does not fit the target duration's representation
  precision_loss,               ///< the value is not a whole number of target ticks, or not exact in nanoseconds
};

/** Returns a stable short name for `e` (the enumerator's spelling, e.g.
 *  "leap_second"), suitable for machine-readable diagnostics; "unknown" for a
 *  value that is not an enumerator. */
constexpr std::string_view time_errc_name(time_errc e) noexcept {
  switch (e) {
    case time_errc::empty_input: return "empty_input";
    case time_errc::leading_characters: return "leading_characters";
    case time_errc::expected_digit: return "expected_digit";
    case time_errc::expected_separator: return "expected_separator";
    case time_errc::invalid_date_time_separator: return "invalid_date_time_separator";
    case time_errc::truncated: return "truncated";
    case time_errc::missing_seconds: return "missing_seconds";
    case time_errc::empty_fraction: return "empty_fraction";
    case time_errc::excess_precision: return "excess_precision";
    case time_errc::missing_offset: return "missing_offset";
    case time_errc::invalid_month: return "invalid_month";
    case time_errc::invalid_day: return "invalid_day";
    case time_errc::invalid_hour: return "invalid_hour";
    case time_errc::invalid_minute: return "invalid_minute";
    case time_errc::leap_second: return "leap_second";
    case time_errc::invalid_second: return "invalid_second";
    case time_errc::invalid_offset_hour: return "invalid_offset_hour";
    case time_errc::invalid_offset_minute: return "invalid_offset_minute";
    case time_errc::trailing_characters: return "trailing_characters";
    case time_errc::out_of_range: return "out_of_range";
    case time_errc::overflow: return "overflow";
    case time_errc::precision_loss: return "precision_loss";
  }
  return "unknown";
}

/// A failed parse or conversion. Trivially copyable; building one never
/// allocates, so every function in this header can be noexcept.
struct time_error {
  time_errc kind;
  /// 0-based index of the offending character in the parsed text; the input
  /// length when the text ends too early; 0 when the whole value is at fault
  /// (out_of_range) and for conversions.
  std::size_t position;
  /// Human-readable English sentence; always points at a string literal
  /// (static storage, NUL-terminated).
  std::string_view message;
};

/// Either a value or a time_error (a C++17 stand-in for std::expected), with result<T>'s
/// vocabulary (ok, value, value_or, error). Not a result<T>: it is constexpr and trivially
/// copyable, its error a time_error with no allocation; the codec turns one into a
/// diagnostic. Accessing the wrong alternative is a precondition violation (assert).
template <class T>
class [[nodiscard]] time_result {
  static_assert(std::is_trivially_copyable<T>::value && std::is_default_constructible<T>::value,
                "time_result holds small value types only");

 public:
  constexpr time_result(T value) noexcept : value_(value), error_{}, ok_(true) {}  // NOLINT: implicit by design
  constexpr time_result(time_error error) noexcept : value_(), error_(error), ok_(false) {}  // NOLINT

  /** Returns true when a value is held (result<T>'s name; has_value() is std::optional's). */
  constexpr bool ok() const noexcept { return ok_; }
  /** Returns true when a value is held. */
  constexpr bool has_value() const noexcept { return ok_; }
  /** Returns has_value(). */
  constexpr explicit operator bool() const noexcept { return ok_; }
  /** Returns the value; precondition: has_value(). */
  constexpr const T& value() const noexcept { return assert(ok_), value_; }
  /** Returns the value; precondition: has_value(). */
  constexpr const T& operator*() const noexcept { return assert(ok_), value_; }
  /** Returns a pointer to the value; precondition: has_value(). */
  constexpr const T* operator->() const noexcept { return assert(ok_), &value_; }
  /** Returns the value, or `fallback` when an error is held. */
  constexpr T value_or(T fallback) const noexcept { return ok_ ? value_ : fallback; }
  /** Returns the error; precondition: !has_value(). */
  constexpr const time_error& error() const noexcept { return assert(!ok_), error_; }

 private:
  T value_;
  time_error error_;
  bool ok_;
};

/// A UTC instant exact to the nanosecond, 0001-01-01T00:00:00Z through
/// 9999-12-31T23:59:59.999999999Z (the range of RFC 3339's 4-digit years).
/// Stored as seconds since 1970-01-01T00:00:00Z (negative before) plus
/// nanoseconds 0..999999999, so every value has exactly one representation.
class timestamp {
 public:
  /// 0001-01-01T00:00:00Z: 719162 days before the epoch, times 86400.
  static constexpr std::int64_t min_seconds = -62135596800;
  /// 9999-12-31T23:59:59Z: 2932896 days after the epoch, times 86400, plus 86399.
  static constexpr std::int64_t max_seconds = 253402300799;
  static constexpr std::uint32_t max_nanoseconds = 999999999;

  /** The epoch, 1970-01-01T00:00:00Z. */
  constexpr timestamp() noexcept = default;

  /** Returns the instant `seconds` + `nanoseconds`/1e9 after the epoch, or
   *  std::nullopt when seconds is outside [min_seconds, max_seconds] or
   *  nanoseconds > 999999999. */
  static constexpr std::optional<timestamp> from_parts(std::int64_t seconds,
                                                       std::uint32_t nanoseconds) noexcept {
    if (seconds < min_seconds || seconds > max_seconds || nanoseconds > max_nanoseconds) {
      return std::nullopt;
    }
    return timestamp(seconds, nanoseconds);
  }
  /** Returns 0001-01-01T00:00:00Z. */
  static constexpr timestamp min() noexcept { return timestamp(min_seconds, 0); }
  /** Returns 9999-12-31T23:59:59.999999999Z. */
  static constexpr timestamp max() noexcept { return timestamp(max_seconds, max_nanoseconds); }

  /** Returns whole seconds since 1970-01-01T00:00:00Z (floor; negative before). */
  constexpr std::int64_t seconds() const noexcept { return seconds_; }
  /** Returns the nanoseconds past seconds(), 0..999999999 (never negative). */
  constexpr std::uint32_t nanoseconds() const noexcept { return nanos_; }

  friend constexpr bool operator==(timestamp a, timestamp b) noexcept {
    return a.seconds_ == b.seconds_ && a.nanos_ == b.nanos_;
  }
  friend constexpr bool operator!=(timestamp a, timestamp b) noexcept { return !(a == b); }
  friend constexpr bool operator<(timestamp a, timestamp b) noexcept {
    return a.seconds_ < b.seconds_ || (a.seconds_ == b.seconds_ && a.nanos_ < b.nanos_);
  }
  friend constexpr bool operator>(timestamp a, timestamp b) noexcept { return b < a; }
  friend constexpr bool operator<=(timestamp a, timestamp b) noexcept { return !(b < a); }
  friend constexpr bool operator>=(timestamp a, timestamp b) noexcept { return !(a < b); }

 private:
  constexpr timestamp(std::int64_t s, std::uint32_t ns) noexcept : seconds_(s), nanos_(ns) {}

  std::int64_t seconds_ = 0;
  std::uint32_t nanos_ = 0;
};

// The bounds are derived from the calendar, not typed in twice by accident.
static_assert(date::sys_days{date::year{1} / 1 / 1}.time_since_epoch().count() * std::int64_t{86400} ==
                  timestamp::min_seconds,
              "min_seconds must be 0001-01-01T00:00:00Z");
static_assert(date::sys_days{date::year{9999} / 12 / 31}.time_since_epoch().count() * std::int64_t{86400} +
                      86399 ==
                  timestamp::max_seconds,
              "max_seconds must be 9999-12-31T23:59:59Z");

/// Longest canonical form: "YYYY-MM-DDThh:mm:ss.fffffffffZ".
inline constexpr std::size_t timestamp_max_chars = 30;

namespace detail {

inline constexpr std::uint32_t pow10_u32[10] = {1,      10,      100,      1000,      10000,
                                                100000, 1000000, 10000000, 100000000, 1000000000};

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// floor(a / b) for b > 0 (C++ division truncates toward zero).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  const std::int64_t q = a / b;
  return (a % b < 0) ? q - 1 : q;
}

/// out = a * b; false (out untouched) on int64 overflow. Portable: no builtins, no __int128.
constexpr bool checked_mul(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  constexpr std::int64_t hi = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  if (a != 0 && b != 0) {
    // Division truncates toward zero, which is ceil for negative quotients,
    // so each comparison is exact for integers.
    if (a > 0 ? (b > 0 ? a > hi / b : b < lo / a) : (b > 0 ? a < lo / b : a < hi / b)) return false;
  }
  out = a * b;
  return true;
}

/// out = a + b; false (out untouched) on int64 overflow.
constexpr bool checked_add(std::int64_t a, std::int64_t b, std::int64_t& out) noexcept {
  if (b > 0 ? a > std::numeric_limits<std::int64_t>::max() - b
            : a < std::numeric_limits<std::int64_t>::min() - b) {
    return false;
  }
  out = a + b;
  return true;
}

constexpr time_error make_error(time_errc kind, std::size_t position, std::string_view message) noexcept {
  return time_error{kind, position, message};
}

/// Scanner state for parse_timestamp; every step checks bounds then the
/// character class, so the reported position is always the offending index.
struct rfc3339_scanner {
  const char* p;
  std::size_t n;
  time_error error;

  /// Reads exactly `count` (<= 4) digits at `i` into `value` (0..9999).
  constexpr bool digits(std::size_t i, std::size_t count, unsigned& value, std::string_view not_digit,
                        std::string_view ended) noexcept {
    unsigned v = 0;
    for (std::size_t k = i; k < i + count; ++k) {
      if (k >= n) {
        error = make_error(time_errc::truncated, n, ended);
        return false;
      }
      if (!is_digit(p[k])) {
        error = make_error(time_errc::expected_digit, k, not_digit);
        return false;
      }
      v = v * 10 + static_cast<unsigned>(p[k] - '0');
    }
    value = v;
    return true;
  }

  /// Requires the separator `c` at `i`.
  constexpr bool separator(std::size_t i, char c, std::string_view wrong, std::string_view ended) noexcept {
    if (i >= n) {
      error = make_error(time_errc::truncated, n, ended);
      return false;
    }
    if (p[i] != c) {
      error = make_error(time_errc::expected_separator, i, wrong);
      return false;
    }
    return true;
  }
};

/// Writes `w` as 8 bytes, byte 0 first.
inline void store_le64(char* out, std::uint64_t w) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  std::memcpy(out, &w, 8);  // one store; byte-by-byte stores are not always merged once inlined
#else
  for (int k = 0; k < 8; ++k) out[k] = static_cast<char>((w >> (8 * k)) & 0xFF);
#endif
}

/// The ASCII digits of `v` (0..99) as 2 bytes, tens first.
constexpr std::uint64_t digit_pair(std::uint32_t v) noexcept {
  const std::uint32_t tens = (v * 103) >> 10;  // v / 10, exact for v < 179
  return (std::uint64_t{'0'} + tens) | (std::uint64_t{'0'} + v - tens * 10) << 8;
}

/// The 8 decimal digits of `v` (< 1e8) as byte values 0..9, most significant in byte 0.
constexpr std::uint64_t digits8(std::uint32_t v) noexcept {
  // Two 4-digit halves in 32-bit lanes, then 2-digit pairs in 16-bit lanes, then digits.
  const std::uint64_t abcd_efgh = (v / 10000) | (std::uint64_t{v % 10000} << 32);
  const std::uint64_t ab_ef = ((abcd_efgh * 10486) >> 20) & 0x0000007F0000007F;  // lane / 100
  const std::uint64_t ab_cd_ef_gh = ab_ef | ((abcd_efgh - ab_ef * 100) << 16);
  const std::uint64_t tens = ((ab_cd_ef_gh * 103) >> 10) & 0x000F000F000F000F;    // pair / 10
  return tens | ((ab_cd_ef_gh - tens * 10) << 8);
}

/// Zero bytes at the top of `w` (w != 0): 0..7.
constexpr int leading_zero_bytes(std::uint64_t w) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_clzll(w) / 8;
#else
  int k = 0;
  while ((w >> (56 - 8 * k)) == 0) ++k;
  return k;
#endif
}

struct civil_date {
  std::uint32_t year;   ///< 1..9999
  std::uint32_t month;  ///< 1..12
  std::uint32_t day;    ///< 1..31
};

/// The date `days` days after 0001-01-01, 0..3652058. Neri and Schneider's civil_from_days
/// ("Euclidean affine functions and their application to calendar algorithms", 2022; the
/// algorithm of libstdc++'s chrono): the same results as date.h's (the tests compare every
/// day of 0001..9999), with a shorter chain of dependent multiplications.
constexpr civil_date civil_from_days(std::uint32_t days) noexcept {
  // Counted from 0000-03-01 (306 days before 0001-01-01), years start in March.
  const std::uint32_t n1 = 4 * (days + 306) + 3;                        // < 2^24
  const std::uint32_t century = n1 / 146097;                            // 0..99
  const std::uint32_t n2 = n1 % 146097 / 4 * 4 + 3;                     // 4 * day of century + 3
  const std::uint64_t p2 = std::uint64_t{2939745} * n2;
  const auto year_of_century = static_cast<std::uint32_t>(p2 >> 32);    // 0..99
  const auto day_of_year = static_cast<std::uint32_t>(p2 & 0xFFFFFFFF) / 2939745 / 4;  // 0..365, March 1 = 0
  const std::uint32_t n3 = 2141 * day_of_year + 197913;
  const std::uint32_t month = n3 >> 16;                                 // 3..14 (March..February)
  const std::uint32_t day = (n3 & 0xFFFF) / 2141 + 1;                   // 1..31
  const std::uint32_t jan_feb = day_of_year >= 306;                     // January and February: next year
  return civil_date{100 * century + year_of_century + jan_feb, month - 12 * jan_feb, day};
}

}  // namespace detail

namespace detail {

// ---- fast paths ------------------------------------------------------------------------------
// Words are assembled from bytes with shifts (little-endian order: byte k of the word is p[k]),
// which keeps them constexpr; g++ and clang compile each into a single 8-byte load.

constexpr std::uint64_t load_le64(const char* p) noexcept {
  // Spelled out: the compilers merge this pattern into one load, but not a loop at -O2.
  using u = std::uint64_t;
  using b = unsigned char;
  return u{b(p[0])} | u{b(p[1])} << 8 | u{b(p[2])} << 16 | u{b(p[3])} << 24 | u{b(p[4])} << 32 |
         u{b(p[5])} << 40 | u{b(p[6])} << 48 | u{b(p[7])} << 56;
}

inline constexpr std::uint64_t ascii_zeros = 0x3030303030303030;

/// True when all 8 bytes of `w` are '0'..'9' (high nibble 3, low nibble 0..9).
constexpr bool all_digits8(std::uint64_t w) noexcept {
  return ((w & 0xF0F0F0F0F0F0F0F0) | (((w + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) == 0x3333333333333333;
}

/// The 8-digit number spelled by the ASCII digits of `w` (first digit in byte 0): 0..99999999.
constexpr std::uint32_t parse_digits8(std::uint64_t w) noexcept {
  w -= ascii_zeros;                       // bytes 0..9
  w = (w * 10) + (w >> 8);                // byte 2i: the 2-digit pair i, 0..99
  w = (((w & 0x000000FF000000FF) * (100 + (1000000ULL << 32))) +
       (((w >> 16) & 0x000000FF000000FF) * (1 + (10000ULL << 32)))) >> 32;
  return static_cast<std::uint32_t>(w);
}

/// Days in month `m` (1..12) of year `y` (1..9999), leap-aware, without a table: the months
/// alternate 31, 30 from March to July and again from August to December.
constexpr unsigned days_in_month(unsigned y, unsigned m) noexcept {
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
  return 30 + ((m ^ (m >> 3)) & 1);
}

/// Days since 1970-01-01 of y-m-d, y 1..9999, m 1..12, d 1..31: -719162..2932896. Neri and
/// Schneider's days_from_civil (see civil_from_days), which the tests hold to date.h's on
/// every day of 0001..9999.
constexpr std::int64_t days_from_civil(unsigned y, unsigned m, unsigned d) noexcept {
  const unsigned jan_feb = m <= 2;
  const unsigned year = y - jan_feb;                        // years start in March: 0..9999
  const unsigned month = m + 12 * jan_feb;                  // 3..14 (March..February)
  const unsigned century = year / 100;                      // 0..99
  const unsigned year_days = 1461 * year / 4 - century + century / 4;  // days before March 1 of `year`
  const unsigned month_days = (979 * month - 2919) / 32;    // days from March 1 to the 1st of `month`
  // Days since 0000-03-01, less 719468 (the count at 1970-01-01).
  return static_cast<std::int64_t>(year_days + month_days + d - 1) - 719468;
}

/// The common layout only: YYYY-MM-DDThh:mm:ss[.f{1,9}]Z, uppercase T and Z, every field in
/// range. Returns false for anything else (valid or not), leaving `out` untouched; the
/// general parser then decides, so errors are reported exactly as before.
constexpr bool parse_timestamp_fast(const char* p, std::size_t n, timestamp& out) noexcept {
  if (n < 20 || n > 30) return false;
  // "YYYY-MM-": '-' at bytes 4 and 7; "hh:mm:ss" (p + 11): ':' at bytes 2 and 5.
  constexpr std::uint64_t date_seps = 0xFF0000FF00000000;
  constexpr std::uint64_t time_seps = 0x0000FF0000FF0000;
  const std::uint64_t date_word = load_le64(p);
  const std::uint64_t time_word = load_le64(p + 11);
  // The separators become '0' so that one digit test covers each word.
  const std::uint64_t date_digits = (date_word & ~date_seps) | (ascii_zeros & date_seps);
  const std::uint64_t time_digits = (time_word & ~time_seps) | (ascii_zeros & time_seps);
  const auto d8 = static_cast<unsigned>(static_cast<unsigned char>(p[8])) - '0';  // wraps when not a digit
  const auto d9 = static_cast<unsigned>(static_cast<unsigned char>(p[9])) - '0';
  // Every test is evaluated (no short circuit): one branch instead of eight.
  const bool date_ok = all_digits8(date_digits);
  const bool time_ok = all_digits8(time_digits);
  if (!(((date_word & date_seps) == 0x2D00002D00000000) & ((time_word & time_seps) == 0x00003A00003A0000) &
        date_ok & time_ok & (d8 <= 9) & (d9 <= 9) & (p[10] == 'T'))) {
    return false;
  }
  // Pairs of digits: byte 2i of x*10 + (x >> 8) is 10*digit(2i) + digit(2i+1), 0..99.
  std::uint64_t x = date_digits - ascii_zeros;
  x = x * 10 + (x >> 8);
  const auto year = static_cast<unsigned>((x & 0xFF) * 100 + ((x >> 16) & 0xFF));  // 0..9999
  const auto month = static_cast<unsigned>((x >> 40) & 0xFF);                       // 0..99
  const unsigned day = d8 * 10 + d9;                                                 // 0..99
  x = time_digits - ascii_zeros;
  x = x * 10 + (x >> 8);
  const auto hour = static_cast<unsigned>(x & 0xFF);            // 0..99
  const auto minute = static_cast<unsigned>((x >> 24) & 0xFF);  // 0..99
  const auto second = static_cast<unsigned>((x >> 48) & 0xFF);  // 0..99
  if (!((year != 0) & (month - 1 < 12) & (day - 1 < 31) & (hour < 24) & (minute < 60) & (second < 60))) {
    return false;
  }
  if (day > days_in_month(year, month)) return false;

  std::uint32_t nanos = 0;  // 0..999999999
  if (n == 20) {
    if (p[19] != 'Z') return false;
  } else {
    // ".f{k}Z" with k = n - 21 in 1..9.
    if (p[19] != '.' || p[n - 1] != 'Z' || n == 21) return false;
    const std::size_t k = n - 21;
    std::uint64_t f = load_le64(p + n - 9);  // the 8 bytes before 'Z'
    unsigned first = 0;                      // the 9th-from-last digit: p[20] when k == 9
    if (k == 9) {
      first = static_cast<unsigned>(static_cast<unsigned char>(p[20])) - '0';
      if (first > 9) return false;
    } else {
      // Keep the k fraction digits (the top k bytes), moved to bytes 0..k-1, and pad with
      // '0' after them: the 8-digit number is the fraction times 10^(8-k).
      const unsigned shift = static_cast<unsigned>(8 * (8 - k));  // 0..56
      f = (f >> shift) | (ascii_zeros & ~(~std::uint64_t{0} >> shift));
    }
    if (!all_digits8(f)) return false;
    nanos = k == 9 ? first * 100000000 + parse_digits8(f) : parse_digits8(f) * 10;
  }
  // A UTC time in years 0001..9999 is always in range.
  const std::int64_t secs = days_from_civil(year, month, day) * 86400 +
                            static_cast<std::int64_t>(hour * 3600 + minute * 60 + second);
  const std::optional<timestamp> t = timestamp::from_parts(secs, nanos);
  if (!t) return false;
  out = *t;
  return true;
}

/** The general RFC 3339 parser behind parse_timestamp (see there): every layout, every
 *  diagnostic. */
constexpr time_result<timestamp> parse_timestamp_general(std::string_view text) noexcept {
  using detail::make_error;
  detail::rfc3339_scanner sc{text.data(), text.size(), time_error{}};
  const char* const p = text.data();
  const std::size_t n = text.size();

  if (n == 0) return make_error(time_errc::empty_input, 0, "empty input; expected an RFC 3339 timestamp");
  if (!detail::is_digit(p[0])) {
    const bool space = p[0] == ' ' || p[0] == '\t' || p[0] == '\n' || p[0] == '\r';
    return make_error(time_errc::leading_characters, 0,
                      space ? "leading whitespace before the timestamp"
                            : "unexpected character; a timestamp starts with a 4-digit year");
  }

  // Date: YYYY-MM-DD at fixed offsets 0..9.
  unsigned year = 0, month = 0, day = 0;  // year 0..9999, month/day 0..99 until validated
  if (!sc.digits(0, 4, year, "expected a digit of the 4-digit year", "input ends inside the year")) return sc.error;
  if (year == 0) return make_error(time_errc::out_of_range, 0, "year 0000 is out of range (0001..9999)");
  if (!sc.separator(4, '-', "expected '-' after the year", "input ends after the year")) return sc.error;
  if (!sc.digits(5, 2, month, "expected a digit of the 2-digit month", "input ends inside the month")) return sc.error;
  if (month < 1 || month > 12) return make_error(time_errc::invalid_month, 5, "month must be 01..12");
  if (!sc.separator(7, '-', "expected '-' after the month", "input ends after the month")) return sc.error;
  if (!sc.digits(8, 2, day, "expected a digit of the 2-digit day", "input ends inside the day")) return sc.error;
  // Year and month are valid here, so date's last-day-of-month (leap-aware) is exact.
  const date::year y{static_cast<int>(year)};
  const date::month m{month};
  if (day < 1 || date::day{day} > (y / m / date::last).day()) {
    return make_error(time_errc::invalid_day, 8, "day does not exist in this month");
  }

  // 'T' / 't' at offset 10.
  if (n <= 10) return make_error(time_errc::truncated, n, "expected 'T' and a time after the date");
  if (p[10] != 'T' && p[10] != 't') {
    return make_error(time_errc::invalid_date_time_separator, 10,
                      "expected 'T' between date and time (a space or other separator is not allowed)");
  }

  // Time: hh:mm:ss at fixed offsets 11..18.
  unsigned hour = 0, minute = 0, second = 0;  // each 0..99 until validated
  if (!sc.digits(11, 2, hour, "expected a digit of the 2-digit hour", "input ends inside the hour")) return sc.error;
  if (hour > 23) return make_error(time_errc::invalid_hour, 11, "hour must be 00..23");
  if (!sc.separator(13, ':', "expected ':' after the hour", "input ends after the hour")) return sc.error;
  if (!sc.digits(14, 2, minute, "expected a digit of the 2-digit minute", "input ends inside the minute")) {
    return sc.error;
  }
  if (minute > 59) return make_error(time_errc::invalid_minute, 14, "minute must be 00..59");
  if (n <= 16 || p[16] == 'Z' || p[16] == 'z' || p[16] == '+' || p[16] == '-' || p[16] == '.') {
    return make_error(time_errc::missing_seconds, 16, "missing seconds; expected hh:mm:ss");
  }
  if (!sc.separator(16, ':', "expected ':' after the minute", "input ends after the minute")) return sc.error;
  if (!sc.digits(17, 2, second, "expected a digit of the 2-digit second", "input ends inside the second")) {
    return sc.error;
  }
  if (second == 60) return make_error(time_errc::leap_second, 17, "leap second 60 is not representable");
  if (second > 59) return make_error(time_errc::invalid_second, 17, "second must be 00..59");

  // Optional fraction: 1..9 significant digits, then only zeros (never truncate).
  std::size_t i = 19;
  std::uint32_t nanos = 0;  // 0..999999999
  if (i < n && p[i] == '.') {
    ++i;
    const std::size_t first = i;
    while (i < n && i - first < 9 && detail::is_digit(p[i])) {
      nanos = nanos * 10 + static_cast<std::uint32_t>(p[i] - '0');  // < 1e9 after 9 digits
      ++i;
    }
    const std::size_t count = i - first;  // 0..9
    if (count == 0) return make_error(time_errc::empty_fraction, i, "expected a digit after '.'");
    nanos *= detail::pow10_u32[9 - count];  // scale to nanoseconds; still < 1e9
    for (; i < n && detail::is_digit(p[i]); ++i) {
      if (p[i] != '0') {
        return make_error(time_errc::excess_precision, i,
                          "fraction is finer than a nanosecond (only zeros may follow the 9th digit)");
      }
    }
  }

  // Offset: Z / z / +hh:mm / -hh:mm.
  std::int64_t offset = 0;  // local minus UTC, in seconds: -86340..86340
  if (i >= n) return make_error(time_errc::missing_offset, n, "missing UTC offset; expected 'Z', '+hh:mm' or '-hh:mm'");
  if (p[i] == 'Z' || p[i] == 'z') {
    ++i;
  } else if (p[i] == '+' || p[i] == '-') {
    unsigned oh = 0, om = 0;  // 0..99 until validated
    if (!sc.digits(i + 1, 2, oh, "expected a digit of the offset hour", "input ends inside the UTC offset")) {
      return sc.error;
    }
    if (oh > 23) return make_error(time_errc::invalid_offset_hour, i + 1, "offset hour must be 00..23");
    if (!sc.separator(i + 3, ':', "expected ':' in the UTC offset (+hh:mm)", "input ends inside the UTC offset")) {
      return sc.error;
    }
    if (!sc.digits(i + 4, 2, om, "expected a digit of the offset minute", "input ends inside the UTC offset")) {
      return sc.error;
    }
    if (om > 59) return make_error(time_errc::invalid_offset_minute, i + 4, "offset minute must be 00..59");
    offset = static_cast<std::int64_t>(oh * 3600 + om * 60);
    if (p[i] == '-') offset = -offset;
    i += 6;
  } else {
    return make_error(time_errc::missing_offset, i, "expected 'Z', '+hh:mm' or '-hh:mm' after the time");
  }
  if (i != n) return make_error(time_errc::trailing_characters, i, "unexpected characters after the timestamp");

  // days: -719162 (0001-01-01) .. 2932896 (9999-12-31); seconds stay far inside int64.
  const std::int64_t days = date::sys_days{date::year_month_day{y, m, date::day{day}}}.time_since_epoch().count();
  const std::int64_t secs = days * 86400 + static_cast<std::int64_t>(hour * 3600 + minute * 60 + second) - offset;
  const std::optional<timestamp> t = timestamp::from_parts(secs, nanos);
  if (!t) {
    return make_error(time_errc::out_of_range, 0,
                      "timestamp is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z after applying "
                      "the offset");
  }
  return *t;
}

}  // namespace detail

/** Parses an RFC 3339 date-time, YYYY-MM-DD('T'|'t')hh:mm:ss[.fraction]('Z'|'z'|('+'|'-')hh:mm),
 *  normalizing the offset to UTC. Returns the timestamp, or a time_error whose
 *  position is the 0-based index of the offending character: empty_input,
 *  leading_characters, expected_digit, expected_separator,
 *  invalid_date_time_separator, truncated, missing_seconds, empty_fraction,
 *  excess_precision (nonzero digit past the 9th), missing_offset,
 *  invalid_month, invalid_day, invalid_hour, invalid_minute, leap_second,
 *  invalid_second, invalid_offset_hour, invalid_offset_minute,
 *  trailing_characters, out_of_range (year 0000, or outside the range after
 *  applying the offset). Never allocates. */
constexpr time_result<timestamp> parse_timestamp(std::string_view text) noexcept {
  timestamp t;
  if (detail::parse_timestamp_fast(text.data(), text.size(), t)) return t;
  return detail::parse_timestamp_general(text);
}

/** Writes the canonical UTC form of `t`, YYYY-MM-DDThh:mm:ss[.f]Z with the
 *  shortest fraction that keeps the exact value, to `out` (which must have
 *  room for timestamp_max_chars), and returns one past the last character
 *  written. No terminator is written. Cannot fail. */
inline char* write_timestamp(char* out, timestamp t) noexcept {
  using detail::ascii_zeros;
  // Counted from 0001-01-01 every quantity is unsigned: 0..315537897599 seconds.
  const auto since_0001 = static_cast<std::uint64_t>(t.seconds() - timestamp::min_seconds);
  const auto sod = static_cast<std::uint32_t>(since_0001 % 86400);  // 0..86399
  const detail::civil_date date = detail::civil_from_days(static_cast<std::uint32_t>(since_0001 / 86400));
  // "YYYY-MM-" and "DDThh:mm", then ":ss".
  const std::uint64_t w0 = detail::digit_pair(date.year / 100) | detail::digit_pair(date.year % 100) << 16 |
                           std::uint64_t{'-'} << 32 | detail::digit_pair(date.month) << 40 |
                           std::uint64_t{'-'} << 56;
  const std::uint64_t w1 = detail::digit_pair(date.day) | std::uint64_t{'T'} << 16 |
                           detail::digit_pair(sod / 3600) << 24 | std::uint64_t{':'} << 40 |
                           detail::digit_pair(sod / 60 % 60) << 48;
  detail::store_le64(out, w0);
  detail::store_le64(out + 8, w1);
  const std::uint64_t ss = detail::digit_pair(sod % 60);
  out[16] = ':';
  out[17] = static_cast<char>(ss & 0xFF);
  out[18] = static_cast<char>(ss >> 8);
  out += 19;
  if (t.nanoseconds() != 0) {
    // Nine digits: the first eight as one word, then the last; the shortest exact fraction
    // drops the trailing zeros (nanoseconds != 0, so a nonzero digit stops the trimming).
    const std::uint32_t last = t.nanoseconds() % 10;
    const std::uint64_t digits = detail::digits8(t.nanoseconds() / 10);  // byte values 0..9
    out[0] = '.';
    detail::store_le64(out + 1, digits | ascii_zeros);
    if (last != 0) {
      out[9] = static_cast<char>('0' + last);
      out += 10;
    } else {
      // digits != 0 here; each trailing '0' digit is a zero high byte.
      out += 1 + 8 - detail::leading_zero_bytes(digits);
    }
  }
  *out++ = 'Z';
  return out;
}

/** Appends the canonical UTC form of `t` (see write_timestamp) to `out`.
 *  The only allocation is the string's own growth. */
inline void append_timestamp(std::string& out, timestamp t) {
  char buf[timestamp_max_chars];
  out.append(buf, static_cast<std::size_t>(write_timestamp(buf, t) - buf));
}

/** Returns the canonical UTC form of `t`, e.g. "2000-01-02T20:34:56.123Z";
 *  parse_timestamp(format_timestamp(t)) == t for every t. */
inline std::string format_timestamp(timestamp t) {
  char buf[timestamp_max_chars];
  return std::string(buf, static_cast<std::size_t>(write_timestamp(buf, t) - buf));
}

/** Returns `tp` as a timestamp, or a time_error: out_of_range when it lies
 *  outside 0001..9999, precision_loss when it is not a whole number of
 *  nanoseconds (e.g. picoseconds with a remainder). Needs an integral rep. */
template <class Duration>
time_result<timestamp> from_sys_time(std::chrono::time_point<std::chrono::system_clock, Duration> tp) noexcept {
  using rep = typename Duration::rep;
  using period = typename Duration::period;
  static_assert(std::is_integral<rep>::value, "from_sys_time needs an integral rep (floating point is not exact)");
  static_assert(sizeof(rep) <= sizeof(std::int64_t), "from_sys_time supports reps of at most 64 bits");
  constexpr std::int64_t num = period::num;  // std::ratio is reduced and positive for durations
  constexpr std::int64_t den = period::den;
  static_assert(num == 1 || den == 1 || den - 1 <= std::numeric_limits<std::int64_t>::max() / num,
                "duration period too exotic for exact conversion");
  constexpr time_error range_error{time_errc::out_of_range, 0,
                                   "time point is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z"};

  // count = q*den + r with 0 <= r < den; the instant is q*num + r*num/den seconds.
  std::int64_t q = 0, r = 0;
  const rep count = tp.time_since_epoch().count();
  if constexpr (std::is_signed<rep>::value) {
    const auto v = static_cast<std::int64_t>(count);
    q = v / den;
    r = v % den;
    if (r < 0) {  // floor, so the sub-second part is never negative
      r += den;
      --q;
    }
  } else {
    const auto v = static_cast<std::uint64_t>(count);
    const std::uint64_t uq = v / static_cast<std::uint64_t>(den);
    if (uq > static_cast<std::uint64_t>(timestamp::max_seconds)) return range_error;
    q = static_cast<std::int64_t>(uq);
    r = static_cast<std::int64_t>(v % static_cast<std::uint64_t>(den));
  }
  // Bound q first so q*num cannot overflow: floor_div(min, num)*num > min - num >= -INT64_MAX.
  if (q > timestamp::max_seconds / num || q < detail::floor_div(timestamp::min_seconds, num)) return range_error;
  const std::int64_t whole = q * num;
  const std::int64_t rn = r * num;          // < den*num; no overflow per the static_assert
  const std::int64_t extra = rn / den;      // 0..num-1 whole seconds
  const std::int64_t frac = rn % den;       // 0..den-1, in units of 1/den s
  if (whole > timestamp::max_seconds - extra) return range_error;
  const std::int64_t secs = whole + extra;
  if (secs < timestamp::min_seconds) return range_error;
  // frac/den s is a whole number of ns iff (den/g) divides frac, with g = gcd(den, 1e9).
  constexpr std::int64_t g = std::gcd(den, std::int64_t{1000000000});
  constexpr std::int64_t den_g = den / g;
  if (frac % den_g != 0) {
    return time_error{time_errc::precision_loss, 0, "time point is not a whole number of nanoseconds"};
  }
  const auto nanos = static_cast<std::uint32_t>((frac / den_g) * (1000000000 / g));  // < 1e9
  return *timestamp::from_parts(secs, nanos);
}

/** Returns `t` as a std::chrono::system_clock time point with duration
 *  `Duration` (std::chrono::sys_time<Duration> in C++20, date::sys_time), or
 *  a time_error: precision_loss when `t` is not a whole number of Duration
 *  ticks (never truncated; e.g. 0.5 s to seconds), overflow when the tick
 *  count does not fit Duration::rep (e.g. year 0001 as int64 nanoseconds).
 *  Needs an integral rep. */
template <class Duration>
time_result<std::chrono::time_point<std::chrono::system_clock, Duration>> to_sys_time(timestamp t) noexcept {
  using rep = typename Duration::rep;
  using period = typename Duration::period;
  static_assert(std::is_integral<rep>::value, "to_sys_time needs an integral rep (floating point is not exact)");
  static_assert(sizeof(rep) <= sizeof(std::int64_t), "to_sys_time supports reps of at most 64 bits");
  constexpr std::int64_t num = period::num;
  constexpr std::int64_t den = period::den;
  constexpr time_error overflow_error{time_errc::overflow, 0,
                                      "timestamp does not fit the target duration's representation"};
  constexpr time_error precision_error{time_errc::precision_loss, 0,
                                       "timestamp is not a whole number of the target duration's ticks; "
                                       "refusing to truncate"};

  // ticks = (s + ns/1e9) * den / num. With g = gcd(den, 1e9), den = g*den_g and
  // 1e9 = g*e; gcd(num, den) == 1 makes ticks = den_g * M / num where
  // M = s*g + ns/e, exact iff e | ns and num | M.
  constexpr std::int64_t g = std::gcd(den, std::int64_t{1000000000});  // 1..1e9
  constexpr std::int64_t den_g = den / g;
  constexpr std::int64_t e = 1000000000 / g;
  const std::int64_t s = t.seconds();
  const auto ns = static_cast<std::int64_t>(t.nanoseconds());
  if (ns % e != 0) return precision_error;
  // Split s = sq*num + sr (0 <= sr < num) so M/num = sq*g + (sr*g + ns/e)/num
  // without forming M, which may exceed int64 when the result does not.
  const std::int64_t sq = detail::floor_div(s, num);
  const std::int64_t sr = s - sq * num;  // |sq*num| <= |s| + num - 1: no overflow
  std::int64_t rest = 0;                 // sr*g + ns/e, in [0, num*g)
  if (!detail::checked_mul(sr, g, rest) || !detail::checked_add(rest, ns / e, rest)) return overflow_error;
  if (rest % num != 0) return precision_error;
  // M/num = hi + lo with hi and lo of the same sign as the result, so |hi| <=
  // |M/num|: an intermediate overflow implies the tick count overflows too
  // (den_g >= 1). For negative sq, borrow one: (sq+1)*g + (rest/num - g).
  const std::int64_t hi_units = sq < 0 ? sq + 1 : sq;
  const std::int64_t lo = sq < 0 ? rest / num - g : rest / num;  // [-g, 0) or [0, g)
  std::int64_t ticks = 0;
  if (!detail::checked_mul(hi_units, g, ticks) || !detail::checked_add(ticks, lo, ticks) ||
      !detail::checked_mul(ticks, den_g, ticks)) {
    return overflow_error;
  }
  if constexpr (std::is_signed<rep>::value) {
    if (ticks < static_cast<std::int64_t>(std::numeric_limits<rep>::min()) ||
        ticks > static_cast<std::int64_t>(std::numeric_limits<rep>::max())) {
      return overflow_error;
    }
  } else {
    if (ticks < 0 || static_cast<std::uint64_t>(ticks) > static_cast<std::uint64_t>(std::numeric_limits<rep>::max())) {
      return overflow_error;
    }
  }
  return std::chrono::time_point<std::chrono::system_clock, Duration>{Duration{static_cast<rep>(ticks)}};
}

/** Prints the canonical UTC form of `t` (for test failure messages and logs). */
inline std::ostream& operator<<(std::ostream& os, timestamp t) {
  char buf[timestamp_max_chars];
  return os.write(buf, write_timestamp(buf, t) - buf);
}

/** Prints time_errc_name(e). */
inline std::ostream& operator<<(std::ostream& os, time_errc e) {
  const std::string_view name = time_errc_name(e);
  return os.write(name.data(), static_cast<std::streamsize>(name.size()));
}

/** Prints "kind at position N: message". */
inline std::ostream& operator<<(std::ostream& os, const time_error& e) {
  return os << e.kind << " at position " << e.position << ": " << e.message;
}

}  // namespace bedrock_agent

#endif  // BEDROCK_AGENT_TIME_HPP_INCLUDED
