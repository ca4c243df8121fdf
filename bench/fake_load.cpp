// The load of the fake server's benchmark (bench/time_fake.py): one keep-alive connection
// sending the same GET, DEPTH requests at a time (HTTP/1.1 pipelining: DEPTH requests written,
// then their DEPTH responses read), and timing them. DEPTH 1 is a polling client, bound by the
// loopback round trip; a deeper pipeline keeps the server's core busy.
//   fake_load PORT TARGET REQUESTS [DEPTH]
//     -> one JSON line: requests (timed), warmup, depth, seconds, per_second, body_bytes
// Exit 1 when a response is not 200.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: fake_load PORT TARGET REQUESTS [DEPTH]\n");
    return 2;
  }
  const auto port = static_cast<unsigned short>(std::strtoul(argv[1], nullptr, 10));
  const long depth = argc == 5 ? std::max(1L, std::strtol(argv[4], nullptr, 10)) : 1;
  const long requests = std::strtol(argv[3], nullptr, 10) / depth * depth;
  asio::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
  socket.set_option(tcp::no_delay(true));
  http::request<http::empty_body> request{http::verb::get, argv[2], 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::user_agent, "fake_load");
  request.keep_alive(true);
  beast::flat_buffer buffer;
  std::size_t body_bytes = 0;
  std::string batch;  // DEPTH requests, written at once
  {
    std::ostringstream one;
    one << request;
    for (long i = 0; i < depth; ++i) batch += one.str();
  }
  const auto once = [&] {  // one batch
    asio::write(socket, asio::buffer(batch));
    for (long i = 0; i < depth; ++i) {
      http::response<http::string_body> response;
      http::read(socket, buffer, response);
      if (response.result() != http::status::ok) {
        std::fprintf(stderr, "fake_load: status %u: %s\n", response.result_int(), response.body().c_str());
        std::exit(1);
      }
      body_bytes = response.body().size();
    }
  };
  const long warmup = (requests / 10 / depth + 1) * depth;  // connection, caches, allocator
  for (long i = 0; i < warmup; i += depth) once();
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < requests; i += depth) once();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"requests\": %ld, \"warmup\": %ld, \"depth\": %ld, \"seconds\": %.6f, \"per_second\": %.1f, "
              "\"body_bytes\": %zu}\n",
              requests, warmup, depth, seconds, static_cast<double>(requests) / seconds, body_bytes);
}
