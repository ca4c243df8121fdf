// The load of the fake server's benchmark (bench/time_fake.py): one keep-alive connection
// sending the same GET one request after another, as a polling client does, and timing them.
//   fake_load PORT TARGET REQUESTS  -> one JSON line: requests, seconds, per_second, body_bytes
// Exit 1 when a response is not 200.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: fake_load PORT TARGET REQUESTS\n");
    return 2;
  }
  const auto port = static_cast<unsigned short>(std::strtoul(argv[1], nullptr, 10));
  const long requests = std::strtol(argv[3], nullptr, 10);
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
  const auto once = [&] {
    http::write(socket, request);
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    if (response.result() != http::status::ok) {
      std::fprintf(stderr, "fake_load: status %u: %s\n", response.result_int(), response.body().c_str());
      std::exit(1);
    }
    body_bytes = response.body().size();
  };
  for (long i = 0; i < requests / 10 + 1; ++i) once();  // warm-up: connection, caches, allocator
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < requests; ++i) once();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"requests\": %ld, \"seconds\": %.6f, \"per_second\": %.1f, \"body_bytes\": %zu}\n", requests, seconds,
              static_cast<double>(requests) / seconds, body_bytes);
}
