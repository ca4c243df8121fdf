#ifndef BEDROCK_AGENT_TESTING_GENERATORS_HPP_INCLUDED
#define BEDROCK_AGENT_TESTING_GENERATORS_HPP_INCLUDED

// Everything a consumer's property-based tests need: rc::Arbitrary for every shape
// (arbitrary.hpp), equivalent encodings (encodings.hpp), single-rule mutations
// (mutations.hpp), lifecycles and coherent responses (lifecycle.hpp), HTTP labels and error
// responses (http.hpp), and named fixtures (fixtures.hpp, which alone needs no RapidCheck).
// Link RapidCheck (CMake target `rapidcheck`). Never included by the contract's umbrella
// header <bedrock_agent/stop_ingestion_job.hpp>.

#include <bedrock_agent/testing/arbitrary.hpp>
#include <bedrock_agent/testing/encodings.hpp>
#include <bedrock_agent/testing/fixtures.hpp>
#include <bedrock_agent/testing/http.hpp>
#include <bedrock_agent/testing/lifecycle.hpp>
#include <bedrock_agent/testing/mutations.hpp>

#endif  // BEDROCK_AGENT_TESTING_GENERATORS_HPP_INCLUDED
