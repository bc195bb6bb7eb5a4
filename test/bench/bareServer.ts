// The floor: bare Socket.IO in its own process, broadcasting the essential change (512 bytes) to
// every client when POST /emit arrives. The bench measures the product against it side by side.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const payload = { version: 0, projectId: 1, essential: 'x'.repeat(440) };
const http = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/emit') {
    payload.version++;
    io.emit('investment:update', payload);
    res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(http, { pingInterval: 20_000, pingTimeout: 25_000 });
io.on('connection', (socket) => socket.emit('snapshot', { version: payload.version }));
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => process.exit(0));
