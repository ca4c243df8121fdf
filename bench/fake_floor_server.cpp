// The floor of the fake server's benchmark (bench/time_fake.py): the least an HTTP/1.1 server on
// Boost.Beast does per request. One thread, keep-alive, and for every request the same fixed
// body: a GetIngestionJob response of the same size as the fake's, with the same headers. What
// bedrock-agent-fake costs above it is reading the request, running the fake and writing JSON.
//   fake_floor_server        -> prints "listening on http://127.0.0.1:PORT", serves until killed
//   fake_floor_server --job  -> prints the job it answers with (the seed of the fake's run)
#include <bedrock_agent/engine/json.hpp>
#include <bedrock_agent/testing/fixtures.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdio>
#include <memory>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

class session : public std::enable_shared_from_this<session> {
 public:
  session(tcp::socket socket, const std::string& body) : stream_(std::move(socket)), body_(body) {}
  void read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

 private:
  void on_read(beast::error_code ec) {
    if (ec) return;
    response_ = {};
    response_.version(request_.version());
    response_.result(http::status::ok);
    response_.set(http::field::content_type, "application/json");
    response_.set("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
    response_.keep_alive(request_.keep_alive());
    response_.body() = body_;
    response_.prepare_payload();
    http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code wec, std::size_t) {
      if (!wec && self->response_.keep_alive()) self->read();
    });
  }

  beast::tcp_stream stream_;
  const std::string& body_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

void accept(tcp::acceptor& acceptor, const std::string& body) {
  acceptor.async_accept([&acceptor, &body](beast::error_code ec, tcp::socket socket) {
    if (!ec) {
      beast::error_code e;
      socket.set_option(tcp::no_delay(true), e);  // as the fake does: no Nagle wait between answers
      std::make_shared<session>(std::move(socket), body)->read();
    }
    accept(acceptor, body);
  });
}

}  // namespace

int main(int argc, char** argv) {
  const bedrock_agent::IngestionJob job = bedrock_agent::testing::fixtures::complete_job();
  if (argc == 2 && std::string(argv[1]) == "--job") {
    std::printf("%s\n", bedrock_agent::to_json(job).c_str());
    return 0;
  }
  const std::string body = bedrock_agent::to_json(bedrock_agent::GetIngestionJobResponse{job});
  asio::io_context ioc(1);
  tcp::acceptor acceptor(ioc, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(acceptor.local_endpoint().port()));
  std::fflush(stdout);
  accept(acceptor, body);
  ioc.run();
}
