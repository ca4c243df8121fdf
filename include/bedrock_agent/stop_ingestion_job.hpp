#ifndef BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED
#define BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED

// The executable contract of Agents for Amazon Bedrock StopIngestionJob: include this one
// header. (Test-only generators live in bedrock_agent/testing/ and are not included here.)

#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/engine/result.hpp>
#include <bedrock_agent/model/shapes.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/engine/time.hpp>

#endif  // BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED
