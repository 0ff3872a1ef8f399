// A WAMP session spoken by hand over the ws package: for tests that must send what no WAMP library would.
'use strict';
const WS = require('ws');

const TYPES = {
    1: 'HELLO', 2: 'WELCOME', 3: 'ABORT', 4: 'CHALLENGE', 5: 'AUTHENTICATE', 6: 'GOODBYE', 8: 'ERROR',
    16: 'PUBLISH', 17: 'PUBLISHED', 32: 'SUBSCRIBE', 33: 'SUBSCRIBED', 34: 'UNSUBSCRIBE', 35: 'UNSUBSCRIBED',
    36: 'EVENT', 48: 'CALL', 49: 'CANCEL', 50: 'RESULT', 64: 'REGISTER', 65: 'REGISTERED', 66: 'UNREGISTER',
    67: 'UNREGISTERED', 68: 'INVOCATION', 69: 'INTERRUPT', 70: 'YIELD',
};

class RawSession {
    /** Opens the WebSocket (JSON subprotocol unless told otherwise); resolves once it is open. */
    static open(url, tlsOptions, protocols = ['wamp.2.json']) {
        return new Promise((resolve, reject) => {
            const session = new RawSession(new WS(url, protocols, tlsOptions));
            session.ws.once('open', () => resolve(session));
            session.ws.once('error', reject);
            session.ws.once('unexpected-response', (req, res) => {
                let body = '';
                res.on('data', (chunk) => { body += chunk; });
                res.on('end', () => reject({ status: res.statusCode, message: res.statusMessage, body }));
            });
        });
    }

    constructor(ws) {
        this.ws = ws;
        this.received = [];
        this.waiters = [];
        this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
            this.isClosed = true;
            this.waiters.splice(0).forEach((w) => w.resolve(null));
            resolve({ code, reason: reason.toString() });
        }));
        ws.on('error', () => {}); // a close follows
        ws.on('message', (data) => {
            const message = JSON.parse(data.toString());
            this.received.push(message);
            const i = this.waiters.findIndex((w) => w.match(message));
            if (i >= 0) this.waiters.splice(i, 1)[0].resolve(message);
        });
    }

    send(message) {
        this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    }

    /** The next message (already received or not) that matches; null when the connection closes first. */
    next(match) {
        const seen = this.received.find(match);
        if (seen) {
            this.received.splice(this.received.indexOf(seen), 1);
            return Promise.resolve(seen);
        }
        if (this.isClosed) return Promise.resolve(null);
        return new Promise((resolve) => this.waiters.push({ match, resolve: (m) => {
            if (m) this.received.splice(this.received.indexOf(m), 1);
            resolve(m);
        } }));
    }

    async hello(realm = 'realm1') {
        this.send([1, realm, { roles: { publisher: {}, subscriber: {}, caller: {}, callee: {} } }]);
        const reply = await this.next((m) => m[0] === 2 || m[0] === 3);
        if (!reply || reply[0] !== 2) throw new Error('not welcomed: ' + JSON.stringify(reply));
        return reply[1];
    }

    close() {
        this.ws.terminate();
    }
}

module.exports = { RawSession, TYPES };
