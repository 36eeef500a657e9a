#!/usr/bin/env node
// The API the auth bench calls, in a process of its own (as a real API would be), so that the
// server's work does not share the client's event loop and the ratio measures the client alone.
// Prints its port; `GET /__token-requests` answers how many token requests it has served.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

let tokenRequests = 0;
const valid = new Set();
const countries = JSON.stringify({
  countries: [
    { name: 'Afghanistan', code: 'AF' },
    { name: 'Bosnia and Herzegovina', code: 'BA' },
  ],
});
const server = createServer((req, res) => {
  if (req.url === '/__token-requests') return res.end(String(tokenRequests));
  if (req.url.startsWith('/oauth/token')) {
    req.resume();
    req.on('end', () => {
      tokenRequests += 1;
      const token = randomBytes(16).toString('hex');
      valid.add(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: token,
          token_type: 'Bearer',
          expires_in: 3600,
          refresh_token: randomBytes(16).toString('hex'),
        }),
      );
    });
    return;
  }
  const token = req.headers.authorization?.slice('Bearer '.length);
  res.writeHead(valid.has(token) ? 200 : 401, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(countries),
  });
  res.end(countries);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('disconnect', () => process.exit(0));
