[description]
The part of wamp-tls that belongs on the server class path, next to Jetty's connector code:
ALPN (JDK and Conscrypt), HTTP/2 and the Conscrypt provider. Enabled by the wamp-tls module;
it opens no connector by itself.

[tags]
connector
ssl
internal

[depend]
server

[files]
lib/wamp-tls/core/

[lib]
lib/jetty-alpn-server-${jetty.version}.jar
lib/jetty-alpn-java-server-${jetty.version}.jar
lib/jetty-alpn-conscrypt-server-${jetty.version}.jar
lib/http2/jetty-http2-common-${jetty.version}.jar
lib/http2/jetty-http2-hpack-${jetty.version}.jar
lib/http2/jetty-http2-server-${jetty.version}.jar
lib/wamp-tls/core/*.jar
