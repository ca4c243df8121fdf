#ifndef BEDROCK_AGENT_INGESTION_JOBS_HPP_INCLUDED
#define BEDROCK_AGENT_INGESTION_JOBS_HPP_INCLUDED

// The executable contract of the Agents for Amazon Bedrock ingestion-job API
// (StartIngestionJob, GetIngestionJob, ListIngestionJobs, StopIngestionJob): include this one
// header. It is everything stop_ingestion_job.hpp includes, which is kept for the clients
// written against the first version. (Test-only generators live in bedrock_agent/testing/
// and are not included here.)

#include <bedrock_agent/engine/codec_rules.hpp>
#include <bedrock_agent/engine/constraints.hpp>
#include <bedrock_agent/engine/diagnostics.hpp>
#include <bedrock_agent/engine/http.hpp>
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/engine/members.hpp>
#include <bedrock_agent/engine/options.hpp>
#include <bedrock_agent/engine/result.hpp>
#include <bedrock_agent/engine/sink.hpp>
#include <bedrock_agent/engine/time.hpp>
#include <bedrock_agent/lifecycle/status.hpp>
#include <bedrock_agent/model/shapes.hpp>

#endif  // BEDROCK_AGENT_INGESTION_JOBS_HPP_INCLUDED
