#ifndef BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED
#define BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED

// The first umbrella header, kept working: it includes the whole ingestion-job API
// (bedrock_agent/ingestion_jobs.hpp), StopIngestionJob and the three other operations.

#include <bedrock_agent/ingestion_jobs.hpp>

#endif  // BEDROCK_AGENT_STOP_INGESTION_JOB_HPP_INCLUDED
