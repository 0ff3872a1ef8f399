// Drives the demo page in Debian's headless Chromium through playwright-core (no downloaded browser).
// Usage: node demo-browser.js URL [TIMEOUT_MS]
// Prints one JSON line: {state, result, steps, http2WebSocket?} and exits 0, or {error} and exits 1.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const url = process.argv[2];
const timeout = Number(process.argv[3] || 30000);

(async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        ignoreHTTPSErrors: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--no-first-run', '--disable-dev-shm-usage'],
    });
    try {
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForSelector('#result:not([data-state="pending"])', { timeout });
        const out = await page.evaluate(() => ({
            state: document.getElementById('result').dataset.state,
            webSocketHttpVersion: document.getElementById('result').dataset.transport,
            result: document.getElementById('result').textContent,
            steps: Array.from(document.querySelectorAll('#steps li')).map((li) => li.textContent),
            pageProtocol: performance.getEntriesByType('navigation')[0].nextHopProtocol,
        }));
        process.stdout.write(JSON.stringify(out) + '\n');
    } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
    }
})().catch((e) => {
    process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }) + '\n');
    process.exit(1);
});
