#ifndef BEDROCK_AGENT_TOOLS_FAKE_SERVER_HPP_INCLUDED
#define BEDROCK_AGENT_TOOLS_FAKE_SERVER_HPP_INCLUDED

// The HTTP/1.1 front of bedrock-agent-fake: Boost.Beast on one io_context run by one thread (the
// fake is not thread-safe, and needs no lock that way). One session per connection, keep-alive,
// each request handed whole to fake_service::handle. Beast parses; a request it refuses gets
// 400 (431 for too large a header, 413 for too large a body) and the connection closed.

#include "cli.hpp"
#include "har.hpp"

#include <bedrock_agent/engine/time.hpp>
#include <bedrock_agent/testing/fake.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/describe/class.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

// As in shapes.hpp: clang -Wpedantic in C++17 calls Describe's empty base list a C++20 extension.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++20-extensions"
#endif

namespace bedrock_agent::fake_server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

inline std::string_view sv(beast::string_view s) noexcept { return {s.data(), s.size()}; }

class session;

/// What the server sends with a request Beast refused: {"message": ...}.
struct refusal {
  har_string message;
  static constexpr std::string_view shape_name = "refusal";
};
BOOST_DESCRIBE_STRUCT(refusal, (), (message))

/// The listener, the fake, the recorder and the live sessions.
class server {
 public:
  server(asio::io_context& ioc, const settings& cfg, testing::fake_service& fake, har_recorder& har)
      : cfg(cfg), fake(fake), har(har), ioc_(ioc), acceptor_(ioc), signals_(ioc, SIGTERM, SIGINT), grace_(ioc),
        retry_(ioc) {}

  /** Opens, binds and listens; false with `error` set when it cannot. */
  bool listen(std::string& error) {
    beast::error_code ec;
    const asio::ip::address address = asio::ip::make_address(cfg.host, ec);
    if (ec) {
      error = "--listen: '" + cfg.host + "' is not an IP address";
      return false;
    }
    const tcp::endpoint endpoint(address, cfg.port);
    if (acceptor_.open(endpoint.protocol(), ec) || acceptor_.set_option(asio::socket_base::reuse_address(true), ec) ||
        acceptor_.bind(endpoint, ec) || acceptor_.listen(asio::socket_base::max_listen_connections, ec)) {
      error = "cannot listen on " + cfg.host + ":" + std::to_string(cfg.port) + ": " + ec.message();
      return false;
    }
    const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    base_url = "http://" + host + ":" + std::to_string(acceptor_.local_endpoint().port());
    return true;
  }

  /** Starts accepting and waiting for SIGTERM / SIGINT. */
  void start() {
    signals_.async_wait([this](const beast::error_code& ec, int) {
      if (!ec) stop();
    });
    accept();
  }

  /** Stops accepting, closes idle connections, lets busy ones answer, and ends the run when the
   *  last one is gone (or after 5 s, or at a second signal). */
  void stop() {
    if (stopping) return;
    stopping = true;
    beast::error_code ec;
    acceptor_.close(ec);
    retry_.cancel();
    signals_.async_wait([this](const beast::error_code& e, int) {
      if (!e) ioc_.stop();
    });
    grace_.expires_after(std::chrono::seconds(5));
    grace_.async_wait([this](const beast::error_code& e) {
      if (!e) ioc_.stop();
    });
    for (session* s : sessions_) close_if_idle(s);
    if (sessions_.empty()) ioc_.stop();
  }

  /** After the run: closes what is left (the grace period ran out) so the sessions end. */
  void close_all();

  /** Records one exchange; reports (once) when the HAR cannot be written. */
  void record(har_entry entry) {
    if (!har.enabled()) return;
    std::string error;
    if (!har.add(std::move(entry), error) && !record_failed) {
      record_failed = true;
      std::fprintf(stderr, "bedrock-agent-fake: %s\n", error.c_str());
    }
  }

  void added(session* s) { sessions_.insert(s); }
  void removed(session* s) {
    sessions_.erase(s);
    if (stopping && sessions_.empty()) ioc_.stop();
  }

