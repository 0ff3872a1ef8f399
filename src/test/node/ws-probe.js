// A raw WebSocket client (npm ws) for the WebSocket option tests: exact handshakes, no WAMP library.
// Usage: node ws-probe.js SCENARIO --url wss://... [--ca FILE] [--protocols a,b] [--origin O] [--deflate true]
//                                  [--autoPong false] [--size N] [--wait MS]
// Scenarios: handshake (open and report), idle (stay connected --wait ms, count pings, report close),
//            big (send a --size byte text message, report close).
// Prints one JSON line.
'use strict';
const fs = require('fs');
const WebSocket = require('ws');

const args = {};
const argv = process.argv.slice(2);
const scenario = argv[0];
for (let i = 1; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];

const options = {
    ca: args.ca ? fs.readFileSync(args.ca) : undefined,
    perMessageDeflate: args.deflate === 'true',
    autoPong: args.autoPong !== 'false',
    headers: {},
};
if (args.origin) options.headers.Origin = args.origin;
if (args.host) options.headers.Host = args.host;
const protocols = args.protocols ? args.protocols.split(',') : [];
const started = Date.now();
const result = { scenario };
let finished = false;

function finish() {
    if (finished) return;
    finished = true;
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(0);
}
setTimeout(() => { result.timeout = true; finish(); }, Number(args.wait || 3000) + 5000).unref();

const ws = new WebSocket(args.url, protocols, options);
result.pings = 0;
ws.on('ping', () => { result.pings++; });
ws.on('unexpected-response', (req, res) => {
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
        result.status = res.statusCode;
        result.statusMessage = res.statusMessage;
        result.headers = res.headers;
        result.body = body;
        finish();
    });
});
ws.on('error', (e) => { result.error = String(e.message); });
ws.on('upgrade', (res) => { result.upgradeHeaders = res.headers; });
ws.on('open', () => {
    result.opened = true;
    result.protocol = ws.protocol;
    result.extensions = ws.extensions;
    if (scenario === 'handshake') {
        ws.close(1000);
    } else if (scenario === 'big') {
        ws.send('x'.repeat(Number(args.size)));
    } else if (scenario === 'idle') {
        setTimeout(() => { result.stillOpen = ws.readyState === WebSocket.OPEN; ws.close(1000); },
            Number(args.wait || 3000));
    }
});
ws.on('close', (code, reason) => {
    result.closeCode = code;
    result.closeReason = String(reason);
    result.closedAfterMs = Date.now() - started;
    finish();
});
