// The one doctest main of the test binary; every tests/<facility>_test.cpp links against it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