  const settings& cfg;
  testing::fake_service& fake;
  har_recorder& har;
  std::string base_url;
  bool stopping = false;
  bool record_failed = false;
  std::uint64_t refused = 0;  ///< connections closed at once (--max-connections)

 private:
  void accept();
  static void close_if_idle(session* s);

  asio::io_context& ioc_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer grace_;
  asio::steady_timer retry_;
  std::unordered_set<session*> sessions_;
};

/// One connection: read a request, answer it (after --latency-ms), again while it is kept alive.
class session : public std::enable_shared_from_this<session> {
 public:
  session(tcp::socket socket, server& srv) : stream_(std::move(socket)), timer_(stream_.get_executor()), srv_(srv) {
    srv_.added(this);
  }
  ~session() { srv_.removed(this); }
  session(const session&) = delete;
  session& operator=(const session&) = delete;

  void start() { read(); }

  bool busy() const noexcept { return busy_; }

  /** Closes the socket and stops the latency timer: every pending operation ends. */
  void close() {
    beast::error_code ec;
    timer_.cancel();
    if (stream_.socket().is_open()) {
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      stream_.socket().close(ec);
    }
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(srv_.cfg.max_body_bytes);
    stream_.expires_after(srv_.cfg.idle_timeout);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (!ec) return answer();
    if (ec == http::error::body_limit) {
      return refuse(http::status::payload_too_large,
                    "the request body is larger than " + std::to_string(srv_.cfg.max_body_bytes) +
                        " bytes (--max-body-bytes)");
    }
    if (ec == http::error::header_limit) {
      return refuse(http::status::request_header_fields_too_large, "the request header is too large");
    }
    const bool parse_error = ec.category() == http::make_error_code(http::error::end_of_stream).category() &&
                             ec != http::error::end_of_stream && ec != http::error::partial_message;
    if (parse_error) {
      return refuse(http::status::bad_request, "malformed HTTP request (" + ec.message() + ")");
    }
    close();  // the client closed, a timeout, a reset, or the server is stopping
  }

  void answer() {
    busy_ = true;
    started_wall_ = std::chrono::system_clock::now();
    started_ = std::chrono::steady_clock::now();
    const http::request<http::string_body>& req = parser_->get();
    testing::fake_reply reply = srv_.fake.handle(sv(req.method_string()), sv(req.target()), req.body());
    operation_ = reply.operation;
    res_ = {};
    res_.version(req.version());
    res_.result(static_cast<unsigned>(reply.response.status));
    for (auto& [name, value] : reply.response.headers) res_.insert(name, value);
    res_.body() = std::move(reply.response.body);
    res_.keep_alive(req.keep_alive() && !srv_.stopping);
    res_.prepare_payload();
    if (reply.delay.count() > 0) {
      timer_.expires_after(reply.delay);
      timer_.async_wait([self = shared_from_this()](const beast::error_code& ec) {
        if (ec) return self->close();
        self->send();
      });
    } else {
      send();
    }
  }

  void send() {
    if (srv_.stopping && res_.keep_alive()) {  // stopped while the answer waited: the last one
      res_.keep_alive(false);
      res_.prepare_payload();
    }
    wait_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
    stream_.expires_after(srv_.cfg.idle_timeout);
    http::async_write(stream_, res_, beast::bind_front_handler(&session::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    srv_.record(entry());
    busy_ = false;
    if (ec) return close();
    if (res_.need_eof() || srv_.stopping) {
      beast::error_code e;
      stream_.socket().shutdown(tcp::socket::shutdown_send, e);
      return close();
    }
    read();
  }

  /** Answers a request Beast refused with `status` and a JSON message, then closes. */
  void refuse(http::status status, const std::string& message) {
    busy_ = true;
    res_ = {};
    res_.version(11);
    res_.result(status);
    res_.set(http::field::content_type, "application/json");
    res_.body() = to_json(refusal{har_string(message)});
    res_.keep_alive(false);
    res_.prepare_payload();
    stream_.expires_after(std::chrono::seconds(2));
    http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->busy_ = false;
      if (ec) return self->close();
      self->linger();
    });
  }

