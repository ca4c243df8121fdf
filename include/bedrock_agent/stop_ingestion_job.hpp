#ifndef BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED
#define BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED

// The executable contract of Agents for Amazon Bedrock StopIngestionJob: include this one
// header. (Test-only generators live in bedrock_agent/testing/ and are not included here.)

#include <bedrock_agent/codec_rules.hpp>
#include <bedrock_agent/constraints.hpp>
#include <bedrock_agent/diagnostics.hpp>
#include <bedrock_agent/http.hpp>
#include <bedrock_agent/json.hpp>
#include <bedrock_agent/members.hpp>
#include <bedrock_agent/options.hpp>
#include <bedrock_agent/result.hpp>
#include <bedrock_agent/shapes.hpp>
#include <bedrock_agent/status.hpp>
#include <bedrock_agent/time.hpp>

#endif  // BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED
