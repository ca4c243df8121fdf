// String shapes as types: every conversion, construction and assignment a string shape allows
// or refuses, and the traits the codec, the generators and Describe read. The expectations were
// recorded from the shapes as they were written before they shared a base (each one
// `: std::string` with its own constructors; commit 07cc1c5), the same for each shape and
// identical under g++ and clang++-19 in C++17 and C++20; string_shape<Self> leaves every line
// true.
#include <bedrock_agent/stop_ingestion_job.hpp>

#include "../tools/validator/har.hpp"

#include <doctest/doctest.h>

#include <boost/describe/bases.hpp>
#include <boost/describe/members.hpp>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace {
using namespace bedrock_agent;
using validator::har_string;

/// Everything string shape `Self` allows or refuses, `Other` being another string shape.
template <class Self, class Other>
constexpr bool converts_as_before() {
  static_assert(!std::is_same_v<Self, Other> && !std::is_base_of_v<Self, Other> && !std::is_base_of_v<Other, Self>);
  static_assert(std::is_convertible_v<std::string, Self>);
  static_assert(std::is_constructible_v<Self, std::string>);
  static_assert(std::is_assignable_v<Self&, std::string>);
  static_assert(!std::is_nothrow_constructible_v<Self, std::string>);
  static_assert(std::is_convertible_v<const std::string&, Self>);
  static_assert(std::is_constructible_v<Self, const std::string&>);
  static_assert(std::is_assignable_v<Self&, const std::string&>);
  static_assert(!std::is_nothrow_constructible_v<Self, const std::string&>);
  static_assert(std::is_convertible_v<std::string&, Self>);
  static_assert(std::is_constructible_v<Self, std::string&>);
  static_assert(std::is_assignable_v<Self&, std::string&>);
  static_assert(!std::is_nothrow_constructible_v<Self, std::string&>);
  static_assert(std::is_convertible_v<std::string&&, Self>);
  static_assert(std::is_constructible_v<Self, std::string&&>);
  static_assert(std::is_assignable_v<Self&, std::string&&>);
  static_assert(!std::is_nothrow_constructible_v<Self, std::string&&>);
  static_assert(std::is_convertible_v<const char*, Self>);
  static_assert(std::is_constructible_v<Self, const char*>);
  static_assert(std::is_assignable_v<Self&, const char*>);
  static_assert(!std::is_nothrow_constructible_v<Self, const char*>);
  static_assert(std::is_convertible_v<char*, Self>);
  static_assert(std::is_constructible_v<Self, char*>);
  static_assert(std::is_assignable_v<Self&, char*>);
  static_assert(!std::is_nothrow_constructible_v<Self, char*>);
  static_assert(std::is_convertible_v<const char(&)[4], Self>);
  static_assert(std::is_constructible_v<Self, const char(&)[4]>);
  static_assert(std::is_assignable_v<Self&, const char(&)[4]>);
  static_assert(!std::is_nothrow_constructible_v<Self, const char(&)[4]>);
  static_assert(!std::is_convertible_v<std::string_view, Self>);
  static_assert(std::is_constructible_v<Self, std::string_view>);
  static_assert(!std::is_assignable_v<Self&, std::string_view>);
  static_assert(!std::is_nothrow_constructible_v<Self, std::string_view>);
  static_assert(!std::is_convertible_v<char, Self>);
  static_assert(!std::is_constructible_v<Self, char>);
  static_assert(!std::is_assignable_v<Self&, char>);
  static_assert(!std::is_nothrow_constructible_v<Self, char>);
  static_assert(!std::is_convertible_v<int, Self>);
  static_assert(!std::is_constructible_v<Self, int>);
  static_assert(!std::is_assignable_v<Self&, int>);
  static_assert(!std::is_nothrow_constructible_v<Self, int>);
  static_assert(!std::is_convertible_v<std::size_t, Self>);
  static_assert(!std::is_constructible_v<Self, std::size_t>);
  static_assert(!std::is_assignable_v<Self&, std::size_t>);
  static_assert(!std::is_nothrow_constructible_v<Self, std::size_t>);
  static_assert(std::is_convertible_v<std::nullptr_t, Self>);
  static_assert(std::is_constructible_v<Self, std::nullptr_t>);
  static_assert(std::is_assignable_v<Self&, std::nullptr_t>);
  static_assert(!std::is_nothrow_constructible_v<Self, std::nullptr_t>);
  static_assert(std::is_convertible_v<std::initializer_list<char>, Self>);
  static_assert(std::is_constructible_v<Self, std::initializer_list<char>>);
  static_assert(std::is_assignable_v<Self&, std::initializer_list<char>>);
  static_assert(!std::is_nothrow_constructible_v<Self, std::initializer_list<char>>);
  static_assert(!std::is_convertible_v<std::allocator<char>, Self>);
  static_assert(std::is_constructible_v<Self, std::allocator<char>>);
  static_assert(!std::is_assignable_v<Self&, std::allocator<char>>);
  static_assert(std::is_nothrow_constructible_v<Self, std::allocator<char>>);
  static_assert(std::is_convertible_v<Self, Self>);
  static_assert(std::is_constructible_v<Self, Self>);
  static_assert(std::is_assignable_v<Self&, Self>);
  static_assert(std::is_nothrow_constructible_v<Self, Self>);
  static_assert(std::is_convertible_v<const Self&, Self>);
  static_assert(std::is_constructible_v<Self, const Self&>);
  static_assert(std::is_assignable_v<Self&, const Self&>);
  static_assert(!std::is_nothrow_constructible_v<Self, const Self&>);
  static_assert(std::is_convertible_v<Other, Self>);
  static_assert(std::is_constructible_v<Self, Other>);
  static_assert(std::is_assignable_v<Self&, Other>);
  static_assert(!std::is_nothrow_constructible_v<Self, Other>);
  static_assert(std::is_convertible_v<const Other&, Self>);
  static_assert(std::is_constructible_v<Self, const Other&>);
  static_assert(std::is_assignable_v<Self&, const Other&>);
  static_assert(!std::is_nothrow_constructible_v<Self, const Other&>);
  static_assert(!std::is_convertible_v<FailureReasons, Self>);
  static_assert(!std::is_constructible_v<Self, FailureReasons>);
  static_assert(!std::is_assignable_v<Self&, FailureReasons>);
  static_assert(!std::is_nothrow_constructible_v<Self, FailureReasons>);
  static_assert(std::is_constructible_v<Self, const char*, std::size_t>);
  static_assert(std::is_constructible_v<Self, std::size_t, char>);
  static_assert(std::is_constructible_v<Self, const std::string&, std::size_t>);
  static_assert(std::is_constructible_v<Self, const std::string&, std::size_t, std::size_t>);
  static_assert(std::is_constructible_v<Self, std::string_view, std::size_t, std::size_t>);
  static_assert(std::is_constructible_v<Self, const char*, const char*>);
  static_assert(std::is_constructible_v<Self, std::initializer_list<char>, std::allocator<char>>);
  static_assert(std::is_constructible_v<Self, std::string, std::allocator<char>>);
  static_assert(std::is_constructible_v<Self, const char*, std::allocator<char>>);
  static_assert(std::is_convertible_v<Self, std::string>);
  static_assert(std::is_convertible_v<Self, std::string_view>);
  static_assert(!std::is_convertible_v<Self, const char*>);
  static_assert(!std::is_convertible_v<Self, bool>);
  static_assert(std::is_convertible_v<Self&, std::string&>);
  static_assert(std::is_convertible_v<const Self&, const std::string&>);
  static_assert(std::is_convertible_v<Self*, std::string*>);
  static_assert(std::is_base_of_v<std::string, Self>);
  static_assert(std::is_class_v<Self>);
  static_assert(!std::is_aggregate_v<Self>);
  static_assert(std::is_nothrow_default_constructible_v<Self>);
  static_assert(std::is_nothrow_move_constructible_v<Self>);
  static_assert(std::is_nothrow_move_assignable_v<Self>);
  static_assert(std::is_copy_constructible_v<Self>);
  static_assert(std::is_copy_assignable_v<Self>);
  static_assert(std::is_nothrow_swappable_v<Self>);
  static_assert(std::is_standard_layout_v<Self>);
  static_assert(!std::is_polymorphic_v<Self>);
  static_assert(sizeof(Self) == sizeof(std::string));
  static_assert(alignof(Self) == alignof(std::string));
  static_assert(is_string_shape_v<Self>);
  static_assert(!is_list_shape_v<Self>);
  static_assert(!is_described_struct_v<Self>);
  static_assert(is_required_member_v<Self>);
  static_assert(!is_error_shape<Self>::value);
  static_assert(detail::has_constraints<Self>::value);
  static_assert(std::is_same_v<decltype(Self::shape_name), const std::string_view>);
  static_assert(std::is_same_v<decltype(Self::constraints), const string_constraints>);
  static_assert(!boost::describe::has_describe_members<Self>::value);
  static_assert(!boost::describe::has_describe_bases<Self>::value);
  return true;
}