  /** After an error answer: stop sending, read and drop what the client still sends (up to the
   *  deadline refuse() set), so closing does not reset the connection before it reads the answer. */
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code e, std::size_t) {
      if (e) return self->close();
      self->linger_more();
    });
  }
  void linger_more() {
    stream_.async_read_some(asio::buffer(drain_), [self = shared_from_this()](beast::error_code e, std::size_t) {
      if (e) return self->close();
      self->linger_more();
    });
  }

  har_entry entry() const {
    const http::request<http::string_body>& req = parser_->get();
    har_entry e;
    e.startedDateTime =
        from_sys_time(std::chrono::time_point_cast<std::chrono::milliseconds>(started_wall_)).value_or(timestamp());
    e.time = wait_ms_;
    const std::string version = req.version() == 10 ? "HTTP/1.0" : "HTTP/1.1";
    e.request.method = har_text(sv(req.method_string()));
    e.request.url = har_text(srv_.base_url + std::string(sv(req.target())));
    e.request.httpVersion = har_string(version);
    for (const auto& f : req) e.request.headers.push_back(har_pair{har_text(sv(f.name_string())), har_text(sv(f.value()))});
    e.request.queryString = query_string(sv(req.target()));
    e.request.bodySize = static_cast<PrimitiveLong>(req.body().size());
    if (!req.body().empty()) {
      e.request.postData = har_post_data{har_text(sv(req[http::field::content_type])), har_text(req.body())};
    }
    e.response.status = static_cast<PrimitiveLong>(res_.result_int());
    e.response.statusText = har_string(std::string(sv(http::obsolete_reason(res_.result()))));
    e.response.httpVersion = har_string(version);
    for (const auto& f : res_) e.response.headers.push_back(har_pair{har_text(sv(f.name_string())), har_text(sv(f.value()))});
    const std::string& body = res_.body();
    e.response.content.size = static_cast<PrimitiveLong>(body.size());
    e.response.content.mimeType = har_text(sv(res_[http::field::content_type]));
    if (is_utf8(body)) {
      e.response.content.text = har_string(body);
    } else {
      e.response.content.text = har_string(base64_encode(body));
      e.response.content.encoding = har_string("base64");
    }
    e.response.bodySize = static_cast<PrimitiveLong>(body.size());
    e.timings.wait = wait_ms_;
    if (!operation_.empty()) e.comment = har_string(std::string(operation_));
    return e;
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  asio::steady_timer timer_;
  server& srv_;
  bool busy_ = false;
  std::string_view operation_;
  std::chrono::system_clock::time_point started_wall_;
  std::chrono::steady_clock::time_point started_;
  PrimitiveLong wait_ms_ = 0;
  std::array<char, 16384> drain_{};
};

inline void server::close_if_idle(session* s) {
  if (!s->busy()) s->close();
}

inline void server::close_all() {
  grace_.cancel();
  signals_.cancel();
  retry_.cancel();
  beast::error_code ec;
  acceptor_.close(ec);
  for (session* s : sessions_) s->close();
}

inline void server::accept() {
  acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || stopping) return;
    if (ec) {
      // EMFILE and the like: try again shortly instead of spinning.
      std::fprintf(stderr, "bedrock-agent-fake: accept: %s\n", ec.message().c_str());
      retry_.expires_after(std::chrono::milliseconds(50));
      retry_.async_wait([this](const beast::error_code& e) {
        if (!e && !stopping) accept();
      });
      return;
    }
    if (sessions_.size() >= cfg.max_connections) {
      ++refused;  // accepted and closed at once: the client sees the connection end, no answer
      beast::error_code e;
      socket.close(e);
    } else {
      // Answers are small and often several are written back to back (pipelined requests):
      // with Nagle's algorithm each waits for the client's delayed ACK, some 40 ms.
      beast::error_code e;
      socket.set_option(tcp::no_delay(true), e);
      std::make_shared<session>(std::move(socket), *this)->start();
    }
    accept();
  });
}

}  // namespace bedrock_agent::fake_server

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // BEDROCK_AGENT_TOOLS_FAKE_SERVER_HPP_INCLUDED
