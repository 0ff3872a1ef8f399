// Opens npm autobahn sessions under Node 20: autobahn 26 wants the runtime's global WebSocket (Node 22+), so
// hand it one built on the ws package that carries the test CA.
'use strict';
const WS = require('ws');

function autobahnWith(tlsOptions) {
    globalThis.WebSocket = class extends WS {
        constructor(url, protocols) {
            super(url, protocols, tlsOptions);
        }

        // msgpack5 yields a BufferList, which the browser API accepts but ws does not: flatten it
        send(data, ...rest) {
            const flat = data && typeof data === 'object' && !ArrayBuffer.isView(data)
                && !(data instanceof ArrayBuffer) && typeof data.slice === 'function' ? data.slice() : data;
            super.send(flat, ...rest);
        }
    };
    const autobahn = require('autobahn');
    const join = (url, { realm = 'realm1', serializer = 'json' } = {}) => new Promise((resolve, reject) => {
        const connection = new autobahn.Connection({
            url, realm, max_retries: 0, retry_if_unreachable: false,
            serializers: [serializer === 'msgpack' ? new autobahn.serializer.MsgpackSerializer()
                : new autobahn.serializer.JSONSerializer()],
        });
        let opened = false;
        connection.onopen = (session) => {
            opened = true;
            resolve({ connection, session });
        };
        connection.onclose = (reason, details) => {
            if (!opened) reject(new Error('not joined: ' + reason + ' ' + JSON.stringify(details)));
            return true;
        };
        connection.open();
    });
    return { autobahn, join };
}

module.exports = { autobahnWith };
