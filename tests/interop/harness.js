#!/usr/bin/env node
// Interop harness: the official AWS SDK for JavaScript v3 as an oracle.
//
//   node harness.js --driver <interop_driver> --suite <name> [--modules <dir with node_modules>]
//
// 1. runs `<driver> gen <suite>`: one JSON case per line (SDK input ids + a canned HTTP response);
// 2. sends each case through the SDK's command for the case's operation (StartIngestionJobCommand,
//    GetIngestionJobCommand, ListIngestionJobsCommand, StopIngestionJobCommand) with a request
//    handler that never does I/O: it records the SDK's request and returns the canned response;
// 3. writes one observation per case (what the SDK sent, and what it returned or threw, with
//    Dates as epoch milliseconds and numbers as exact decimal strings) to
//    `<driver> check <suite> js`, which compares them with the project's values and prints the
//    verdict. Its exit code is ours. --record <file> also writes the observations there.
//
// The harness judges nothing itself: every comparison lives in the C++ driver, next to the
// project's own values.
"use strict";

const { spawnSync } = require("child_process");
const { createRequire } = require("module");
const path = require("path");

function parseArgs(argv) {
  const args = { modules: __dirname };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in { driver: 1, suite: 1, modules: 1, record: 1 }) || i + 1 >= argv.length) {
      throw new Error(`usage: harness.js --driver <exe> --suite <name> [--modules <dir>] [--record <file>]; bad argument ${argv[i]}`);
    }
    args[key] = argv[i + 1];
  }
  if (!args.driver || !args.suite) throw new Error("harness.js: --driver and --suite are required");
  return args;
}

// Keep the SDK hermetic: no shared config or credentials files, no endpoint override, no
// end-of-support banner on stderr.
function isolateEnvironment() {
  for (const key of Object.keys(process.env)) {
    if (key.startsWith("AWS_")) delete process.env[key];
  }
  process.env.AWS_CONFIG_FILE = path.join(__dirname, "no-such-aws-config");
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(__dirname, "no-such-aws-credentials");
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
}

// A value the SDK returned, as JSON the driver can compare exactly.
function normalize(v) {
  if (v === null) return null;
  if (v === undefined) return { $undefined: true };
  if (v instanceof Date) {
    const ms = v.getTime();
    return { $date: Number.isNaN(ms) ? "NaN" : BigInt(ms).toString() };
  }
  switch (typeof v) {
    case "number":
      // BigInt(n) prints the double's exact integer value (String(n) would say 1e+21).
      return { $number: Number.isInteger(v) ? BigInt(v).toString() : String(v) };
    case "bigint":
      return { $bigint: v.toString() };
    case "string":
      // A lone UTF-16 surrogate has no UTF-8 form: hand over the code units instead.
      return v.isWellFormed() ? v : { $utf16: Array.from({ length: v.length }, (_, i) => v.charCodeAt(i)) };
    case "boolean":
      return v;
    case "object":
      if (Array.isArray(v)) return v.map(normalize);
      if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString("base64") };
      // A member set to undefined is absent, as JSON.stringify has it (the SDK assigns every
      // modeled member of an exception, present or not).
      return Object.fromEntries(Object.keys(v).filter((k) => v[k] !== undefined).map((k) => [k, normalize(v[k])]));
    default:
      return { $unsupported: typeof v };
  }
}

// The bytes of a request body: none, a string (UTF-8), or a Uint8Array (this SDK's JSON body
// is one with string methods that warn when called; its bytes are read without them).
function bodyBytes(body) {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(String(body), "utf8");
}

function normalizeError(e, sdk) {
  const fields = {};
  for (const k of Object.keys(e)) {
    if (!["$metadata", "$response", "$fault", "$retryable", "name", "message"].includes(k)) fields[k] = e[k];
  }
  return {
    name: String(e.name),
    fault: e.$fault === undefined ? null : String(e.$fault),
    message: String(e.message),
    status: e.$metadata && e.$metadata.httpStatusCode !== undefined ? e.$metadata.httpStatusCode : null,
    ctor: e.constructor ? e.constructor.name : null,
    service_exception: e instanceof sdk.BedrockAgentServiceException,
    fields: normalize(fields),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  isolateEnvironment();
  const sdkRequire = createRequire(path.join(path.resolve(args.modules), "package.json"));
  const sdk = sdkRequire("@aws-sdk/client-bedrock-agent");
  const { HttpResponse } = sdkRequire("@smithy/core/transport");

  const gen = spawnSync(args.driver, ["gen", args.suite], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (gen.status !== 0) {
    process.stderr.write(gen.stderr || "");
    throw new Error(`${args.driver} gen ${args.suite} failed (status ${gen.status}, ${gen.error || "no spawn error"})`);
  }
  const cases = gen.stdout.split("\n").filter((line) => line.length > 0).map((line) => JSON.parse(line));

  let canned = null;
  let sent = null;
  const requestHandler = {
    async handle(request) {
      sent = request;
      return { response: new HttpResponse(canned) };
    },
  };
  const client = new sdk.BedrockAgentClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDINTEROPEXAMPLE", secretAccessKey: "interop-not-a-secret" },
    requestHandler,
    maxAttempts: 1,  // a 5xx or 429 would otherwise be retried
  });

  const observations = [];
  for (const c of cases) {
    canned = { statusCode: c.status, headers: c.headers, body: Buffer.from(c.body_b64, "base64") };
    sent = null;
    const obs = { name: c.name };
    if (c.echo) Object.assign(obs, { body_b64: c.body_b64, echo_status: c.status, echo_headers: c.headers });
    try {
      const command = sdk[`${c.operation || "StopIngestionJob"}Command`];
      const out = await client.send(new command(c.input));
      delete out.$metadata;
      obs.outcome = "ok";
      obs.output = normalize(out);
    } catch (e) {
      obs.outcome = "error";
      obs.error = normalizeError(e, sdk);
    }
    obs.request = sent === null ? null : {
      method: sent.method,
      path: sent.path,
      query: normalize(sent.query || {}),
      headers: sent.headers,
      body: sent.body === undefined ? null : { $bytes: bodyBytes(sent.body).toString("base64") },
      body_b64: bodyBytes(sent.body).toString("base64"),
    };
    observations.push(JSON.stringify(obs));
  }

  const text = observations.join("\n") + "\n";
  if (args.record) require("fs").writeFileSync(args.record, text);
  const check = spawnSync(args.driver, ["check", args.suite, "js"], {
    input: text,
    stdio: ["pipe", "inherit", "inherit"],
    maxBuffer: 1 << 30,
  });
  if (check.error) throw check.error;
  process.exitCode = check.status === null ? 1 : check.status;
}

main().catch((e) => {
  console.error(`interop harness: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 1;
});
