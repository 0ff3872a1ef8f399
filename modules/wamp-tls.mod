[description]
Runs the transports of a Crossbar.io node directory: HTTPS and WAMP over secure WebSocket,
with TLS built from the PEM files the node configuration names. Each transport gets its own
connector (TLS with ALPN: HTTP/2 and HTTP/1.1); the Server's other connectors and contexts
are left as they are.

[tags]
connector
ssl
websocket
wamp

[environment]
ee10

[depend]
server
wamp-tls-core
ee10-servlet
ee10-websocket-jakarta

[files]
lib/wamp-tls/

[lib]
lib/wamp-tls/*.jar

[xml]
etc/wamp-tls.xml

[license]
wamp-tls ships third-party libraries in lib/wamp-tls/ and lib/wamp-tls/core/:
Jackson, SnakeYAML, MessagePack and Conscrypt under the Apache License 2.0,
Bouncy Castle under the MIT-style Bouncy Castle Licence.
https://www.apache.org/licenses/LICENSE-2.0
https://www.bouncycastle.org/licence.html

[ini-template]
# tag::documentation[]
## The node directory, as Crossbar's --cbdir: it holds config.json (or config.yaml)
## and the files it names. A relative path is resolved against ${jetty.base}.
# wamp-tls.cbdir=node

## The TLS provider of every TLS endpoint: auto, conscrypt or jdk.
## auto picks Conscrypt unless the endpoint sets a dhparam (Conscrypt has no DHE suites)
## or Conscrypt's native library does not load on this machine.
# wamp-tls.tls.provider=auto

## Write development certificates (ca.crt, server.crt/.key, client.crt/.key) into the
## node directory where they are missing. For trying things out; never in production.
# wamp-tls.dev-certificates=false
# end::documentation[]
