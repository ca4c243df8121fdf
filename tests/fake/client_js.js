// The AWS SDK for JavaScript v3 (@aws-sdk/client-bedrock-agent, installed by the interop
// fixture) against bedrock-agent-fake (FAKE_ENDPOINT): the ingestion-job flow, asserting on what
// the SDK returns and on its own ConflictException class.
//   node client_js.js <dir holding node_modules>
"use strict";
const { createRequire } = require("module");
const path = require("path");

function check(cond, message) {
  if (!cond) {
    console.log("FAIL: " + message);
    process.exit(1);
  }
}

async function main() {
  let sdk;
  try {
    sdk = createRequire(path.join(path.resolve(process.argv[2] || "."), "package.json"))("@aws-sdk/client-bedrock-agent");
  } catch (e) {
    console.log("SKIPPED: @aws-sdk/client-bedrock-agent cannot be loaded (" + e.message.split("\n")[0] + ")");
    process.exit(77);
  }
  const client = new sdk.BedrockAgentClient({
    region: "us-east-1",
    endpoint: process.env.FAKE_ENDPOINT,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  const ids = { knowledgeBaseId: "KB12345678", dataSourceId: "DS12345678" };

  const job = (await client.send(new sdk.StartIngestionJobCommand({ ...ids, description: "e2e js" }))).ingestionJob;
  const jobId = job.ingestionJobId;
  check(/^[0-9A-Z]{10}$/.test(jobId) && job.status === "STARTING", "started " + JSON.stringify(job));
  check(job.startedAt instanceof Date, "startedAt is not a Date");

  const got = (await client.send(new sdk.GetIngestionJobCommand({ ...ids, ingestionJobId: jobId }))).ingestionJob;
  check(got.ingestionJobId === jobId && got.status === "IN_PROGRESS", "polled " + JSON.stringify(got));

  const stopped = (await client.send(new sdk.StopIngestionJobCommand({ ...ids, ingestionJobId: jobId }))).ingestionJob;
  check(stopped.status === "STOPPING", "stop returned " + stopped.status);
  let status = stopped.status;
  for (let i = 0; i < 10 && status !== "STOPPED"; ++i) {
    status = (await client.send(new sdk.GetIngestionJobCommand({ ...ids, ingestionJobId: jobId }))).ingestionJob.status;
  }
  check(status === "STOPPED", "never STOPPED, last " + status);

  const list = await client.send(new sdk.ListIngestionJobsCommand(ids));
  const mine = list.ingestionJobSummaries.filter((s) => s.ingestionJobId === jobId);
  check(mine.length === 1 && mine[0].status === "STOPPED", "list gave " + JSON.stringify(list.ingestionJobSummaries));

  try {
    await client.send(new sdk.StopIngestionJobCommand({ ...ids, ingestionJobId: jobId }));
    check(false, "a second stop succeeded");
  } catch (e) {
    check(e instanceof sdk.ConflictException, "second stop threw " + e.name + ": " + e.message);
    check(e.$metadata.httpStatusCode === 409, "status " + e.$metadata.httpStatusCode);
  }
  console.log("js sdk: flow done, job " + jobId + " STOPPED, second stop ConflictException");
}

main().catch((e) => {
  console.log("FAIL: " + (e && e.stack ? e.stack : e));
  process.exit(1);
});
