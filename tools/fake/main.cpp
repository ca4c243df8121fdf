// bedrock-agent-fake: the ingestion-job API's in-process fake (bedrock_agent::testing::fake_service)
// served over HTTP/1.1 on loopback, for real clients (boto3, the AWS CLI, the JS SDK) pointed at
// it with an endpoint URL. Records what it served as HAR for bedrock-agent-validate. docs/fake.md.

#include "cli.hpp"
#include "har.hpp"
#include "server.hpp"

#include <bedrock_agent/testing/fake.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <pthread.h>
#include <signal.h>

#ifndef BEDROCK_AGENT_FAKE_VERSION
#define BEDROCK_AGENT_FAKE_VERSION "0"
#endif

namespace bf = bedrock_agent::fake_server;

int main(int argc, char** argv) {
  bf::settings cfg;
  const bf::cli_result cli = bf::parse_command_line(argc, argv, cfg);
  if (cli.exit_now) {
    std::fputs(cli.message.c_str(), stdout);
    return 0;
  }
  if (!cli.ok) {
    std::fprintf(stderr, "bedrock-agent-fake: %s\n(--help lists the options)\n", cli.message.c_str());
    return 2;
  }

  {
    boost::system::error_code ec;
    (void)bf::asio::ip::make_address(cfg.host, ec);
    if (ec) {
      std::fprintf(stderr, "bedrock-agent-fake: bad value for --listen: '%s' is not an IP address\n", cfg.host.c_str());
      return 2;
    }
  }

  bedrock_agent::testing::fake_service fake(cfg.fake);
  if (!cfg.seed_file.empty()) {
    std::ifstream in(cfg.seed_file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "bedrock-agent-fake: cannot open seed %s\n", cfg.seed_file.c_str());
      return 2;
    }
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bedrock_agent::result<void> loaded = fake.load_seed(json);
    if (!loaded) {
      std::fprintf(stderr, "bedrock-agent-fake: bad seed %s:\n", cfg.seed_file.c_str());
      for (const bedrock_agent::diagnostic& d : loaded.diagnostics()) {
        std::fprintf(stderr, "  %s\n", bedrock_agent::to_string(d).c_str());
      }
      return 2;
    }
  }

  bf::har_recorder har(cfg.record_file, BEDROCK_AGENT_FAKE_VERSION);
  int status = 0;
  {
    bf::asio::io_context ioc(1);
    bf::server srv(ioc, cfg, fake, har);
    std::string error;
    if (!srv.listen(error)) {
      std::fprintf(stderr, "bedrock-agent-fake: %s\n", error.c_str());
      return 1;
    }
    if (!har.write(error)) {  // the file exists (an empty HAR) from the start
      std::fprintf(stderr, "bedrock-agent-fake: --record: %s\n", error.c_str());
      return 1;
    }
    std::printf("listening on %s\n", srv.base_url.c_str());
    std::fflush(stdout);
    srv.start();
    ioc.run();
    // Stopped: whatever the grace period left open is closed, and its handlers run out.
    srv.close_all();
    ioc.restart();
    ioc.run();
    if (srv.record_failed) status = 1;
    // The signal_set, destroyed next, gives SIGTERM back its default action: a late signal (a
    // second SIGTERM while the HAR is written) would kill the process. Stopping already, block them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  }
  std::string error;
  if (!har.write(error)) {
    std::fprintf(stderr, "bedrock-agent-fake: --record: %s\n", error.c_str());
    status = 1;
  }
  std::fprintf(stderr, "bedrock-agent-fake: stopped after %llu calls%s\n",
               static_cast<unsigned long long>(fake.calls()),
               har.enabled() ? (", " + std::to_string(har.size()) + " recorded in " + cfg.record_file).c_str() : "");
  return status;
}