template <class Self, class... Others>
constexpr bool converts_as_before_with_each() {
  return (converts_as_before<Self, Others>() && ...);
}

static_assert(converts_as_before_with_each<Id, Description, FailureReason, NonBlankString, har_string>());
static_assert(converts_as_before_with_each<Description, Id, FailureReason, NonBlankString, har_string>());
static_assert(converts_as_before_with_each<FailureReason, Id, Description, NonBlankString, har_string>());
static_assert(converts_as_before_with_each<NonBlankString, Id, Description, FailureReason, har_string>());
static_assert(converts_as_before_with_each<har_string, Id, Description, FailureReason, NonBlankString>());

// A plain std::string is no shape.
static_assert(!is_string_shape_v<std::string>);
static_assert(!is_list_shape_v<std::string>);
static_assert(!detail::has_constraints<std::string>::value);
static_assert(!is_described_struct_v<std::string>);

}  // namespace

TEST_CASE("string shapes: distinct types that convert like the strings they are") {
  // The static_asserts above are the test; this checks the same at run time on a few values.
  const Id id("KB12345678");
  const Description d = id;  // implicit, as between any two string shapes
  const std::string& s = d;
  CHECK(s == "KB12345678");
  Id from_std = std::string("DS12345678");
  CHECK(from_std.size() == 10);
  CHECK(Id(std::string_view("abc")) == "abc");
  CHECK(Id(3, 'x') == "xxx");
}
